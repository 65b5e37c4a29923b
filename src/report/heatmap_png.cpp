#include "adcov/report/heatmap_png.hpp"

#include <gdal_alg.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "adcov/report/bitmap_font.hpp"
#include "adcov/report/output_names.hpp"
#include "gdal_support.hpp"

namespace adcov::report {

namespace fs = std::filesystem;

namespace {

// Layout constants, in canvas pixels. Text is the 5x7 font at scale 2
// (10x14 px glyphs), titles at scale 3.
constexpr int kMargin = 16;
constexpr int kTitleScale = 3, kTextScale = 2;
constexpr int kLineH = (kGlyphHeight + 3) * kTextScale;  // 20 px per legend line
constexpr int kTitleH = kMargin + kGlyphHeight * kTitleScale + 10 + kGlyphHeight * kTextScale + 12;
constexpr int kLegendW = 330;
constexpr int kMarkerHalf = 6;  // markers are 13 px across

constexpr Rgba kBackground{246, 246, 243, 255};
constexpr Rgba kOutsideRegion{236, 236, 232, 255};
constexpr Rgba kNotCovered{204, 204, 204, 255};
constexpr Rgba kInk{25, 25, 25, 255};
constexpr Rgba kMutedInk{90, 90, 90, 255};
constexpr Rgba kWhite{255, 255, 255, 255};
constexpr Rgba kSeaTint{120, 180, 225, 110};
constexpr Rgba kGraticule{110, 110, 110, 70};
constexpr Rgba kOblastLine{70, 70, 70, 150};
constexpr Rgba kBorderLine{15, 15, 15, 255};
constexpr Rgba kProtectLine{0, 150, 150, 255};
constexpr Rgba kUkraineYellow{255, 213, 0, 255};

// ColorBrewer RdPu (5 classes): light pink to deep purple. Pinks and purples
// do not clash with the operator colours of the markers (blue, green, orange).
constexpr Rgba kCountColors[5] = {
    {252, 197, 192, 255}, {250, 159, 181, 255}, {247, 104, 161, 255},
    {197, 27, 138, 255},  {122, 1, 119, 255}};

// ColorBrewer RdYlBu reversed: blue (low floor, good) to red (high floor, gaps).
constexpr Rgba kFloorRamp[9] = {{49, 54, 149, 255},   {69, 117, 180, 255}, {116, 173, 209, 255},
                                {171, 217, 233, 255}, {224, 243, 248, 255}, {254, 224, 144, 255},
                                {253, 174, 97, 255},  {244, 109, 67, 255},  {215, 48, 39, 255}};

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// "12,345" for legends.
std::string thousands(double v) {
  std::string digits = fmt("%.0f", v);
  std::string out;
  const bool neg = !digits.empty() && digits[0] == '-';
  if (neg) digits.erase(0, 1);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return neg ? "-" + out : out;
}

// Degrees without trailing zeros: 30 -> "30", 30.5 -> "30.5".
std::string degrees(double v) {
  std::string s = fmt("%.2f", std::fabs(v));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// A map image and how projected metres map onto it.
struct MapCanvas {
  MapLayout layout;
  RgbaImage map;  // map_w x map_h, blitted onto the canvas at the end

  double px_of(double x_m) const { return (x_m - layout.view.x0_m) / layout.px_m; }
  double py_of(double y_m) const { return (layout.view.y0_m - y_m) / layout.px_m; }
};

// ---- vectors: read, reproject into the grid CRS, rasterize with GDAL ----

using GeomPtr = std::unique_ptr<OGRGeometry, decltype(&OGRGeometryFactory::destroyGeometry)>;

GeomPtr own(OGRGeometry* g) { return GeomPtr(g, &OGRGeometryFactory::destroyGeometry); }

// Every geometry of every layer of a vector file, in the grid's CRS; as
// lines (polygon boundaries) when `as_lines`.
std::vector<GeomPtr> read_vectors(const fs::path& file, const geo::GridSpec& grid, bool as_lines) {
  detail::QuietGdalErrors quiet;
  detail::ensure_gdal_registered();
  detail::DatasetPtr ds(GDALDataset::FromHandle(
      GDALOpenEx(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) detail::throw_gdal(file, "cannot open vector file");
  const OGRSpatialReference target = detail::grid_srs(grid);
  std::vector<GeomPtr> out;
  for (OGRLayer* layer : ds->GetLayers()) {
    OGRSpatialReference source;
    if (const OGRSpatialReference* s = layer->GetSpatialRef()) source = *s;
    else source.SetWellKnownGeogCS("WGS84");  // GeoJSON without a crs member is WGS84
    // GeoJSON is lon/lat whatever the CRS definition's axis order says.
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(
        OGRCreateCoordinateTransformation(&source, &target));
    if (!ct) detail::throw_gdal(file, "cannot reproject into the grid CRS");
    layer->ResetReading();
    while (OGRFeature* f = layer->GetNextFeature()) {
      std::unique_ptr<OGRFeature> feature(f);
      const OGRGeometry* g = f->GetGeometryRef();
      if (!g) continue;
      GeomPtr copy = own(g->clone());
      if (copy->transform(ct.get()) != OGRERR_NONE) continue;  // outside the projection's domain
      if (as_lines && OGR_GT_IsSubClassOf(wkbFlatten(copy->getGeometryType()), wkbCurvePolygon)) {
        copy = own(copy->Boundary());
      } else if (as_lines && wkbFlatten(copy->getGeometryType()) == wkbMultiPolygon) {
        copy = own(copy->Boundary());
      }
      if (copy) out.push_back(std::move(copy));
    }
  }
  return out;
}

// Burns `geoms` into a byte mask of the map's size (1 = touched).
std::vector<std::uint8_t> rasterize(const MapCanvas& mc, const std::vector<OGRGeometry*>& geoms,
                                    bool all_touched) {
  const auto& L = mc.layout;
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(L.map_w) * L.map_h, 0);
  if (geoms.empty()) return mask;
  detail::QuietGdalErrors quiet;
  detail::DatasetPtr ds(detail::driver("MEM")->Create("", L.map_w, L.map_h, 1, GDT_Byte, nullptr));
  if (!ds) throw Error("cannot create an in-memory raster for the map");
  double gt[6] = {L.view.x0_m, L.px_m, 0.0, L.view.y0_m, 0.0, -L.px_m};
  ds->SetGeoTransform(gt);
  const int band = 1;
  std::vector<double> burn(geoms.size(), 1.0);
  std::vector<OGRGeometryH> handles;
  for (OGRGeometry* g : geoms) handles.push_back(OGRGeometry::ToHandle(g));
  const char* opts[] = {all_touched ? "ALL_TOUCHED=TRUE" : "ALL_TOUCHED=FALSE", nullptr};
  if (GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band,
                              static_cast<int>(handles.size()), handles.data(), nullptr, nullptr,
                              burn.data(), const_cast<char**>(opts), nullptr, nullptr) != CE_None)
    throw Error(std::string("cannot rasterize map vectors: ") + CPLGetLastErrorMsg());
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, L.map_w, L.map_h, mask.data(), L.map_w, L.map_h,
                                     GDT_Byte, 0, 0) != CE_None)
    throw Error("cannot read the rasterized map vectors");
  return mask;
}

std::vector<OGRGeometry*> raw(const std::vector<GeomPtr>& v) {
  std::vector<OGRGeometry*> out;
  for (const auto& g : v) out.push_back(g.get());
  return out;
}

// Grows a mask by one pixel (4-neighbourhood): a 1-pixel line becomes ~3 px.
std::vector<std::uint8_t> dilate(const std::vector<std::uint8_t>& m, int w, int h) {
  std::vector<std::uint8_t> out(m);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      if (m[i]) continue;
      if ((x > 0 && m[i - 1]) || (x + 1 < w && m[i + 1]) || (y > 0 && m[i - w]) ||
          (y + 1 < h && m[i + w]))
        out[i] = 1;
    }
  return out;
}

