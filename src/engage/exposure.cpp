// Exposure fields (engage/exposure.hpp; docs/engagement.md, "Least-exposure routes").
#include "adcov/engage/exposure.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace adcov::engage {

namespace {

/// Index of the cell holding `p`, or SIZE_MAX off the grid.
std::size_t cell_index(const geo::GridSpec& g, geo::XY p) {
  const double c = std::floor(g.col_of(p.x_m)), r = std::floor(g.row_of(p.y_m));
  if (!(c >= 0 && r >= 0 && c < g.width && r < g.height)) return SIZE_MAX;
  return static_cast<std::size_t>(r) * g.width + static_cast<std::size_t>(c);
}

}  // namespace

double ExposureField::at(geo::XY p) const {
  const std::size_t i = cell_index(grid, p);
  return i == SIZE_MAX ? 0.0 : rate_per_m[i];
}

ZoneSet ExposureField::zones_at(geo::XY p) const {
  const std::size_t i = cell_index(grid, p);
  return i == SIZE_MAX || zones.empty() ? 0 : zones[i];
}

double ExposureField::entry_of(ZoneSet entered) const {
  double e = 0;
  for (std::size_t z = 0; entered; ++z, entered >>= 1)
    if (entered & 1) e += entry[z];
  return e;
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

/// One battery's part: its envelope against the threat, its entry charge
/// and rate, and its zone bit (0 beyond kMaxZones).
struct Shooter {
  const coverage::BatteryGeometry* battery = nullptr;
  coverage::SlantEnvelope env;
  double entry = 0;
  double rate_per_m = 0;
  ZoneSet bit = 0;
};

std::vector<Shooter> shooters(const model::ThreatType& threat, const std::vector<coverage::BatteryGeometry>& batteries) {
  // Probabilities below 1 - 1e-12 keep the charges finite for pk = 1 (a certain kill costs 27.6 nepers).
  constexpr double kMaxP = 1 - 1e-12;
  std::vector<Shooter> out;
  for (const coverage::BatteryGeometry& b : batteries) {
    const double p = std::min(crossing_kill_probability(b.system, threat), kMaxP);
    if (!(p > 0)) continue;
    const double crossing = -std::log1p(-p);
    const double first = std::min(-b.system.doctrine.shots_per_engagement *
                                      std::log1p(-std::min(b.system.pk.of(threat.cls), kMaxP)),
                                  crossing);
    const double diameter_m = 2 * b.system.engagement.max_range_km * 1000;
    Shooter z{&b, coverage::slant_envelope(b.system, model::rcs_front_seen_m2(threat, b.system.radar.band))};
    if (out.size() < kMaxZones) {
      z.bit = ZoneSet{1} << out.size();
      z.entry = first;
      z.rate_per_m = (crossing - first) / diameter_m;
    } else {
      z.rate_per_m = crossing / diameter_m;  // no bit left: the whole charge along the diameter
    }
    out.push_back(z);
  }
  return out;
}

}  // namespace

ExposureField exposure_field(const model::Scenario& s, const model::ThreatType& threat,
                             const geo::TerrainGrid& terrain, const std::vector<coverage::BatteryGeometry>& batteries) {
  const geo::GridSpec& g = terrain.grid;
  const std::vector<Shooter> zone = shooters(threat, batteries);
  ExposureField f{g, std::vector<float>(g.cells(), 0.0f), std::vector<ZoneSet>(g.cells(), 0), {}};
  for (const Shooter& z : zone)
    if (z.bit) f.entry.push_back(z.entry);
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
          if (iv.lo_m <= h && h <= iv.hi_m) row[static_cast<std::size_t>(c)] += z.rate_per_m, f.zones[off + c] |= z.bit;
        }
      }
      for (int c = 0; c < g.width; ++c) f.rate_per_m[off + c] = static_cast<float>(row[static_cast<std::size_t>(c)]);
    }
  });
  return f;
}

}  // namespace adcov::engage
