// docs/model.md, "Detection" and "Engageable" as lookups on precomputed visibility.
#include "adcov/coverage/engageability.hpp"

#include <fmt/format.h>

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "adcov/error.hpp"

namespace adcov::coverage {

double detection_range_m(const model::SystemType& sys, double rcs_m2) {
  // Radar equation: received power ~ rcs / R^4, so the range at fixed
  // detection threshold scales as rcs^(1/4) (Skolnik, Introduction to Radar
  // Systems, 3rd ed., eq. 1.5).
  const double ref = sys.radar.rcs_ref_m2 > 0 ? sys.radar.rcs_ref_m2 : 1.0;
  return sys.radar.range_km * 1000.0 * std::pow(std::max(rcs_m2, 0.0) / ref, 0.25);
}

SlantEnvelope slant_envelope(const model::SystemType& sys, double rcs_m2) {
  SlantEnvelope e;
  e.min_range_m = sys.engagement.min_range_km * 1000.0;
  e.max_range_m = std::min(detection_range_m(sys, rcs_m2), sys.engagement.max_range_km * 1000.0);
  e.min_alt_m = sys.engagement.min_alt_m;
  e.max_alt_m = sys.engagement.max_alt_m;
  return e;
}

double battery_reach_m(const model::Scenario& s, const model::SystemType& sys) {
  double rcs = sys.radar.rcs_ref_m2;
  auto widen = [&](const std::string& threat) {
    if (auto it = s.threats.find(threat); it != s.threats.end()) rcs = std::max(rcs, it->second.rcs_m2);
  };
  double top_m = sys.engagement.max_alt_m;  // highest target height asked about
  for (const auto& salvo : s.salvos) {
    widen(salvo.threat);
    if (auto it = s.threats.find(salvo.threat); it != s.threats.end()) top_m = std::max(top_m, it->second.altitude_m);
  }
  if (s.coverage.threat) widen(*s.coverage.threat);
  const double reach = std::max(detection_range_m(sys, rcs), sys.engagement.max_range_km * 1000.0);
  // Nothing is visible beyond the horizon between an antenna and a target
  // both raised by the highest ground on earth (~8.9 km): this caps
  // "unlimited" ranges without ever cutting a visible cell.
  constexpr double kHighestGround = 9000.0;
  const double horizon = geo::horizon_distance_m(std::max(sys.radar.height_m, 0.0) + kHighestGround, s.k_factor) +
                         geo::horizon_distance_m(std::max(top_m, 0.0) + kHighestGround, s.k_factor);
  return std::min(reach, horizon);
}

bool engageable(const BatteryGeometry& b, const geo::GridSpec& grid, geo::XY p, double h_agl_m, double ground_at_p_m,
                const TargetQuery& target, double k_factor) {
  return engageable(engage_lookup(b, target), grid, p, h_agl_m, ground_at_p_m, k_factor);
}

std::vector<BatteryGeometry> prepare_batteries(const model::Scenario& s, const geo::TerrainGrid& terrain) {
  const geo::GridSpec& g = terrain.grid;
  std::vector<BatteryGeometry> out(s.batteries.size());
  std::vector<Observer> obs(s.batteries.size());
  // Validate serially so the first bad battery in file order is the one reported.
  for (std::size_t i = 0; i < s.batteries.size(); ++i) {
    const model::Battery& b = s.batteries[i];
    BatteryGeometry& bg = out[i];
    bg.battery_index = i;
    bg.system = model::effective_system(s, b);
    bg.group = b.op.group;
    bg.pos = geo::project(g.projection, b.position);
    const int c = static_cast<int>(std::floor(g.col_of(bg.pos.x_m)));
    const int r = static_cast<int>(std::floor(g.row_of(bg.pos.y_m)));
    const bool outside_grid = c < 0 || r < 0 || c >= g.width || r >= g.height;
    if (outside_grid || (!terrain.outside_dem.empty() && terrain.outside_dem[static_cast<std::size_t>(r) * g.width + c])) {
      throw InputError((b.loc.file.empty() ? s.file.string() : b.loc.str()) +
                       fmt::format(": battery '{}' at ({:.5f}, {:.5f}) is outside the {}", b.id, b.position.lon_deg,
                                   b.position.lat_deg, outside_grid ? "terrain grid" : "DEM"));
    }
    obs[i].pos = bg.pos;
    obs[i].antenna_agl_m = bg.system.radar.height_m;
    obs[i].reach_m = battery_reach_m(s, bg.system);
    obs[i].min_elevation_deg = bg.system.radar.min_elevation_deg;
  }
  tbb::parallel_for(std::size_t{0}, out.size(),
                    [&](std::size_t i) { out[i].vis = compute_visibility(terrain, obs[i], s.k_factor); });
  return out;
}

}  // namespace adcov::coverage
