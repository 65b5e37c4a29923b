#pragma once
// Building blocks shared by the engage tests: flat terrain and simple,
// fully specified systems, threats and batteries (no built-in library).

#include <string>

#include "adcov/geo/grid.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage::test {

/// Flat ground at 0 m over [29, 49.5] - [32, 51.5], 500 m cells.
inline geo::TerrainGrid flat_terrain() {
  geo::TerrainGrid t;
  t.grid = geo::make_grid(29.0, 49.5, 32.0, 51.5, 500.0);
  t.ground_m.assign(t.grid.cells(), 0.0f);
  return t;
}

/// A SAM: radar and envelope `range_km` (against rcs 1), no reaction time,
/// 1000 m/s interceptors, plenty of everything.
inline model::SystemType sam(const std::string& id, double range_km, double pk) {
  model::SystemType s;
  s.id = id;
  s.radar = {range_km, 10.0, 0.0, 1.0};
  s.engagement = {0.0, range_km, 10.0, 25000.0};
  s.interceptor = {1000.0, 100000.0};
  s.magazine = 1000;
  s.reload_s = 0;
  s.fire_channels = 4;
  s.reaction_s = 0;
  s.pk = {pk, pk, pk};
  return s;
}

/// A threat of rcs 1 m2 costing 50 k USD.
inline model::ThreatType threat(const std::string& id, model::ThreatClass cls, double speed, double alt) {
  model::ThreatType t;
  t.id = id;
  t.cls = cls;
  t.speed_mps = speed;
  t.altitude_m = alt;
  t.rcs_m2 = 1.0;
  t.cost_usd = 50000;
  return t;
}

inline model::Battery battery_at(const std::string& id, const std::string& system, geo::LonLat at,
                                 model::OperatorGroup g = model::OperatorGroup::ukraine) {
  model::Battery b;
  b.id = id;
  b.system = system;
  b.op.group = g;
  b.position = at;
  return b;
}

}  // namespace adcov::engage::test
