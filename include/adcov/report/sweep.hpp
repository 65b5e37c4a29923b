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
#include "adcov/report/atomic_output.hpp"

namespace adcov::report {

struct SweepOptions {
  std::optional<int> trials;          ///< per point; overrides simulation.trials
  std::optional<std::uint64_t> seed;  ///< overrides seed (the same for every point: paired)
  bool quiet = false;
  /// Run only the points whose index i has i % ranks == rank (round-robin; the
  /// MPI build gathers the rows of all ranks, apps/mpi_split.hpp).
  std::size_t rank = 0, ranks = 1;
};

/// One parameter combination and its results.
struct SweepPoint {
  std::size_t index = 0;            ///< position in the full row-major product
  std::vector<std::string> values;  ///< one YAML value per axis, in axis order
  engage::RateStats overall;
  std::vector<double> altitudes_m;        ///< coverage altitudes of this point
  std::vector<double> covered_fraction;   ///< per altitude, of the region
};

struct SweepResult {
  std::vector<std::string> axes;  ///< the `set:` paths
  std::vector<SweepPoint> points; ///< row-major: the last axis varies fastest (by index)
  int terrain_loads = 0;          ///< how often terrain was loaded (reuse check)
  int visibility_passes = 0;      ///< how often batteries' visibility was computed
};

/// Runs every point. \throws InputError if the scenario has no sweep axes or
/// a value does not apply; engine errors propagate.
SweepResult run_sweep(const model::Scenario& s, const SweepOptions& opt);

/// sweep.csv text: one row per point: the axis values, launched, intercepted
/// mean, interception rate, ci95_lo, ci95_hi, then covered_fraction_<h>m for
/// every altitude seen in the sweep (empty where a point lacks it).
std::string sweep_csv(const SweepResult& r);

/// Stages sweep.csv and sweep.png (interception rate with its 95 % band
/// against the first axis, one line per value of the second axis).
void write_sweep_outputs(OutputStage& stage, const model::Scenario& s, const SweepResult& r);

}  // namespace adcov::report
