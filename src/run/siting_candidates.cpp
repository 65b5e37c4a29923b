#include "adcov/run/siting_candidates.hpp"

#include <fmt/format.h>

#include <cmath>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/error.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/geo/point_file.hpp"

namespace adcov::run {
namespace {

bool in_box(const geo::LonLatBox& b, geo::LonLat p) {
  return p.lon_deg >= b.west && p.lon_deg <= b.east && p.lat_deg >= b.south && p.lat_deg <= b.north;
}

std::string box_text(const geo::LonLatBox& b) {
  return fmt::format("[{}, {}, {}, {}]", b.west, b.south, b.east, b.north);
}

}  // namespace

std::vector<CandidateSite> lattice_sites(const model::Scenario& s, double spacing_km) {
  if (!(spacing_km > 0) || !std::isfinite(spacing_km))
    throw InputError(fmt::format("--spacing-km: {} is not a distance > 0", spacing_km));
  const geo::LonLatBox& bb = s.region.bbox;
  // The analysis grid's projection, so the lattice is square on the map and
  // the spacing true in km (LAEA, grid.hpp).
  const geo::Laea p = coverage::scenario_projection(s);
  const geo::ProjectedBox box = geo::projected_box(p, bb.west, bb.south, bb.east, bb.north);
  const double step_m = spacing_km * 1000;
  const double i0 = std::ceil(box.xmin_m / step_m), i1 = std::floor(box.xmax_m / step_m);
  const double j0 = std::ceil(box.ymin_m / step_m), j1 = std::floor(box.ymax_m / step_m);
  const double nodes = std::max(0.0, i1 - i0 + 1) * std::max(0.0, j1 - j0 + 1);
  if (nodes > static_cast<double>(kMaxCandidateSites))
    throw InputError(fmt::format(
        "--spacing-km {}: the lattice has {:.0f} nodes over the region, over the limit of {} "
        "candidate sites (use a wider spacing)",
        spacing_km, nodes, kMaxCandidateSites));
  std::vector<CandidateSite> out;
  for (double j = j1; j >= j0; --j)
    for (double i = i0; i <= i1; ++i) {
      const geo::LonLat ll = geo::unproject(p, {i * step_m, j * step_m});
      if (in_box(bb, ll)) out.push_back({ll, "lattice"});
    }
  if (out.empty())
    throw InputError(fmt::format(
        "--spacing-km {}: no lattice node lies in the region {} (use a smaller spacing)",
        spacing_km, box_text(bb)));
  return out;
}

std::vector<CandidateSite> file_sites(const model::Scenario& s, const std::filesystem::path& file) {
  const std::vector<geo::FilePoint> points = geo::read_points(file);
  if (points.size() > kMaxCandidateSites)
    throw InputError(fmt::format("{}: {} points, over the limit of {} candidate sites",
                                 file.string(), points.size(), kMaxCandidateSites));
  std::vector<CandidateSite> out;
  for (const geo::FilePoint& q : points) {
    if (!in_box(s.region.bbox, q.at))
      throw InputError(fmt::format("{}: candidate site ({}, {}) lies outside the region {} of {}",
                                   q.where, q.at.lon_deg, q.at.lat_deg, box_text(s.region.bbox),
                                   s.file.filename().string()));
    out.push_back({q.at, q.where});
  }
  return out;
}

}  // namespace adcov::run
