// adcov simulate: Monte Carlo engagement of a scenario's salvos (SPEC
// "Commands"). Thin: load, simulate, hand the result to report. Under mpirun
// the ranks split the trials and rank 0 writes (mpi_split.hpp).

#include <cstdio>
#include <filesystem>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/report/progress.hpp"
#include "adcov/report/tables.hpp"
#include "commands.hpp"
#include "mpi_split.hpp"

namespace adcov::app {

int cmd_simulate(const SimulateArgs& a) {
  const model::Scenario s = model::load_scenario(a.scenario);
  const bool show = report::progress_wanted(a.common.quiet);

  geo::TerrainGrid terrain;
  std::vector<coverage::BatteryGeometry> batteries;
  {
    report::Progress p("loading terrain", 0, show);
    terrain = coverage::load_scenario_terrain(s);
    batteries = coverage::prepare_batteries(s, terrain);
  }
  engage::SimulationOptions opt;
  opt.trials = a.trials.value_or(s.simulation.trials);
  opt.seed = a.seed.value_or(s.seed);
  report::Progress p("trials", opt.trials, show);
  opt.progress = [&p](std::int64_t done, std::int64_t) { p.set(done); };
  const std::optional<engage::SimulationResult> merged = mpi::simulate(s, terrain, batteries, opt);
  p.finish();
  if (!merged) return 0;  // another rank than 0: its trials went to rank 0
  const engage::SimulationResult& result = *merged;

  const std::filesystem::path out = a.out_dir.empty() ? std::filesystem::path("out") / s.name : std::filesystem::path(a.out_dir);
  report::OutputStage stage(out);
  const report::WrittenOutputs written = report::write_engagement_outputs(stage, s, result);
  stage.commit();

  std::fputs(report::engagement_table(result).c_str(), stdout);
  for (const auto& n : written.notes) std::fprintf(stdout, "note: %s\n", n.c_str());
  std::fprintf(stdout, "wrote %zu files to %s\n", written.files.size(), out.string().c_str());
  return 0;
}

}  // namespace adcov::app
