// Exposure fields (engage/exposure.hpp; docs/engagement.md, "Least-exposure routes").
#include "adcov/engage/exposure.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace adcov::engage {

double ExposureField::at(geo::XY p) const {
  const double c = std::floor(grid.col_of(p.x_m)), r = std::floor(grid.row_of(p.y_m));
  if (!(c >= 0 && r >= 0 && c < grid.width && r < grid.height)) return 0;
  return rate_per_m[static_cast<std::size_t>(r) * grid.width + static_cast<std::size_t>(c)];
}

double crossing_kill_probability(const model::SystemType& sys, const model::ThreatType& threat) {
  const double pk = sys.pk.of(threat.cls);
  if (sys.role != model::Role::shooter || !(pk > 0) || !(threat.speed_mps > 0)) return 0;
  const double diameter_m = 2 * sys.engagement.max_range_km * 1000;
  const double cross_s = diameter_m / threat.speed_mps;
  const double fly_s = sys.interceptor.speed_mps > 0 ? diameter_m / 4 / sys.interceptor.speed_mps : 0;
  const double spare_s = cross_s - sys.reaction_s;
  if (spare_s < 0) return 0;  // through before the first launch
  const double fits = fly_s > 0 ? std::floor(spare_s / fly_s) : sys.doctrine.max_engagements;
  const double n = std::clamp(fits, 1.0, static_cast<double>(sys.doctrine.max_engagements));
  return 1 - std::pow(1 - std::min(pk, 1.0), sys.doctrine.shots_per_engagement * n);
}

namespace {

/// One battery's part: its hazard rate and the envelope against the threat.
struct Shooter {
  const coverage::BatteryGeometry* battery = nullptr;
  coverage::SlantEnvelope env;
  double rate_per_m = 0;
};

std::vector<Shooter> shooters(const model::ThreatType& threat, const std::vector<coverage::BatteryGeometry>& batteries) {
  // P < 1 - 1e-12 keeps the rate finite for pk = 1 (a certain kill costs 27.6 nepers).
  constexpr double kMaxP = 1 - 1e-12;
  std::vector<Shooter> out;
  for (const coverage::BatteryGeometry& b : batteries) {
    const double p = std::min(crossing_kill_probability(b.system, threat), kMaxP);
    if (!(p > 0)) continue;
    const double diameter_m = 2 * b.system.engagement.max_range_km * 1000;
    out.push_back({&b, coverage::slant_envelope(b.system, model::rcs_front_seen_m2(threat, b.system.radar.band)),
                   -std::log1p(-p) / diameter_m});
  }
  return out;
}

}  // namespace

ExposureField exposure_field(const model::Scenario& s, const model::ThreatType& threat,
                             const geo::TerrainGrid& terrain, const std::vector<coverage::BatteryGeometry>& batteries) {
  const geo::GridSpec& g = terrain.grid;
  ExposureField f{g, std::vector<float>(g.cells(), 0.0f)};
  const std::vector<Shooter> zone = shooters(threat, batteries);
  const double h = threat.altitude_m;
  tbb::parallel_for(tbb::blocked_range<int>(0, g.height, 16), [&](const tbb::blocked_range<int>& rows) {
    std::vector<double> row(static_cast<std::size_t>(g.width));
    for (int r = rows.begin(); r != rows.end(); ++r) {
      std::fill(row.begin(), row.end(), 0.0);
      const std::size_t off = static_cast<std::size_t>(r) * g.width;
      const double y = g.cell_center(0, r).y_m;
      for (const Shooter& z : zone) {
        const coverage::VisibilityWindow& v = z.battery->vis;
        if (r < v.row0 || r >= v.row0 + v.height) continue;
        const float* vis = v.min_visible_h_m.data() + static_cast<std::size_t>(r - v.row0) * v.width;
        const double dy = y - z.battery->pos.y_m;
        for (int wc = 0; wc < v.width; ++wc) {
          if (!(vis[wc] < coverage::kNeverVisible)) continue;
          const int c = v.col0 + wc;
          const double dx = g.cell_center(c, r).x_m - z.battery->pos.x_m;
          const coverage::HeightInterval iv = coverage::engage_interval(
              z.env, vis[wc], std::sqrt(dx * dx + dy * dy), terrain.ground_m[off + c], v.antenna_z_m, s.k_factor);
          if (iv.lo_m <= h && h <= iv.hi_m) row[static_cast<std::size_t>(c)] += z.rate_per_m;
        }
      }
      for (int c = 0; c < g.width; ++c) f.rate_per_m[off + c] = static_cast<float>(row[static_cast<std::size_t>(c)]);
    }
  });
  return f;
}

}  // namespace adcov::engage
