// The sweep plot: a line chart drawn with GDAL's vector rasterizer (curves
// as OGR line strings buffered to a stroke width, CI bands as polygons) and
// labelled with the embedded bitmap font; write_png() encodes it.

#include "sweep_plot.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "adcov/report/bitmap_font.hpp"
#include <gdal_alg.h>

#include "gdal_support.hpp"

namespace adcov::report {
namespace {

constexpr int kW = 960, kH = 600;
constexpr int kLeft = 80, kRight = 230, kTop = 60, kBottom = 70;  // plot margins (legend on the right)

std::optional<double> as_number(const std::string& v) {
  double d = 0;
  const char* b = v.data();
  const char* e = v.data() + v.size();
  while (b < e && *b == ' ') ++b;
  auto [p, ec] = std::from_chars(b, e, d);
  if (ec != std::errc() || p != e) return std::nullopt;
  return d;
}

// Burns `geoms` (pixel coordinates, y down) into a mask of the canvas size.
std::vector<std::uint8_t> rasterize_px(const std::vector<OGRGeometry*>& geoms) {
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(kW) * kH, 0);
  if (geoms.empty()) return mask;
  detail::QuietGdalErrors quiet;
  detail::DatasetPtr ds(detail::driver("MEM")->Create("", kW, kH, 1, GDT_Byte, nullptr));
  if (!ds) throw Error("cannot create an in-memory raster for the sweep plot");
  double gt[6] = {0, 1, 0, 0, 0, 1};  // pixel space, y down
  ds->SetGeoTransform(gt);
  const int band = 1;
  std::vector<double> burn(geoms.size(), 1.0);
  std::vector<OGRGeometryH> h;
  for (auto* g : geoms) h.push_back(OGRGeometry::ToHandle(g));
  const char* opts[] = {"ALL_TOUCHED=TRUE", nullptr};
  if (GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(h.size()),
                              h.data(), nullptr, nullptr, burn.data(), const_cast<char**>(opts),
                              nullptr, nullptr) != CE_None)
    throw Error(std::string("cannot rasterize the sweep plot: ") + CPLGetLastErrorMsg());
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, kW, kH, mask.data(), kW, kH, GDT_Byte, 0, 0) !=
      CE_None)
    throw Error("cannot read the rasterized sweep plot");
  return mask;
}

void paint(RgbaImage& img, const std::vector<std::uint8_t>& mask, Rgba c) {
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x)
      if (mask[static_cast<std::size_t>(y) * kW + x]) put_pixel(img, x, y, c);
}

// A qualitative palette (Okabe-Ito, colour-blind safe).
Rgba series_color(std::size_t i) {
  static const Rgba pal[] = {{0, 114, 178, 255},  {213, 94, 0, 255},   {0, 158, 115, 255},
                             {204, 121, 167, 255}, {230, 159, 0, 255}, {86, 180, 233, 255},
                             {0, 0, 0, 255},       {240, 228, 66, 255}};
  return pal[i % std::size(pal)];
}

std::string pct(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f%%", 100 * v);
  return b;
}

}  // namespace

