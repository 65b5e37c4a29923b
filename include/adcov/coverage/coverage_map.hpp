#pragma once
/// \file
/// Coverage maps (docs/model.md, "Coverage at altitude h", "Coverage floor",
/// "Operator contribution"): reductions of the per-battery visibility.

#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/coverage/engageability.hpp"

namespace adcov::coverage {

struct CoverageOptions {
  std::vector<double> altitudes_m;  ///< empty = scenario's coverage.altitudes_m
  /// Compute on the rectangle of the terrain grid that holds the region's
  /// cells (what the outputs show), not on all of it: the result's grid is
  /// that window. false: the result's grid is the terrain grid, cell for cell
  /// (adcov site indexes both alike).
  bool crop_to_region = true;
  /// Keep every battery's visibility window in the result (the engagement
  /// windows and least-exposure routes need them). false (adcov coverage):
  /// each window is folded into the maps as soon as it is computed and freed,
  /// so at most one window per worker thread is held; the result's batteries
  /// then have empty windows. The maps are the same either way.
  bool keep_windows = true;
};

/// What `adcov validate` checks of the scenario's DEM before any computation
/// (docs/terrain.md, "Checked up front"): every file opens in an Earth CRS,
/// some cell holds a valid elevation, and the region and every battery lie
/// on the DEM; a launch off the DEM whose swapped [lat, lon] lies on it is a
/// swap. Reads metadata and a bounded sample of pixels only. Nothing for flat
/// terrain.
/// \throws InputError with the scenario's file:line:col of terrain:, region:,
///         the battery or the launch.
void check_scenario_terrain(const model::Scenario& s);

/// The projection of the scenario's analysis grid: LAEA centred on the
/// region's lon/lat box (docs/coverage.md, "Terrain grid"). Distances and
/// areas are true on it near the region.
geo::Laea scenario_projection(const model::Scenario& s);

/// How far the terrain grid reaches beyond the region.
enum class TerrainExtent {
  /// Every battery's reach: engagements and routes are flown outside the
  /// region too.
  reach,
  /// What the coverage of the region's cells needs (`adcov coverage`
  /// without least-exposure routes): the region's box with three cells more
  /// on each side, and every battery's cell. Enough because a cell's
  /// visibility is swept from cells between it and the radar, inside the
  /// rectangle the two span (docs/coverage.md, "Terrain grid").
  region,
};

/// The projected box that load_scenario_terrain grids, before it is capped
/// to the DEM's footprint: the region's box grown as `extent` says.
geo::ProjectedBox scenario_terrain_box(const model::Scenario& s, TerrainExtent extent);

/// Loads terrain for the scenario at resolution_m over
/// scenario_terrain_box(s, extent), capped to the DEM (the region must lie
/// on it).
geo::TerrainGrid load_scenario_terrain(const model::Scenario& s, TerrainExtent extent = TerrainExtent::reach);

/// True when the scenario asks for detection maps (docs/coverage.md,
/// "Detection maps"): it has a sensor unit (role sensor) or c2.mode is not
/// autonomous.
bool wants_detection_maps(const model::Scenario& s);

/// Computes coverage counts, floor and operator areas, and the detection
/// counts when wants_detection_maps(s). Bit-identical for any
/// thread count.
CoverageResult compute_coverage(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                const CoverageOptions& opt);

/// The same with batteries already prepared (prepare_batteries(s, terrain)),
/// e.g. reused across sweep points that keep the geometry. Stored in the
/// result's `batteries` (pass an rvalue to avoid copying the windows).
CoverageResult compute_coverage(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                std::vector<BatteryGeometry> batteries, const CoverageOptions& opt);

/// A share of the coverage maps before their last pass: the counts,
/// detection counts and floor of the batteries folded so far, and their
/// operator-group bits. Shares folded apart (e.g. on MPI ranks,
/// run/coverage_split.hpp) merge in any order into what one process folding
/// every battery holds, bit for bit: counts add, bits join, floor keys take
/// the larger.
struct CoverageFold {
  CoverageResult result;              ///< unfinished: no areas, no floor_m, counts outside the region not yet zeroed
  geo::ZeroedVector<std::uint8_t> groups;  ///< operator-group bits, altitude a, cell i at a * cells + i
  /// The floor as keys (docs/coverage.md, "Memory"): 0 where nothing engages,
  /// larger for a lower floor, so a merge takes the larger; finish_coverage
  /// turns them into result.floor_m. Empty when the floor is off.
  geo::ZeroedVector<std::uint32_t> floor_key;
  int col0 = 0, row0 = 0;             ///< result.grid's first cell on the terrain grid
};

/// How far a battery of `sys` reaches on `adcov coverage`'s maps (m): its
/// kill and, with detection maps, detection envelopes against the reference
/// target, at least a cell, at most battery_reach_m. Its window reaches as
/// far, and the folds write no cell farther (the memory estimate counts the
/// map pages within it).
double map_window_reach_m(const model::Scenario& s, const model::SystemType& sys, double cell_m);

/// A floor (m above ground) as CoverageFold keeps it: 0 for +inf (nothing
/// engages), larger for a lower floor, so that the floor's minimum is the
/// keys' maximum and a page of cells no battery engages is never written
/// (the shared zero page). The floor at +inf touched all of a national
/// 100 m floor's 0.54 GB when the fold began; the batteries engage on 12 %
/// of its pages. Exact both ways (floor_of_key) for every float but NaN.
std::uint32_t floor_key(float floor_m);
float floor_of_key(std::uint32_t key);

/// Folds share `share` of `count` of the batteries (windows one per thread,
/// freed as they are folded); the shares split the batteries by their
/// windows' size, largest first, for equal work. Every battery is placed and
/// checked.
CoverageFold fold_coverage(const model::Scenario& s, const geo::TerrainGrid& terrain, const CoverageOptions& opt,
                           int share, int count);

/// The finished result: areas, tallies, and counts and floor outside the
/// region cleared (compute_coverage = finish_coverage(fold_coverage(.., 0, 1))).
CoverageResult finish_coverage(CoverageFold fold);

}  // namespace adcov::coverage
