#pragma once
// Battery labels on the map (private to report): "id · system" next to each
// marker where there is room.

#include <cairo.h>

#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/map_layout.hpp"
#include "label_space.hpp"

namespace adcov::report {

/// The label text of battery `b`: "<id> · <system>" (the system alone when
/// the scenario does not list the battery).
std::string battery_label(const model::Scenario& s, const coverage::BatteryGeometry& b);

/// Labels each battery in the first free spot around its marker (right, left,
/// above, below, the diagonals); a battery with no free spot stays
/// unlabelled. Every marker's box is taken first, so labels cover no marker,
/// and `space` already holds the city and target names, which labels never cover.
void draw_battery_labels(cairo_t* cr, const model::Scenario& s, const MapLayout& layout,
                         const std::vector<coverage::BatteryGeometry>& batteries, LabelSpace& space);

}  // namespace adcov::report
