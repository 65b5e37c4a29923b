#pragma once
// What a map draws around its data (private to report): the vector layers
// in the grid's CRS and the cities it labels. read_map_backdrop
// (adcov/report/map_backdrop.hpp) reads them once for every map of a run; a
// map drawn without them reads its own.

#include <vector>

#include "adcov/geo/grid.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/render_options.hpp"
#include "cities.hpp"
#include "map_vectors.hpp"

namespace adcov::report {

struct MapBackdrop {
  geo::Laea projection;  ///< the CRS of every line below
  std::vector<Polyline> sea, admin1, admin0, protect;
  std::vector<City> cities;  ///< empty without opt.places_csv
};

/// The backdrop of the maps of `s` on grids of projection `p` showing `view`
/// (a rectangle in `p`); files of `opt` that do not exist are skipped, and
/// shipped layers whose bbox misses the view are not read.
/// \throws Error if a vector file exists but GDAL cannot read it.
MapBackdrop read_backdrop(const model::Scenario& s, const RenderOptions& opt, const geo::Laea& p,
                          const geo::ProjectedBox& view);

/// Whether `b` holds lines in projection `p` (exactly: the same origin).
bool backdrop_fits(const MapBackdrop& b, const geo::Laea& p);

}  // namespace adcov::report
