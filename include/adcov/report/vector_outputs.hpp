#pragma once
/// \file
/// Vector outputs for GIS tools (docs/outputs.md, "Vector files"): the
/// coverage classes as polygons and the scenario's batteries, targets,
/// launch areas, routes and EW zones, as GeoJSON in EPSG:4326, and one KML
/// holding them all for Google Earth. Every file is written by a GDAL/OGR
/// driver, never by hand.

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "adcov/coverage/count_map.hpp"
#include "adcov/engage/simulation_result.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"

namespace adcov::report {

/// Counts of 5 and more share the top class, as on the maps.
inline constexpr int kTopCountClass = 5;

/// Writes the covered cells of the region as one MultiPolygon feature per
/// class (attribute `count`: 1, 2, 3, 4, 5 = 5+), cell outlines exactly
/// (geo::class_patches over the classes, a vertex at every cell corner
/// before the reprojection to EPSG:4326). Returns the text written.
/// \throws Error naming `file`.
std::string write_coverage_geojson(const std::filesystem::path& file, const geo::GridSpec& grid,
                                   const coverage::CountMap& count, std::span<const std::uint8_t> in_region);

/// The coverage layers' KML folders made beforehand, by layer name
/// ("coverage_50m"): the polygons' jobs make them from their GeoJSON text
/// beside the other maps, instead of write_kml reading it back once every
/// map is done (coverage_map_jobs). An empty text: not made (write_kml
/// then reads the GeoJSON).
using KmlFolders = std::map<std::string, std::string>;

/// Stages batteries.geojson, targets.geojson (with `leakers_mean` when `sim`
/// is given), launch_areas.geojson, routes.geojson and, when the scenario has
/// EW zones, ew_zones.geojson; returns the names. \throws Error.
std::vector<std::string> write_scenario_geojson(OutputStage& stage, const model::Scenario& s,
                                                const engage::SimulationResult* sim);

/// Stages adcov.kml: one folder per GeoJSON layer of the folder (staged by
/// this stage, or already in the folder from an earlier command), the
/// coverage layers of the scenario's altitudes first, those in `ready` as
/// they are. Returns its name.
/// \throws Error.
std::string write_kml(OutputStage& stage, const model::Scenario& s, const KmlFolders& ready = {});

}  // namespace adcov::report
