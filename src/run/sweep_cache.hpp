#pragma once
// What consecutive sweep points share (private to run_sweep): the terrain
// grid and the batteries' visibility, recomputed only when a swept value
// changes what they depend on.

#include <string>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::run::detail {

struct SweepCache {
  geo::TerrainGrid terrain;
  std::vector<coverage::BatteryGeometry> batteries;
  std::string terrain_key, visibility_key;  ///< what the cached values were made from
  int terrain_loads = 0;
  int visibility_passes = 0;
};

/// Brings the cache up to point `p`: reloads the terrain if its grid
/// inputs changed, recomputes visibility if the battery geometry changed,
/// otherwise only takes the point's system values (magazine, Pk, doctrine
/// ...), which the engagement lookups read at query time.
void refresh(SweepCache& cache, const model::Scenario& p);

}  // namespace adcov::run::detail
