#pragma once
/// \file
/// Where a map lies on its picture: the title band on top, the map area on
/// the left, the legend panel on the right. Callers and tests use it to find
/// a point on the image.

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/report/cell_window.hpp"
#include "adcov/report/render_options.hpp"

namespace adcov::report {

struct MapLayout {
  geo::GridSpec view;   ///< the grid cropped to the region window
  CellWindow window;    ///< that window in the full grid
  int map_x = 0, map_y = 0;  ///< top-left pixel of the map area on the canvas
  int map_w = 0, map_h = 0;  ///< map area size in pixels
  double px_m = 0;           ///< metres per map pixel
  int legend_x = 0;          ///< left edge of the legend panel
  int legend_w = 0;          ///< its width in pixels
  int canvas_w = 0, canvas_h = 0;  ///< canvas size (a long legend may make it taller)
};

/// A pixel position on the canvas.
struct Pixel {
  int x = 0, y = 0;
};

/// A position on the canvas in (fractional) pixels, for drawing.
struct CanvasPoint {
  double x = 0, y = 0;
};

/// The layout of a map of `r` (both map kinds share it).
MapLayout map_layout(const coverage::CoverageResult& r, const RenderOptions& opt);

/// The points a map's image samples: one per cell of the window, or one per
/// map pixel when cells are smaller than pixels (report/map_page.cpp).
geo::GridSpec map_sample_grid(const MapLayout& L);

/// The hillshade of `terrain` that the maps of `r` drawn with `opt` take at
/// their sample points (every map of `r` shares the layout): taken once, so
/// that the terrain can be freed before the maps are drawn.
MapRelief map_relief(const coverage::CoverageResult& r, const RenderOptions& opt, const geo::TerrainGrid& terrain);

/// Where projected point `p` lies on the canvas.
CanvasPoint canvas_point(const MapLayout& layout, geo::XY p);

/// The canvas pixel that contains projected point `p`.
Pixel canvas_pixel(const MapLayout& layout, geo::XY p);

}  // namespace adcov::report