void paint_mask(RgbaImage& img, const std::vector<std::uint8_t>& mask, Rgba c,
                const std::function<bool(std::size_t)>& where = {}) {
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * img.width + x;
      if (mask[i] && (!where || where(i))) put_pixel(img, x, y, c);
    }
}

// ---- graticule ----

struct GraticuleLine {
  double value_deg;
  bool meridian;
  GeomPtr geom;
};

std::vector<GraticuleLine> graticule(const MapCanvas& mc) {
  const auto& v = mc.layout.view;
  double w = 180, e = -180, s = 90, n = -90;
  // The region window's lon/lat extent from its outline (LAEA bends the bbox).
  for (int k = 0; k <= 20; ++k) {
    const double f = k / 20.0;
    for (geo::XY p : {geo::XY{v.x0_m + f * v.width * v.cell_m, v.y0_m},
                      geo::XY{v.x0_m + f * v.width * v.cell_m, v.y0_m - v.height * v.cell_m},
                      geo::XY{v.x0_m, v.y0_m - f * v.height * v.cell_m},
                      geo::XY{v.x0_m + v.width * v.cell_m, v.y0_m - f * v.height * v.cell_m}}) {
      const geo::LonLat ll = geo::unproject(v.projection, p);
      w = std::min(w, ll.lon_deg), e = std::max(e, ll.lon_deg);
      s = std::min(s, ll.lat_deg), n = std::max(n, ll.lat_deg);
    }
  }
  const double span = std::max(e - w, n - s);
  double step = 10;
  for (double c : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0})
    if (span / c <= 8) {
      step = c;
      break;
    }
  std::vector<GraticuleLine> out;
  auto line = [&](bool meridian, double value) {
    auto* ls = new OGRLineString();
    constexpr int kSamples = 200;
    for (int k = 0; k <= kSamples; ++k) {
      const double f = k / double(kSamples);
      const geo::LonLat ll = meridian ? geo::LonLat{value, s - step + f * (n - s + 2 * step)}
                                      : geo::LonLat{w - step + f * (e - w + 2 * step), value};
      const geo::XY p = geo::project(v.projection, ll);
      ls->addPoint(p.x_m, p.y_m);
    }
    out.push_back({value, meridian, own(ls)});
  };
  for (double lon = std::ceil(w / step) * step; lon <= e; lon += step) line(true, lon);
  for (double lat = std::ceil(s / step) * step; lat <= n; lat += step) line(false, lat);
  return out;
}

