#pragma once
/// \file
/// `adcov coverage`'s files written by every rank (docs/engagement.md,
/// "Beyond one machine", "Coverage maps"). Writing a national map set takes
/// about as long as computing it, so under mpirun the map jobs
/// (report::coverage_map_jobs: one per file, a GeoTIFF with its QGIS style)
/// are split across the ranks, largest first to the least
/// loaded (rank 0 starts loaded with the layers, KML and summary it writes
/// last). Each rank writes its jobs into rank 0's folder under temporary
/// names of its own (a joined report::OutputStage); rank 0 adopts them and
/// commits the whole set. A job whose files rank 0 cannot see (ranks on
/// machines that do not share the folder) or that failed on its rank is
/// written again by rank 0, so the folder always gets the one-process bytes.

#include <filesystem>
#include <optional>
#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

/// Rank 0 locks and stages `dir` into `stage` (report::OutputStage); every
/// rank learns whether it could (a collective), so that a folder another run
/// holds stops every rank at once instead of leaving the others waiting for
/// rank 0. Every rank must call it.
/// \throws what OutputStage throws on rank 0; Error on the others.
void open_stage(const Ranks& ranks, const std::filesystem::path& dir,
                std::optional<report::OutputStage>& stage);

/// The rank that writes each of `jobs` (by cost, largest first, to the rank
/// with the least cost so far; ties to the lower rank), rank 0 starting with
/// `rank0_cost`. The same on every rank.
std::vector<int> assign_jobs(const std::vector<report::OutputJob>& jobs, int ranks,
                             double rank0_cost);

/// Writes and commits every coverage output of `r` (the same on every rank,
/// run/coverage_split.hpp) into `stage`, rank 0's stage of `dir` (null on the
/// other ranks). Returns what was written on rank 0, nullopt elsewhere.
/// Every rank must call it (collectives).
/// \throws what the writers throw (other ranks: Error once rank 0 failed).
std::optional<report::WrittenOutputs> write_coverage_split(
    const Ranks& ranks, report::OutputStage* stage, const std::filesystem::path& dir,
    const model::Scenario& s, const coverage::CoverageResult& r, const report::RenderOptions& opt);

}  // namespace adcov::run
