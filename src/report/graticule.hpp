#pragma once
// The graticule (private to report): meridians and parallels at a round
// step, curved as LAEA bends them, labelled at the map's top and left edges.

#include <cairo.h>

#include <vector>

#include "adcov/report/map_layout.hpp"
#include "map_vectors.hpp"

namespace adcov::report {

struct GraticuleLine {
  double value_deg = 0;
  bool meridian = false;  ///< a line of constant longitude
  Polyline line;          ///< in the grid CRS
};

/// About 3 to 8 lines each way across the map, at 0.1 to 10 degrees.
std::vector<GraticuleLine> graticule(const MapLayout& layout);

/// Strokes the lines (call with the map area clipped).
void draw_graticule_lines(cairo_t* cr, const MapLayout& layout, const std::vector<GraticuleLine>& lines);

/// Labels each line where it meets the top (meridians) or left (parallels)
/// edge of the map: "30.5E", "50N".
void label_graticule(cairo_t* cr, const MapLayout& layout, const std::vector<GraticuleLine>& lines);

}  // namespace adcov::report
