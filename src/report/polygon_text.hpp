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

#include "adcov/geo/class_patches.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::report {

/// One patch as the value of a GeoJSON Polygon's "coordinates", laid out as
/// OGR writes it ("[ [ [ x, y ], ... ], [ hole ] ]"), each corner of grid `g`
/// in lon/lat. The outer ring runs counter-clockwise and holes clockwise, as
/// geo::class_patches makes them and RFC 7946 (section 3.1.6) asks: LAEA
/// keeps a ring's turning sense. A MultiPolygon's value is its patches'
/// values in "[ ", ", ", " ]".
void append_patch_coordinates(std::string& out, const geo::ClassPatch& patch, const geo::GridSpec& g);

/// The KML Folder (with its Schema) of `layer` for a coverage GeoJSON that
/// write_coverage_geojson wrote: one Placemark per feature, its "count" as
/// ExtendedData, its polygons as MultiGeometry (one Polygon alone, as OGR's
/// KML driver writes a GeoJSON Polygon), the coordinates copied as
/// text. nullopt for any other layout (an older file, another tool's), which
/// the caller then converts through OGR.
std::optional<std::string> coverage_kml_folder(std::string_view geojson, const std::string& layer);

}  // namespace adcov::report
