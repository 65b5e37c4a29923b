#pragma once
/// \file
/// Monte Carlo engagement of a scenario's salvos against its batteries
/// (SPEC "Engagement"). Trial i draws from a stream seeded by (seed, i), so
/// results are bit-identical for any thread count.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

/// Interception statistics for one group of threats (SPEC summary keys).
struct RateStats {
  std::int64_t launched = 0;      ///< per trial (the same in every trial)
  double intercepted_mean = 0;    ///< mean over trials
  double interception_rate = 0;   ///< intercepted / launched, pooled over trials
  double ci95_lo = 0, ci95_hi = 0;  ///< 95 % interval of the rate (see docs/engagement.md)
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
};

/// Runs the Monte Carlo. `batteries` from coverage::prepare_batteries over `terrain`.
/// \throws InputError for a salvo whose path leaves the terrain grid.
SimulationResult simulate(const model::Scenario& s, const geo::TerrainGrid& terrain,
                          const std::vector<coverage::BatteryGeometry>& batteries,
                          const SimulationOptions& opt);

}  // namespace adcov::engage
