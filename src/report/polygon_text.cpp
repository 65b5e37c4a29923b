#include "polygon_text.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <cstring>

#include "adcov/report/number_text.hpp"

namespace adcov::report {
namespace {

void append_ring(std::string& out, const geo::CornerRing& ring, const geo::GridSpec& g) {
  out += "[ ";
  for (std::size_t k = 0; k < ring.size(); ++k) {
    // The corner's LAEA metres as a geotransform maps them, then lon/lat by
    // the grid's own spherical LAEA inverse (agrees with PROJ's to ~1e-14 deg).
    const geo::LonLat p =
        geo::unproject(g.projection, {g.x0_m + ring[k].x * g.cell_m, g.y0_m + ring[k].y * -g.cell_m});
    out += k ? ", [ " : "[ ";
    append_coordinate_text(out, p.lon_deg);
    out += ", ";
    append_coordinate_text(out, p.lat_deg);
    out += " ]";
  }
  out += " ]";
}

// True when s holds `what` at `at`.
bool starts(std::string_view s, std::size_t at, std::string_view what) {
  return at <= s.size() && s.size() - at >= what.size() && std::memcmp(s.data() + at, what.data(), what.size()) == 0;
}

// One polygon's rings from "[ [ [ x, y ], ... ], [ hole ] ]" at s[at] (its
// opening bracket) as KML, returning the position after its closing bracket;
// npos when the text is not laid out that way.
std::size_t polygon_kml(std::string_view s, std::size_t at, std::string& out) {
  if (s.compare(at, 2, "[ ") != 0) return std::string_view::npos;
  at += 2;
  out += "<Polygon>";
  for (bool outer = true;; outer = false) {
    if (s.compare(at, 2, "[ ") != 0) return std::string_view::npos;
    at += 2;
    out += outer ? "<outerBoundaryIs><LinearRing><coordinates>"
                 : "<innerBoundaryIs><LinearRing><coordinates>";
    for (bool first = true;; first = false) {  // "[ x, y ]" points separated by ", "
      // A point is "[ x, y ]": x runs to the first ',' and y to the next ' '
      // (numbers hold neither), each checked where it ends.
      if (!starts(s, at, "[ ")) return std::string_view::npos;
      const std::size_t x = at + 2, comma = s.find(',', x);
      if (comma == std::string_view::npos || !starts(s, comma, ", ")) return std::string_view::npos;
      const std::size_t y = comma + 2, space = s.find(' ', y);
      if (space == std::string_view::npos || !starts(s, space, " ]") || space == y || comma == x)
        return std::string_view::npos;
      if (!first) out += ' ';
      out.append(s.data() + x, comma - x);
      out += ',';
      out.append(s.data() + y, space - y);
      at = space + 2;
      if (starts(s, at, ", ")) {
        at += 2;
        continue;
      }
      break;
    }
    if (s.compare(at, 2, " ]") != 0) return std::string_view::npos;  // the ring's end
    at += 2;
    out += outer ? "</coordinates></LinearRing></outerBoundaryIs>"
                 : "</coordinates></LinearRing></innerBoundaryIs>";
    if (s.compare(at, 2, ", ") == 0) {
      at += 2;
      continue;
    }
    break;
  }
  if (s.compare(at, 2, " ]") != 0) return std::string_view::npos;  // the polygon's end
  out += "</Polygon>";
  return at + 2;
}

}  // namespace


void append_patch_coordinates(std::string& out, const geo::ClassPatch& patch, const geo::GridSpec& g) {
  out += "[ ";
  append_ring(out, patch.outer, g);
  for (const geo::CornerRing& hole : patch.holes) {
    out += ", ";
    append_ring(out, hole, g);
  }
  out += " ]";
}

std::optional<std::string> coverage_kml_folder(std::string_view s, const std::string& layer) {
  // Exactly write_coverage_geojson's layout, or nothing: header, features
  // separated by ",\n", the closing lines.
  constexpr std::string_view kHead =
      "{\n\"type\": \"FeatureCollection\",\n\"name\": \"coverage\",\n\"features\": [\n";
  constexpr std::string_view kTail = "\n]\n}\n";
  constexpr std::string_view kFeature = "{ \"type\": \"Feature\", \"properties\": { \"count\": ";
  constexpr std::string_view kGeometry = " }, \"geometry\": { \"type\": \"";
  constexpr std::string_view kPolygon = "Polygon\", \"coordinates\": ";
  constexpr std::string_view kMulti = "MultiPolygon\", \"coordinates\": [ ";
  if (s.compare(0, kHead.size(), kHead) != 0) return std::nullopt;
  std::string out;
  out.reserve(s.size());  // the KML runs a little shorter than the GeoJSON
  out += fmt::format(
      "<Schema name=\"{0}\" id=\"{0}\">\n\t<SimpleField name=\"count\" "
      "type=\"int\"></SimpleField>\n</Schema>\n"
      "<Folder><name>{0}</name>\n",
      layer);
  std::size_t at = kHead.size();
  if (s.substr(at) == kTail) return out + "</Folder>\n";  // no feature
  for (;;) {
    if (s.compare(at, kFeature.size(), kFeature) != 0) return std::nullopt;
    at += kFeature.size();
    const std::size_t end_count = s.find(kGeometry, at);
    if (end_count == std::string_view::npos) return std::nullopt;
    const std::string_view count = s.substr(at, end_count - at);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    at = end_count + kGeometry.size();
    const bool multi = s.compare(at, kMulti.size(), kMulti) == 0;
    if (!multi && s.compare(at, kPolygon.size(), kPolygon) != 0) return std::nullopt;
    at += multi ? kMulti.size() : kPolygon.size();
    out += fmt::format(
        "  "
        "<Placemark>\n\t<Style><LineStyle><color>ff0000ff</color></LineStyle><PolyStyle><fill>0</"
        "fill></PolyStyle>"
        "</Style>\n\t<ExtendedData><SchemaData schemaUrl=\"#{}\">\n\t\t<SimpleData "
        "name=\"count\">{}</SimpleData>\n"
        "\t</SchemaData></ExtendedData>\n      {}",
        layer, count, multi ? "<MultiGeometry>" : "");
    for (;;) {
      at = polygon_kml(s, at, out);
      if (at == std::string_view::npos) return std::nullopt;
      if (!multi || s.compare(at, 2, ", ") != 0) break;
      at += 2;
    }
    if (multi) {
      if (s.compare(at, 2, " ]") != 0) return std::nullopt;
      at += 2;
    }
    if (s.compare(at, 4, " } }") != 0) return std::nullopt;
    at += 4;
    out += multi ? "</MultiGeometry>\n  </Placemark>\n" : "\n  </Placemark>\n";
    if (s.compare(at, 2, ",\n") == 0) {
      at += 2;
      continue;
    }
    if (s.substr(at) != kTail) return std::nullopt;
    return out + "</Folder>\n";
  }
}

}  // namespace adcov::report
