#pragma once
// Small synthetic engine results for the report tests: the writers are
// tested without running the coverage or engagement engines.

#include <cmath>
#include <limits>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::test {

// A 100 x 80 grid of 1 km cells centred near Kyiv; the region leaves a
// 5-cell frame outside (so outputs are cropped to 90 x 70). Two batteries:
// ukraine at (-20 km, 0), contractor at (+25 km, +10 km). Count at altitude
// index a of cell (c, r) = number of batteries within (15 + 10 a) km.
inline coverage::CoverageResult synthetic_coverage() {
  coverage::CoverageResult r;
  r.grid.projection.origin = {30.5, 50.45};
  r.grid.x0_m = -50000;
  r.grid.y0_m = 40000;
  r.grid.cell_m = 1000;
  r.grid.width = 100;
  r.grid.height = 80;
  r.in_region.assign(r.grid.cells(), 0);
  for (int row = 5; row < 75; ++row)
    for (int col = 5; col < 95; ++col) r.in_region[static_cast<std::size_t>(row) * 100 + col] = 1;
  const geo::XY pos[2] = {{-20000, 0}, {25000, 10000}};
  const model::OperatorGroup groups[2] = {model::OperatorGroup::ukraine, model::OperatorGroup::contractor};
  for (int b = 0; b < 2; ++b) {
    coverage::BatteryGeometry g;
    g.battery_index = static_cast<std::size_t>(b);
    g.group = groups[b];
    g.pos = pos[b];
    r.batteries.push_back(g);
  }
  for (int a = 0; a < 2; ++a) {
    coverage::AltitudeCoverage alt;
    alt.altitude_m = a == 0 ? 50 : 12.5;
    alt.count = coverage::CountMap(r.grid.cells(), 2);
    const double reach = 15000 + 10000 * a;
    for (int row = 0; row < 80; ++row)
      for (int col = 0; col < 100; ++col) {
        const geo::XY c = r.grid.cell_center(col, row);
        for (const auto& p : pos)
          if (std::hypot(c.x_m - p.x_m, c.y_m - p.y_m) <= reach)
            alt.count.add_one(static_cast<std::size_t>(row) * 100 + col);
      }
    alt.region.region_km2 = 6300;
    alt.region.covered_km2 = 1400 + a * 0.1 + 0.2;  // not a round number on purpose
    alt.region.covered_fraction = alt.region.covered_km2 / alt.region.region_km2;
    alt.region.by_operator_km2 = {{"ukraine", 700.5}, {"contractor", 700.25}};
    alt.region.marginal_by_operator_km2 = {{"ukraine", 690.0}, {"contractor", 1.0 / 3.0}};
    alt.protect = alt.region;
    alt.protect->region_km2 = 100;
    r.altitudes.push_back(alt);
  }
  r.floor_m.assign(r.grid.cells(), std::numeric_limits<float>::quiet_NaN());
  for (std::size_t i = 0; i < r.floor_m.size(); ++i)
    if (r.altitudes[0].count[i] > 0) r.floor_m[i] = 10.0f + static_cast<float>(i % 7) * 100.0f;
  r.voids_filled = 3;
  r.terrain_description = "flat ground at 0 m";
  return r;
}

inline engage::SimulationResult synthetic_simulation(int trials = 5) {
  engage::SimulationResult r;
  r.trials = trials;
  r.seed = 42;
  r.overall = {60, 41.2, 41.2 / 60, 0.6, 0.77};
  r.by_threat["shahed136"] = r.overall;
  r.by_class["drone"] = r.overall;
  r.by_salvo["wave-1"] = r.overall;
  r.leakers_by_target = {{{30.52, 50.45}, 18.8}};
  r.interceptors_fired = {{"iris_t_slm", 30.1}};
  r.cost_interceptors_mean_usd = 0.1 + 0.2;  // 0.30000000000000004: needs 17 digits
  r.cost_threats_destroyed_mean_usd = 2e6;
  r.by_operator["ukraine"] = {30.0, 0.3, 11.2};
  r.by_battery.push_back({"kyiv-1", {30.1, 25.5, 0.4, 5400.0}});
  r.by_battery.push_back({"kyiv-2", {2.0, 1.5, 0.0, std::nullopt}});
  for (int t = 0; t < trials; ++t)
    r.trial_outcomes.push_back({40 + t, 20 - t, 30, 30 * 430000.0 + t / 3.0, 40 * 50000.0});
  return r;
}

inline model::Scenario synthetic_scenario() {
  model::Scenario s;
  s.name = "synthetic-test";
  s.seed = 7;
  s.k_factor = 4.0 / 3.0;
  model::Battery b;
  b.id = "kyiv-1";
  b.system = "iris_t_slm";
  b.position = {30.2, 50.45};
  s.batteries.push_back(b);
  model::SystemType sys;
  sys.id = "iris_t_slm";
  sys.sources = {{"radar.range_km", "hensoldt-trml4d"}, {"pk.drone", "estimate"}};
  s.systems[sys.id] = sys;
  return s;
}

}  // namespace adcov::test
