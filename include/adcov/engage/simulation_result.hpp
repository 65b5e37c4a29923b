#pragma once
/// \file
/// What a Monte Carlo engagement produced (docs/outputs.md, "summary.json"): the data the
/// report writers read, apart from the engine that computes it
/// (engage/simulation.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "adcov/geo/geodesy.hpp"

namespace adcov::engage {

/// Interception statistics for one group of threats (summary.json's keys).
struct RateStats {
  std::int64_t launched = 0;      ///< per trial (the same in every trial)
  double intercepted_mean = 0;    ///< mean over trials
  double interception_rate = 0;   ///< intercepted / launched, pooled over trials
  /// 95 % interval of the rate with the trial as the unit (the Monte Carlo
  /// noise of the mean only; statistics.hpp, docs/engagement.md "Statistics").
  double ci95_lo = 0, ci95_hi = 0;
  double lost_ew_mean = 0;       ///< threats lost in EW zones per trial
  double lost_ew_rate = 0;       ///< lost / launched
  double neutralized_rate = 0;   ///< (intercepted + lost) / launched
  double neutralized_ci95_lo = 0, neutralized_ci95_hi = 0;  ///< as ci95
  std::int64_t warheads_launched = 0;      ///< launched that are not decoys, per trial
  double leaked_warheads_mean = 0;         ///< leakers that are not decoys, per trial
  double interceptors_on_decoys_mean = 0;  ///< interceptors fired at decoys, per trial
  /// Leaked warheads per trial: 5th, 50th and 95th percentile over the trials
  /// (the night-to-night spread, not an interval of the mean).
  double leaked_warheads_p5 = 0, leaked_warheads_p50 = 0, leaked_warheads_p95 = 0;
  double p_any_leak = 0;  ///< share of trials in which at least one warhead leaked
  double p_any_leak_ci95_lo = 0, p_any_leak_ci95_hi = 0;  ///< Wilson interval over the trials
};

/// One trial's totals (a row of trials.csv).
struct TrialOutcome {
  int intercepted = 0;
  int leaked = 0;            ///< every leaker, decoys included
  int interceptors_fired = 0;
  double interceptor_cost_usd = 0;
  double threats_destroyed_cost_usd = 0;
  int lost_ew = 0;           ///< lost in EW zones
  int leaked_warheads = 0;   ///< leakers that are not decoys
};

struct LeakersAtTarget {
  geo::LonLat at;
  double mean = 0;  ///< leakers per trial reaching this target
};

/// What one operator group adds (docs/model.md, "Operator contribution").
struct OperatorEffect {
  double interceptions_mean = 0;       ///< interceptions made by the group's batteries
  double rate_without = 0;             ///< overall interception rate with the group removed
  double ci95_lo_without = 0, ci95_hi_without = 0;  ///< 95 % interval of rate_without, as RateStats::ci95
  double marginal_interceptions = 0;   ///< intercepted_mean(all) - intercepted_mean(without)
};

/// One shooter's use over the trials (summary.json engagement.by_battery).
struct BatteryUse {
  double fired_mean = 0;        ///< interceptors per trial
  double kills_mean = 0;        ///< threats it destroyed per trial
  double ran_dry_fraction = 0;  ///< trials in which its magazine emptied
  /// Median time (s since the first launch) the magazine first emptied, over
  /// the trials in which it did; nullopt when it never did.
  std::optional<double> ran_dry_median_s;
};

/// What the sensor network adds (c2.mode cued or integrated): the same
/// trials rerun with autonomous batteries (same draws, paired).
struct NetworkEffect {
  std::string mode;                                      ///< the scenario's c2.mode
  RateStats autonomous_overall;                          ///< every battery on its own sensor
  std::map<std::string, RateStats> autonomous_by_class;  ///< "drone" | "cruise" | "ballistic"
  double added_interceptions_mean = 0;                   ///< intercepted_mean(network) - (autonomous)
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
  std::vector<std::pair<std::string, BatteryUse>> by_battery;  ///< shooters, in scenario order (battery id)
  std::optional<NetworkEffect> network;  ///< with operator effects and c2.mode not autonomous
  std::vector<TrialOutcome> trial_outcomes;            ///< in trial order
};

}  // namespace adcov::engage