// Labels each graticule line where it meets the top (meridians) or left
// (parallels) edge of the map.
void label_graticule(MapCanvas& mc, const std::vector<GraticuleLine>& lines) {
  for (const auto& gl : lines) {
    const auto* ls = gl.geom->toLineString();
    double best = 1e300;
    double bx = -1, by = -1;
    for (int k = 0; k < ls->getNumPoints(); ++k) {
      const double px = mc.px_of(ls->getX(k)), py = mc.py_of(ls->getY(k));
      const double d = gl.meridian ? std::fabs(py) : std::fabs(px);
      if (d < best && px >= 0 && py >= 0 && px < mc.layout.map_w && py < mc.layout.map_h)
        best = d, bx = px, by = py;
    }
    if (bx < 0) continue;
    const std::string text = degrees(gl.value_deg) +
                             (gl.meridian ? (gl.value_deg < 0 ? "W" : "E") : (gl.value_deg < 0 ? "S" : "N"));
    if (gl.meridian)
      draw_text(mc.map, static_cast<int>(bx) + 3, 3, text, kMutedInk, 1, true);
    else
      draw_text(mc.map, 3, static_cast<int>(by) - kGlyphHeight - 2, text, kMutedInk, 1, true);
  }
}

// ---- cities ----

struct City {
  std::string name;
  geo::LonLat at;
  double population = 0;
};

// Present-day Ukrainian spellings for the GeoNames ASCII names the maps show.
std::string ukrainian_spelling(const std::string& n) {
  static const std::map<std::string, std::string> kFix = {
      {"Kiev", "Kyiv"},       {"Odessa", "Odesa"},           {"Dnipropetrovsk", "Dnipro"},
      {"L'viv", "Lviv"},      {"Zaporizhzhya", "Zaporizhzhia"}, {"Mykolayiv", "Mykolaiv"},
      {"Vinnytsya", "Vinnytsia"}, {"Khmel'nyts'kyy", "Khmelnytskyi"}, {"Kirovohrad", "Kropyvnytskyi"}};
  const auto it = kFix.find(n);
  return it == kFix.end() ? n : it->second;
}

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

