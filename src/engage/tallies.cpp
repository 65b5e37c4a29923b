// Merge of SimulationTallies (tallies.hpp). Everything is integers (the
// cost columns are per-trial rows, concatenated), so a merge of disjoint
// trial ranges reproduces one process's tallies exactly.

#include "adcov/engage/tallies.hpp"

#include <algorithm>
#include <string>

#include "adcov/error.hpp"

namespace adcov::engage {
namespace {

void add_into(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& v) {
  if (into.size() != v.size()) throw Error("merge_tallies: tallies of different shape");
  for (std::size_t i = 0; i < v.size(); ++i) into[i] += v[i];
}

}  // namespace

SimulationTallies merge_tallies(std::vector<SimulationTallies> parts) {
  if (parts.empty()) throw Error("merge_tallies: nothing to merge");
  std::stable_sort(parts.begin(), parts.end(), [](const SimulationTallies& a, const SimulationTallies& b) {
    // An empty range sorts before a range starting at the same trial.
    return a.first_trial != b.first_trial ? a.first_trial < b.first_trial : a.trials < b.trials;
  });
  SimulationTallies out = std::move(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const SimulationTallies& p = parts[i];
    if (p.seed != out.seed) throw Error("merge_tallies: tallies of different seeds");
    if (p.first_trial != out.first_trial + out.trials)
      throw Error("merge_tallies: trial ranges are not contiguous (trial " +
                  std::to_string(out.first_trial + out.trials) + " expected, " +
                  std::to_string(p.first_trial) + " found)");
    add_into(out.intercepted_by_salvo, p.intercepted_by_salvo);
    add_into(out.leaked_by_target, p.leaked_by_target);
    add_into(out.fired_by_battery, p.fired_by_battery);
    add_into(out.kills_by_battery, p.kills_by_battery);
    add_into(out.ran_dry_by_battery, p.ran_dry_by_battery);
    add_into(out.lost_by_salvo, p.lost_by_salvo);
    add_into(out.leaked_by_salvo, p.leaked_by_salvo);
    add_into(out.fired_by_salvo, p.fired_by_salvo);
    out.ran_dry_s.insert(out.ran_dry_s.end(), p.ran_dry_s.begin(), p.ran_dry_s.end());
    add_into(out.intercepted_without, p.intercepted_without);
    add_into(out.intercepted_autonomous_by_salvo, p.intercepted_autonomous_by_salvo);
    out.trials += p.trials;
    out.trial_outcomes.insert(out.trial_outcomes.end(), p.trial_outcomes.begin(), p.trial_outcomes.end());
    out.salvo_trials.insert(out.salvo_trials.end(), p.salvo_trials.begin(), p.salvo_trials.end());
    out.without_trials.insert(out.without_trials.end(), p.without_trials.begin(), p.without_trials.end());
    out.autonomous_trials.insert(out.autonomous_trials.end(), p.autonomous_trials.begin(), p.autonomous_trials.end());
  }
  return out;
}

}  // namespace adcov::engage
