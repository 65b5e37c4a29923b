#pragma once
// The map's scale bar (private to report): a round distance of about a
// fifth of the map's width, bottom left.

#include <cairo.h>

#include "adcov/report/map_layout.hpp"

namespace adcov::report {

void draw_scale_bar(cairo_t* cr, const MapLayout& layout);

}  // namespace adcov::report
