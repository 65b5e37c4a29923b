#include "model/placement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "adcov/model/scenario_loader.hpp"

namespace adcov::model::detail {

namespace {

bool inside(const geo::LonLatBox& b, geo::LonLat p) {
  return p.lon_deg >= b.west && p.lon_deg <= b.east && p.lat_deg >= b.south && p.lat_deg <= b.north;
}

std::string box_text(const geo::LonLatBox& b) { return fmt::format("[{}, {}, {}, {}]", b.west, b.south, b.east, b.north); }

}  // namespace

double km_outside(const geo::LonLatBox& box, geo::LonLat p) {
  const geo::LonLat q{std::clamp(p.lon_deg, box.west, box.east), std::clamp(p.lat_deg, box.south, box.north)};
  return geo::distance_m(p, q) / 1000;
}

std::string swap_hint(const geo::LonLatBox& box, geo::LonLat p, double limit_km) {
  const geo::LonLat s{p.lat_deg, p.lon_deg};
  // A latitude past +-90 is no place: swapping [120, 10] cannot be the fix.
  if (std::abs(s.lat_deg) > 90) return {};
  const std::string pt = fmt::format("[{}, {}]", s.lon_deg, s.lat_deg);
  if (inside(box, s)) return "; did you swap lon/lat? " + pt + " would lie inside the region";
  const double km = km_outside(box, s);
  if (km <= limit_km && km < km_outside(box, p))
    return fmt::format("; did you swap lon/lat? {} would lie {:.0f} km from the region", pt, km);
  return {};
}

std::string site_problem(const geo::LonLatBox& region, geo::LonLat p, const std::string& what) {
  const double km = km_outside(region, p);
  if (km <= kMaxSiteOutsideRegionKm) return {};
  return fmt::format("{} [{}, {}] lies {:.0f} km outside the region {}; at most {:.0f} km (docs/scenario.md, "
                     "\"Positions\"){}",
                     what, p.lon_deg, p.lat_deg, km, box_text(region), kMaxSiteOutsideRegionKm,
                     swap_hint(region, p, kMaxSiteOutsideRegionKm));
}

std::string launch_problem(const geo::LonLatBox& region, geo::LonLat p, const std::string& what) {
  const double km = km_outside(region, p);
  if (km <= kMaxLaunchDistanceKm) return {};
  return fmt::format("{} [{}, {}] lies {:.0f} km from the region {}; at most {:.0f} km (docs/scenario.md, "
                     "\"Positions\"){}",
                     what, p.lon_deg, p.lat_deg, km, box_text(region), kMaxLaunchDistanceKm,
                     swap_hint(region, p, kMaxLaunchDistanceKm));
}

}  // namespace adcov::model::detail
