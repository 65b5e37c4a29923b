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

#include <cstdint>
#include <optional>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/trajectory.hpp"
#include "adcov/geo/terrain.hpp"

namespace adcov::engage {

/// Slant range (m) from a battery's antenna to the threat at time t_s.
struct RangeSample {
  float t_s = 0;
  float slant_m = 0;
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
};

/// All windows of one path, sorted by (t_ready_s, battery): the battle walks
/// them in this order as the threat flies.
struct PathWindows {
  double duration_s = 0;           ///< launch to target
  std::uint32_t slots = 0;         ///< distinct batteries with a window
  std::vector<Window> windows;
  std::vector<RangeSample> ranges; ///< per window, from t_in to t_out, increasing t
};


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

/// Windows of every battery of `batteries` against `threat` flying `tr`.
/// Batteries whose engagement reach (max_range_km) does not meet the path's
/// bounding box, or whose pk for the threat's class is 0, are skipped.
/// `k_factor` as in the scenario (refraction).
PathWindows compute_windows(const Trajectory& tr, const model::ThreatType& threat,
                            const geo::TerrainGrid& terrain,
                            const std::vector<coverage::BatteryGeometry>& batteries,
                            double k_factor, const WindowParams& params = {});

/// Earliest time (s since launch) at which an interceptor launched at
/// `t_fire_s` with mean speed `interceptor_speed_mps` meets the threat inside
/// window `w`: the first t >= t_fire_s with (t - t_fire_s) v >= slant(t), the
/// interceptor flying straight to the intercept point. nullopt when no such
/// t <= t_out_s exists (the threat leaves the envelope first).
std::optional<double> intercept_time(const PathWindows& pw, const Window& w, double t_fire_s,
                                     double interceptor_speed_mps);

}  // namespace adcov::engage
