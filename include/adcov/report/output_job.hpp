#pragma once
/// \file
/// A group of output files that reads nothing another output file holds (a
/// GeoTIFF and its QGIS style; a PNG map; a polygon file): it can be written
/// on any thread, or by another MPI rank (run/output_split.hpp), and gives
/// the same bytes wherever it runs.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "adcov/report/atomic_output.hpp"

namespace adcov::report {

struct OutputJob {
  std::vector<std::string> names;  ///< the files it writes, in the order write() gets their paths
  /// Expected time to write it (ms; coverage_map_jobs' model), for the order
  /// jobs start in and for splitting them across ranks; never affects what
  /// is written.
  double cost = 1;
  /// Writes every file of `names` to the path at the same index.
  std::function<void(const std::vector<std::filesystem::path>& paths)> write;
};

/// The jobs' indices by cost, largest first (equal costs in job order): the
/// order to start them in, on threads (write_jobs) or ranks (run::assign_jobs).
std::vector<std::size_t> largest_first(const std::vector<OutputJob>& jobs);

/// Stages every job's names (in job order, so the stage lists them as a
/// sequential writer would), then writes the jobs in parallel.
/// \throws what a job throws (the stage then removes every temporary).
void write_jobs(OutputStage& stage, const std::vector<OutputJob>& jobs);

/// The staged paths of `job`'s names, staging any not yet staged.
std::vector<std::filesystem::path> stage_paths(OutputStage& stage, const OutputJob& job);

}  // namespace adcov::report
