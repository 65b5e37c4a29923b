#pragma once
/// \file
/// One call per command part that writes all of its output files into a
/// stage, so the commands (and `run`, which stages everything and commits
/// once) stay thin.

#include <string>
#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/engage/simulation_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/heatmap_png.hpp"

namespace adcov::report {

/// What a writer staged and what the reader of the outputs should know.
struct WrittenOutputs {
  std::vector<std::string> files;  ///< names in the output folder
  std::vector<std::string> notes;  ///< e.g. a boundaries file that was not found
};

/// Stages coverage_<h>m.tif/.png per altitude, floor.tif/.png (when the
/// result has a floor) and summary.json with its coverage part (merged over
/// the summary already staged or in the folder). Files missing from `opt`
/// are left off the maps, with a note.
/// \throws Error if a file cannot be written.
WrittenOutputs write_coverage_outputs(OutputStage& stage, const model::Scenario& s,
                                      const coverage::CoverageResult& r, RenderOptions opt);

/// Stages trials.csv and summary.json with its engagement part (merged).
/// \throws Error if a file cannot be written.
WrittenOutputs write_engagement_outputs(OutputStage& stage, const model::Scenario& s,
                                        const engage::SimulationResult& r);

}  // namespace adcov::report
