#include "adcov/run/output_split.hpp"

#include <algorithm>
#include <exception>
#include <string>

#include "adcov/run/wire.hpp"

namespace adcov::run {
namespace {

// What rank 0 writes after the jobs (the scenario's layers, the KML that reads
// the polygons back, summary.json), in job cost units (ms, report/outputs.cpp):
// about a PNG map.
constexpr double kFinishCost = 100;

std::vector<report::OutputJob> jobs_of(const std::vector<report::OutputJob>& jobs,
                                       const std::vector<int>& owner, int rank) {
  std::vector<report::OutputJob> mine;
  for (std::size_t j = 0; j < jobs.size(); ++j)
    if (owner[j] == rank) mine.push_back(jobs[j]);
  return mine;
}

// A helper rank: its jobs written into rank 0's folder, then their temporary
// paths (one per name, in job order; an empty string for a job it could not
// write, which rank 0 then writes itself).
void write_share(const std::vector<report::OutputJob>& mine,
                 std::optional<report::OutputStage>& part, const std::filesystem::path& dir,
                 std::vector<std::int64_t>& buf) {
  WireWriter w{buf};
  try {
    part.emplace(dir, report::OutputStage::Join{});
    report::write_jobs(*part, mine);
  } catch (const std::exception&) {
    for (const report::OutputJob& job : mine)
      for (std::size_t k = 0; k < job.names.size(); ++k) w.str("");
    return;
  }
  for (const report::OutputJob& job : mine)
    for (const std::string& name : job.names) w.str(part->staged(name)->string());
}

// Rank 0: the other ranks' files adopted into `stage`, job by job (all of a
// job's files or none); the jobs it could not adopt.
std::vector<report::OutputJob> adopt_shares(report::OutputStage& stage,
                                            const std::vector<report::OutputJob>& jobs,
                                            const std::vector<int>& owner,
                                            const std::vector<std::vector<std::int64_t>>& parts) {
  std::vector<report::OutputJob> left;
  for (std::size_t r = 1; r < parts.size(); ++r) {
    WireReader rd{parts[r].data(), parts[r].size(), "output files from an MPI rank"};
    for (const report::OutputJob& job : jobs_of(jobs, owner, static_cast<int>(r))) {
      std::vector<std::string> temps;
      for (std::size_t k = 0; k < job.names.size(); ++k) temps.push_back(rd.str());
      bool adopted = true;
      for (std::size_t k = 0; k < job.names.size() && adopted; ++k)
        adopted = !temps[k].empty() && stage.adopt(job.names[k], temps[k]);
      if (!adopted) left.push_back(job);  // names adopted so far are written over
    }
    rd.expect_end();
  }
  return left;
}

}  // namespace

void open_stage(const Ranks& ranks, const std::filesystem::path& dir,
                std::optional<report::OutputStage>& stage) {
  broadcast_work(ranks, [&](std::vector<std::int64_t>&) { stage.emplace(dir); });
}

std::vector<int> assign_jobs(const std::vector<report::OutputJob>& jobs, int ranks,
                             double rank0_cost) {
  std::vector<double> load(static_cast<std::size_t>(std::max(1, ranks)), 0.0);
  load[0] = rank0_cost;
  std::vector<int> owner(jobs.size(), 0);
  for (const std::size_t j : report::largest_first(jobs)) {
    const auto least =
        std::min_element(load.begin(), load.end());  // the first of equals: the lower rank
    owner[j] = static_cast<int>(least - load.begin());
    *least += jobs[j].cost;
  }
  return owner;
}

std::optional<report::WrittenOutputs> write_coverage_split(
    const Ranks& ranks, report::OutputStage* stage, const std::filesystem::path& dir,
    const model::Scenario& s, const coverage::CoverageResult& r, const report::RenderOptions& opt) {
  if (!ranks.split()) {
    report::WrittenOutputs w = report::write_coverage_outputs(*stage, s, r, opt);
    stage->commit();
    return w;
  }
  // The polygons' KML folders are made by rank 0 from the staged files, the
  // jobs being spread over the ranks.
  const std::vector<report::OutputJob> jobs = report::coverage_map_jobs(s, r, opt);
  const std::vector<int> owner = assign_jobs(jobs, ranks.size, kFinishCost);
  const std::vector<report::OutputJob> mine = jobs_of(jobs, owner, ranks.rank);
  // Every rank takes part in both collectives whatever fails (coverage_split).
  // A helper's joined stage lives until rank 0 has committed or given up: it
  // then removes only what rank 0 did not take.
  std::optional<report::OutputStage> part;
  std::exception_ptr failed;
  std::vector<std::vector<std::int64_t>> parts;
  try {
    parts = gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
      if (ranks.writer())
        report::write_jobs(*stage, mine);
      else
        write_share(mine, part, dir, buf);
    });
  } catch (...) {
    failed = std::current_exception();
  }
  std::optional<report::WrittenOutputs> written;
  try {
    broadcast_work(ranks, [&](std::vector<std::int64_t>&) {
      if (failed) std::rethrow_exception(failed);
      report::write_jobs(*stage, adopt_shares(*stage, jobs, owner, parts));
      written = report::finish_coverage_outputs(*stage, s, r, opt, jobs);
      stage->commit();
    });
  } catch (...) {
    if (failed) std::rethrow_exception(failed);
    throw;
  }
  return written;
}

}  // namespace adcov::run