std::vector<City> read_cities(const fs::path& file, double min_population) {
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line)) return {};
  const auto header = split_csv(line);
  auto col = [&](const char* name) {
    return static_cast<int>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const int c_name = col("asciiname"), c_lat = col("latitude"), c_lon = col("longitude"),
            c_pop = col("population");
  const int n = static_cast<int>(header.size());
  if (c_name >= n || c_lat >= n || c_lon >= n || c_pop >= n) return {};
  std::vector<City> out;
  while (std::getline(in, line)) {
    const auto f = split_csv(line);
    if (static_cast<int>(f.size()) < n) continue;
    try {
      const double pop = std::stod(f[c_pop]);
      if (pop < min_population) continue;
      out.push_back({ukrainian_spelling(f[c_name]), {std::stod(f[c_lon]), std::stod(f[c_lat])}, pop});
    } catch (const std::exception&) {
      continue;  // a malformed row is skipped: the map is still useful without it
    }
  }
  std::sort(out.begin(), out.end(), [](const City& a, const City& b) { return a.population > b.population; });
  return out;
}

struct Box {
  int x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

void draw_cities(MapCanvas& mc, const RenderOptions& opt, const coverage::CoverageResult& r) {
  if (!opt.places_csv) return;
  // Labels never overlap each other and avoid battery markers where they can:
  // right, left, above, below the dot, first clear of markers, then not; a
  // city with no free spot keeps its dot only. Markers are drawn on top.
  std::vector<Box> taken, markers;
  for (const auto& b : r.batteries) {
    const int x = static_cast<int>(std::lround(mc.px_of(b.pos.x_m)));
    const int y = static_cast<int>(std::lround(mc.py_of(b.pos.y_m)));
    markers.push_back({x - kMarkerHalf - 1, y - kMarkerHalf - 1, x + kMarkerHalf + 2, y + kMarkerHalf + 2});
  }
  auto clear = [](const std::vector<Box>& boxes, const Box& l) {
    return std::none_of(boxes.begin(), boxes.end(), [&](const Box& b) { return b.overlaps(l); });
  };
  const int th = kGlyphHeight * kTextScale;
  for (const City& c : read_cities(*opt.places_csv, opt.min_city_population)) {
    const geo::XY p = geo::project(mc.layout.view.projection, c.at);
    const int x = static_cast<int>(std::lround(mc.px_of(p.x_m)));
    const int y = static_cast<int>(std::lround(mc.py_of(p.y_m)));
    if (x < 0 || y < 0 || x >= mc.layout.map_w || y >= mc.layout.map_h) continue;
    fill_rect(mc.map, x - 2, y - 2, 5, 5, kWhite);
    fill_rect(mc.map, x - 1, y - 1, 3, 3, kInk);
    const int w = text_width_px(c.name, kTextScale);
    const std::pair<int, int> spots[] = {
        {x + 6, y - th / 2}, {x - 6 - w, y - th / 2}, {x - w / 2, y - 6 - th}, {x - w / 2, y + 6}};
    bool placed = false;
    for (int pass = 0; pass < 2 && !placed; ++pass)
      for (const auto& [tx, ty] : spots) {
        const Box label{tx - 2, ty - 2, tx + w + 2, ty + th + 2};
        if (label.x0 < 0 || label.y0 < 0 || label.x1 > mc.layout.map_w || label.y1 > mc.layout.map_h) continue;
        if (!clear(taken, label) || (pass == 0 && !clear(markers, label))) continue;
        taken.push_back(label);
        draw_text(mc.map, tx, ty, c.name, kInk, kTextScale, true);
        placed = true;
        break;
      }
  }
}

// ---- battery markers ----

// Draws a marker of `group` centred at (x, y) on `img`.
void draw_marker(RgbaImage& img, int x, int y, model::OperatorGroup group, int half = kMarkerHalf) {
  const Rgba fill = operator_color(group);
  // inside(dx, dy, r): is the offset inside the shape of radius r?
  auto inside = [group](int dx, int dy, int r) {
    switch (group) {
      case model::OperatorGroup::ukraine: return std::abs(dx) <= r && std::abs(dy) <= r;
      case model::OperatorGroup::allied: return std::abs(dx) + std::abs(dy) <= r + 1;
      case model::OperatorGroup::contractor:  // an upward triangle
        return dy <= r && dy >= -r && 2 * std::abs(dx) <= (dy + r) + 1;
    }
    return false;
  };
  for (int dy = -half - 2; dy <= half + 2; ++dy)
    for (int dx = -half - 2; dx <= half + 2; ++dx) {
      if (inside(dx, dy, half - 1)) {
        Rgba c = fill;
        // Ukraine's flag: blue over yellow.
        if (group == model::OperatorGroup::ukraine && dy > 0) c = kUkraineYellow;
        put_pixel(img, x + dx, y + dy, c);
      } else if (inside(dx, dy, half)) {
        put_pixel(img, x + dx, y + dy, kInk);
      } else if (inside(dx, dy, half + 1)) {
        put_pixel(img, x + dx, y + dy, kWhite);
      }
    }
}

void draw_batteries(MapCanvas& mc, const coverage::CoverageResult& r) {
  for (const auto& b : r.batteries) {
    const int x = static_cast<int>(std::lround(mc.px_of(b.pos.x_m)));
    const int y = static_cast<int>(std::lround(mc.py_of(b.pos.y_m)));
    draw_marker(mc.map, x, y, b.group);
  }
}

// ---- scale bar ----

void draw_scale_bar(MapCanvas& mc) {
  const double map_km = mc.layout.map_w * mc.layout.px_m / 1000.0;
  double km = 1;
  for (double c : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000})
    if (c <= map_km / 5) km = c;
  const int len = static_cast<int>(std::lround(km * 1000.0 / mc.layout.px_m));
  const std::string label = thousands(km) + " km";
  const int x = 10, y = mc.layout.map_h - 36;
  fill_rect(mc.map, x - 6, y - 6, std::max(len, text_width_px(label, kTextScale)) + 12, 36, {255, 255, 255, 210});
  // Alternating black and white quarters, like a printed map's bar.
  for (int q = 0; q < 4; ++q) {
    const int qx = x + q * len / 4, qw = (q + 1) * len / 4 - q * len / 4;
    fill_rect(mc.map, qx, y, qw, 6, q % 2 ? kWhite : kInk);
  }
  stroke_rect(mc.map, x, y, len, 6, kInk);
  draw_text(mc.map, x, y + 10, label, kInk, kTextScale);
}

