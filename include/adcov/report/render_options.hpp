#pragma once
/// \file
/// What the maps draw besides the data: borders, sea, cities (docs/outputs.md,
/// "Where the map data come from").

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace adcov::report {

/// Every file is optional: a missing one is simply not drawn
/// (check_render_inputs() turns it into a note).
struct RenderOptions {
  std::optional<std::filesystem::path> admin0_geojson;  ///< national border (polygons)
  std::optional<std::filesystem::path> admin1_geojson;  ///< oblast borders (polygons)
  std::optional<std::filesystem::path> sea_geojson;     ///< sea polygons, tinted
  std::optional<std::filesystem::path> places_csv;      ///< GeoNames-style cities table
  double min_city_population = 250000;  ///< cities at least this large are labelled
  int map_px = 960;                     ///< longest side of the map area, pixels
};

/// Drops the RenderOptions files that do not exist and returns one note for
/// each ("boundaries file ... not found: no border drawn").
std::vector<std::string> check_render_inputs(RenderOptions& opt);

}  // namespace adcov::report
