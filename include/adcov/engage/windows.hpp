#pragma once
/// \file
/// Engageability windows: the time intervals during which a battery can
/// engage a threat flying one path, computed once per (path, battery) before
/// the Monte Carlo, so a trial never touches terrain or geometry.
///
/// The path is sampled every `step_cells` grid cells of ground distance; at
/// each sample coverage::engageable() is asked (a lookup in the battery's
/// precomputed VisibilityWindow, not a ray cast). A window runs from the first
/// to the last engageable sample of a run, so its ends are exact to one sample
/// step (step / speed seconds), on the safe side (the true exit lies after
/// t_out). Samples outside the terrain grid are not engageable: the coverage
/// engine has no terrain, hence no visibility, there.
///
/// Reaction time counts from detection (docs/scenario.md, "systems:"): from the window's first sample we walk back while the radar still
/// detects the threat (visible and within range_km * (rcs/rcs_ref)^(1/4)), so
/// a threat tracked long before it enters the envelope can be engaged on entry.
/// t_ready = max(t_in, t_detect + reaction_s). Each battery tracks on its own
/// (no cueing between batteries).
///
/// With a sensor network (SensingParams: swerling1, cued or integrated) the
/// windows also carry what the battle needs to draw tracks per trial: every
/// sensor's cover runs along the path (CoverRun, with the track-formation
/// CDF by look under swerling1), each window's own run, and under integrated
/// the envelope-only ("remote") windows of engage_on_remote batteries. Their
/// t_ready_s is then t_in_s: the battle computes the ready time of each trial
/// from the tracks it draws (docs/engagement.md, "Detection and tracks").

#include <cstdint>
#include <optional>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/ew_zones.hpp"
#include "adcov/engage/ground_track.hpp"
#include "adcov/engage/trajectory.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/network.hpp"

namespace adcov::engage {

/// Slant range (m) from a battery's antenna to the threat at time t_s.
struct RangeSample {
  float t_s = 0;
  float slant_m = 0;
};

/// One stretch of the path during which one sensor (a sensor unit or a
/// battery's own radar) has the threat in its cover: line of sight, sector,
/// elevation floor and range (cookie_cutter: the detection range for the RCS
/// it sees; swerling1: where one look's Pd >= kMinLookPd; acoustic: a drone
/// within range_km below max_alt_m). Times in s since launch, exact to one
/// path sample.
struct CoverRun {
  std::uint32_t sensor = 0;        ///< index into the batteries given to compute_windows
  std::uint32_t first_sample = 0;  ///< path samples [first, last] in cover
  std::uint32_t last_sample = 0;
  double t_in_s = 0, t_out_s = 0;
  double scan_s = 0;               ///< time between looks (swerling1)
  /// Track-formation CDF by look (look j at t_in_s + j scan_s) in
  /// PathWindows::track_cdf; empty range: the track forms at t_in_s
  /// (cookie_cutter, acoustic).
  std::uint32_t cdf_begin = 0, cdf_end = 0;
  /// The latest time its track can form: t_in_s without a CDF, the last look
  /// when the CDF reaches 1 (within 1e-12), else infinity.
  double t_track_max_s = 0;
};

/// One interval during which one battery can engage the threat. Times are
/// seconds since the threat's launch.
struct Window {
  std::uint32_t battery = 0;  ///< index into the batteries vector given to compute_windows
  std::uint32_t slot = 0;     ///< 0..PathWindows::slots-1, one per distinct battery of the path
  double t_in_s = 0;          ///< first engageable sample
  double t_ready_s = 0;       ///< earliest launch: max(t_in, detection + reaction_s)
  double t_out_s = 0;         ///< last engageable sample
  std::uint32_t range_begin = 0, range_end = 0;  ///< RangeSamples in PathWindows::ranges
  /// The battery's own cover run holding the window's start (or the sample
  /// before it) in PathWindows::runs; -1 when there is none or no runs are kept.
  std::int32_t own_run = -1;
  /// An envelope-only window (c2 integrated, engage_on_remote): the battery
  /// may fire on another sensor's track, with pk x remote_pk_factor.
  bool remote = false;
};

/// All windows of one path, sorted by (t_ready_s, battery): the battle walks
/// them in this order as the threat flies.
struct PathWindows {
  double duration_s = 0;           ///< launch to target
  std::uint32_t slots = 0;         ///< distinct batteries with a window
  std::vector<Window> windows;
  std::vector<RangeSample> ranges; ///< per window, from t_in to t_out, increasing t
  std::vector<CoverRun> runs;      ///< every sensor's cover runs, by (t_in_s, sensor); empty without a network
  std::vector<double> track_cdf;   ///< CoverRun CDFs, concatenated
  std::vector<ZoneEntry> zones;    ///< first entries into the scenario's ew zones, by time
};

/// When run `r` of `pw` forms its track for a uniform draw `u` in [0, 1):
/// t_in_s when the run has no CDF, else the look at which the CDF first
/// exceeds u; infinity when no track forms in this run.
double track_time_s(const PathWindows& pw, const CoverRun& r, double u);


/// Sampling of compute_windows().
struct WindowParams {
  /// Path sampling step in grid cells. A third of a cell catches every cell
  /// the path crosses, and keeps window ends within cell/3 of ground distance.
  double step_cells = 1.0 / 3.0;
  /// Spacing of the stored slant ranges (m of path). The range is smooth
  /// along a path; linear interpolation over 500 m errs by < 500^2/(8 r) m,
  /// 3 m (0.003 s of interceptor flight) at r = 10 km.
  double range_step_m = 500.0;
};

/// What the sensor network adds to compute_windows() (all off: v1 windows).
struct SensingParams {
  model::DetectionSettings detection;
  /// Keep every sensor's cover runs and each window's own run; the battle
  /// then draws tracks per trial. Needed by swerling1, cued and integrated.
  bool cover_runs = false;
  /// c2 integrated: envelope-only windows for engage_on_remote batteries.
  bool remote_windows = false;
};

/// Windows of every battery of `batteries` against `threat` flying `tr`.
/// Batteries whose engagement reach (max_range_km) does not meet the path's
/// bounding box, or whose pk for the threat's class is 0, are skipped.
/// `k_factor` as in the scenario (refraction).
PathWindows compute_windows(const Trajectory& tr, const model::ThreatType& threat,
                            const geo::TerrainGrid& terrain,
                            const std::vector<coverage::BatteryGeometry>& batteries,
                            double k_factor, const WindowParams& params = {},
                            const SensingParams& sensing = {}, const GroundTrack* track = nullptr);

/// The sample count n (n + 1 samples) of a path of `length_m` on `grid`:
/// ceil(L / step), step = step_cells cells (at least 1 m). `track`, when
/// given, must be ground_track(tr, terrain, n) of this path.
int path_samples(double length_m, const geo::GridSpec& grid, const WindowParams& params);

/// Earliest time (s since launch) at which an interceptor launched at
/// `t_fire_s` with mean speed `interceptor_speed_mps` meets the threat inside
/// window `w`: the first t >= t_fire_s with (t - t_fire_s) v >= slant(t), the
/// interceptor flying straight to the intercept point. nullopt when no such
/// t <= t_out_s exists (the threat leaves the envelope first).
std::optional<double> intercept_time(const PathWindows& pw, const Window& w, double t_fire_s,
                                     double interceptor_speed_mps);

}  // namespace adcov::engage