// ---- shared map composition ----

struct Overlays {
  std::vector<std::uint8_t> sea, oblast, border, protect, grat;
  std::vector<GraticuleLine> grat_lines;
};

Overlays build_overlays(const MapCanvas& mc, const model::Scenario& s, const RenderOptions& opt) {
  Overlays o;
  const auto& g = mc.layout.view;
  const auto n = static_cast<std::size_t>(mc.layout.map_w) * mc.layout.map_h;
  auto mask_of = [&](const std::optional<fs::path>& file, bool lines) {
    if (!file) return std::vector<std::uint8_t>(n, 0);
    return rasterize(mc, raw(read_vectors(*file, g, lines)), false);
  };
  o.sea = mask_of(opt.sea_geojson, false);
  o.oblast = mask_of(opt.admin1_geojson, true);
  o.border = dilate(mask_of(opt.admin0_geojson, true), mc.layout.map_w, mc.layout.map_h);
  o.protect = s.region.protect && fs::exists(*s.region.protect)
                  ? dilate(mask_of(s.region.protect, true), mc.layout.map_w, mc.layout.map_h)
                  : std::vector<std::uint8_t>(n, 0);
  o.grat_lines = graticule(mc);
  std::vector<OGRGeometry*> gl;
  for (const auto& l : o.grat_lines) gl.push_back(l.geom.get());
  o.grat = rasterize(mc, gl, false);
  return o;
}

// Fills the data layer: `color_of(cell index in the full grid)`, nearest
// neighbour; `plain(i)` says whether map pixel i shows "nothing" (outside or
// uncovered), where the sea tint goes.
void paint_data(MapCanvas& mc, const coverage::CoverageResult& r,
                const std::function<Rgba(std::size_t)>& color_of, std::vector<std::uint8_t>& plain) {
  const auto& L = mc.layout;
  plain.assign(static_cast<std::size_t>(L.map_w) * L.map_h, 0);
  for (int y = 0; y < L.map_h; ++y) {
    const int row = L.window.row0 + std::min(L.window.height - 1, static_cast<int>((y + 0.5) * L.px_m / L.view.cell_m));
    for (int x = 0; x < L.map_w; ++x) {
      const int col = L.window.col0 + std::min(L.window.width - 1, static_cast<int>((x + 0.5) * L.px_m / L.view.cell_m));
      const std::size_t i = static_cast<std::size_t>(row) * r.grid.width + col;
      const bool in = r.in_region.empty() || r.in_region[i];
      const Rgba c = in ? color_of(i) : kOutsideRegion;
      put_pixel(mc.map, x, y, c);
      plain[static_cast<std::size_t>(y) * L.map_w + x] = !in || c == kNotCovered;
    }
  }
}

