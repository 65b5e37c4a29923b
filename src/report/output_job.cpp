#include "adcov/report/output_job.hpp"

#include <tbb/parallel_for.h>

namespace adcov::report {

std::vector<std::filesystem::path> stage_paths(OutputStage& stage, const OutputJob& job) {
  std::vector<std::filesystem::path> paths;
  for (const std::string& name : job.names) paths.push_back(stage.path(name));
  return paths;
}

void write_jobs(OutputStage& stage, const std::vector<OutputJob>& jobs) {
  // The stage is not thread-safe: every path is handed out here, first.
  std::vector<std::vector<std::filesystem::path>> paths;
  for (const OutputJob& job : jobs) paths.push_back(stage_paths(stage, job));
  // One task per job (grain 1): a GeoTIFF with overviews or a polygonized
  // map takes seconds on a national grid, so two cores write two at once.
  tbb::parallel_for(std::size_t{0}, jobs.size(), [&](std::size_t j) { jobs[j].write(paths[j]); });
}

}  // namespace adcov::report
