#include "adcov/geo/geodesy.hpp"

#include <algorithm>
#include <cmath>

namespace adcov::geo {

double distance_m(LonLat a, LonLat b) {
  const double p1 = a.lat_deg * kDegToRad, p2 = b.lat_deg * kDegToRad;
  const double dp = p2 - p1, dl = (b.lon_deg - a.lon_deg) * kDegToRad;
  const double s = std::sin(dp / 2), t = std::sin(dl / 2);
  const double h = std::clamp(s * s + std::cos(p1) * std::cos(p2) * t * t, 0.0, 1.0);
  return 2.0 * kEarthRadiusM * std::asin(std::sqrt(h));
}

double bearing_deg(LonLat a, LonLat b) {
  const double p1 = a.lat_deg * kDegToRad, p2 = b.lat_deg * kDegToRad;
  const double dl = (b.lon_deg - a.lon_deg) * kDegToRad;
  const double y = std::sin(dl) * std::cos(p2);
  const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
  const double deg = std::atan2(y, x) * kRadToDeg;
  return deg < 0 ? deg + 360.0 : deg;
}

LonLat destination(LonLat from, double bearing, double distance) {
  const double p1 = from.lat_deg * kDegToRad, l1 = from.lon_deg * kDegToRad;
  const double th = bearing * kDegToRad, dr = distance / kEarthRadiusM;
  const double p2 = std::asin(std::sin(p1) * std::cos(dr) + std::cos(p1) * std::sin(dr) * std::cos(th));
  const double l2 = l1 + std::atan2(std::sin(th) * std::sin(dr) * std::cos(p1),
                                    std::cos(dr) - std::sin(p1) * std::sin(p2));
  double lon = l2 * kRadToDeg;
  lon = std::fmod(lon + 540.0, 360.0) - 180.0;
  return {lon, p2 * kRadToDeg};
}

LonLat interpolate(LonLat a, LonLat b, double f) {
  const double d = distance_m(a, b) / kEarthRadiusM;
  if (d < 1e-12) return a;
  const double p1 = a.lat_deg * kDegToRad, l1 = a.lon_deg * kDegToRad;
  const double p2 = b.lat_deg * kDegToRad, l2 = b.lon_deg * kDegToRad;
  const double A = std::sin((1 - f) * d) / std::sin(d), B = std::sin(f * d) / std::sin(d);
  const double x = A * std::cos(p1) * std::cos(l1) + B * std::cos(p2) * std::cos(l2);
  const double y = A * std::cos(p1) * std::sin(l1) + B * std::cos(p2) * std::sin(l2);
  const double z = A * std::sin(p1) + B * std::sin(p2);
  return {std::atan2(y, x) * kRadToDeg, std::atan2(z, std::sqrt(x * x + y * y)) * kRadToDeg};
}

}  // namespace adcov::geo
