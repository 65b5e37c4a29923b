#pragma once
/// \file
/// The commands that compute and write one scenario's outputs into one
/// folder, all or nothing (report::OutputStage: every file staged, then
/// renamed into place together):
/// - run_coverage (`adcov coverage`): coverage_<h>m.tif/.png, floor.tif/.png,
///   summary.json's coverage part;
/// - run_simulation (`adcov simulate`): trials.csv, summary.json's engagement part;
/// - run_scenario (`adcov run`): both, and report.html.
/// Trials (and `adcov coverage`'s batteries) are split across ranks under
/// MPI (run/trials_split.hpp, run/coverage_split.hpp); rank 0 writes (under
/// `adcov coverage` the other ranks write some of the maps into its folder,
/// run/output_split.hpp), and the functions return nullopt on the other ranks.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/heatmap_png.hpp"
#include "adcov/report/report_provenance.hpp"
#include "adcov/run/progress.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

struct ScenarioRunOptions {
  std::optional<int> trials;          ///< overrides simulation.trials
  std::optional<std::uint64_t> seed;  ///< overrides seed
  report::RenderOptions render;       ///< borders etc. for the PNGs
  ProgressHooks progress;
  Ranks ranks;                        ///< one process by default
  report::ReportProvenance provenance;  ///< printed in report.html (version, command line)
};

/// What a command produced and wrote.
struct ScenarioRunOutput {
  std::optional<coverage::CoverageResult> coverage;
  std::optional<engage::SimulationResult> simulation;
  std::vector<std::string> files;  ///< names written in the folder, each once
  std::vector<std::string> notes;  ///< what the reader of the outputs should know
};

/// `adcov coverage`: the batteries and the map files split across ranks
/// (run/coverage_split.hpp, run/output_split.hpp) unless least-exposure
/// routes are drawn. nullopt on ranks other than 0.
/// \throws InputError / Error; the folder is then untouched.
std::optional<ScenarioRunOutput> run_coverage(const model::Scenario& s, const std::filesystem::path& out_dir,
                                              const ScenarioRunOptions& opt);

/// `adcov simulate`. nullopt on ranks other than 0.
std::optional<ScenarioRunOutput> run_simulation(const model::Scenario& s, const std::filesystem::path& out_dir,
                                                const ScenarioRunOptions& opt);

/// `adcov run` for one validated scenario. nullopt on ranks other than 0,
/// which prepare the batteries (for the engagement windows) and run their
/// share of the trials only.
std::optional<ScenarioRunOutput> run_scenario(const model::Scenario& s, const std::filesystem::path& out_dir,
                                              const ScenarioRunOptions& opt);

}  // namespace adcov::run
