#pragma once
/// \file
/// Monte Carlo engagement of a scenario's salvos against its batteries
/// (SPEC "Engagement"). Trial i draws from a stream seeded by (seed, i), so
/// results are bit-identical for any thread count. The model, the event
/// engine, the assignment policy and the statistics: docs/engagement.md.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/assignment.hpp"
#include "adcov/engage/windows.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

/// Interception statistics for one group of threats (SPEC summary keys).
struct RateStats {
  std::int64_t launched = 0;      ///< per trial (the same in every trial)
  double intercepted_mean = 0;    ///< mean over trials
  double interception_rate = 0;   ///< intercepted / launched, pooled over trials
  /// 95 % Wilson interval of the rate, pooled: successes = all interceptions,
  /// n = trials * launched (statistics.hpp; see docs/engagement.md).
  double ci95_lo = 0, ci95_hi = 0;
};

/// One trial's totals (a row of trials.csv).
struct TrialOutcome {
  int intercepted = 0;
  int leaked = 0;
  int interceptors_fired = 0;
  double interceptor_cost_usd = 0;
  double threats_destroyed_cost_usd = 0;
};

struct LeakersAtTarget {
  geo::LonLat at;
  double mean = 0;  ///< leakers per trial reaching this target
};

/// What one operator group adds (SPEC "Operator contribution").
struct OperatorEffect {
  double interceptions_mean = 0;       ///< interceptions made by the group's batteries
  double rate_without = 0;             ///< overall interception rate with the group removed
  double ci95_lo_without = 0, ci95_hi_without = 0;  ///< Wilson interval of rate_without
  double marginal_interceptions = 0;   ///< intercepted_mean(all) - intercepted_mean(without)
};

struct SimulationResult {
  int trials = 0;
  std::uint64_t seed = 0;
  RateStats overall;
  std::map<std::string, RateStats> by_threat;  ///< threat type id
  std::map<std::string, RateStats> by_class;   ///< "drone" | "cruise" | "ballistic"
  std::map<std::string, RateStats> by_salvo;   ///< salvo id
  std::vector<LeakersAtTarget> leakers_by_target;
  std::map<std::string, double> interceptors_fired;  ///< system id -> mean per trial
  double cost_interceptors_mean_usd = 0;
  double cost_threats_destroyed_mean_usd = 0;
  std::map<std::string, OperatorEffect> by_operator;  ///< groups present in the scenario
  std::vector<TrialOutcome> trial_outcomes;            ///< in trial order
};

struct SimulationOptions {
  int trials = 1000;
  std::uint64_t seed = 1;
  bool operator_effects = true;  ///< also rerun without each operator group (paired draws)
  /// Called with (trials done, total) from worker threads; may be empty.
  std::function<void(std::int64_t, std::int64_t)> progress;
  /// Index of the first trial: trials first_trial .. first_trial+trials-1 are
  /// run (their streams do not depend on this split), so one trial can be
  /// replayed (trials = 1) and ranks can split the trials.
  std::int64_t first_trial = 0;
  /// Weapon-target assignment policy (assignment.hpp).
  AssignmentParams assignment;
  /// Kill assessment after an interceptor arrives, s (0: known on arrival).
  double look_s = 0;
  /// Launch points drawn per salvo with a launch_area (the path-variant pool,
  /// drawn once from `seed`; each trial picks one per threat).
  int launch_variants = 32;
  /// Path sampling for the engageability windows.
  WindowParams windows;
};

/// Runs the Monte Carlo. `batteries` from coverage::prepare_batteries over
/// `terrain`, in any subset or order (results name systems and operator
/// groups through each BatteryGeometry). Path samples outside the terrain
/// grid are not engageable (no terrain, no visibility there), so launch points
/// may lie far outside the region.
/// simulate() = summarize(simulate_tallies()) (tallies.hpp), which splits
/// the trials over processes with the same result.
/// \throws InputError for a salvo with an unknown threat type, no target,
///         a count < 0 or a threat speed <= 0.
SimulationResult simulate(const model::Scenario& s, const geo::TerrainGrid& terrain,
                          const std::vector<coverage::BatteryGeometry>& batteries,
                          const SimulationOptions& opt);

}  // namespace adcov::engage
