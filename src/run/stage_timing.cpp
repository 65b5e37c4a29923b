#include "adcov/run/stage_timing.hpp"

#include <chrono>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/least_exposure.hpp"
#include "adcov/engage/simulation.hpp"

namespace adcov::run {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

StageTimings time_stages(const model::Scenario& s, int trials) {
  StageTimings t;
  auto t0 = Clock::now();
  const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
  t.terrain_s = seconds_since(t0);
  t.grid_width = terrain.grid.width;
  t.grid_height = terrain.grid.height;

  t0 = Clock::now();
  const auto batteries = coverage::prepare_batteries(s, terrain);
  t.visibility_s = seconds_since(t0);
  t.batteries = batteries.size();
  for (const auto& b : batteries) t.window_cells += b.vis.min_visible_h_m.size();

  t0 = Clock::now();
  t.altitudes = coverage::compute_coverage(s, terrain, batteries, {}).altitudes.size();
  t.coverage_s = seconds_since(t0);

  // Routes first, so that the trials below time the battle alone.
  model::Scenario routed = s;
  t0 = Clock::now();
  engage::plan_routes(routed, terrain, batteries);
  t.routes_s = seconds_since(t0);
  for (const model::Salvo& v : routed.salvos) t.routes += v.planned.size();

  engage::SimulationOptions so;
  so.trials = t.trials = trials;
  so.seed = s.seed;
  so.operator_effects = false;
  t0 = Clock::now();
  t.threats_per_trial = engage::simulate(routed, terrain, batteries, so).overall.launched;
  t.trials_s = seconds_since(t0);

  so.operator_effects = true;
  t0 = Clock::now();
  t.operator_groups = engage::simulate(routed, terrain, batteries, so).by_operator.size();
  t.trials_with_groups_s = seconds_since(t0);
  return t;
}

}  // namespace adcov::run
