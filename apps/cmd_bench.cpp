// adcov bench: wall-clock time of each stage of a scenario's run on this
// machine (terrain, per-battery visibility, coverage maps, Monte Carlo), as
// cells/s and trials/s. The comparison with gdal_viewshed lives in
// bench/viewshed_vs_gdal.sh; micro-benchmarks in bench/*_bench.cpp.

#include <chrono>
#include <cstdio>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/global_control.h>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "commands.hpp"

namespace adcov::app {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int cmd_bench(const BenchArgs& a) {
  using clock = std::chrono::steady_clock;
  const model::Scenario s = model::load_scenario(a.scenario);
  const auto threads = tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);

  auto t0 = clock::now();
  const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
  const double t_terrain = seconds_since(t0);

  t0 = clock::now();
  auto batteries = coverage::prepare_batteries(s, terrain);
  const double t_vis = seconds_since(t0);
  std::size_t vis_cells = 0;
  for (const auto& b : batteries) vis_cells += b.vis.min_visible_h_m.size();

  t0 = clock::now();
  const auto cov = coverage::compute_coverage(s, terrain, batteries, {});
  const double t_cov = seconds_since(t0);

  engage::SimulationOptions so;
  so.trials = a.trials;
  so.seed = s.seed;
  so.operator_effects = false;
  t0 = clock::now();
  const auto sim = engage::simulate(s, terrain, batteries, so);
  const double t_sim = seconds_since(t0);

  so.operator_effects = true;
  t0 = clock::now();
  const auto sim_ops = engage::simulate(s, terrain, batteries, so);
  const double t_sim_ops = seconds_since(t0);

  std::printf("adcov bench: %s (%zu threads)\n", s.name.c_str(), threads);
  std::printf("  %-34s %10s  %s\n", "stage", "seconds", "rate");
  std::printf("  %-34s %10.3f  %.1f M cells/s (%d x %d grid)\n", "terrain load + resample", t_terrain,
              terrain.grid.cells() / t_terrain / 1e6, terrain.grid.width, terrain.grid.height);
  std::printf("  %-34s %10.3f  %.1f M cells/s (%zu batteries, %zu window cells)\n", "visibility sweeps", t_vis,
              vis_cells / t_vis / 1e6, batteries.size(), vis_cells);
  std::printf("  %-34s %10.3f  %zu altitudes + floor\n", "coverage maps", t_cov, cov.altitudes.size());
  std::printf("  %-34s %10.3f  %.0f trials/s (%lld threats per trial)\n", "Monte Carlo", t_sim, a.trials / t_sim,
              static_cast<long long>(sim.overall.launched));
  std::printf("  %-34s %10.3f  %.0f trials/s (%zu operator groups)\n", "Monte Carlo + operator reruns", t_sim_ops,
              a.trials / t_sim_ops, sim_ops.by_operator.size());
  return 0;
}

}  // namespace adcov::app
