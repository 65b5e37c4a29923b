#pragma once
/// \file
/// PNG heatmaps a planner reads at a glance (SPEC "coverage_<h>m.png",
/// "floor.png"): the data layer upscaled nearest-neighbour, Ukraine's border
/// and oblast borders, the sea lightly tinted, a graticule, cities, battery
/// markers by operator group, a scale bar and a legend panel. Vectors are
/// reprojected into the grid's LAEA CRS and burnt with GDAL's rasterizer,
/// text uses the embedded bitmap font, and GDAL's PNG driver encodes.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/cell_window.hpp"
#include "adcov/report/rgba_image.hpp"

namespace adcov::report {

/// What to draw besides the data. Every file is optional: a missing one is
/// simply not drawn (check_render_inputs() turns it into a note).
struct RenderOptions {
  std::optional<std::filesystem::path> admin0_geojson;  ///< national border (polygons)
  std::optional<std::filesystem::path> admin1_geojson;  ///< oblast borders (polygons)
  std::optional<std::filesystem::path> sea_geojson;     ///< sea polygons, tinted
  std::optional<std::filesystem::path> places_csv;      ///< GeoNames-style cities table
  double min_city_population = 250000;  ///< cities at least this large are labelled
  int map_px = 960;                     ///< longest side of the map area, pixels
};

/// Where the map lies on the canvas (for callers and tests that need to find
/// a point on the image).
struct MapLayout {
  geo::GridSpec view;   ///< the grid cropped to the region window
  CellWindow window;    ///< that window in the full grid
  int map_x = 0, map_y = 0;  ///< top-left pixel of the map area on the canvas
  int map_w = 0, map_h = 0;  ///< map area size in pixels
  double px_m = 0;           ///< metres per map pixel
  int canvas_w = 0, canvas_h = 0;
};

/// A pixel position on the canvas.
struct Pixel {
  int x = 0, y = 0;
};

/// The layout of a map of `r` (both map kinds share it).
MapLayout map_layout(const coverage::CoverageResult& r, const RenderOptions& opt);

/// Canvas pixel of projected point `p`.
Pixel canvas_pixel(const MapLayout& layout, geo::XY p);

/// Fill colour of the coverage classes: 0 = not covered (grey), 1..4, 5+.
Rgba count_color(int count);

/// Colour of the floor ramp at t in [0, 1] (0 = lowest floor, the best).
Rgba floor_color(double t);

/// Main colour of a battery marker of group `g` (ukraine blue, allied green,
/// contractor orange).
Rgba operator_color(model::OperatorGroup g);

/// Drops the RenderOptions files that do not exist and returns one note for
/// each ("boundaries file ... not found: no border drawn").
std::vector<std::string> check_render_inputs(RenderOptions& opt);

/// The heatmap of `r.altitudes[altitude_index]`.
/// \throws Error if a vector file exists but GDAL cannot read it.
RgbaImage render_count_map(const model::Scenario& s, const coverage::CoverageResult& r,
                           std::size_t altitude_index, const RenderOptions& opt);

/// The coverage-floor map (r.floor_m must not be empty).
RgbaImage render_floor_map(const model::Scenario& s, const coverage::CoverageResult& r,
                           const RenderOptions& opt);

/// Encodes `img` as an opaque RGB PNG with GDAL's PNG driver.
/// \throws Error naming `file` if it cannot be written.
void write_png(const std::filesystem::path& file, const RgbaImage& img);

}  // namespace adcov::report
