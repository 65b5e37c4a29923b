// adcov run: validate every scenario first (any invalid file: exit 2 before
// anything is written), then run each into its folder; one scenario's
// runtime failure does not lose the others' results (exit 1 at the end).
// Under mpirun the ranks split each scenario's trials (mpi_split.hpp) and
// rank 0 writes; every rank validates, so bad input exits 2 on all of them.

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "adcov/geo/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/data_files.hpp"
#include "adcov/report/run_pipeline.hpp"
#include "commands.hpp"
#include "mpi_split.hpp"

namespace adcov::app {

int cmd_run(const RunArgs& a) {
  std::vector<model::Scenario> scenarios;
  std::vector<std::string> errors;
  for (const auto& f : a.scenarios) {
    try {
      scenarios.push_back(model::load_scenario(f));
    } catch (const InputError& e) {
      errors.insert(errors.end(), e.messages().begin(), e.messages().end());
    }
  }
  std::set<std::string> names;
  for (const auto& s : scenarios)
    if (!names.insert(s.name).second && a.scenarios.size() > 1)
      errors.push_back(s.file.string() + ": scenario name '" + s.name +
                       "' is used by another scenario of this batch (outputs would collide)");
  if (!errors.empty()) throw InputError(errors);

  report::RunOptions opt;
  opt.trials = a.trials;
  opt.seed = a.seed;
  opt.quiet = a.common.quiet;
  opt.render = report::default_render_options();
  opt.simulate = mpi::simulate;
  opt.contribute_only = !mpi::writer();

  int failures = 0;
  for (const auto& s : scenarios) {
    const auto dir = report::run_output_dir(a.out_dir, s.name, scenarios.size());
    try {
      const report::RunOutput r = report::run_scenario(s, dir, opt);
      if (opt.contribute_only) continue;
      std::string text = "== " + s.name + " -> " + dir.string() + "\n" + r.tables;
      for (const auto& n : r.notes) text += "note: " + n + "\n";
      text += "wrote " + std::to_string(r.files.size()) + " files to " + dir.string() +
              "/: heatmaps coverage_<h>m.png and floor.png, report.html (open in a browser), summary.json\n";
      std::fputs(text.c_str(), stdout);
      std::fflush(stdout);
    } catch (const std::exception& e) {
      ++failures;
      if (mpi::writer())
        std::fprintf(stderr, "adcov run: scenario '%s' (%s) failed: %s\n", s.name.c_str(),
                     s.file.string().c_str(), e.what());
    }
  }
  if (failures > 0) {
    if (mpi::writer())
      std::fprintf(stderr, "adcov run: %d of %zu scenarios failed\n", failures, scenarios.size());
    return 1;
  }
  return 0;
}

}  // namespace adcov::app
