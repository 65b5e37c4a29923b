#pragma once
// The north arrow in the map's top-right corner (private to report).

#include <cairo.h>

#include "adcov/report/map_layout.hpp"

namespace adcov::report {

/// Draws an arrow pointing to true north where it stands (the LAEA grid's
/// north turns away from the top of the map off its central meridian) and an "N".
void draw_north_arrow(cairo_t* cr, const MapLayout& layout);

}  // namespace adcov::report
