// adcov simulate: Monte Carlo engagement of a scenario's salvos
// (docs/commands.md). Thin: load, run, print. Under mpirun the ranks split the
// trials and rank 0 writes.

#include <fmt/format.h>

#include <cstdio>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/run/memory_check.hpp"
#include "adcov/run/scenario_run.hpp"
#include "commands.hpp"
#include "output_dir.hpp"
#include "progress_bar.hpp"
#include "tables.hpp"

namespace adcov::app {

int cmd_simulate(const SimulateArgs& a, const run::Ranks& ranks) {
  const model::Scenario s = model::load_scenario(a.scenario);
  model::Scenario est = s;
  if (a.trials) est.simulation.trials = *a.trials;
  run::check_memory(a.scenario, coverage::estimate_memory(est));
  coverage::check_scenario_terrain(s);  // as validate: the DEM against region, batteries, launches
  ProgressBar bar(ranks.writer() && progress_wanted(a.common.quiet));
  run::ScenarioRunOptions opt;
  opt.trials = a.trials;
  opt.seed = a.seed;
  opt.progress = bar.hooks();
  opt.ranks = ranks;
  const auto out = output_dir(a.out_dir, s.name);
  const auto r = run::run_simulation(s, out, opt);
  if (!r) return 0;  // another rank than 0: its trials went to rank 0

  std::string text = engagement_table(*r->simulation);
  for (const auto& n : r->notes) text += fmt::format("note: {}\n", n);
  text += fmt::format("wrote {} files to {}\n", r->files.size(), out.string());
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace adcov::app
