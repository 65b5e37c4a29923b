#pragma once
/// \file
/// Is a target at a point and height engageable by a battery? docs/model.md, "Detection"
/// and "Engageable": visible (VisibilityWindow), slant range within
/// range_km * (rcs/rcs_ref)^(1/4), inside the engagement envelope, pk > 0.
/// A lookup, not a ray cast: the engagement simulator calls this per sample.

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "adcov/coverage/visibility.hpp"
#include "adcov/geo/geodesy.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::coverage {

/// Everything about one battery that lookups need, precomputed once.
struct BatteryGeometry {
  std::size_t battery_index = 0;   ///< into Scenario::batteries
  model::SystemType system;        ///< effective (overrides applied)
  model::OperatorGroup group = model::OperatorGroup::ukraine;
  geo::XY pos;                     ///< projected position
  VisibilityWindow vis;
};

/// The target being asked about.
struct TargetQuery {
  double rcs_m2 = 1;
  model::ThreatClass cls = model::ThreatClass::drone;
};

/// Detection range (m) of `sys` against a target of `rcs_m2`:
/// range_km * 1000 * (rcs / rcs_ref)^(1/4) (radar equation, R^4 law); an
/// acoustic sensor hears to range_km whatever the RCS (docs/coverage.md,
/// "Acoustic sensors").
double detection_range_m(const model::SystemType& sys, double rcs_m2);

/// The slant-range and height limits of one battery against one target:
/// engagement envelope with the radar's detection range folded in.
struct SlantEnvelope {
  double min_range_m = 0;  ///< engagement min slant range
  double max_range_m = 0;  ///< min(detection range for the target, engagement max range)
  double min_alt_m = 0;    ///< target height above ground
  double max_alt_m = 0;
};

/// The envelope of `sys` against a target of `rcs_m2`.
SlantEnvelope slant_envelope(const model::SystemType& sys, double rcs_m2);

/// Engageable target heights above one point: the interval [lo_m, hi_m],
/// empty when lo_m > hi_m.
struct HeightInterval {
  double lo_m = 0, hi_m = -1;
  bool empty() const { return !(lo_m <= hi_m); }
};

/// The heights h above ground at which a target `d_m` (horizontal, metres)
/// from the battery is engageable. In the curved-earth frame of effective
/// radius k R the target's height relative to the antenna is
/// dz(h) = ground + h - d^2/(2kR) - antenna_z, and the slant range is
/// sqrt(d^2 + dz^2) (docs/model.md, "Geometry"). Then
///   lo = max(min_visible_h, min_alt, 0, h(dz = -s), [d < min_range] h(dz = +m)),
///   hi = min(max_alt, h(dz = +s)),
/// with s = sqrt(max_range^2 - d^2), m = sqrt(min_range^2 - d^2). Inside the
/// minimum range only targets above the antenna count (the branch below it,
/// a valley seen from a mountain inside min range, is ignored).
/// Shared by engageable() and the coverage maps so both agree bit for bit.
inline HeightInterval engage_interval(const SlantEnvelope& e, double min_visible_h_m, double d_m, double ground_m,
                                      double antenna_z_m, double k_factor) {
  if (!(min_visible_h_m < 1e30) || d_m > e.max_range_m) return {};
  const double base = antenna_z_m + geo::curvature_drop_m(d_m, k_factor) - ground_m;  // h at dz = 0
  const double s = std::sqrt(e.max_range_m * e.max_range_m - d_m * d_m);
  double lo = std::max(std::max(min_visible_h_m, e.min_alt_m), std::max(base - s, 0.0));
  if (d_m < e.min_range_m) lo = std::max(lo, base + std::sqrt(e.min_range_m * e.min_range_m - d_m * d_m));
  return {lo, std::min(e.max_alt_m, base + s)};
}

/// Horizontal radius (m) a battery's visibility is computed to: the larger of
/// its detection range against the widest target the scenario asks about (its
/// rcs_ref, the salvos' threats, coverage.threat, each at its largest aspect
/// RCS times the band factor of the battery's radar) and its max engagement
/// range. Acoustic sensors: range_km (no RCS scaling).
double battery_reach_m(const model::Scenario& s, const model::SystemType& sys);

