// adcov coverage: coverage heatmaps, GeoTIFFs and the coverage floor for one
// scenario (docs/commands.md). Thin: load, apply the overrides, run, print.

#include <fmt/format.h>

#include <tbb/global_control.h>

#include <cstdio>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/run/memory_check.hpp"
#include "adcov/report/data_files.hpp"
#include "adcov/run/scenario_run.hpp"
#include "commands.hpp"
#include "output_dir.hpp"
#include "progress_bar.hpp"
#include "tables.hpp"

namespace adcov::app {

int cmd_coverage(const CoverageArgs& a, const run::Ranks& ranks) {
  model::Scenario s = model::load_scenario(a.scenario);
  if (a.resolution_m) s.resolution_m = *a.resolution_m;  // checked by the rule of resolution_m in adcov.cpp
  if (!a.altitudes_m.empty()) s.coverage.altitudes_m = a.altitudes_m;
  // One window per worker thread (--threads caps them).
  const auto threads = static_cast<int>(
      tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  run::check_memory(a.scenario, coverage::estimate_coverage_memory(s, threads));
  coverage::check_scenario_terrain(s);  // as validate: the DEM against region, batteries, launches
  ProgressBar bar(ranks.writer() && progress_wanted(a.common.quiet));
  run::ScenarioRunOptions opt;
  opt.render = report::default_render_options();
  opt.progress = bar.hooks();
  opt.ranks = ranks;
  const auto out = output_dir(a.out_dir, s.name);
  const std::optional<run::ScenarioRunOutput> done = run::run_coverage(s, out, opt);
  if (!done) return 0;  // another rank than 0: its share of the batteries went to rank 0
  const run::ScenarioRunOutput& r = *done;

  std::string text = coverage_table(*r.coverage);
  for (const auto& n : r.notes) text += fmt::format("note: {}\n", n);
  text += fmt::format("wrote {} files to {}\n", r.files.size(), out.string());
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace adcov::app
