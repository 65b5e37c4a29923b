#include "adcov/engage/assignment.hpp"

namespace adcov::engage {

std::string_view to_string(AssignmentPolicy p) {
  switch (p) {
    case AssignmentPolicy::cheapest_adequate: return "cheapest_adequate";
    case AssignmentPolicy::first_available: return "first_available";
  }
  return "?";
}

int choose_candidate(std::span<const Candidate> c, const AssignmentParams& p,
                     model::ThreatClass cls, bool other_option) {
  int best = -1;
  if (p.policy == AssignmentPolicy::first_available) {
    for (std::size_t i = 0; i < c.size(); ++i)
      if (best < 0 || c[i].battery < c[static_cast<std::size_t>(best)].battery)
        best = static_cast<int>(i);
    return best;
  }
  const bool reserve = (cls == model::ThreatClass::cruise && other_option) ||
                       (cls == model::ThreatClass::drone && (other_option || !p.high_end_engages_drones));
  // Strict weak order "a is better than b".
  auto better = [&](const Candidate& a, const Candidate& b) {
    const bool aa = a.engagement_pk >= p.adequate_pk, ba = b.engagement_pk >= p.adequate_pk;
    if (aa != ba) return aa;
    if (aa) {
      if (a.engagement_cost_usd != b.engagement_cost_usd)
        return a.engagement_cost_usd < b.engagement_cost_usd;
      if (a.engagement_pk != b.engagement_pk) return a.engagement_pk > b.engagement_pk;
    } else {
      if (a.engagement_pk != b.engagement_pk) return a.engagement_pk > b.engagement_pk;
      if (a.engagement_cost_usd != b.engagement_cost_usd)
        return a.engagement_cost_usd < b.engagement_cost_usd;
    }
    return a.battery < b.battery;
  };
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (reserve && c[i].high_end) continue;
    if (best < 0 || better(c[i], c[static_cast<std::size_t>(best)])) best = static_cast<int>(i);
  }
  return best;
}

}  // namespace adcov::engage
