#pragma once
/// \file
/// The integer tallies of a range of Monte Carlo trials: what simulate()
/// reduces into a SimulationResult. Trial t's draws depend only on (seed, t),
/// so the tallies of disjoint trial ranges (other processes, other machines)
/// merge exactly: summarize(merge_tallies({[0,k), [k,N)})) is bit-identical to
/// simulate() over [0,N). run/tallies_wire.hpp carries them between MPI
/// ranks (docs/engagement.md, "Beyond one machine").

#include <cstdint>
#include <vector>

#include "adcov/engage/simulation.hpp"

namespace adcov::engage {

/// One trial's counts for one salvo.
struct SalvoTrialCounts {
  std::int32_t intercepted = 0;
  std::int32_t lost = 0;    ///< lost in EW zones
  std::int32_t leaked = 0;  ///< reached their target (decoys included)
};

/// Sums over the trials first_trial .. first_trial+trials-1 (plain integers,
/// so any summation order gives the same totals), plus each trial's row.
struct SimulationTallies {
  std::uint64_t seed = 0;
  std::int64_t first_trial = 0;
  std::int64_t trials = 0;
  std::vector<std::int64_t> intercepted_by_salvo;  ///< per scenario salvo
  std::vector<std::int64_t> leaked_by_target;      ///< per target, in order of first use
  std::vector<std::int64_t> fired_by_battery;      ///< per BatteryGeometry given
  std::vector<std::int64_t> kills_by_battery;      ///< per BatteryGeometry given
  std::vector<std::int64_t> ran_dry_by_battery;    ///< trials in which its magazine emptied
  std::vector<std::int64_t> lost_by_salvo;         ///< lost in EW zones, per scenario salvo
  std::vector<std::int64_t> leaked_by_salvo;       ///< reached their target, per scenario salvo
  std::vector<std::int64_t> fired_by_salvo;        ///< interceptors fired at the salvo's threats
  /// When each battery's magazine first emptied, per trial then battery
  /// (trial-major); NaN when it did not.
  std::vector<float> ran_dry_s;
  /// Interceptions of the paired rerun without each operator group present
  /// (model::kOperatorGroups order); empty without operator effects.
  std::vector<std::int64_t> intercepted_without;
  /// Interceptions per salvo of the paired rerun with autonomous batteries
  /// (c2.mode cued or integrated, with operator effects); empty otherwise.
  std::vector<std::int64_t> intercepted_autonomous_by_salvo;
  std::vector<TrialOutcome> trial_outcomes;        ///< in trial order
  /// The trial-level counts behind every interval and percentile (the trial
  /// is the independent unit, docs/engagement.md "Statistics"), trial-major:
  /// per trial, each scenario salvo's counts;
  std::vector<SalvoTrialCounts> salvo_trials;
  /// per trial, the interceptions of the rerun without each operator group
  /// (as intercepted_without);
  std::vector<std::int32_t> without_trials;
  /// per trial, each salvo's interceptions in the autonomous rerun (as
  /// intercepted_autonomous_by_salvo).
  std::vector<std::int32_t> autonomous_trials;
};

/// Runs trials opt.first_trial .. opt.first_trial+opt.trials-1 (in parallel,
/// like simulate()) and returns their tallies. Same arguments and errors as
/// simulate().
SimulationTallies simulate_tallies(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                   const std::vector<coverage::BatteryGeometry>& batteries,
                                   const SimulationOptions& opt);

/// Concatenates tallies of contiguous trial ranges: sorted by first_trial, the
/// ranges must follow each other without gap or overlap, with the same seed
/// and shape. Empty ranges are allowed. \throws Error otherwise or if empty.
SimulationTallies merge_tallies(std::vector<SimulationTallies> parts);

/// Rates, means and intervals of the tallies, as simulate() reports them for
/// the same trials. `s`, `batteries` and `opt` (operator_effects) must be the
/// ones the tallies were run with. \throws Error if the tallies' shape does
/// not fit the scenario and batteries.
SimulationResult summarize(const model::Scenario& s,
                           const std::vector<coverage::BatteryGeometry>& batteries,
                           const SimulationOptions& opt, const SimulationTallies& t);

}  // namespace adcov::engage
