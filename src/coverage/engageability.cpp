// docs/model.md, "Detection" and "Engageable" as lookups on precomputed visibility.
#include "adcov/coverage/engageability.hpp"

#include <fmt/format.h>

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "adcov/error.hpp"
#include "adcov/model/detection.hpp"
#include "adcov/geo/grid.hpp"
#include "visibility_window.hpp"

namespace adcov::coverage {

double detection_range_m(const model::SystemType& sys, double rcs_m2) {
  // Sound: no radar equation (docs/coverage.md, "Acoustic sensors").
  if (sys.radar.kind == model::SensorKind::acoustic) return sys.radar.range_km * 1000.0;
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
  // The largest RCS this radar can see of the threat: any aspect, times its band factor.
  auto widen = [&](const std::string& threat) {
    auto it = s.threats.find(threat);
    if (it == s.threats.end()) return;
    rcs = std::max(rcs, model::rcs_widest_seen_m2(it->second, sys.radar.band));
  };
  double top_m = sys.engagement.max_alt_m;  // highest target height asked about
  for (const auto& salvo : s.salvos) {
    widen(salvo.threat);
    if (auto it = s.threats.find(salvo.threat); it != s.threats.end()) top_m = std::max(top_m, it->second.altitude_m);
  }
  if (s.coverage.threat) widen(*s.coverage.threat);
  double detect_m = detection_range_m(sys, rcs);
  // Under swerling1 a radar's cover (where one look still has Pd >= 1 %)
  // reaches beyond R50, and tracks may form there (model/detection.hpp).
  if (s.detection.model == model::DetectionModel::swerling1 && sys.radar.kind == model::SensorKind::radar)
    detect_m = model::swerling1_cover_m(detect_m, 1.0, s.detection.pfa);
  const double reach = std::max(detect_m, sys.engagement.max_range_km * 1000.0);
  // Nothing is visible beyond the horizon between an antenna and a target
  // both raised by the highest ground on earth (~8.9 km): this caps
  // "unlimited" ranges without ever cutting a visible cell.
  constexpr double kHighestGround = 9000.0;
  const double horizon = geo::horizon_distance_m(std::max(sys.radar.height_m, 0.0) + kHighestGround, s.k_factor) +
                         geo::horizon_distance_m(std::max(top_m, 0.0) + kHighestGround, s.k_factor);
  return std::min(reach, horizon);
}

namespace {

/// An acoustic sensor's window: 0 (every height heard, no line of sight) at
/// the cells whose centre lies within reach, kNeverVisible beyond.
VisibilityWindow acoustic_window(const geo::TerrainGrid& t, const Observer& o) {
  const detail::WindowSetup w = detail::setup_window(t, o);
  VisibilityWindow v;
  v.col0 = w.col0, v.row0 = w.row0, v.width = w.width, v.height = w.height;
  v.antenna_z_m = w.antenna_z_m;
  v.min_visible_h_m.assign(static_cast<std::size_t>(w.width) * w.height, kNeverVisible);
  const double r2 = std::max(o.reach_m, 0.0) * std::max(o.reach_m, 0.0);
  for (int r = 0; r < w.height; ++r)
    for (int c = 0; c < w.width; ++c) {
      const geo::XY p = t.grid.cell_center(w.col0 + c, w.row0 + r);
      const double dx = p.x_m - o.pos.x_m, dy = p.y_m - o.pos.y_m;
      if (dx * dx + dy * dy <= r2) v.min_visible_h_m[static_cast<std::size_t>(r) * w.width + c] = 0.0f;
    }
  v.min_visible_h_m[static_cast<std::size_t>(w.own_row) * w.width + w.own_col] = 0.0f;
  return v;
}

}  // namespace

void mask_sector(VisibilityWindow& vis, const geo::GridSpec& grid, geo::XY pos, double azimuth_deg,
                 double sector_deg) {
  if (!(sector_deg < 360.0)) return;
  // LAEA grid north is true north only on the central meridian: the grid
  // angle of true north at pos (clockwise from +y) is the convergence.
  const geo::LonLat ll = geo::unproject(grid.projection, pos);
  const geo::XY north = geo::project(grid.projection, geo::destination(ll, 0.0, 1000.0));
  const double convergence_deg = std::atan2(north.x_m - pos.x_m, north.y_m - pos.y_m) / geo::kDegToRad;
  const double half = 0.5 * sector_deg;
  const int own_c = static_cast<int>(std::floor(grid.col_of(pos.x_m)));
  const int own_r = static_cast<int>(std::floor(grid.row_of(pos.y_m)));
  // Most cells lie far from the sector's edges: the cosine of their angle
  // to the axis (a dot product and a square root) decides them, with a margin
  // of 1e-6 degrees that dwarfs the rounding of either test; the few within
  // it take the bearing's atan2, the rule itself.
  const double axis_rad = (convergence_deg + azimuth_deg) * geo::kDegToRad;
  const double ax = std::sin(axis_rad), ay = std::cos(axis_rad);
  constexpr double kMarginDeg = 1e-6;
  const double cos_in = std::cos(std::min(180.0, half + kMarginDeg) * geo::kDegToRad) - 1e-12;
  const double cos_keep = std::cos(std::max(0.0, half - kMarginDeg) * geo::kDegToRad) + 1e-12;
  const auto outside = [&](double dx, double dy) {
    const double cos_off = (dx * ax + dy * ay) / std::sqrt(dx * dx + dy * dy);
    if (cos_off >= cos_keep) return false;
    if (cos_off <= cos_in) return true;
    const double grid_bearing = std::atan2(dx, dy) / geo::kDegToRad;
    const double off = std::remainder(grid_bearing - convergence_deg - azimuth_deg, 360.0);  // in [-180, 180)
    return std::abs(off) > half;
  };
  // Rows in parallel: every cell is decided on its own.
  tbb::parallel_for(tbb::blocked_range<int>(0, vis.height, 16), [&](const tbb::blocked_range<int>& rows) {
    for (int r = rows.begin(); r != rows.end(); ++r)
      for (int c = 0; c < vis.width; ++c) {
        float& h = vis.min_visible_h_m[static_cast<std::size_t>(r) * vis.width + c];
        if (!(h < kNeverVisible) || (vis.col0 + c == own_c && vis.row0 + r == own_r)) continue;
        const geo::XY p = grid.cell_center(vis.col0 + c, vis.row0 + r);
        if (outside(p.x_m - pos.x_m, p.y_m - pos.y_m)) h = kNeverVisible;
      }
  });
}

bool engageable(const BatteryGeometry& b, const geo::GridSpec& grid, geo::XY p, double h_agl_m, double ground_at_p_m,
                const TargetQuery& target, double k_factor) {
  return engageable(engage_lookup(b, target), grid, p, h_agl_m, ground_at_p_m, k_factor);
}

namespace {

/// A battery's geometry without its window yet, and the observer to sweep
/// from. \throws InputError for a battery outside the grid or the DEM.
BatteryGeometry place_battery(const model::Scenario& s, const model::Battery& b, std::size_t index,
                              const geo::TerrainGrid& terrain, Observer& obs) {
  const geo::GridSpec& g = terrain.grid;
  BatteryGeometry bg;
  bg.battery_index = index;
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
  obs.pos = bg.pos;
  obs.antenna_agl_m = bg.system.radar.height_m;
  obs.reach_m = battery_reach_m(s, bg.system);
  obs.min_elevation_deg = bg.system.radar.min_elevation_deg;
  return bg;
}

void sweep_window(const model::Scenario& s, const model::Battery& b, const geo::TerrainGrid& terrain,
                  const Observer& obs, BatteryGeometry& bg) {
  const model::RadarParams& radar = bg.system.radar;
  if (radar.kind == model::SensorKind::acoustic) bg.vis = acoustic_window(terrain, obs);
  else compute_visibility_into(terrain, obs, s.k_factor, bg.vis);  // reuses bg.vis's memory, if any
  mask_sector(bg.vis, terrain.grid, bg.pos, b.azimuth_deg, radar.sector_deg);
}

}  // namespace

BatteryGeometry prepare_battery(const model::Scenario& s, const model::Battery& b, std::size_t index,
                                const geo::TerrainGrid& terrain) {
  BatteryGeometry bg;
  prepare_battery_into(s, b, index, terrain, bg);
  return bg;
}

void prepare_battery_into(const model::Scenario& s, const model::Battery& b, std::size_t index,
                          const geo::TerrainGrid& terrain, BatteryGeometry& bg, double max_reach_m) {
  Observer obs;
  VisibilityWindow memory = std::move(bg.vis);
  bg = place_battery(s, b, index, terrain, obs);
  obs.reach_m = std::min(obs.reach_m, max_reach_m);
  bg.vis = std::move(memory);
  sweep_window(s, b, terrain, obs, bg);
}

std::vector<BatteryGeometry> prepare_batteries(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                               bool windows) {
  std::vector<BatteryGeometry> out(s.batteries.size());
  std::vector<Observer> obs(s.batteries.size());
  // Validate serially so the first bad battery in file order is the one reported.
  for (std::size_t i = 0; i < s.batteries.size(); ++i) out[i] = place_battery(s, s.batteries[i], i, terrain, obs[i]);
  if (!windows) return out;
  tbb::parallel_for(std::size_t{0}, out.size(),
                    [&](std::size_t i) { sweep_window(s, s.batteries[i], terrain, obs[i], out[i]); });
  return out;
}

}  // namespace adcov::coverage