void paint_overlays(MapCanvas& mc, const Overlays& o, const std::vector<std::uint8_t>& plain,
                    const coverage::CoverageResult& r, const RenderOptions& opt) {
  paint_mask(mc.map, o.sea, kSeaTint, [&](std::size_t i) { return plain[i] != 0; });
  paint_mask(mc.map, o.grat, kGraticule);
  paint_mask(mc.map, o.oblast, kOblastLine);
  paint_mask(mc.map, o.border, kBorderLine);
  paint_mask(mc.map, o.protect, kProtectLine);
  label_graticule(mc, o.grat_lines);
  draw_cities(mc, opt, r);
  draw_batteries(mc, r);
  draw_scale_bar(mc);
  stroke_rect(mc.map, 0, 0, mc.layout.map_w, mc.layout.map_h, kMutedInk);
}

// Legend writer: a cursor down the right-hand panel.
struct Legend {
  RgbaImage& img;
  int x, y;
  void text(const std::string& t, Rgba c = kInk) {
    // Long lines are cut to the panel width rather than spilling off the image.
    const std::size_t max_chars = (kLegendW - 8) / (kGlyphAdvance * kTextScale);
    draw_text(img, x, y, t.size() > max_chars ? t.substr(0, max_chars - 2) + ".." : t, c, kTextScale);
    y += kLineH;
  }
  void gap(int px = 10) { y += px; }
  void swatch(Rgba c, const std::string& label) {
    fill_rect(img, x, y - 2, 28, 16, c);
    stroke_rect(img, x, y - 2, 28, 16, kMutedInk);
    draw_text(img, x + 38, y, label, kInk, kTextScale);
    y += kLineH;
  }
  void line_sample(Rgba c, int thickness, const std::string& label) {
    fill_rect(img, x, y + 6 - thickness / 2, 28, thickness, c);
    draw_text(img, x + 38, y, label, kInk, kTextScale);
    y += kLineH;
  }
};

void legend_common(Legend& lg, const model::Scenario& s, const coverage::CoverageResult& r,
                   const RenderOptions& opt) {
  int n[3] = {0, 0, 0};
  for (const auto& b : r.batteries) ++n[static_cast<int>(b.group)];
  lg.gap();
  lg.text("Batteries");
  const char* names[3] = {"Ukraine", "Allied", "Contractor"};
  for (int g = 0; g < 3; ++g) {
    draw_marker(lg.img, lg.x + 14, lg.y + 6, static_cast<model::OperatorGroup>(g));
    draw_text(lg.img, lg.x + 38, lg.y, std::string(names[g]) + " (" + std::to_string(n[g]) + ")", kInk,
              kTextScale);
    lg.y += kLineH + 2;
  }
  lg.gap();
  if (opt.admin0_geojson) lg.line_sample(kBorderLine, 3, "Border");
  if (opt.admin1_geojson) lg.line_sample(kOblastLine, 1, "Oblast");
  if (s.region.protect) lg.line_sample(kProtectLine, 3, "Protect zone");
  if (opt.sea_geojson) lg.swatch(mix(kOutsideRegion, {120, 180, 225, 255}, 110 / 255.0), "Sea");
  lg.gap();
  lg.text("Grid " + thousands(r.grid.cell_m) + " m, LAEA", kMutedInk);
  lg.text("k-factor " + fmt("%.4g", s.k_factor), kMutedInk);
  if (s.coverage.threat) lg.text("Target: " + *s.coverage.threat, kMutedInk);
}

RgbaImage assemble(const MapCanvas& mc, const std::string& title, const std::string& subtitle,
                   const std::function<void(Legend&)>& legend) {
  const auto& L = mc.layout;
  RgbaImage canvas = make_image(L.canvas_w, L.canvas_h, kBackground);
  const int title_scale = text_width_px(title, kTitleScale) <= L.canvas_w - 2 * kMargin ? kTitleScale : kTextScale;
  draw_text(canvas, kMargin, kMargin, title, kInk, title_scale);
  draw_text(canvas, kMargin, kMargin + kGlyphHeight * kTitleScale + 10, subtitle, kMutedInk, kTextScale);
  for (int y = 0; y < L.map_h; ++y)
    for (int x = 0; x < L.map_w; ++x) put_pixel(canvas, L.map_x + x, L.map_y + y, pixel_at(mc.map, x, y));
  Legend lg{canvas, L.map_x + L.map_w + kMargin + 8, L.map_y + 4};
  legend(lg);
  if (lg.y > L.canvas_h) {
    // The legend outgrew a short map: redraw on a taller canvas.
    MapCanvas taller = mc;
    taller.layout.canvas_h = lg.y + kMargin;
    return assemble(taller, title, subtitle, legend);
  }
  return canvas;
}

