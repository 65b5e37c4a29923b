// The layers around a map's data, read once (map_backdrop.hpp, backdrop_layers.hpp).
#include "adcov/report/map_backdrop.hpp"

#include <tbb/parallel_invoke.h>

#include <filesystem>
#include <optional>

#include "adcov/coverage/coverage_map.hpp"
#include "backdrop_layers.hpp"

namespace adcov::report {

namespace {

/// The lon/lat frame of a map's view (a rectangle in `p`): its extent
/// grown by half a degree for the bow of a border's straight segments.
/// None across the antimeridian.
std::optional<geo::LonLatBox> map_frame(const geo::ProjectedBox& view, const geo::Laea& p) {
  const geo::LonLatBox e = geo::lonlat_box(p, view);
  constexpr double kMarginDeg = 0.5;
  if (!(e.east - e.west < 180)) return std::nullopt;
  return geo::LonLatBox{e.west - kMarginDeg, e.south - kMarginDeg, e.east + kMarginDeg, e.north + kMarginDeg};
}

std::vector<Polyline> lines_of(const std::optional<std::filesystem::path>& file, const geo::GridSpec& in,
                               const std::optional<geo::LonLatBox>& frame) {
  return file && std::filesystem::exists(*file) ? read_map_vectors(*file, in, frame) : std::vector<Polyline>{};
}

}  // namespace

MapBackdrop read_backdrop(const model::Scenario& s, const RenderOptions& opt, const geo::Laea& p,
                          const geo::ProjectedBox& view) {
  MapBackdrop b;
  b.projection = p;
  geo::GridSpec in;  // read_map_vectors projects into in.projection, whatever the cells
  in.projection = p;
  // The shipped layers carry a bbox (RFC 7946): one that misses the maps is not read.
  const std::optional<geo::LonLatBox> frame = map_frame(view, p);
  // The oblasts (0.5 MB of GeoJSON) beside the rest.
  tbb::parallel_invoke([&] { b.admin1 = lines_of(opt.admin1_geojson, in, frame); },
                       [&] {
                         b.sea = lines_of(opt.sea_geojson, in, frame);
                         b.admin0 = lines_of(opt.admin0_geojson, in, frame);
                         b.protect = lines_of(s.region.protect, in, std::nullopt);  // the user's: read whole
                         if (opt.places_csv && std::filesystem::exists(*opt.places_csv))
                           b.cities = read_cities(*opt.places_csv, opt.min_city_population);
                       });
  return b;
}

bool backdrop_fits(const MapBackdrop& b, const geo::Laea& p) {
  return b.projection.origin.lon_deg == p.origin.lon_deg && b.projection.origin.lat_deg == p.origin.lat_deg;
}

std::shared_ptr<const MapBackdrop> read_map_backdrop(const model::Scenario& s, const RenderOptions& opt) {
  // The maps show the region's cells (map_layout): within its projected rectangle.
  const geo::Laea p = coverage::scenario_projection(s);
  const geo::LonLatBox& r = s.region.bbox;
  const geo::ProjectedBox view = geo::projected_box(p, r.west, r.south, r.east, r.north);
  return std::make_shared<const MapBackdrop>(read_backdrop(s, opt, p, view));
}

}  // namespace adcov::report
