// The layers around a map's data, read once (map_backdrop.hpp, backdrop_layers.hpp).
#include "adcov/report/map_backdrop.hpp"

#include <tbb/parallel_invoke.h>

#include <filesystem>

#include "adcov/coverage/coverage_map.hpp"
#include "backdrop_layers.hpp"

namespace adcov::report {

namespace {

std::vector<Polyline> lines_of(const std::optional<std::filesystem::path>& file, const geo::GridSpec& in) {
  return file && std::filesystem::exists(*file) ? read_map_vectors(*file, in) : std::vector<Polyline>{};
}

}  // namespace

MapBackdrop read_backdrop(const model::Scenario& s, const RenderOptions& opt, const geo::Laea& p) {
  MapBackdrop b;
  b.projection = p;
  geo::GridSpec in;  // read_map_vectors projects into in.projection, whatever the cells
  in.projection = p;
  // The oblasts (0.5 MB of GeoJSON) beside the rest.
  tbb::parallel_invoke([&] { b.admin1 = lines_of(opt.admin1_geojson, in); },
                       [&] {
                         b.sea = lines_of(opt.sea_geojson, in);
                         b.admin0 = lines_of(opt.admin0_geojson, in);
                         b.protect = lines_of(s.region.protect, in);
                         if (opt.places_csv && std::filesystem::exists(*opt.places_csv))
                           b.cities = read_cities(*opt.places_csv, opt.min_city_population);
                       });
  return b;
}

bool backdrop_fits(const MapBackdrop& b, const geo::Laea& p) {
  return b.projection.origin.lon_deg == p.origin.lon_deg && b.projection.origin.lat_deg == p.origin.lat_deg;
}

std::shared_ptr<const MapBackdrop> read_map_backdrop(const model::Scenario& s, const RenderOptions& opt) {
  return std::make_shared<const MapBackdrop>(read_backdrop(s, opt, coverage::scenario_projection(s)));
}

}  // namespace adcov::report
