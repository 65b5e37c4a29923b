#pragma once
/// \file
/// Spherical geodesy on the model's earth (docs/model.md, "Geometry"): great circles on a sphere of radius
/// kEarthRadiusM (6371 km, the mean radius; docs/model.md, "Model definitions").
/// Error against WGS84 ellipsoidal geodesics is below 0.5 % of the distance,
/// well inside the uncertainty of every planning figure adcov uses.
///
/// Formulas: haversine distance, initial bearing and destination point as in
/// E. Williams, "Aviation Formulary" (public domain), and intermediate point
/// by spherical linear interpolation.

#include <cmath>
#include <numbers>

namespace adcov::geo {

/// Mean earth radius in metres (IUGG R1). All adcov geometry uses this sphere.
inline constexpr double kEarthRadiusM = 6371000.0;
inline constexpr double kDegToRad = std::numbers::pi / 180.0;
inline constexpr double kRadToDeg = 180.0 / std::numbers::pi;

/// A WGS84 position in degrees, ordered as in the scenario YAML: `[lon, lat]`.
struct LonLat {
  double lon_deg = 0.0;
  double lat_deg = 0.0;
  friend bool operator==(const LonLat&, const LonLat&) = default;
};

/// Great-circle distance in metres (haversine; stable for short distances).
double distance_m(LonLat a, LonLat b);

/// Initial bearing from a to b, degrees clockwise from north in [0, 360).
double bearing_deg(LonLat a, LonLat b);

/// The point `distance` metres from `from` along initial bearing `bearing_deg`.
LonLat destination(LonLat from, double bearing_deg, double distance);

/// The point a fraction f in [0, 1] of the way from a to b along the great circle.
LonLat interpolate(LonLat a, LonLat b, double f);

/// Drop of the curved earth below the tangent plane for a squared horizontal
/// distance d^2 (m^2) and an effective radius k*R: d^2 / (2 k R). Exact to
/// O(d^4/R^3); at 400 km and k=4/3 the error is under 0.1 m. The one
/// definition of the curvature term: every caller that has d^2 already uses
/// this (not sqrt then square, which would round differently).
inline double curvature_drop_sq_m(double d2_m2, double k_factor) {
  return d2_m2 / (2.0 * k_factor * kEarthRadiusM);
}

/// The same at horizontal distance d (m): d^2 / (2 k R).
inline double curvature_drop_m(double d_m, double k_factor) { return curvature_drop_sq_m(d_m * d_m, k_factor); }

/// The curvature term's factor 1 / (2 k R) (1/m), for kernels that multiply
/// d^2 by it rather than divide per cell. d^2 * curvature_per_m2(k) may differ
/// from curvature_drop_sq_m(d^2, k) in the last bit, so a kernel keeps to one.
inline double curvature_per_m2(double k_factor) { return 1.0 / (2.0 * k_factor * kEarthRadiusM); }

/// Distance (m) to the horizon of a point `h_m` above the curved earth of
/// effective radius k*R: sqrt(2 k R h), where curvature_drop_m equals h.
inline double horizon_distance_m(double h_m, double k_factor) {
  return std::sqrt(2.0 * k_factor * kEarthRadiusM * h_m);
}

}  // namespace adcov::geo
