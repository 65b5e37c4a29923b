#pragma once
/// \file
/// `adcov sweep`: the cartesian product of a scenario's `sweep:` axes, each
/// point run through coverage and simulation, with the shared work reused:
/// terrain is loaded once per distinct grid, and the per-battery visibility
/// is computed once per distinct battery geometry (a swept magazine, Pk or
/// salvo size changes neither).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adcov/engage/simulation.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/sweep_result.hpp"

namespace adcov::report {

struct SweepOptions {
  std::optional<int> trials;          ///< per point; overrides simulation.trials
  std::optional<std::uint64_t> seed;  ///< overrides seed (the same for every point: paired)
  bool quiet = false;
  /// Run only the points whose index i has i % ranks == rank (round-robin; the
  /// MPI build gathers the rows of all ranks, apps/mpi_split.hpp).
  std::size_t rank = 0, ranks = 1;
};

/// Runs every point. \throws InputError if the scenario has no sweep axes or
/// a value does not apply; engine errors propagate.
SweepResult run_sweep(const model::Scenario& s, const SweepOptions& opt);

}  // namespace adcov::report
