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

#include "adcov/error.hpp"
#include "adcov/model/detection.hpp"
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

/// The samples of `tr` on its ground track (ground_track.hpp): times and
/// heights from the threat, positions from the track.
PathSamples sample_path(const Trajectory& tr, const GroundTrack& track) {
  const double L = tr.length_m();
  const int n = static_cast<int>(track.at.size()) - 1;
  PathSamples ps;
  ps.at.resize(track.at.size());
  for (int k = 0; k <= n; ++k) {
    const TrackSample& g = track.at[static_cast<std::size_t>(k)];
    Sample& p = ps.at[static_cast<std::size_t>(k)];
    const double s = L * k / n;
    p.x = g.x;
    p.y = g.y;
    p.t = s / tr.speed_mps;
    p.h = height_agl_m(tr, s);
    p.col = g.col;
    p.row = g.row;
    p.ground = g.ground;
    if (g.col >= 0) {
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
        det_range(coverage::detection_range_m(battery.system, front_rcs(battery, threat))),
        lookup(coverage::engage_lookup(battery, {front_rcs(battery, threat), threat.cls})) {}

  static double front_rcs(const coverage::BatteryGeometry& b, const model::ThreatType& t) {
    return model::rcs_front_seen_m2(t, b.system.radar.band);
  }

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


// ---- the sensor network: cover runs, tracks, own and remote windows -------

/// Heading (projected unit vector) of the path at each sample: towards the
/// next sample (the last one keeps the heading of the step before it).
std::vector<geo::XY> headings(const std::vector<Sample>& smp) {
  std::vector<geo::XY> h(smp.size(), geo::XY{0, 1});
  for (std::size_t k = 0; k < smp.size(); ++k) {
    const Sample& a = smp[k + 1 < smp.size() ? k : k - (k > 0 ? 1 : 0)];
    const Sample& b = smp[k + 1 < smp.size() ? k + 1 : k];
    const double dx = b.x - a.x, dy = b.y - a.y, n = std::hypot(dx, dy);
    if (n > 0) h[k] = {dx / n, dy / n};
  }
  return h;
}

/// One sensor (a sensor unit or a battery's radar) against the threat.
struct SensorView {
  const coverage::BatteryGeometry& b;
  const model::ThreatType& threat;
  const std::vector<geo::XY>& heading;  ///< empty when the RCS has no aspects
  double k_factor;
  model::DetectionSettings det;
  bool acoustic;
  double r50_m, rcs_ref;
  /// Without aspect RCS the ranges are the same at every sample: computed once.
  double fixed_cover_m = 0, fixed_detect_m = 0;

  SensorView(const coverage::BatteryGeometry& battery, const model::ThreatType& t, const std::vector<geo::XY>& h,
             double k, const model::DetectionSettings& d)
      : b(battery), threat(t), heading(h), k_factor(k), det(d),
        acoustic(battery.system.radar.kind == model::SensorKind::acoustic),
        r50_m(battery.system.radar.range_km * 1000.0),
        rcs_ref(battery.system.radar.rcs_ref_m2 > 0 ? battery.system.radar.rcs_ref_m2 : 1.0) {
    const double front = model::rcs_front_seen_m2(t, battery.system.radar.band);
    fixed_cover_m = cover_range_m(front);
    fixed_detect_m = coverage::detection_range_m(battery.system, front);
  }
  double cover_at_m(const std::vector<Sample>& smp, std::size_t k) const {
    return heading.empty() ? fixed_cover_m : cover_range_m(rcs_seen(smp, k));
  }
  double detect_at_m(const std::vector<Sample>& smp, std::size_t k) const {
    return heading.empty() ? fixed_detect_m : coverage::detection_range_m(b.system, rcs_seen(smp, k));
  }

  /// The RCS this radar sees at sample k: aspect = angle between the
  /// threat's heading and its line to the radar (0 = flying at it).
  double rcs_seen(const std::vector<Sample>& smp, std::size_t k) const {
    const model::RadarBand band = b.system.radar.band;
    if (heading.empty()) return model::rcs_front_seen_m2(threat, band);
    const double tx = b.pos.x_m - smp[k].x, ty = b.pos.y_m - smp[k].y, n = std::hypot(tx, ty);
    const double c = n > 0 ? std::clamp((heading[k].x_m * tx + heading[k].y_m * ty) / n, -1.0, 1.0) : 1.0;
    return model::rcs_seen_m2(threat, band, std::acos(c) * 180.0 / 3.14159265358979323846);
  }
  /// The range (m) inside which the sensor covers a target of `rcs_m2`.
  double cover_range_m(double rcs_m2) const {
    if (acoustic) return r50_m;  // sound: no RCS scaling
    if (det.model == model::DetectionModel::swerling1) return model::swerling1_cover_m(r50_m, rcs_m2 / rcs_ref, det.pfa);
    return coverage::detection_range_m(b.system, rcs_m2);
  }
  /// The largest cover range over aspects: the cull radius.
  double max_cover_m() const { return cover_range_m(model::rcs_widest_seen_m2(threat, b.system.radar.band)); }
  bool covers(const std::vector<Sample>& smp, std::size_t k, double reach_m) const {
    const Sample& p = smp[k];
    const double dx = p.x - b.pos.x_m, dy = p.y - b.pos.y_m;
    if (p.col < 0 || dx * dx + dy * dy > reach_m * reach_m || !(b.vis.at(p.col, p.row) <= p.h)) return false;
    if (acoustic && (threat.cls != model::ThreatClass::drone || p.h > b.system.radar.max_alt_m)) return false;
    return slant_m(b, p, k_factor) <= cover_at_m(smp, k);
  }
  /// Own-sensor engageability: the envelope inside the radar's detection
  /// range for the RCS it sees (R50 under swerling1: the battery fires on a
  /// held track, and the coverage maps' envelope stays the engagement's).
  bool engageable(const BatteryView& v, const std::vector<Sample>& smp, std::size_t k) const {
    const Sample& p = smp[k];
    if (p.col < 0) return false;
    const double dx = p.x - b.pos.x_m, dy = p.y - b.pos.y_m;
    if (dx * dx + dy * dy > v.reach * v.reach) return false;
    coverage::EngageLookup q = v.lookup;
    q.env.max_range_m = std::min(detect_at_m(smp, k), b.system.engagement.max_range_km * 1000.0);
    return coverage::engageable(q, v.grid, {p.x, p.y}, p.h, p.ground, k_factor);
  }
};

/// Calls fn(first, last) for each maximal run of samples where pred(k) holds.
template <class Pred, class Fn>
void for_each_run(std::size_t samples, Pred pred, Fn fn) {
  std::size_t start = SIZE_MAX;
  for (std::size_t k = 0; k <= samples; ++k) {
    const bool in = k < samples && pred(k);
    if (in && start == SIZE_MAX) start = k;
    if (in || start == SIZE_MAX) continue;
    fn(start, k - 1);
    start = SIZE_MAX;
  }
}

/// The track-formation CDF of one swerling1 radar run: looks every scan_s
/// from the run's first sample, Pd from the slant range and the RCS seen at
/// the sample nearest each look.
std::vector<double> run_track_cdf(const SensorView& v, const std::vector<Sample>& smp, std::size_t first,
                                  std::size_t last) {
  const double scan = v.b.system.radar.scan_s;
  const double t0 = smp[first].t, t1 = smp[last].t;
  const double dt = smp.size() > 1 ? smp[1].t - smp[0].t : 1.0;
  std::vector<double> pd;
  for (double t = t0; t <= t1 + 1e-9; t = t0 + scan * static_cast<double>(pd.size())) {
    const std::size_t k = std::min(last, first + static_cast<std::size_t>(std::lround((t - t0) / dt)));
    const double r = slant_m(v.b, smp[k], v.k_factor);
    pd.push_back(model::swerling1_pd(r, v.r50_m, v.rcs_seen(smp, k) / v.rcs_ref, v.det.pfa));
  }
  return model::track_formation_cdf(pd, v.det.track_m, v.det.track_n);
}

/// Every sensor's cover runs along the path, sorted by (t_in, sensor).
void add_cover_runs(const std::vector<coverage::BatteryGeometry>& batteries, const model::ThreatType& threat,
                    const PathSamples& ps, const std::vector<geo::XY>& heading, double k_factor,
                    const SensingParams& sensing, PathWindows& out) {
  const std::vector<Sample>& smp = ps.at;
  for (std::size_t bi = 0; bi < batteries.size(); ++bi) {
    const SensorView v(batteries[bi], threat, heading, k_factor, sensing.detection);
    const coverage::BatteryGeometry& b = batteries[bi];
    const double reach = v.max_cover_m() + std::abs(b.vis.antenna_z_m) + 1.0;
    const double cx = std::clamp(b.pos.x_m, ps.xmin, ps.xmax), cy = std::clamp(b.pos.y_m, ps.ymin, ps.ymax);
    if ((cx - b.pos.x_m) * (cx - b.pos.x_m) + (cy - b.pos.y_m) * (cy - b.pos.y_m) > reach * reach) continue;
    const bool swerling = sensing.detection.model == model::DetectionModel::swerling1 && !v.acoustic;
    for_each_run(smp.size(), [&](std::size_t k) { return v.covers(smp, k, reach); },
                 [&](std::size_t first, std::size_t last) {
                   CoverRun r;
                   r.sensor = static_cast<std::uint32_t>(bi);
                   r.first_sample = static_cast<std::uint32_t>(first);
                   r.last_sample = static_cast<std::uint32_t>(last);
                   r.t_in_s = smp[first].t;
                   r.t_out_s = smp[last].t;
                   r.scan_s = b.system.radar.scan_s;
                   r.t_track_max_s = r.t_in_s;
                   if (swerling) {
                     const std::vector<double> cdf = run_track_cdf(v, smp, first, last);
                     r.cdf_begin = static_cast<std::uint32_t>(out.track_cdf.size());
                     out.track_cdf.insert(out.track_cdf.end(), cdf.begin(), cdf.end());
                     r.cdf_end = static_cast<std::uint32_t>(out.track_cdf.size());
                     if (cdf.empty() || cdf.back() <= 0) return;  // never tracks: no run to keep
                     r.t_track_max_s = cdf.back() >= 1.0 - 1e-12
                                           ? r.t_in_s + r.scan_s * static_cast<double>(cdf.size() - 1)
                                           : std::numeric_limits<double>::infinity();
                   }
                   out.runs.push_back(r);
                 });
  }
  std::stable_sort(out.runs.begin(), out.runs.end(), [](const CoverRun& a, const CoverRun& b) {
    return a.t_in_s != b.t_in_s ? a.t_in_s < b.t_in_s : a.sensor < b.sensor;
  });
}

/// The run of battery `bi` holding sample start-1 (the walk-back of
/// ready_time()) or else sample `start`; -1 when none.
std::int32_t own_run_of(const PathWindows& out, std::uint32_t bi, std::uint32_t start) {
  std::int32_t at_start = -1;
  for (std::size_t r = 0; r < out.runs.size(); ++r) {
    const CoverRun& c = out.runs[r];
    if (c.sensor != bi) continue;
    if (start > 0 && c.first_sample <= start - 1 && start - 1 <= c.last_sample) return static_cast<std::int32_t>(r);
    if (c.first_sample <= start && start <= c.last_sample) at_start = static_cast<std::int32_t>(r);
  }
  return at_start;
}

/// Appends a window over samples [start, last] of battery `bi` (t_ready =
/// t_in: the battle sets the ready time from the tracks of each trial).
void add_network_window(std::uint32_t bi, const BatteryView& v, const std::vector<Sample>& smp, std::size_t start,
                        std::size_t last, int stride, bool remote, PathWindows& out) {
  Window w;
  w.battery = bi;
  w.t_in_s = smp[start].t;
  w.t_out_s = smp[last].t;
  w.t_ready_s = w.t_in_s;
  w.remote = remote;
  w.own_run = remote ? -1 : own_run_of(out, bi, static_cast<std::uint32_t>(start));
  if (!(w.t_in_s < w.t_out_s)) return;
  w.range_begin = static_cast<std::uint32_t>(out.ranges.size());
  add_ranges(v, smp, static_cast<int>(start), static_cast<int>(last), stride, out);
  w.range_end = static_cast<std::uint32_t>(out.ranges.size());
  out.windows.push_back(w);
}

/// The windows of battery `bi` under a sensor network: its own (envelope
/// inside its own cover) and, for engage_on_remote under integrated, the
/// remote ones (envelope only: no line of sight or detection of its own).
void add_network_windows(std::uint32_t bi, const BatteryView& v, const SensorView& sv, const std::vector<Sample>& smp,
                         int stride, const SensingParams& sensing, PathWindows& out) {
  for_each_run(smp.size(), [&](std::size_t k) { return sv.engageable(v, smp, k); },
               [&](std::size_t a, std::size_t b) { add_network_window(bi, v, smp, a, b, stride, false, out); });
  if (!sensing.remote_windows || !v.b.system.engage_on_remote) return;
  coverage::SlantEnvelope env = v.lookup.env;
  env.max_range_m = v.b.system.engagement.max_range_km * 1000.0;
  auto in_envelope = [&](std::size_t k) {
    const Sample& p = smp[k];
    if (p.col < 0) return false;
    const double dx = p.x - v.b.pos.x_m, dy = p.y - v.b.pos.y_m, d2 = dx * dx + dy * dy;
    if (d2 > v.reach * v.reach) return false;
    const coverage::HeightInterval iv =
        coverage::engage_interval(env, 0.0, std::sqrt(d2), p.ground, v.b.vis.antenna_z_m, v.k_factor);
    return iv.lo_m <= p.h && p.h <= iv.hi_m;
  };
  for_each_run(smp.size(), in_envelope,
               [&](std::size_t a, std::size_t b) { add_network_window(bi, v, smp, a, b, stride, true, out); });
}

}  // namespace

int path_samples(double length_m, const geo::GridSpec& grid, const WindowParams& params) {
  const double step = std::max(params.step_cells * grid.cell_m, 1.0);
  return std::max(1, static_cast<int>(std::ceil(length_m / step)));
}

double track_time_s(const PathWindows& pw, const CoverRun& r, double u) {
  if (r.cdf_end <= r.cdf_begin) return r.t_in_s;
  const double* b = pw.track_cdf.data() + r.cdf_begin;
  const double* e = pw.track_cdf.data() + r.cdf_end;
  const double* j = std::upper_bound(b, e, u);
  if (j == e) {
    if (e[-1] < 1.0 - 1e-12) return std::numeric_limits<double>::infinity();
    j = e - 1;  // the CDF stopped within 1e-12 of 1: the last look
  }
  return r.t_in_s + r.scan_s * static_cast<double>(j - b);
}

PathWindows compute_windows(const Trajectory& tr, const model::ThreatType& threat,
                            const geo::TerrainGrid& terrain,
                            const std::vector<coverage::BatteryGeometry>& batteries,
                            double k_factor, const WindowParams& params, const SensingParams& sensing,
                            const GroundTrack* track) {
  PathWindows out;
  out.duration_s = tr.duration_s();
  const double L = tr.length_m();
  const int n = path_samples(L, terrain.grid, params);
  if (track && (track->vertices != tr.vertices || track->at.size() != static_cast<std::size_t>(n) + 1))
    throw Error("compute_windows: the ground track was made for another path");
  // Once; every battery reuses the samples.
  const PathSamples ps = sample_path(tr, track ? *track : ground_track(tr, terrain, n));
  if (!ps.crosses_grid()) return out;

  const int stride = std::max(1, static_cast<int>(std::lround(params.range_step_m / (L / n))));
  if (sensing.cover_runs) {
    const std::vector<geo::XY> heading = threat.rcs_aspects ? headings(ps.at) : std::vector<geo::XY>{};
    add_cover_runs(batteries, threat, ps, heading, k_factor, sensing, out);
    for (std::size_t bi = 0; bi < batteries.size(); ++bi) {
      if (!(batteries[bi].system.pk.of(threat.cls) > 0)) continue;
      const BatteryView v(batteries[bi], threat, terrain.grid, k_factor);
      const SensorView sv(batteries[bi], threat, heading, k_factor, sensing.detection);
      if (v.reaches(ps)) add_network_windows(static_cast<std::uint32_t>(bi), v, sv, ps.at, stride, sensing, out);
    }
    order_windows(batteries.size(), out);
    return out;
  }
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
