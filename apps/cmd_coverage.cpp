// adcov coverage: coverage heatmaps, GeoTIFFs and the coverage floor for one
// scenario (SPEC "Commands"). Thin: load, compute, hand the result to report.

#include <cstdio>
#include <filesystem>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/data_files.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/report/progress.hpp"
#include "adcov/report/tables.hpp"
#include "commands.hpp"

namespace adcov::app {

int cmd_coverage(const CoverageArgs& a) {
  model::Scenario s = model::load_scenario(a.scenario);
  if (a.resolution_m) s.resolution_m = *a.resolution_m;
  if (!a.altitudes_m.empty()) s.coverage.altitudes_m = a.altitudes_m;
  const bool show = report::progress_wanted(a.common.quiet);

  geo::TerrainGrid terrain;
  {
    report::Progress p("loading terrain", 0, show);
    terrain = coverage::load_scenario_terrain(s);
  }
  coverage::CoverageResult result;
  {
    report::Progress p("computing coverage", 0, show);
    coverage::CoverageOptions opt;
    opt.altitudes_m = s.coverage.altitudes_m;
    opt.threads = a.common.threads;
    result = coverage::compute_coverage(s, terrain, opt);
  }

  const std::filesystem::path out = a.out_dir.empty() ? std::filesystem::path("out") / s.name : std::filesystem::path(a.out_dir);
  report::OutputStage stage(out);
  report::WrittenOutputs written;
  {
    report::Progress p("writing maps", 0, show);
    written = report::write_coverage_outputs(stage, s, result, report::default_render_options());
  }
  stage.commit();

  std::fputs(report::coverage_table(result).c_str(), stdout);
  for (const auto& n : written.notes) std::fprintf(stdout, "note: %s\n", n.c_str());
  std::fprintf(stdout, "wrote %zu files to %s\n", written.files.size(), out.string().c_str());
  return 0;
}

}  // namespace adcov::app