RgbaImage render_sweep_plot(const model::Scenario& s, const SweepResult& r) {
  RgbaImage img = make_image(kW, kH, {255, 255, 255, 255});
  const int pw = kW - kLeft - kRight, ph = kH - kTop - kBottom;
  const std::size_t n0 = s.sweep.empty() ? 0 : s.sweep[0].values.size();
  const std::size_t n1 = r.points.size() / std::max<std::size_t>(n0, 1);  // rest of the product

  // X positions: to scale when every first-axis value is a number.
  std::vector<double> xs(n0);
  bool numeric = n0 > 0;
  for (std::size_t i = 0; i < n0; ++i) {
    auto v = as_number(s.sweep[0].values[i]);
    if (!v) numeric = false;
    xs[i] = v.value_or(0);
  }
  if (!numeric)
    for (std::size_t i = 0; i < n0; ++i) xs[i] = static_cast<double>(i);
  double xmin = n0 ? *std::min_element(xs.begin(), xs.end()) : 0;
  double xmax = n0 ? *std::max_element(xs.begin(), xs.end()) : 1;
  if (xmax <= xmin) { xmin -= 1; xmax += 1; }
  auto px = [&](double x) { return kLeft + (x - xmin) / (xmax - xmin) * pw; };
  // Y range: the data's, rounded out to 10 % steps, so close rates stay apart.
  double ylo = 1, yhi = 0;
  for (const auto& p : r.points) {
    ylo = std::min(ylo, p.overall.ci95_lo);
    yhi = std::max(yhi, p.overall.ci95_hi);
  }
  if (r.points.empty()) { ylo = 0; yhi = 1; }
  ylo = std::max(0.0, std::floor(ylo * 10 - 1e-9) / 10);
  yhi = std::min(1.0, std::ceil(yhi * 10 + 1e-9) / 10);
  if (yhi - ylo < 0.1) ylo = std::max(0.0, yhi - 0.1);
  auto py = [&](double rate) { return kTop + (yhi - rate) / (yhi - ylo) * ph; };

  // Grid lines and frame.
  const Rgba grid{225, 225, 225, 255}, ink{40, 40, 40, 255};
  const int steps = static_cast<int>(std::lround((yhi - ylo) * 100));  // 1 % grid
  const int label_every = steps <= 10 ? 1 : steps <= 30 ? 5 : 10;
  for (int k = 0; k <= steps; ++k) {
    const double v = ylo + k / 100.0;
    if (k % label_every) continue;
    const int y = static_cast<int>(std::lround(py(v)));
    fill_rect(img, kLeft, y, pw, 1, grid);
    draw_text(img, kLeft - 8 - text_width_px(pct(v), 2), y - 7, pct(v), ink, 2);
  }
  for (std::size_t i = 0; i < n0; ++i) {
    const int x = static_cast<int>(std::lround(px(xs[i])));
    fill_rect(img, x, kTop, 1, ph, grid);
    std::string label = s.sweep[0].values[i];
    if (label.size() > 12) label = label.substr(0, 11) + "~";
    draw_text(img, x - text_width_px(label, 2) / 2, kTop + ph + 10, label, ink, 2);
  }
  stroke_rect(img, kLeft, kTop, pw + 1, ph + 1, ink);

  // One series per combination of the remaining axes (usually the second).
  for (std::size_t j = 0; j < n1; ++j) {
    std::vector<std::pair<double, const SweepPoint*>> pts;
    for (std::size_t i = 0; i < n0; ++i) pts.push_back({xs[i], &r.points[i * n1 + j]});
    std::sort(pts.begin(), pts.end(), [](auto& a, auto& b) { return a.first < b.first; });
    const Rgba c = series_color(j);

    OGRPolygon band;
    OGRLinearRing ring;
    for (auto& [x, p] : pts) ring.addPoint(px(x), py(p->overall.ci95_hi));
    for (auto it = pts.rbegin(); it != pts.rend(); ++it) ring.addPoint(px(it->first), py(it->second->overall.ci95_lo));
    ring.closeRings();
    band.addRing(&ring);
    OGRLineString line;
    for (auto& [x, p] : pts) line.addPoint(px(x), py(p->overall.interception_rate));
    std::unique_ptr<OGRGeometry> stroke(line.Buffer(1.5));

    paint(img, rasterize_px({&band}), {c.r, c.g, c.b, 50});
    paint(img, rasterize_px({stroke ? stroke.get() : static_cast<OGRGeometry*>(&line)}), c);
    for (auto& [x, p] : pts)
      fill_rect(img, static_cast<int>(std::lround(px(x))) - 3,
                static_cast<int>(std::lround(py(p->overall.interception_rate))) - 3, 7, 7, c);

    // Legend entry: the value(s) of the other axes for this series.
    std::string label;
    for (std::size_t a = 1; a < r.axes.size(); ++a) {
      if (!label.empty()) label += " ";
      label += r.points[j].values[a];
    }
    if (label.empty()) label = "rate";
    if (label.size() > 16) label = label.substr(0, 15) + "~";
    const int ly = kTop + 30 + static_cast<int>(j) * 24;
    fill_rect(img, kW - kRight + 20, ly + 3, 24, 8, c);
    draw_text(img, kW - kRight + 52, ly, label, ink, 2);
  }
  if (r.axes.size() > 1) draw_text(img, kW - kRight + 20, kTop + 6, r.axes[1].substr(0, 28), ink, 1);

  draw_text(img, kLeft, 16, "Interception rate and 95% CI: " + s.name, ink, 2);
  const std::string xlabel = r.axes.empty() ? "" : r.axes[0];
  draw_text(img, kLeft + pw / 2 - text_width_px(xlabel, 2) / 2, kH - 28, xlabel, ink, 2);
  return img;
}

}  // namespace adcov::report
