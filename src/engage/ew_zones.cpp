// First entries of a path into the GNSS-denial zones (see ew_zones.hpp).
#include "adcov/engage/ew_zones.hpp"

#include <algorithm>
#include <cmath>

#include "adcov/geo/geodesy.hpp"

namespace adcov::engage {

std::vector<ZoneEntry> zone_entries(const Trajectory& tr, const std::vector<model::EwZone>& zones, double step_m) {
  std::vector<ZoneEntry> out;
  const double L = tr.length_m();
  const int n = std::max(1, static_cast<int>(std::ceil(L / std::max(step_m, 1.0))));
  for (std::uint32_t z = 0; z < zones.size(); ++z) {
    const model::EwZone& zone = zones[z];
    const double r_m = zone.radius_km * 1000.0;
    auto gap_m = [&](double s) { return geo::distance_m(zone.center, position_at(tr, s)) - r_m; };
    auto inside = [&](double s) { return gap_m(s) <= 0; };
    double gap = gap_m(0);
    if (gap <= 0) {
      out.push_back({z, 0.0});
      continue;
    }
    // The path's distance to the centre changes by at most the ground
    // distance flown, so no sample closer than `gap` metres further on can be
    // inside: those are skipped (1 m kept for rounding). The first inside
    // sample is the one a sample-by-sample walk finds.
    for (int k = 1; k <= n; ++k) {
      const double s = L * k / n;
      if ((gap = gap_m(s)) > 0) {
        const double skip_to = s + gap - 1.0;  // samples before it are outside
        k = std::max(k, static_cast<int>(std::floor(skip_to / L * n)));
        continue;
      }
      double lo = L * (k - 1) / n, hi = s;  // outside at lo, inside at hi
      while (hi - lo > 1.0) {
        const double mid = 0.5 * (lo + hi);
        (inside(mid) ? hi : lo) = mid;
      }
      out.push_back({z, hi / tr.speed_mps});
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ZoneEntry& a, const ZoneEntry& b) { return a.t_s < b.t_s; });
  return out;
}

}  // namespace adcov::engage
