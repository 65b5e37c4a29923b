#pragma once
// Where a battery, target or launch may lie relative to the region: the
// loader's check for swapped or mistyped coordinates (docs/scenario.md,
// "Positions"). Plain geometry; the DEM's part is in coverage_map.cpp.

#include <string>

#include "adcov/geo/geodesy.hpp"
#include "adcov/geo/lonlat_box.hpp"

namespace adcov::model::detail {

/// Great-circle km from `p` to the nearest point of `box` (0 inside): the
/// box's edges are meridians and parallels, so clamping lon and lat finds it
/// to within a few km at these latitudes.
double km_outside(const geo::LonLatBox& box, geo::LonLat p);

/// "; did you swap lon/lat? [lat, lon] would lie inside the region" when the
/// swapped point is inside `box`, "... would lie N km from the region" when
/// it is within `limit_km` (and nearer than `p`); otherwise "".
std::string swap_hint(const geo::LonLatBox& box, geo::LonLat p, double limit_km);

/// The error text for a battery position or a target (`what`, e.g.
/// "position") at `p`, or "" when it lies within kMaxSiteOutsideRegionKm of
/// the region.
std::string site_problem(const geo::LonLatBox& region, geo::LonLat p, const std::string& what);

/// The same for a launch point or launch-area centre: "" within
/// kMaxLaunchDistanceKm of the region.
std::string launch_problem(const geo::LonLatBox& region, geo::LonLat p, const std::string& what);

}  // namespace adcov::model::detail
