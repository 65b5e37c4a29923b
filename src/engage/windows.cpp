// Engageability windows along a threat path (see windows.hpp).
//
// Notation: k = sample index, s_k = k L / n ground distance, t_k = s_k / v,
// (x_k, y_k) projected position, g_k ground height (m above sea level),
// h_k height above ground, d horizontal distance battery -> sample,
// z_a antenna height above sea level, k_f the refraction factor.
// Slant range in the curved-earth frame (SPEC "Geometry"):
//   dz = (g_k + h_k - d^2 / (2 k_f R)) - z_a,   r = sqrt(d^2 + dz^2).

#include "adcov/engage/windows.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "adcov/geo/geodesy.hpp"

namespace adcov::engage {
namespace {

struct Sample {
  double x = 0, y = 0;    // projected metres
  double t = 0;           // s since launch
  double h = 0;           // height above ground
  double ground = 0;      // ground height above sea level
  int col = -1, row = -1; // grid cell; -1 outside the grid
};

double slant_m(const coverage::BatteryGeometry& b, const Sample& p, double k_factor) {
  const double dx = p.x - b.pos.x_m, dy = p.y - b.pos.y_m;
  const double d2 = dx * dx + dy * dy;
  const double dz = p.ground + p.h - d2 / (2.0 * k_factor * geo::kEarthRadiusM) - b.vis.antenna_z_m;
  return std::sqrt(d2 + dz * dz);
}

}  // namespace

PathWindows compute_windows(const Trajectory& tr, const model::ThreatType& threat,
                            const geo::TerrainGrid& terrain,
                            const std::vector<coverage::BatteryGeometry>& batteries,
                            double k_factor, const WindowParams& params) {
  PathWindows out;
  out.duration_s = tr.duration_s();
  const geo::GridSpec& grid = terrain.grid;
  const double L = tr.length_m();
  const double step = std::max(params.step_cells * grid.cell_m, 1.0);
  const int n = std::max(1, static_cast<int>(std::ceil(L / step)));

  // Sample the path once; every battery reuses the samples.
  std::vector<Sample> smp(static_cast<std::size_t>(n) + 1);
  double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin, ymin = xmin, ymax = -xmin;
  for (int k = 0; k <= n; ++k) {
    const double s = L * k / n;
    Sample& p = smp[static_cast<std::size_t>(k)];
    const geo::XY xy = geo::project(grid.projection, position_at(tr, s));
    p.x = xy.x_m;
    p.y = xy.y_m;
    p.t = s / tr.speed_mps;
    p.h = height_agl_m(tr, s);
    const double c = std::floor(grid.col_of(p.x)), r = std::floor(grid.row_of(p.y));
    if (c >= 0 && r >= 0 && c < grid.width && r < grid.height) {
      p.col = static_cast<int>(c);
      p.row = static_cast<int>(r);
      p.ground = terrain.at(p.col, p.row);
      xmin = std::min(xmin, p.x), xmax = std::max(xmax, p.x);
      ymin = std::min(ymin, p.y), ymax = std::max(ymax, p.y);
    }
  }
  if (!(xmin <= xmax)) return out;  // the path never crosses the grid

  const coverage::TargetQuery query{threat.rcs_m2, threat.cls};
  const int stride = std::max(1, static_cast<int>(std::lround(params.range_step_m / (L / n))));

  for (std::size_t bi = 0; bi < batteries.size(); ++bi) {
    const coverage::BatteryGeometry& b = batteries[bi];
    if (!(b.system.pk.of(threat.cls) > 0)) continue;
    // Cull: the envelope's reach circle must meet the path's bounding box.
    const double reach = b.system.engagement.max_range_km * 1000.0 + grid.cell_m;
    const double cx = std::clamp(b.pos.x_m, xmin, xmax), cy = std::clamp(b.pos.y_m, ymin, ymax);
    if ((cx - b.pos.x_m) * (cx - b.pos.x_m) + (cy - b.pos.y_m) * (cy - b.pos.y_m) > reach * reach)
      continue;
    const double det_range = coverage::detection_range_m(b.system, threat.rcs_m2);
    const double reaction = b.system.reaction_s;
    const coverage::EngageLookup lookup = coverage::engage_lookup(b, query);  // the envelope once, not per sample

    auto engageable_at = [&](const Sample& p) {
      if (p.col < 0) return false;
      const double dx = p.x - b.pos.x_m, dy = p.y - b.pos.y_m;
      if (dx * dx + dy * dy > reach * reach) return false;
      return coverage::engageable(lookup, grid, {p.x, p.y}, p.h, p.ground, k_factor);
    };
    auto detected_at = [&](const Sample& p) {
      return p.col >= 0 && b.vis.at(p.col, p.row) <= p.h && slant_m(b, p, k_factor) <= det_range;
    };

    int start = -1;
    for (int k = 0; k <= n + 1; ++k) {
      const bool eng = k <= n && engageable_at(smp[static_cast<std::size_t>(k)]);
      if (eng && start < 0) start = k;
      if (eng || start < 0) continue;
      // A run of engageable samples [start, k-1] ends: emit its window.
      const int last = k - 1;
      Window w;
      w.battery = static_cast<std::uint32_t>(bi);
      w.t_in_s = smp[static_cast<std::size_t>(start)].t;
      w.t_out_s = smp[static_cast<std::size_t>(last)].t;
      double t_detect = w.t_in_s;
      for (int j = start; j > 0 && detected_at(smp[static_cast<std::size_t>(j - 1)]);) {
        --j;
        t_detect = smp[static_cast<std::size_t>(j)].t;
        if (w.t_in_s - t_detect >= reaction) break;
      }
      w.t_ready_s = std::max(w.t_in_s, t_detect + reaction);
      if (w.t_ready_s < w.t_out_s) {
        w.range_begin = static_cast<std::uint32_t>(out.ranges.size());
        for (int j = start; j < last; j += stride) {
          const Sample& p = smp[static_cast<std::size_t>(j)];
          out.ranges.push_back({static_cast<float>(p.t), static_cast<float>(slant_m(b, p, k_factor))});
        }
        const Sample& p = smp[static_cast<std::size_t>(last)];
        out.ranges.push_back({static_cast<float>(p.t), static_cast<float>(slant_m(b, p, k_factor))});
        w.range_end = static_cast<std::uint32_t>(out.ranges.size());
        out.windows.push_back(w);
      }
      start = -1;
    }
  }

  std::stable_sort(out.windows.begin(), out.windows.end(), [](const Window& a, const Window& b) {
    return a.t_ready_s != b.t_ready_s ? a.t_ready_s < b.t_ready_s : a.battery < b.battery;
  });
  // One counter slot per distinct battery, numbered in order of first window.
  std::vector<std::uint32_t> slot_of(batteries.size(), UINT32_MAX);
  for (Window& w : out.windows) {
    if (slot_of[w.battery] == UINT32_MAX) slot_of[w.battery] = out.slots++;
    w.slot = slot_of[w.battery];
  }
  return out;
}

std::optional<double> intercept_time(const PathWindows& pw, const Window& w, double t_fire_s,
                                     double v) {
  if (!(v > 0) || t_fire_s > w.t_out_s || w.range_end <= w.range_begin) return std::nullopt;
  const RangeSample* r = pw.ranges.data() + w.range_begin;
  const std::size_t n = w.range_end - w.range_begin;
  // First sample strictly after t_fire (the table is evenly spaced but for
  // its last step, so start from the estimate and correct).
  std::size_t j = 0;
  if (n >= 2 && r[1].t_s > r[0].t_s) {
    const double est = (t_fire_s - r[0].t_s) / (r[1].t_s - r[0].t_s);
    j = static_cast<std::size_t>(std::clamp(est, 0.0, static_cast<double>(n - 1)));
  }
  while (j > 0 && r[j - 1].t_s > t_fire_s) --j;
  while (j < n && r[j].t_s <= t_fire_s) ++j;
  // g(t) = (t - t_fire) v - slant(t): negative at t_fire, first root is the intercept.
  double t_prev = t_fire_s;
  double g_prev;
  if (j == 0) {
    g_prev = -r[0].slant_m;
  } else if (j >= n) {
    // t_fire at or after the last sample (== t_out): only a zero-range hit.
    return r[n - 1].slant_m <= 0 ? std::optional<double>(t_fire_s) : std::nullopt;
  } else {
    const double f = (t_fire_s - r[j - 1].t_s) / (r[j].t_s - r[j - 1].t_s);
    g_prev = -(r[j - 1].slant_m + f * (r[j].slant_m - r[j - 1].slant_m));
  }
  for (; j < n; ++j) {
    const double t = r[j].t_s;
    const double g = (t - t_fire_s) * v - r[j].slant_m;
    if (g >= 0) {
      const double t_hit = t_prev + (t - t_prev) * (-g_prev) / (g - g_prev);
      return std::min(t_hit, w.t_out_s);
    }
    t_prev = t;
    g_prev = g;
  }
  return std::nullopt;
}

}  // namespace adcov::engage
