// Points from a CSV or GeoJSON file. The CSV is read here, line by line, so
// a bad value is reported with its line; GeoJSON goes through OGR (RFC 7946
// is lon/lat WGS84, so no reprojection), its features numbered from 1.
#include "adcov/geo/point_file.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <memory>
#include <optional>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"

namespace adcov::geo {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string s) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
    out.push_back(trim(line.substr(start, comma - start)));
  out.push_back(trim(line.substr(start)));
  return out;
}

std::optional<double> number(const std::string& s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// "" when (lon, lat) is a point on the Earth; otherwise what is wrong.
std::string range_problem(LonLat p) {
  if (p.lon_deg < -180 || p.lon_deg > 180)
    return fmt::format("lon {} is not in [-180, 180]", p.lon_deg);
  if (p.lat_deg < -90 || p.lat_deg > 90)
    return fmt::format("lat {} is not in [-90, 90]", p.lat_deg);
  return "";
}

std::vector<FilePoint> read_csv(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string() + ": cannot open candidates file");
  const std::string name = file.string();
  std::string line;
  int line_no = 0, lon_col = -1, lat_col = -1;
  std::size_t columns = 0;
  std::vector<FilePoint> out;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) continue;
    const std::vector<std::string> cells = split_csv(line);
    if (lon_col < 0) {  // the header
      for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string c = cells[i];
        std::transform(c.begin(), c.end(), c.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        if (c == "lon" && lon_col < 0) lon_col = static_cast<int>(i);
        if (c == "lat" && lat_col < 0) lat_col = static_cast<int>(i);
      }
      if (lon_col < 0 || lat_col < 0)
        throw InputError(fmt::format(
            "{}:{}: the header must name the columns lon and lat (e.g. 'lon,lat'), got '{}'", name,
            line_no, line));
      columns = cells.size();
      continue;
    }
    if (cells.size() != columns)
      throw InputError(fmt::format("{}:{}: {} values, the header has {} columns", name, line_no,
                                   cells.size(), columns));
    const auto lon = number(cells[lon_col]), lat = number(cells[lat_col]);
    if (!lon)
      throw InputError(
          fmt::format("{}:{}: lon '{}' is not a number", name, line_no, cells[lon_col]));
    if (!lat)
      throw InputError(
          fmt::format("{}:{}: lat '{}' is not a number", name, line_no, cells[lat_col]));
    const LonLat p{*lon, *lat};
    if (const std::string bad = range_problem(p); !bad.empty())
      throw InputError(fmt::format("{}:{}: {}", name, line_no, bad));
    out.push_back({p, fmt::format("{}:{}", name, line_no)});
  }
  if (lon_col < 0)
    throw InputError(name + ": empty file (expected a header 'lon,lat' and one point per line)");
  return out;
}

std::vector<FilePoint> read_geojson(const fs::path& file) {
  const gdal::Dataset ds = gdal::open_vector(file);
  const std::string name = file.string();
  std::vector<FilePoint> out;
  int n = 0;
  for (OGRLayer* layer : ds->GetLayers()) {
    layer->ResetReading();
    while (OGRFeature* raw = layer->GetNextFeature()) {
      const std::unique_ptr<OGRFeature> f(raw);
      ++n;
      const OGRGeometry* g = f->GetGeometryRef();
      if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
        throw InputError(
            fmt::format("{}: feature {}: expected a Point, got {}", name, n,
                        g ? OGRGeometryTypeToName(g->getGeometryType()) : "no geometry"));
      const OGRPoint* p = g->toPoint();
      const LonLat ll{p->getX(), p->getY()};
      if (const std::string bad = range_problem(ll); !bad.empty())
        throw InputError(fmt::format("{}: feature {}: {}", name, n, bad));
      out.push_back({ll, fmt::format("{}: feature {}", name, n)});
    }
  }
  return out;
}

}  // namespace

std::vector<FilePoint> read_points(const std::filesystem::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    throw InputError(file.string() + ": candidates file not found");
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  std::vector<FilePoint> points =
      ext == ".geojson" || ext == ".json" ? read_geojson(file) : read_csv(file);
  if (points.empty()) throw InputError(file.string() + ": no points");
  return points;
}

}  // namespace adcov::geo
