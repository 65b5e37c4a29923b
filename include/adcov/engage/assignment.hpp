#pragma once
/// \file
/// Weapon-target assignment (WTA): which battery engages a threat when
/// several can fire at it now. The battle asks once per decision (a threat
/// that is free, alive and inside at least one ready window); one battery
/// engages a threat at a time, so no threat draws more fire than one
/// battery's doctrine (shots_per_engagement) until that outcome is known.

#include <cstdint>
#include <span>
#include <string_view>

#include "adcov/model/threat.hpp"

namespace adcov::engage {

/// How to choose among the batteries that can fire at a threat now.
enum class AssignmentPolicy {
  /// Cheapest engagement (interceptor cost x shots) among those whose
  /// engagement kill probability 1-(1-pk)^shots reaches `adequate_pk`; if
  /// none does, the highest engagement pk. High-end interceptors (cost per
  /// interceptor above `high_end_cost_usd`) are kept for missiles: against a
  /// cruise missile they fire only when no other battery can engage that
  /// threat now or later along its path; against drones never, unless
  /// `high_end_engages_drones` (a $4-5 M interceptor spent on a $50 k drone
  /// empties the magazine the ballistic threat later needs; public reporting
  /// describes Patriot batteries as held for missiles).
  cheapest_adequate,
  /// The battery listed first in the scenario among those that can fire now;
  /// no reservation (a baseline for comparisons).
  first_available,
};

/// "cheapest_adequate" or "first_available".
std::string_view to_string(AssignmentPolicy p);

/// The WTA policy and its thresholds.
struct AssignmentParams {
  AssignmentPolicy policy = AssignmentPolicy::cheapest_adequate;
  /// Engagement kill probability that counts as adequate (cheapest_adequate).
  double adequate_pk = 0.5;
  /// Interceptors costing more than this (USD each) are held for ballistic
  /// threats (cheapest_adequate). Patriot PAC-3 MSE and SAMP/T Aster 30 are
  /// above, IRIS-T SLM and NASAMS (AMRAAM) below.
  double high_end_cost_usd = 1.0e6;
  /// Let high-end interceptors engage drones as a last resort (cheapest_adequate).
  bool high_end_engages_drones = false;
};

/// One battery that could engage the threat now.
struct Candidate {
  std::uint32_t battery = 0;        ///< battery index (ties go to the lower index)
  double engagement_pk = 0;         ///< 1 - (1 - pk)^shots
  double engagement_cost_usd = 0;   ///< interceptor cost x shots
  bool high_end = false;            ///< interceptor cost > high_end_cost_usd
};

/// Whether an interceptor of `cost_usd` is high-end under `p`.
inline bool is_high_end(double cost_usd, const AssignmentParams& p) {
  return cost_usd > p.high_end_cost_usd;
}

/// Index into `c` of the battery to engage a threat of class `cls`, or -1 to
/// hold fire. `other_option` tells whether a battery that is not high-end can
/// engage this threat now or later (used by cheapest_adequate's reservation).
int choose_candidate(std::span<const Candidate> c, const AssignmentParams& p,
                     model::ThreatClass cls, bool other_option);

}  // namespace adcov::engage
