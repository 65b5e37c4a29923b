#include "adcov/report/output_job.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <numeric>

namespace adcov::report {

std::vector<std::filesystem::path> stage_paths(OutputStage& stage, const OutputJob& job) {
  std::vector<std::filesystem::path> paths;
  for (const std::string& name : job.names) paths.push_back(stage.path(name));
  return paths;
}

std::vector<std::size_t> largest_first(const std::vector<OutputJob>& jobs) {
  std::vector<std::size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return jobs[a].cost > jobs[b].cost; });
  return order;
}

void write_jobs(OutputStage& stage, const std::vector<OutputJob>& jobs) {
  // The stage is not thread-safe: every path is handed out here, first.
  std::vector<std::vector<std::filesystem::path>> paths;
  for (const OutputJob& job : jobs) paths.push_back(stage_paths(stage, job));
  // List scheduling, largest first (LPT): each worker takes the next job in
  // order of cost, so the floor's GeoTIFF (the longest) starts at once
  // instead of finishing alone. A national GeoTIFF with overviews takes
  // seconds, so two cores write two files at once.
  const std::vector<std::size_t> order = largest_first(jobs);
  std::atomic<std::size_t> next{0};
  const int workers = std::max(
      1, std::min<int>(static_cast<int>(jobs.size()), tbb::this_task_arena::max_concurrency()));
  tbb::parallel_for(0, workers, [&](int) {
    for (std::size_t k = next++; k < order.size(); k = next++)
      jobs[order[k]].write(paths[order[k]]);
  });
}

}  // namespace adcov::report
