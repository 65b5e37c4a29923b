#pragma once
// Scenarios and terrains built in code for the coverage tests.

#include <cmath>
#include <string>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::test {

/// A radar-only system: the engagement envelope reaches as far and as high as
/// the radar (20 km up), so only the radar limits coverage.
inline model::SystemType radar_system(double range_km, double height_m, double min_el_deg = 0.0) {
  model::SystemType s;
  s.id = "radar";
  s.name = "test radar";
  s.radar = {range_km, height_m, min_el_deg, 1.0};
  s.engagement = {0.0, range_km, 0.0, 20000.0};
  s.pk = {0.9, 0.9, 0.9};
  s.magazine = 8;
  return s;
}

/// A scenario over `bbox` at resolution `cell_m` with flat ground at 0 m.
inline model::Scenario flat_scenario(geo::LonLatBox bbox, double cell_m, double k) {
  model::Scenario s;
  s.name = "test";
  s.file = "test.yaml";
  s.terrain.flat_m = 0.0;
  s.region.bbox = bbox;
  s.resolution_m = cell_m;
  s.k_factor = k;
  return s;
}

inline model::Battery battery(const std::string& id, const std::string& system, geo::LonLat at,
                              model::OperatorGroup group = model::OperatorGroup::ukraine) {
  model::Battery b;
  b.id = id;
  b.system = system;
  b.position = at;
  b.op.group = group;
  return b;
}

/// Flat terrain at `z` on a square grid of n x n cells of `cell_m`, centred on `origin`.
inline geo::TerrainGrid flat_terrain(geo::LonLat origin, int n, double cell_m, float z = 0.0f) {
  geo::TerrainGrid t;
  const double half = 0.5 * n * cell_m;
  t.grid.projection = geo::Laea{origin};
  t.grid.x0_m = -half, t.grid.y0_m = half, t.grid.cell_m = cell_m;
  t.grid.width = t.grid.height = n;
  t.ground_m.assign(t.grid.cells(), z);
  return t;
}

}  // namespace adcov::test
