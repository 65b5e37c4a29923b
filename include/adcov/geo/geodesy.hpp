#pragma once
/// \file
/// Spherical geodesy on the SPEC's earth: great circles on a sphere of radius
/// kEarthRadiusM (6371 km, the mean radius; SPEC "Model definitions").
/// Error against WGS84 ellipsoidal geodesics is below 0.5 % of the distance,
/// well inside the uncertainty of every planning figure adcov uses.
///
/// Formulas: haversine distance, initial bearing and destination point as in
/// E. Williams, "Aviation Formulary" (public domain), and intermediate point
/// by spherical linear interpolation.

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

/// Drop of the curved earth below the tangent plane at distance d (m) for an
/// effective radius k*R: d^2 / (2 k R). Exact to O(d^4/R^3); at 400 km and k=4/3
/// the error is under 0.1 m.
inline double curvature_drop_m(double d_m, double k_factor) {
  return d_m * d_m / (2.0 * k_factor * kEarthRadiusM);
}

}  // namespace adcov::geo
