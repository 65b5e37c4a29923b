// Spherical Lambert azimuthal equal-area projection and the analysis grid.
//
// Notation (Snyder, "Map Projections - A Working Manual", USGS PP 1395, 1987, ch. 24):
//   phi, lam     latitude, longitude of the point (radians)
//   phi1, lam0   latitude, longitude of the projection centre
//   R            sphere radius (kEarthRadiusM)
//   k'           radial scale factor, eq. (24-4)
//   rho, c       distance from the centre in the plane, angular distance on the sphere
#include "adcov/geo/grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace adcov::geo {

XY project(const Laea& p, LonLat ll) {
  const double phi1 = p.origin.lat_deg * kDegToRad;
  const double phi = ll.lat_deg * kDegToRad;
  const double dlam = (ll.lon_deg - p.origin.lon_deg) * kDegToRad;
  const double cos_c = std::sin(phi1) * std::sin(phi) + std::cos(phi1) * std::cos(phi) * std::cos(dlam);
  // (24-4); the antipode (cos_c = -1) has no image, clamp to a huge finite value.
  const double kp = std::sqrt(2.0 / std::max(1.0 + cos_c, 1e-300));
  return {kEarthRadiusM * kp * std::cos(phi) * std::sin(dlam),                                        // (24-2)
          kEarthRadiusM * kp * (std::cos(phi1) * std::sin(phi) - std::sin(phi1) * std::cos(phi) * std::cos(dlam))};  // (24-3)
}

LonLat unproject(const Laea& p, XY xy) {
  const double rho = std::hypot(xy.x_m, xy.y_m);  // (20-18)
  if (rho < 1e-9) return p.origin;
  const double c = 2.0 * std::asin(std::min(rho / (2.0 * kEarthRadiusM), 1.0));  // (24-16)
  const double phi1 = p.origin.lat_deg * kDegToRad;
  const double sc = std::sin(c), cc = std::cos(c);
  const double phi = std::asin(std::clamp(cc * std::sin(phi1) + xy.y_m * sc * std::cos(phi1) / rho, -1.0, 1.0));  // (20-14)
  const double lam = std::atan2(xy.x_m * sc, rho * std::cos(phi1) * cc - xy.y_m * std::sin(phi1) * sc);       // (20-15)
  double lon = p.origin.lon_deg + lam * kRadToDeg;
  lon = std::fmod(lon + 540.0, 360.0) - 180.0;
  return {lon, phi * kRadToDeg};
}

std::string proj_string(const Laea& p) {
  return fmt::format("+proj=laea +lat_0={:.12g} +lon_0={:.12g} +x_0=0 +y_0=0 +R={:.0f} +units=m +no_defs",
                     p.origin.lat_deg, p.origin.lon_deg, kEarthRadiusM);
}

GridSpec make_grid_xy(const Laea& p, double xmin_m, double ymin_m, double xmax_m, double ymax_m, double cell_m) {
  GridSpec g;
  g.projection = p;
  g.cell_m = cell_m;
  // Snap to multiples of the cell size so that grids of one projection share cell edges.
  g.x0_m = std::floor(xmin_m / cell_m) * cell_m;
  g.y0_m = std::ceil(ymax_m / cell_m) * cell_m;
  g.width = std::max(1, static_cast<int>(std::ceil((xmax_m - g.x0_m) / cell_m - 1e-9)));
  g.height = std::max(1, static_cast<int>(std::ceil((g.y0_m - ymin_m) / cell_m - 1e-9)));
  return g;
}

ProjectedBox projected_box(const Laea& p, double west, double south, double east, double north) {
  // The image of a lon/lat box is bounded by the image of its edges; 64 samples
  // per edge keep the bulge of a curved edge between samples below 1e-4 of the box.
  constexpr int kSamples = 64;
  ProjectedBox b{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                 -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  auto add = [&](double lon, double lat) {
    const XY q = project(p, {lon, lat});
    b.xmin_m = std::min(b.xmin_m, q.x_m);
    b.xmax_m = std::max(b.xmax_m, q.x_m);
    b.ymin_m = std::min(b.ymin_m, q.y_m);
    b.ymax_m = std::max(b.ymax_m, q.y_m);
  };
  for (int i = 0; i <= kSamples; ++i) {
    const double f = static_cast<double>(i) / kSamples;
    add(west + f * (east - west), south);
    add(west + f * (east - west), north);
    add(west, south + f * (north - south));
    add(east, south + f * (north - south));
  }
  return b;
}

LonLatBox lonlat_box(const Laea& p, const ProjectedBox& b, int samples) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  LonLatBox x{kInf, kInf, -kInf, -kInf};
  const double w_m = b.xmax_m - b.xmin_m, h_m = b.ymax_m - b.ymin_m;
  for (int k = 0; k <= samples; ++k) {
    const double f = static_cast<double>(k) / samples;
    for (const XY q : {XY{b.xmin_m + f * w_m, b.ymax_m}, XY{b.xmin_m + f * w_m, b.ymin_m},
                       XY{b.xmin_m, b.ymax_m - f * h_m}, XY{b.xmax_m, b.ymax_m - f * h_m}}) {
      const LonLat ll = unproject(p, q);
      x.west = std::min(x.west, ll.lon_deg), x.east = std::max(x.east, ll.lon_deg);
      x.south = std::min(x.south, ll.lat_deg), x.north = std::max(x.north, ll.lat_deg);
    }
  }
  return x;
}

ProjectedBox grid_box(const GridSpec& g) {
  return {g.x0_m, g.y0_m - g.height * g.cell_m, g.x0_m + g.width * g.cell_m, g.y0_m};
}

GridSpec make_grid(double west, double south, double east, double north, double cell_m, double margin_m) {
  const Laea p{{0.5 * (west + east), 0.5 * (south + north)}};
  const ProjectedBox b = projected_box(p, west, south, east, north);
  return make_grid_xy(p, b.xmin_m - margin_m, b.ymin_m - margin_m, b.xmax_m + margin_m, b.ymax_m + margin_m, cell_m);
}

}  // namespace adcov::geo
