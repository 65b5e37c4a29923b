#pragma once
/// \file
/// `adcov run` for one scenario: coverage + simulation + report into one
/// output folder, staged and committed together (all or nothing).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/heatmap_png.hpp"

namespace adcov::report {

struct RunOptions {
  std::optional<int> trials;            ///< overrides simulation.trials
  std::optional<std::uint64_t> seed;    ///< overrides seed
  bool quiet = false;                   ///< no progress on stderr
  RenderOptions render;                 ///< borders etc. for the PNGs
  /// Runs the trials in place of engage::simulate; empty: engage::simulate.
  /// The MPI build splits them across ranks with it (apps/mpi_split.hpp):
  /// it returns the merged result on the writing process, nullopt elsewhere.
  std::function<std::optional<engage::SimulationResult>(
      const model::Scenario&, const geo::TerrainGrid&,
      const std::vector<coverage::BatteryGeometry>&, const engage::SimulationOptions&)>
      simulate;
  /// True on a process that only contributes trials (an MPI rank other than
  /// 0): the batteries are prepared, no coverage maps are combined, `simulate`
  /// must return nullopt, and nothing is written.
  bool contribute_only = false;
};

/// What one run produced.
struct RunOutput {
  coverage::CoverageResult coverage;
  engage::SimulationResult simulation;
  std::vector<std::string> files;  ///< names written in the folder
  std::vector<std::string> notes;
  std::string tables;              ///< the human tables for stdout
};

/// Runs a validated scenario end to end and writes coverage_<h>m.tif/.png,
/// floor.tif/.png, trials.csv, summary.json and report.html into `out_dir`.
/// Nothing is renamed into place until every file is written. With
/// `contribute_only` it runs the trials' share only and returns an empty
/// RunOutput.
/// \throws InputError / Error from the engines; the folder is then untouched.
RunOutput run_scenario(const model::Scenario& s, const std::filesystem::path& out_dir,
                       const RunOptions& opt);

/// Folder for a scenario's outputs: `out_dir` as given when there is one
/// scenario, `out_dir/<name>` for several, `out/<name>` without -o.
std::filesystem::path run_output_dir(const std::string& out_dir, const std::string& name,
                                     std::size_t scenario_count);

}  // namespace adcov::report
