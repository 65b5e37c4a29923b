#pragma once
/// \file
/// What the maps draw besides the data: borders, sea, cities (docs/outputs.md,
/// "Where the map data come from").

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adcov/engage/simulation_result.hpp"
#include "adcov/geo/terrain.hpp"

namespace adcov::report {

/// A hillshade (report/hillshade.hpp) at the points a map samples its grid at.
struct MapRelief {
  geo::GridSpec at;
  std::vector<float> shade;  ///< per point of `at`, row-major
};

/// Borders, sea, protect zones and cities read once for every map of a run
/// (adcov/report/map_backdrop.hpp).
struct MapBackdrop;

/// Every file is optional: a missing one is simply not drawn
/// (check_render_inputs() turns it into a note).
struct RenderOptions {
  std::optional<std::filesystem::path> admin0_geojson;  ///< national border (polygons)
  std::optional<std::filesystem::path> admin1_geojson;  ///< oblast borders (polygons)
  std::optional<std::filesystem::path> sea_geojson;     ///< sea polygons, tinted
  std::optional<std::filesystem::path> places_csv;      ///< GeoNames-style cities table
  double min_city_population = 250000;  ///< cities at least this large are labelled
  int map_px = 960;                     ///< longest side of the map area, pixels
  /// Mean leakers per night at each target, drawn as proportional circles;
  /// filled by the run layer when a simulation ran, else empty (no circles).
  std::vector<engage::LeakersAtTarget> leakers;
  /// Ground heights for a hillshade under the cells' colours; null = none
  /// (flat terrain, or coverage.hillshade: false). Not owned: the caller
  /// keeps it alive while the maps are drawn.
  const geo::TerrainGrid* terrain = nullptr;
  /// The hillshade taken beforehand (map_relief, report/map_layout.hpp), so
  /// that the terrain can be freed before the maps are drawn: maps of the
  /// grid it was taken for use it in place of `terrain`.
  std::shared_ptr<const MapRelief> relief;
  /// The borders, sea, protect zones and cities read beforehand
  /// (read_map_backdrop): maps in its projection draw them instead of
  /// reading the files themselves.
  std::shared_ptr<const MapBackdrop> backdrop;
};

/// Drops the RenderOptions files that do not exist and returns one note for
/// each ("boundaries file ... not found: no border drawn").
std::vector<std::string> check_render_inputs(RenderOptions& opt);

}  // namespace adcov::report
