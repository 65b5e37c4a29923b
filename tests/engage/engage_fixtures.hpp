#pragma once
// Building blocks shared by the engage tests: flat terrain and simple,
// fully specified systems, threats and batteries (no built-in library).

#include <cmath>
#include <string>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/simulation.hpp"

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

constexpr geo::LonLat kBattery{30.5, 50.5};

/// A salvo flying north along the battery's meridian (a great circle), over it.
inline model::Salvo over_battery(const std::string& id, const std::string& threat_id, int count,
                          double interval_s) {
  model::Salvo s;
  s.id = id;
  s.threat = threat_id;
  s.count = count;
  s.launch = geo::LonLat{kBattery.lon_deg, 49.6};
  s.targets = {{{kBattery.lon_deg, 51.4}, 1.0}};
  s.interval_s = interval_s;
  return s;
}


inline model::Scenario scenario_with(std::vector<model::SystemType> systems,
                              std::vector<model::Battery> batteries,
                              std::vector<model::ThreatType> threats,
                              std::vector<model::Salvo> salvos) {
  model::Scenario s;
  s.name = "test";
  s.resolution_m = 500;
  for (auto& x : systems) s.systems[x.id] = x;
  for (auto& x : threats) s.threats[x.id] = x;
  s.batteries = std::move(batteries);
  s.salvos = std::move(salvos);
  return s;
}

inline SimulationResult run(const model::Scenario& s, int trials, std::uint64_t seed = 1,
                     SimulationOptions opt = {}) {
  const geo::TerrainGrid t = flat_terrain();
  const auto bats = coverage::prepare_batteries(s, t);
  opt.trials = trials;
  opt.seed = seed;
  return simulate(s, t, bats, opt);
}

inline double tol5(double p, double n) { return 5.0 * std::sqrt(p * (1 - p) / n); }

}  // namespace adcov::engage::test
