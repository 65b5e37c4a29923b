// Engageability windows along a threat path (see windows.hpp).
//
// Notation: k = sample index, s_k = k L / n ground distance, t_k = s_k / v,
// (x_k, y_k) projected position, g_k ground height (m above sea level),
// h_k height above ground, d horizontal distance battery -> sample,
// z_a antenna height above sea level, k_f the refraction factor.
// Slant range in the curved-earth frame (docs/model.md, "Geometry"):
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
  const double dz = p.ground + p.h - geo::curvature_drop_sq_m(d2, k_factor) - b.vis.antenna_z_m;
  return std::sqrt(d2 + dz * dz);
}

/// The path sampled at n + 1 evenly spaced ground distances, and the
/// bounding box of the samples on the grid (empty when it never crosses it).
struct PathSamples {
  std::vector<Sample> at;
  double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin, ymin = xmin, ymax = -xmin;
  bool crosses_grid() const { return xmin <= xmax; }
};

PathSamples sample_path(const Trajectory& tr, const geo::TerrainGrid& terrain, int n) {
  const geo::GridSpec& grid = terrain.grid;
  const double L = tr.length_m();
  PathSamples ps;
  ps.at.resize(static_cast<std::size_t>(n) + 1);
  for (int k = 0; k <= n; ++k) {
    const double s = L * k / n;
    Sample& p = ps.at[static_cast<std::size_t>(k)];
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
      ps.xmin = std::min(ps.xmin, p.x), ps.xmax = std::max(ps.xmax, p.x);
      ps.ymin = std::min(ps.ymin, p.y), ps.ymax = std::max(ps.ymax, p.y);
    }
  }
  return ps;
}

/// One battery against one threat, precomputed for every sample of the path.
struct BatteryView {
  const coverage::BatteryGeometry& b;
  const geo::GridSpec& grid;
  double k_factor;
  double reach;      ///< engagement reach (max range plus a cell), m
  double det_range;  ///< detection range against the threat, m
  coverage::EngageLookup lookup;  // the envelope once, not per sample

  BatteryView(const coverage::BatteryGeometry& battery, const model::ThreatType& threat, const geo::GridSpec& g,
              double k)
      : b(battery), grid(g), k_factor(k), reach(battery.system.engagement.max_range_km * 1000.0 + g.cell_m),
        det_range(coverage::detection_range_m(battery.system, threat.rcs_m2)),
        lookup(coverage::engage_lookup(battery, {threat.rcs_m2, threat.cls})) {}

  /// Cull: the reach circle must meet the path's bounding box.
  bool reaches(const PathSamples& ps) const {
    const double cx = std::clamp(b.pos.x_m, ps.xmin, ps.xmax), cy = std::clamp(b.pos.y_m, ps.ymin, ps.ymax);
    return !((cx - b.pos.x_m) * (cx - b.pos.x_m) + (cy - b.pos.y_m) * (cy - b.pos.y_m) > reach * reach);
  }
  bool engageable_at(const Sample& p) const {
    if (p.col < 0) return false;
    const double dx = p.x - b.pos.x_m, dy = p.y - b.pos.y_m;
    if (dx * dx + dy * dy > reach * reach) return false;
    return coverage::engageable(lookup, grid, {p.x, p.y}, p.h, p.ground, k_factor);
  }
  bool detected_at(const Sample& p) const {
    return p.col >= 0 && b.vis.at(p.col, p.row) <= p.h && slant_m(b, p, k_factor) <= det_range;
  }
};

/// Earliest launch for a window entered at sample `start`: reaction_s after
/// detection, walking back from `start` while the radar detects the threat.
double ready_time(const BatteryView& v, const std::vector<Sample>& smp, int start) {
  const double t_in = smp[static_cast<std::size_t>(start)].t, reaction = v.b.system.reaction_s;
  double t_detect = t_in;
  for (int j = start; j > 0 && v.detected_at(smp[static_cast<std::size_t>(j - 1)]);) {
    --j;
    t_detect = smp[static_cast<std::size_t>(j)].t;
    if (t_in - t_detect >= reaction) break;
  }
  return std::max(t_in, t_detect + reaction);
}

