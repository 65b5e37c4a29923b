#pragma once
// The map's vector layers (private to report): borders, sea and protect
// zones are read (GeoJSON in lon/lat directly, anything else with OGR),
// projected into the grid's LAEA CRS and drawn by Cairo as paths.

#include <cairo.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "adcov/geo/grid.hpp"
#include "adcov/geo/lonlat_box.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/map_layout.hpp"

namespace adcov::report {

/// A line, or a polygon ring (closed: last point = first), in the grid CRS.
using Polyline = std::vector<geo::XY>;

/// Every line and polygon ring of every layer of `file`, projected into the
/// CRS of `grid`. Features outside the projection's domain are skipped.
/// GeoJSON without a "crs" member or in OGC CRS84 is read as a stream
/// (lonlat_geojson.hpp) and projected with geo::project; other files go
/// through OGR and PROJ; such a GeoJSON whose "bbox" misses `frame` (the
/// lon/lat extent of the maps) gives no lines, unread.
/// \throws Error if GDAL cannot open the file or reproject its layers.
std::vector<Polyline> read_map_vectors(const std::filesystem::path& file, const geo::GridSpec& grid,
                                       const std::optional<geo::LonLatBox>& frame = std::nullopt);

/// The true circle of an `ew:` zone (every point `radius_km` from its centre
/// on the sphere, geo::destination), as a closed ring of `points` + 1 points
/// in the CRS of `grid`.
Polyline ew_zone_ring(const model::EwZone& zone, const geo::GridSpec& grid, int points = 180);

/// True when some of `lines` crosses the map area (a vertex in it or a segment
/// through it): the legend names only the layers the map shows.
bool any_in_frame(const MapLayout& layout, const std::vector<Polyline>& lines);

/// Adds `lines` to the current path of `cr`, in canvas pixels.
void trace_polylines(cairo_t* cr, const MapLayout& layout, const std::vector<Polyline>& lines);

}  // namespace adcov::report
