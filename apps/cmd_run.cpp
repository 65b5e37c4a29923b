// adcov run: validate every scenario first (any invalid file: exit 2 before
// anything is written), then run each into its folder; one scenario's
// runtime failure does not lose the others' results (exit 1 at the end, or
// 2 when every failure was bad input, such as an unreadable DEM).
// Under mpirun the ranks split each scenario's trials and rank 0 writes;
// every rank validates, so bad input exits 2 on all of them.

#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/error.hpp"
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
namespace {

// Every file loaded and checked (memory too, docs/commands.md "Memory check"), or InputError with every file's errors.
std::vector<model::Scenario> load_all(const std::vector<std::string>& files, std::optional<int> trials) {
  std::vector<model::Scenario> scenarios;
  std::vector<std::string> errors;
  for (const auto& f : files) {
    try {
      scenarios.push_back(model::load_scenario(f));
      model::Scenario est = scenarios.back();
      if (trials) est.simulation.trials = *trials;
      run::check_memory(f, coverage::estimate_memory(est));
      coverage::check_scenario_terrain(scenarios.back());  // as validate: the DEM against region and batteries
    } catch (const InputError& e) {
      errors.insert(errors.end(), e.messages().begin(), e.messages().end());
    }
  }
  std::set<std::string> names;
  for (const auto& s : scenarios)
    if (!names.insert(s.name).second && files.size() > 1)
      errors.push_back(s.file.string() + ": scenario name '" + s.name +
                       "' is used by another scenario of this batch (outputs would collide)");
  if (!errors.empty()) throw InputError(errors);
  return scenarios;
}

void print_result(const model::Scenario& s, const std::filesystem::path& dir, const run::ScenarioRunOutput& r) {
  std::string text = fmt::format("== {} -> {}\n", s.name, dir.string());
  text += coverage_table(*r.coverage) + "\n" + engagement_table(*r.simulation);
  for (const auto& n : r.notes) text += fmt::format("note: {}\n", n);
  text += fmt::format(
      "wrote {} files to {}/: heatmaps coverage_<h>m.png and floor.png, report.html (open in a browser), "
      "summary.json\n",
      r.files.size(), dir.string());
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace

int cmd_run(const RunArgs& a, const run::Ranks& ranks) {
  const std::vector<model::Scenario> scenarios = load_all(a.scenarios, a.trials);
  ProgressBar bar(ranks.writer() && progress_wanted(a.common.quiet));
  run::ScenarioRunOptions opt;
  opt.trials = a.trials;
  opt.seed = a.seed;
  opt.render = report::default_render_options();
  opt.progress = bar.hooks();
  opt.ranks = ranks;
  opt.provenance = a.common.provenance;

  int failures = 0, input_failures = 0;
  for (const auto& s : scenarios) {
    const auto dir = output_dir(a.out_dir, s.name, scenarios.size());
    try {
      const auto r = run::run_scenario(s, dir, opt);
      if (r) print_result(s, dir, *r);
    } catch (const std::exception& e) {
      ++failures;
      if (dynamic_cast<const InputError*>(&e)) ++input_failures;
      if (ranks.writer())
        std::fputs(fmt::format("adcov run: scenario '{}' ({}) failed: {}\n", s.name, s.file.string(), e.what()).c_str(),
                   stderr);
    }
  }
  if (failures > 0) {
    if (ranks.writer())
      std::fputs(fmt::format("adcov run: {} of {} scenarios failed\n", failures, scenarios.size()).c_str(), stderr);
    // Bad input (a DEM that fails to read, ...) exits 2 as everywhere else;
    // any other failure among them makes it 1.
    return input_failures == failures ? 2 : 1;
  }
  return 0;
}

}  // namespace adcov::app
