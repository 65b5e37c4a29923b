// adcov sweep: every combination of the scenario's sweep: block, with the
// terrain and visibility reused across points; writes sweep.csv + sweep.png.
// Under mpirun the points go round-robin to the ranks and rank 0 writes.

#include <fmt/format.h>

#include <cstdio>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/run/memory_check.hpp"
#include "adcov/report/sweep_outputs.hpp"
#include "adcov/run/sweep_run.hpp"
#include "commands.hpp"
#include "output_dir.hpp"
#include "progress_bar.hpp"

namespace adcov::app {

int cmd_sweep(const SweepArgs& a, const run::Ranks& ranks) {
  const model::Scenario s = model::load_scenario(a.scenario);
  model::Scenario est = s;
  if (a.trials) est.simulation.trials = *a.trials;
  run::check_memory(a.scenario, coverage::estimate_memory(est, true));
  coverage::check_scenario_terrain(s);  // as validate: the DEM against region, batteries, launches
  ProgressBar bar(ranks.writer() && progress_wanted(a.common.quiet));
  run::SweepOptions opt;
  opt.trials = a.trials;
  opt.seed = a.seed;
  opt.progress = bar.hooks();
  const auto dir = output_dir(a.out_dir, s.name, 1, "-sweep");
  const std::optional<report::SweepResult> all = run::sweep_into(dir, s, opt, ranks);
  if (!all) return 0;  // another rank than 0: its rows went to rank 0
  const report::SweepResult& r = *all;

  if (a.common.quiet) return 0;  // --quiet: nothing but errors (docs/commands.md)
  std::string text = report::sweep_csv(r);
  text += fmt::format("wrote {} and {} ({} points; terrain loaded {}x, visibility computed {}x)\n",
                      (dir / "sweep.csv").string(), (dir / "sweep.png").string(), r.points.size(), r.terrain_loads,
                      r.visibility_passes);
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace adcov::app
