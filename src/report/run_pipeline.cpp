#include "adcov/report/run_pipeline.hpp"

#include "adcov/geo/error.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/report/progress.hpp"
#include "adcov/report/report_html.hpp"
#include "adcov/report/tables.hpp"

namespace adcov::report {

RunOutput run_scenario(const model::Scenario& s, const std::filesystem::path& out_dir,
                       const RunOptions& opt) {
  const bool show = progress_wanted(opt.quiet);
  RunOutput out;
  {
    Progress p(s.name + ": terrain + coverage", 0, show);
    const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
    // A contributing process needs the batteries (visibility) for the
    // engageability windows, not the combined coverage maps.
    if (opt.contribute_only)
      out.coverage.batteries = coverage::prepare_batteries(s, terrain);
    else
      out.coverage = coverage::compute_coverage(s, terrain, {});

    engage::SimulationOptions so;
    so.trials = opt.trials.value_or(s.simulation.trials);
    so.seed = opt.seed.value_or(s.seed);
    p.finish();
    Progress pt(s.name + ": trials", so.trials, show);
    so.progress = [&](std::int64_t done, std::int64_t) { pt.set(done); };
    if (opt.simulate) {
      std::optional<engage::SimulationResult> r = opt.simulate(s, terrain, out.coverage.batteries, so);
      pt.finish();
      if (opt.contribute_only) return RunOutput{};
      if (!r) throw Error("run_scenario: the trials produced no result on the writing process");
      out.simulation = std::move(*r);
    } else {
      if (opt.contribute_only) throw Error("run_scenario: contribute_only needs a simulate hook");
      out.simulation = engage::simulate(s, terrain, out.coverage.batteries, so);
    }
    pt.finish();
  }

  // Stage every file, then commit once: a failure above or here leaves the
  // folder as it was (OutputStage removes the temporaries).
  OutputStage stage(out_dir);
  auto add = [&](WrittenOutputs w) {
    out.files.insert(out.files.end(), w.files.begin(), w.files.end());
    out.notes.insert(out.notes.end(), w.notes.begin(), w.notes.end());
  };
  add(write_coverage_outputs(stage, s, out.coverage, opt.render));
  add(write_engagement_outputs(stage, s, out.simulation));
  write_report_html(stage, s, &out.coverage, &out.simulation);
  out.files.push_back("report.html");
  stage.commit();

  out.tables = coverage_table(out.coverage) + "\n" + engagement_table(out.simulation);
  return out;
}

std::filesystem::path run_output_dir(const std::string& out_dir, const std::string& name,
                                     std::size_t scenario_count) {
  if (out_dir.empty()) return std::filesystem::path("out") / name;
  if (scenario_count > 1) return std::filesystem::path(out_dir) / name;
  return out_dir;
}

}  // namespace adcov::report