/// True if a target at projected point `p`, `h_agl_m` above the ground there,
/// is engageable by battery `b`. `grid` is the analysis grid and
/// `ground_at_p_m` the ground height at p (sea surface 0 at sea); k for slant
/// range in the curved-earth frame. For many lookups of one battery against
/// one target, make an EngageLookup once instead (this recomputes the
/// detection range, a pow, on every call).
bool engageable(const BatteryGeometry& b, const geo::GridSpec& grid, geo::XY p, double h_agl_m,
                double ground_at_p_m, const TargetQuery& target, double k_factor);

/// One battery against one target, precomputed for repeated engageable()
/// lookups (e.g. every sample of a threat path): the slant envelope with the
/// detection range folded in, and whether the class can be killed at all.
/// Holds a reference to the battery: it must outlive the lookup.
struct EngageLookup {
  const BatteryGeometry* battery = nullptr;
  SlantEnvelope env;
  bool can_kill = false;  ///< pk > 0 for the target's class
};

/// The lookup for battery `b` against `target`. A sensor (role sensor) never
/// engages, whatever its pk table says.
inline EngageLookup engage_lookup(const BatteryGeometry& b, const TargetQuery& target) {
  return {&b, slant_envelope(b.system, target.rcs_m2),
          b.system.role == model::Role::shooter && b.system.pk.of(target.cls) > 0};
}

/// engageable() with the envelope precomputed: the same answer bit for bit.
inline bool engageable(const EngageLookup& q, const geo::GridSpec& grid, geo::XY p, double h_agl_m,
                       double ground_at_p_m, double k_factor) {
  if (!q.can_kill) return false;
  const BatteryGeometry& b = *q.battery;
  const int c = static_cast<int>(std::floor(grid.col_of(p.x_m)));
  const int r = static_cast<int>(std::floor(grid.row_of(p.y_m)));
  const double dx = p.x_m - b.pos.x_m, dy = p.y_m - b.pos.y_m;
  const HeightInterval iv =
      engage_interval(q.env, b.vis.at(c, r), std::sqrt(dx * dx + dy * dy), ground_at_p_m, b.vis.antenna_z_m, k_factor);
  return iv.lo_m <= h_agl_m && h_agl_m <= iv.hi_m;
}

/// Prepares every battery of the scenario (parallel over batteries with TBB;
/// results in battery order). reach = max(detection range for the widest
/// query, max_range_km). A radar's window is its line-of-sight sweep; an
/// acoustic sensor's holds 0 (every height) within reach. A radar sector
/// narrower than 360 deg masks the cells whose true bearing from the battery
/// lies outside azimuth_deg +- sector_deg / 2 to kNeverVisible (the battery's
/// own cell stays); docs/coverage.md, "Sectors". Throws InputError (with the
/// battery's file:line:col and coordinates) for a battery outside the terrain
/// grid. With `windows` false, the batteries are placed and checked but no
/// window is computed (vis stays empty).
std::vector<BatteryGeometry> prepare_batteries(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                               bool windows = true);

/// One battery prepared exactly as prepare_batteries() prepares each of
/// s.batteries; `b` need not be one of them (adcov site's candidate sites),
/// and `index` becomes its battery_index. \throws InputError as
/// prepare_batteries().
BatteryGeometry prepare_battery(const model::Scenario& s, const model::Battery& b, std::size_t index,
                                const geo::TerrainGrid& terrain);

/// prepare_battery() into `bg`, whose window's memory (bg.vis) is reused for
/// the new window when large enough: a streaming fold computes one window
/// per thread after another without asking the system for fresh, zeroed
/// pages each time. With `max_reach_m`, the window reaches no further than
/// that (nor than battery_reach_m): what the coverage maps ask about (their
/// envelopes' ranges) when the window serves nothing else. A cell's
/// visibility does not depend on where its window ends, so the cells it
/// holds are the same.
void prepare_battery_into(const model::Scenario& s, const model::Battery& b, std::size_t index,
                          const geo::TerrainGrid& terrain, BatteryGeometry& bg,
                          double max_reach_m = std::numeric_limits<double>::infinity());

/// Masks `vis` to the sector azimuth_deg +- sector_deg / 2 (degrees clockwise
/// from true north) seen from `pos` on `grid`: cells outside become
/// kNeverVisible, the cell holding `pos` stays. No change for sector_deg >= 360.
/// Bearings are taken on the grid and corrected for the grid convergence at
/// `pos` (the grid angle of true north there).
void mask_sector(VisibilityWindow& vis, const geo::GridSpec& grid, geo::XY pos, double azimuth_deg,
                 double sector_deg);

}  // namespace adcov::coverage
