// adcov bench: wall-clock time of each stage of a scenario's run on this
// machine (run/stage_timing.hpp), as cells/s and trials/s. The whole-process
// comparisons with gdal_viewshed live in bench/; micro-benchmarks in
// bench/*_bench.cpp.

#include <fmt/format.h>
#include <oneapi/tbb/global_control.h>

#include <cstdio>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/run/memory_check.hpp"
#include "adcov/run/stage_timing.hpp"
#include "commands.hpp"

namespace adcov::app {

int cmd_bench(const BenchArgs& a) {
  const model::Scenario s = model::load_scenario(a.scenario);
  model::Scenario est = s;
  est.simulation.trials = a.trials;
  run::check_memory(a.scenario, coverage::estimate_memory(est));
  coverage::check_scenario_terrain(s);  // as validate: the DEM against region, batteries, launches
  const auto threads = tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
  const run::StageTimings t = run::time_stages(s, a.trials);
  const double cells = static_cast<double>(t.grid_width) * t.grid_height;

  std::string text = fmt::format("adcov bench: {} ({} threads)\n", s.name, threads);
  text += fmt::format("  {:<34} {:>10}  {}\n", "stage", "seconds", "rate");
  text += fmt::format("  {:<34} {:>10.3f}  {:.1f} M cells/s ({} x {} grid)\n", "terrain load + resample",
                      t.terrain_s, cells / t.terrain_s / 1e6, t.grid_width, t.grid_height);
  text += fmt::format("  {:<34} {:>10.3f}  {:.1f} M cells/s ({} batteries, {} window cells)\n", "visibility sweeps",
                      t.visibility_s, t.window_cells / t.visibility_s / 1e6, t.batteries, t.window_cells);
  text += fmt::format("  {:<34} {:>10.3f}  {} altitudes + floor\n", "coverage maps", t.coverage_s, t.altitudes);
  if (t.routes)
    text += fmt::format("  {:<34} {:>10.3f}  {} routes (salvo x target)\n", "least-exposure routes", t.routes_s,
                        t.routes);
  text += fmt::format("  {:<34} {:>10.3f}  {:.0f} trials/s ({} threats per trial)\n", "Monte Carlo", t.trials_s,
                      t.trials / t.trials_s, t.threats_per_trial);
  text += fmt::format("  {:<34} {:>10.3f}  {:.0f} trials/s ({} operator groups)\n", "Monte Carlo + operator reruns",
                      t.trials_with_groups_s, t.trials / t.trials_with_groups_s, t.operator_groups);
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace adcov::app
