#pragma once
/// \file
/// A threat's flight path: launch -> waypoints -> target along great circles,
/// at constant ground speed, with a height profile per threat class.
///
/// Notation: s = ground distance flown (m) along the path, L = path length (m),
/// x = s / L, v = the threat's speed_mps, H = its altitude_m.
///  - drone, cruise: height above ground h(s) = H (terrain following).
///  - ballistic: h(s) = 4 H x (1 - x), a parabola in height against ground
///    distance peaking at the apogee H at mid-range. With the ground speed v
///    constant this is the drag-free ballistic arc over a flat earth (constant
///    horizontal velocity, height quadratic in time); the time scale comes from
///    the threat's mean speed, not from g. Heights are taken above the ground
///    under the missile, so the arc starts and ends on the ground.
/// Time since launch t(s) = s / v.

#include <vector>

#include "adcov/geo/geodesy.hpp"
#include "adcov/model/threat.hpp"

namespace adcov::engage {

/// The path of one threat (one launch point and one target).
struct Trajectory {
  std::vector<geo::LonLat> vertices;  ///< launch, waypoints..., target
  std::vector<double> cum_m;          ///< ground distance from launch to each vertex
  model::ThreatClass cls = model::ThreatClass::drone;
  double speed_mps = 0;               ///< constant ground speed
  double altitude_m = 0;              ///< cruise height above ground, or ballistic apogee

  double length_m() const { return cum_m.empty() ? 0.0 : cum_m.back(); }
  /// Launch to target in seconds (L / v).
  double duration_s() const { return length_m() / speed_mps; }
};

/// Builds the path of `threat` from `launch` through `route` to `target`.
/// \throws InputError (naming the threat) when speed_mps <= 0.
Trajectory make_trajectory(const model::ThreatType& threat, geo::LonLat launch,
                           const std::vector<geo::LonLat>& route, geo::LonLat target);

/// Position over the ground after `s_m` metres (clamped to [0, L]).
geo::LonLat position_at(const Trajectory& tr, double s_m);

/// Height above ground (m) after `s_m` metres (see the profiles above).
double height_agl_m(const Trajectory& tr, double s_m);

}  // namespace adcov::engage
