// adcov uncertainty: the scenario's uncertain parameters drawn by a Saltelli
// design, one Monte Carlo model run per point, and the Sobol' indices of the
// interception rates; writes uncertainty.csv, sensitivity.csv, tornado.png,
// uncertainty_fan.png, summary.json and report.html. Under mpirun the model
// runs go round-robin to the ranks and rank 0 writes.

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/run/memory_check.hpp"
#include "adcov/run/uncertainty_run.hpp"
#include "commands.hpp"
#include "output_dir.hpp"
#include "progress_bar.hpp"

namespace adcov::app {
namespace {

/// The headline and the five parameters that drive the overall rate.
std::string summary_text(const report::UncertaintyResult& r) {
  const report::OutputSpread& o = r.by_output.at("overall");
  std::string text = fmt::format(
      "overall interception rate over the parameters' ranges: mean {:.1f} %, p5-p95 {:.1f}-{:.1f} % "
      "({} model runs of {} trials, {} parameters)\n",
      100 * o.mean, 100 * o.p5, 100 * o.p95, r.rates.size(), r.trials, r.parameters.size());
  text += fmt::format("  {:<56} {:>17} {:>17}\n", "parameter (largest total index first)", "S1 [95 %]", "ST [95 %]");
  const auto& rows = r.sensitivity.at("overall");
  for (std::size_t i = 0; i < std::min<std::size_t>(5, rows.size()); ++i)
    text += fmt::format("  {:<56} {:>5.2f} [{:.2f},{:.2f}] {:>5.2f} [{:.2f},{:.2f}]\n", rows[i].parameter, rows[i].s1,
                        rows[i].s1_lo, rows[i].s1_hi, rows[i].st, rows[i].st_lo, rows[i].st_hi);
  return text;
}

}  // namespace

int cmd_uncertainty(const UncertaintyArgs& a, const run::Ranks& ranks) {
  const model::Scenario s = model::load_scenario(a.scenario);
  model::Scenario est = s;
  est.simulation.trials = a.trials.value_or(s.uncertainty.trials);
  run::check_memory(a.scenario, coverage::estimate_memory(est, false));
  coverage::check_scenario_terrain(s);  // as validate: the DEM against region, batteries, launches
  ProgressBar bar(ranks.writer() && progress_wanted(a.common.quiet));
  run::UncertaintyOptions opt;
  opt.samples = a.samples;
  opt.trials = a.trials;
  opt.seed = a.seed;
  opt.progress = bar.hooks();
  opt.provenance = a.common.provenance;
  const auto dir = output_dir(a.out_dir, s.name, 1, "-uncertainty");
  const std::optional<report::UncertaintyResult> r = run::uncertainty_into(dir, s, opt, ranks);
  if (!r) return 0;  // another rank than 0: its runs went to rank 0
  std::string text = summary_text(*r);
  text += fmt::format("wrote {}\n", dir.string());
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace adcov::app
