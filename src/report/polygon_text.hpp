#pragma once
// The coverage polygons as text (private to report): GeoJSON written
// directly rather than through OGR's JSON objects, and the KML of the same
// polygons made from that text without parsing a number. A national map at
// 100 m has millions of vertices; formatting each through OGR's writers (and
// parsing the GeoJSON back for the KML) took longer than computing the map.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adcov/geo/geodesy.hpp"

namespace adcov::report {

/// A closed ring in lon/lat (the last point equals the first).
using LonLatRing = std::vector<geo::LonLat>;
/// A polygon: its outer ring, then its holes.
using LonLatPolygon = std::vector<LonLatRing>;

/// `polygons` as the value of a GeoJSON "coordinates" member, laid out as OGR
/// writes it ("[ [ [ [ x, y ], ... ] ] ]"), outer rings counter-clockwise
/// and holes clockwise (RFC 7946, section 3.1.6), whichever way they ran.
void append_multipolygon_coordinates(std::string& out, const std::vector<LonLatPolygon>& polygons);

/// One polygon the same way ("[ [ [ x, y ], ... ] ]"), as OGR writes a
/// MultiPolygon of one part (as a Polygon).
void append_polygon_coordinates(std::string& out, const LonLatPolygon& poly);

/// The KML Folder (with its Schema) of `layer` for a coverage GeoJSON that
/// write_coverage_geojson wrote: one Placemark per feature, its "count" as
/// ExtendedData, its polygons as MultiGeometry (one Polygon alone, as OGR's
/// KML driver writes a GeoJSON Polygon), the coordinates copied as
/// text. nullopt for any other layout (an older file, another tool's), which
/// the caller then converts through OGR.
std::optional<std::string> coverage_kml_folder(std::string_view geojson, const std::string& layer);

}  // namespace adcov::report
