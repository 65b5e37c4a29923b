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
#include "adcov/report/output_job.hpp"
#include "adcov/report/vector_outputs.hpp"

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

/// write_coverage_outputs in two parts, for writers that spread the maps
/// over threads or ranks (run/output_split.hpp):
/// - the map files, one job per file (a GeoTIFF with its QGIS style): count
///   and detection maps per altitude, polygons, the floor; the jobs refer to
///   `s` and `r`, which must outlive them;
///   with `kml` given, the polygons' jobs also make their KML folders into
///   it (its layers' entries are made here, so that the jobs only fill them);
std::vector<OutputJob> coverage_map_jobs(const model::Scenario& s, const coverage::CoverageResult& r,
                                         RenderOptions opt, KmlFolders* kml = nullptr);
/// - then, once every job's files are staged, the scenario's layers, the KML
///   (the folders in `kml`, the other staged polygons read back) and
///   summary.json. Returns every file name, the jobs' first, and the notes.
WrittenOutputs finish_coverage_outputs(OutputStage& stage, const model::Scenario& s,
                                       const coverage::CoverageResult& r, RenderOptions opt,
                                       const std::vector<OutputJob>& jobs, const KmlFolders& kml = {});

/// Stages trials.csv and summary.json with its engagement part (merged).
/// \throws Error if a file cannot be written.
WrittenOutputs write_engagement_outputs(OutputStage& stage, const model::Scenario& s,
                                        const engage::SimulationResult& r);

}  // namespace adcov::report