/// Appends the slant ranges of samples [start, last] (every `stride`-th, and
/// the last) to `out.ranges`.
void add_ranges(const BatteryView& v, const std::vector<Sample>& smp, int start, int last, int stride,
                PathWindows& out) {
  for (int j = start; j < last; j += stride) {
    const Sample& p = smp[static_cast<std::size_t>(j)];
    out.ranges.push_back({static_cast<float>(p.t), static_cast<float>(slant_m(v.b, p, v.k_factor))});
  }
  const Sample& p = smp[static_cast<std::size_t>(last)];
  out.ranges.push_back({static_cast<float>(p.t), static_cast<float>(slant_m(v.b, p, v.k_factor))});
}

/// Appends battery `bi`'s windows: one per run of engageable samples that
/// the battery is ready to fire at before the run ends.
void add_battery_windows(std::uint32_t bi, const BatteryView& v, const std::vector<Sample>& smp, int stride,
                         PathWindows& out) {
  const int n = static_cast<int>(smp.size()) - 1;
  int start = -1;
  for (int k = 0; k <= n + 1; ++k) {
    const bool eng = k <= n && v.engageable_at(smp[static_cast<std::size_t>(k)]);
    if (eng && start < 0) start = k;
    if (eng || start < 0) continue;
    // A run of engageable samples [start, k-1] ends: emit its window.
    const int last = k - 1;
    Window w;
    w.battery = bi;
    w.t_in_s = smp[static_cast<std::size_t>(start)].t;
    w.t_out_s = smp[static_cast<std::size_t>(last)].t;
    w.t_ready_s = ready_time(v, smp, start);
    if (w.t_ready_s < w.t_out_s) {
      w.range_begin = static_cast<std::uint32_t>(out.ranges.size());
      add_ranges(v, smp, start, last, stride, out);
      w.range_end = static_cast<std::uint32_t>(out.ranges.size());
      out.windows.push_back(w);
    }
    start = -1;
  }
}

/// Sorts the windows by (t_ready_s, battery) and numbers one counter slot per
/// distinct battery, in order of first window.
void order_windows(std::size_t batteries, PathWindows& out) {
  std::stable_sort(out.windows.begin(), out.windows.end(), [](const Window& a, const Window& b) {
    return a.t_ready_s != b.t_ready_s ? a.t_ready_s < b.t_ready_s : a.battery < b.battery;
  });
  std::vector<std::uint32_t> slot_of(batteries, UINT32_MAX);
  for (Window& w : out.windows) {
    if (slot_of[w.battery] == UINT32_MAX) slot_of[w.battery] = out.slots++;
    w.slot = slot_of[w.battery];
  }
}

}  // namespace

PathWindows compute_windows(const Trajectory& tr, const model::ThreatType& threat,
                            const geo::TerrainGrid& terrain,
                            const std::vector<coverage::BatteryGeometry>& batteries,
                            double k_factor, const WindowParams& params) {
  PathWindows out;
  out.duration_s = tr.duration_s();
  const double L = tr.length_m();
  const double step = std::max(params.step_cells * terrain.grid.cell_m, 1.0);
  const int n = std::max(1, static_cast<int>(std::ceil(L / step)));
  const PathSamples ps = sample_path(tr, terrain, n);  // once; every battery reuses the samples
  if (!ps.crosses_grid()) return out;

  const int stride = std::max(1, static_cast<int>(std::lround(params.range_step_m / (L / n))));
  for (std::size_t bi = 0; bi < batteries.size(); ++bi) {
    if (!(batteries[bi].system.pk.of(threat.cls) > 0)) continue;
    const BatteryView v(batteries[bi], threat, terrain.grid, k_factor);
    if (v.reaches(ps)) add_battery_windows(static_cast<std::uint32_t>(bi), v, ps.at, stride, out);
  }
  order_windows(batteries.size(), out);
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