MapCanvas new_canvas(const coverage::CoverageResult& r, const RenderOptions& opt) {
  MapCanvas mc;
  mc.layout = map_layout(r, opt);
  mc.map = make_image(mc.layout.map_w, mc.layout.map_h, kOutsideRegion);
  return mc;
}

}  // namespace

MapLayout map_layout(const coverage::CoverageResult& r, const RenderOptions& opt) {
  MapLayout L;
  L.window = region_window(r.grid, r.in_region);
  L.view = crop(r.grid, L.window);
  // Nearest-neighbour upscale (or downscale) so the longest side is map_px.
  const double scale = std::max(1, opt.map_px) / static_cast<double>(std::max(L.window.width, L.window.height));
  L.map_w = std::max(1, static_cast<int>(std::lround(L.window.width * scale)));
  L.map_h = std::max(1, static_cast<int>(std::lround(L.window.height * scale)));
  L.px_m = L.window.width * r.grid.cell_m / L.map_w;
  L.map_x = kMargin;
  L.map_y = kTitleH;
  L.canvas_w = L.map_x + L.map_w + kMargin + kLegendW + kMargin;
  L.canvas_h = std::max(L.map_y + L.map_h + kMargin, kTitleH + 560);
  return L;
}

Pixel canvas_pixel(const MapLayout& L, geo::XY p) {
  return {L.map_x + static_cast<int>(std::lround((p.x_m - L.view.x0_m) / L.px_m)),
          L.map_y + static_cast<int>(std::lround((L.view.y0_m - p.y_m) / L.px_m))};
}

Rgba count_color(int count) {
  if (count <= 0) return kNotCovered;
  return kCountColors[std::min(count, 5) - 1];
}

Rgba floor_color(double t) {
  t = std::clamp(t, 0.0, 1.0) * 8;
  const int i = std::min(7, static_cast<int>(t));
  return mix(kFloorRamp[i], kFloorRamp[i + 1], t - i);
}

Rgba operator_color(model::OperatorGroup g) {
  switch (g) {
    case model::OperatorGroup::ukraine: return {0, 91, 187, 255};
    case model::OperatorGroup::allied: return {0, 158, 115, 255};
    case model::OperatorGroup::contractor: return {240, 140, 0, 255};
  }
  return kInk;
}

std::vector<std::string> check_render_inputs(RenderOptions& opt) {
  std::vector<std::string> notes;
  auto check = [&](std::optional<fs::path>& p, const char* what) {
    if (p && !fs::exists(*p)) {
      notes.push_back(std::string(what) + " file " + p->string() + " not found: maps drawn without it");
      p.reset();
    }
  };
  check(opt.admin0_geojson, "national border");
  check(opt.admin1_geojson, "oblast border");
  check(opt.sea_geojson, "sea");
  check(opt.places_csv, "cities");
  return notes;
}

RgbaImage render_count_map(const model::Scenario& s, const coverage::CoverageResult& r,
                           std::size_t altitude_index, const RenderOptions& opt) {
  const auto& alt = r.altitudes.at(altitude_index);
  if (alt.count.size() != r.grid.cells()) throw Error("coverage counts do not match the grid");
  MapCanvas mc = new_canvas(r, opt);
  const Overlays o = build_overlays(mc, s, opt);
  std::vector<std::uint8_t> plain;
  paint_data(mc, r, [&](std::size_t i) { return count_color(alt.count[i]); }, plain);
  paint_overlays(mc, o, plain, r, opt);
  const std::string h = altitude_text(alt.altitude_m);
  return assemble(mc, s.name + ": coverage at " + h + " m above ground",
                  "Batteries able to engage a target " + h + " m above the ground", [&](Legend& lg) {
                    lg.text("Batteries able");
                    lg.text("to engage");
                    lg.gap(4);
                    for (int c = 5; c >= 1; --c) lg.swatch(count_color(c), c == 5 ? "5 or more" : std::to_string(c));
                    lg.swatch(kNotCovered, "0 not covered");
                    lg.swatch(kOutsideRegion, "outside region");
                    lg.gap();
                    lg.text("Covered " + fmt("%.1f", 100.0 * alt.region.covered_fraction) + " %");
                    lg.text(thousands(alt.region.covered_km2) + " of", kMutedInk);
                    lg.text(thousands(alt.region.region_km2) + " km2", kMutedInk);
                    legend_common(lg, s, r, opt);
                  });
}

