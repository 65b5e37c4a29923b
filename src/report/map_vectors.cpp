#include "map_vectors.hpp"

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <memory>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/geodesy.hpp"
#include "lonlat_geojson.hpp"

namespace adcov::report {
namespace {

// Appends the lines and rings of `g` (any nesting of collections) to `out`.
void collect(const OGRGeometry& g, std::vector<Polyline>& out) {
  const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
  if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
    for (const OGRGeometry* part : *g.toGeometryCollection()) collect(*part, out);
  } else if (type == wkbPolygon) {
    for (const OGRLinearRing* ring : *g.toPolygon()) collect(*ring, out);
  } else if (type == wkbLineString || type == wkbLinearRing) {
    Polyline line;
    for (const OGRPoint& p : *g.toLineString()) line.push_back({p.getX(), p.getY()});
    out.push_back(std::move(line));
  }
}

}  // namespace

std::vector<Polyline> read_map_vectors(const std::filesystem::path& file, const geo::GridSpec& grid,
                                       const std::optional<geo::LonLatBox>& frame) {
  if (auto fast = read_lonlat_geojson(file, grid, frame)) return std::move(*fast);
  // Shipped map data, not the user's input: a file that will not open is
  // an Error (exit 1), not an InputError as geo::gdal::open_vector makes it.
  geo::gdal::ErrorCapture err;
  geo::gdal::register_drivers();
  geo::gdal::Dataset ds(GDALDataset::FromHandle(
      GDALOpenEx(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) throw Error(err.message(file, "cannot open vector file"));
  std::vector<Polyline> out;
  for (OGRLayer* layer : ds->GetLayers()) {
    // Through WGS84, where PROJ shifts the datum of a layer on another one
    // (geo::gdal::to_grid).
    geo::gdal::Transform ct;
    try {
      ct = geo::gdal::to_grid(geo::gdal::layer_srs(*layer), grid);
    } catch (const Error&) {
      throw Error(err.message(file, "cannot reproject into the grid CRS"));
    }
    layer->ResetReading();
    while (OGRFeature* f = layer->GetNextFeature()) {
      const std::unique_ptr<OGRFeature> feature(f);
      const OGRGeometry* g = f->GetGeometryRef();
      if (!g) continue;
      const std::unique_ptr<OGRGeometry> projected(g->clone());
      if (projected->transform(ct.get()) != OGRERR_NONE) continue;  // outside the projection's domain
      collect(*projected, out);
    }
  }
  return out;
}

Polyline ew_zone_ring(const model::EwZone& zone, const geo::GridSpec& grid, int points) {
  Polyline ring;
  ring.reserve(static_cast<std::size_t>(points) + 1);
  for (int k = 0; k < points; ++k)
    ring.push_back(geo::project(grid.projection,
                                geo::destination(zone.center, 360.0 * k / points, zone.radius_km * 1000.0)));
  ring.push_back(ring.front());  // closed, so trace_polylines closes the path cleanly
  return ring;
}

void trace_polylines(cairo_t* cr, const MapLayout& layout, const std::vector<Polyline>& lines) {
  for (const Polyline& line : lines) {
    if (line.empty()) continue;
    const CanvasPoint first = canvas_point(layout, line.front());
    cairo_move_to(cr, first.x, first.y);
    for (std::size_t k = 1; k < line.size(); ++k) {
      const CanvasPoint p = canvas_point(layout, line[k]);
      cairo_line_to(cr, p.x, p.y);
    }
    if (line.size() > 2 && line.front().x_m == line.back().x_m && line.front().y_m == line.back().y_m)
      cairo_close_path(cr);  // a ring: a clean join where it closes
  }
}

namespace {

// Liang-Barsky: does segment a-b meet the rectangle [x0, x1] x [y0, y1]?
bool segment_meets_box(CanvasPoint a, CanvasPoint b, double x0, double y0, double x1, double y1) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy}, q[4] = {a.x - x0, x1 - a.x, a.y - y0, y1 - a.y};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0) {
      if (q[k] < 0) return false;
      continue;
    }
    const double t = q[k] / p[k];
    if (p[k] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

}  // namespace

bool any_in_frame(const MapLayout& L, const std::vector<Polyline>& lines) {
  const double x0 = L.map_x, y0 = L.map_y, x1 = L.map_x + L.map_w, y1 = L.map_y + L.map_h;
  for (const Polyline& line : lines)
    for (std::size_t i = 0; i < line.size(); ++i) {
      const CanvasPoint a = canvas_point(L, line[i]), b = i + 1 < line.size() ? canvas_point(L, line[i + 1]) : a;
      if (segment_meets_box(a, b, x0, y0, x1, y1)) return true;
    }
  return false;
}

}  // namespace adcov::report
