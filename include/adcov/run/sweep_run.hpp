#pragma once
/// \file
/// `adcov sweep`: the cartesian product of a scenario's `sweep:` axes, each
/// point run through coverage and simulation, with the shared work reused
/// (src/run/sweep_cache.hpp): terrain is loaded once per distinct grid, and
/// the per-battery visibility once per distinct battery geometry (a swept
/// magazine, Pk or salvo size changes neither). Under MPI the points go
/// round-robin to the ranks (point i on rank i % P) and their rows are
/// gathered, in order, on rank 0.

#include <cstdint>
#include <filesystem>
#include <optional>

#include "adcov/model/scenario.hpp"
#include "adcov/report/sweep_result.hpp"
#include "adcov/run/progress.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

struct SweepOptions {
  std::optional<int> trials;          ///< per point; overrides simulation.trials
  std::optional<std::uint64_t> seed;  ///< overrides seed (the same for every point: paired)
  ProgressHooks progress;             ///< one stage, counting this rank's points
};

/// Every point on one process; on several ranks, all points in order on
/// rank 0 (terrain_loads and visibility_passes summed over ranks) and
/// nullopt on the others. \throws InputError if the scenario has no sweep
/// axes or a value does not apply; engine errors propagate.
std::optional<report::SweepResult> run_sweep(const model::Scenario& s, const SweepOptions& opt,
                                             const Ranks& ranks = {});

/// `adcov sweep`: run_sweep, then sweep.csv and sweep.png into `out_dir`,
/// all or nothing; the folder is locked before any work (rank 0 only).
/// nullopt on ranks other than 0.
std::optional<report::SweepResult> sweep_into(const std::filesystem::path& out_dir, const model::Scenario& s,
                                              const SweepOptions& opt, const Ranks& ranks = {});

/// The points whose index i has i % size == rank, in index order (one
/// rank's share; run_sweep on one process is run_sweep_share(s, opt, 0, 1)).
report::SweepResult run_sweep_share(const model::Scenario& s, const SweepOptions& opt, std::size_t rank,
                                    std::size_t size);

}  // namespace adcov::run