RgbaImage render_floor_map(const model::Scenario& s, const coverage::CoverageResult& r,
                           const RenderOptions& opt) {
  if (r.floor_m.size() != r.grid.cells()) throw Error("coverage floor does not match the grid");
  // The ramp runs over sqrt(floor / top): the difference between 50 m and
  // 300 m matters far more to a planner than between 5 and 6 km.
  double max_floor = 0;
  for (std::size_t i = 0; i < r.floor_m.size(); ++i)
    if ((r.in_region.empty() || r.in_region[i]) && std::isfinite(r.floor_m[i]))
      max_floor = std::max(max_floor, static_cast<double>(r.floor_m[i]));
  double top = 100;
  for (double c : {100.0, 200.0, 500.0, 1000.0, 2000.0, 3000.0, 5000.0, 10000.0, 20000.0, 30000.0, 50000.0})
    if (top < max_floor) top = c;
  auto t_of = [top](double v) { return std::sqrt(std::max(0.0, v) / top); };

  MapCanvas mc = new_canvas(r, opt);
  const Overlays o = build_overlays(mc, s, opt);
  std::vector<std::uint8_t> plain;
  paint_data(mc, r, [&](std::size_t i) {
    const float v = r.floor_m[i];
    return std::isfinite(v) ? floor_color(t_of(v)) : kNotCovered;
  }, plain);
  paint_overlays(mc, o, plain, r, opt);
  return assemble(mc, s.name + ": coverage floor",
                  "Lowest height above ground at which a threat can be engaged", [&](Legend& lg) {
                    lg.text("Floor, m above");
                    lg.text("ground (low = good)");
                    lg.gap(6);
                    constexpr int kRampH = 240, kRampW = 28;
                    for (int k = 0; k < kRampH; ++k)
                      fill_rect(lg.img, lg.x, lg.y + k, kRampW, 1, floor_color(k / double(kRampH - 1)));
                    stroke_rect(lg.img, lg.x, lg.y, kRampW, kRampH, kMutedInk);
                    int last_ty = -1000;
                    for (double v : {0.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0}) {
                      if (v > top) break;
                      const int ty = lg.y + static_cast<int>(std::lround(t_of(v) * (kRampH - 1)));
                      if (ty - last_ty < kLineH && v != top) continue;  // labels would touch
                      last_ty = ty;
                      fill_rect(lg.img, lg.x + kRampW, ty, 6, 1, kInk);
                      draw_text(lg.img, lg.x + kRampW + 10, ty - kGlyphHeight, thousands(v), kInk, kTextScale);
                    }
                    lg.y += kRampH + 12;
                    lg.swatch(kNotCovered, "never covered");
                    lg.swatch(kOutsideRegion, "outside region");
                    legend_common(lg, s, r, opt);
                  });
}

void write_png(const fs::path& file, const RgbaImage& img) {
  detail::QuietGdalErrors quiet;
  detail::DatasetPtr mem(detail::driver("MEM")->Create("", img.width, img.height, 3, GDT_Byte, nullptr));
  if (!mem) detail::throw_gdal(file, "cannot create the in-memory image");
  int bands[3] = {1, 2, 3};
  // Pixel-interleaved RGBA buffer: 4 bytes per pixel, the first 3 go to bands 1..3.
  if (mem->RasterIO(GF_Write, 0, 0, img.width, img.height, const_cast<std::uint8_t*>(img.pixels.data()),
                    img.width, img.height, GDT_Byte, 3, bands, 4, 4 * static_cast<GSpacing>(img.width), 1,
                    nullptr) != CE_None)
    detail::throw_gdal(file, "cannot fill the in-memory image");
  const char* opts[] = {"ZLEVEL=6", nullptr};
  detail::DatasetPtr png(detail::driver("PNG")->CreateCopy(file.string().c_str(), mem.get(), FALSE,
                                                           const_cast<char**>(opts), nullptr, nullptr));
  if (!png) detail::throw_gdal(file, "cannot write PNG");
}

}  // namespace adcov::report
