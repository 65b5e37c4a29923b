#pragma once
// City dots and names on the map (private to report).

#include <cairo.h>

#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/report/map_layout.hpp"
#include "cities.hpp"
#include "label_space.hpp"

namespace adcov::report {

/// Draws a dot and a name for each city inside the map, largest first.
/// Names never overlap each other and hide as few battery markers as they
/// can: right, left, above or below the dot, near it, a marker's width
/// or two further out; a city with no free spot keeps its dot only. Draw the
/// markers afterwards, on top. The names take their boxes in `space`.
void draw_city_labels(cairo_t* cr, const MapLayout& layout, const std::vector<City>& cities,
                      const std::vector<coverage::BatteryGeometry>& batteries, LabelSpace& space);

}  // namespace adcov::report
