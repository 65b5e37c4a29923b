#pragma once
// GeoJSON in lon/lat read without OGR (private to report): the shipped
// borders and sea (Natural Earth, 0.7 MB) are drawn on every map, and OGR's
// reader and PROJ took longer than the rest of a small map.

#include <filesystem>
#include <optional>
#include <vector>

#include "adcov/geo/grid.hpp"
#include "adcov/geo/lonlat_box.hpp"
#include "map_vectors.hpp"

namespace adcov::report {

/// Every line and polygon ring of a GeoJSON FeatureCollection in lon/lat (no
/// "crs" member, or OGC CRS84 named), projected into the CRS of `grid` with
/// the grid's own LAEA (geo::project), in file order: what OGR and PROJ give,
/// read as a stream (nlohmann::json's SAX parser) with no document held.
/// nullopt for anything else: another extension, another CRS, a geometry
/// type it does not know, a layout it does not expect or a file that does
/// not parse; the caller then reads the file with OGR.
/// With `frame` (the lon/lat extent of the maps), a file whose "bbox"
/// member (RFC 7946, 5) comes before its features and misses the frame
/// gives no lines, read no further: the shipped borders and sea carry one,
/// and a map away from them (the SRTM fixture's Greece, Kyiv for the sea)
/// took 10-25 ms of CPU parsing what it would not draw.
std::optional<std::vector<Polyline>> read_lonlat_geojson(const std::filesystem::path& file,
                                                         const geo::GridSpec& grid,
                                                         const std::optional<geo::LonLatBox>& frame = std::nullopt);

}  // namespace adcov::report
