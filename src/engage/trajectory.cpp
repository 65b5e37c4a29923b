#include "adcov/engage/trajectory.hpp"

#include <algorithm>

#include "adcov/error.hpp"

namespace adcov::engage {

Trajectory make_trajectory(const model::ThreatType& threat, geo::LonLat launch,
                           const std::vector<geo::LonLat>& route, geo::LonLat target) {
  // Bad input the user can fix (exit code 2), not an internal failure.
  if (!(threat.speed_mps > 0))
    throw InputError("threat '" + threat.id + "': speed_mps must be > 0");
  Trajectory tr;
  tr.cls = threat.cls;
  tr.speed_mps = threat.speed_mps;
  tr.altitude_m = threat.altitude_m;
  tr.vertices.reserve(route.size() + 2);
  tr.vertices.push_back(launch);
  tr.vertices.insert(tr.vertices.end(), route.begin(), route.end());
  tr.vertices.push_back(target);
  tr.cum_m.assign(tr.vertices.size(), 0.0);
  for (std::size_t i = 1; i < tr.vertices.size(); ++i)
    tr.cum_m[i] = tr.cum_m[i - 1] + geo::distance_m(tr.vertices[i - 1], tr.vertices[i]);
  return tr;
}

geo::LonLat position_at(const Trajectory& tr, double s_m) {
  const double L = tr.length_m();
  if (tr.vertices.size() < 2 || L <= 0) return tr.vertices.front();
  s_m = std::clamp(s_m, 0.0, L);
  // The leg containing s: first vertex whose cumulative distance exceeds s.
  auto it = std::upper_bound(tr.cum_m.begin(), tr.cum_m.end(), s_m);
  std::size_t leg = it == tr.cum_m.end() ? tr.cum_m.size() - 2
                                         : static_cast<std::size_t>(it - tr.cum_m.begin()) - 1;
  leg = std::min(leg, tr.cum_m.size() - 2);
  const double len = tr.cum_m[leg + 1] - tr.cum_m[leg];
  if (len <= 0) return tr.vertices[leg];
  return geo::interpolate(tr.vertices[leg], tr.vertices[leg + 1], (s_m - tr.cum_m[leg]) / len);
}

double height_agl_m(const Trajectory& tr, double s_m) {
  if (tr.cls != model::ThreatClass::ballistic) return tr.altitude_m;
  const double L = tr.length_m();
  if (L <= 0) return 0.0;
  const double x = std::clamp(s_m / L, 0.0, 1.0);
  return 4.0 * tr.altitude_m * x * (1.0 - x);
}

}  // namespace adcov::engage
