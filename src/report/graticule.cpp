#include "graticule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "map_style.hpp"

namespace adcov::report {
namespace {

double step_deg(const geo::LonLatBox& x) {
  const double span = std::max(x.east - x.west, x.north - x.south);
  for (double c : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0})
    if (span / c <= 8) return c;
  return 10;
}

// Degrees without trailing zeros and with the hemisphere: "30.5E", "50N".
std::string degrees_label(double v, bool meridian) {
  std::string s = fmt::format("{:.2f}", std::fabs(v));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + (meridian ? (v < 0 ? "W" : "E") : (v < 0 ? "S" : "N"));
}

}  // namespace

std::vector<GraticuleLine> graticule(const MapLayout& layout) {
  const geo::GridSpec& v = layout.view;
  const geo::LonLatBox x = geo::lonlat_box(v.projection, geo::grid_box(v), 20);  // the map's outline
  const double step = step_deg(x);
  std::vector<GraticuleLine> out;
  auto add = [&](bool meridian, double value) {
    GraticuleLine g{value, meridian, {}};
    constexpr int kSamples = 200;
    for (int k = 0; k <= kSamples; ++k) {
      const double f = k / double(kSamples);
      const geo::LonLat ll = meridian ? geo::LonLat{value, x.south - step + f * (x.north - x.south + 2 * step)}
                                      : geo::LonLat{x.west - step + f * (x.east - x.west + 2 * step), value};
      g.line.push_back(geo::project(v.projection, ll));
    }
    out.push_back(std::move(g));
  };
  for (double lon = std::ceil(x.west / step) * step; lon <= x.east; lon += step) add(true, lon);
  for (double lat = std::ceil(x.south / step) * step; lat <= x.north; lat += step) add(false, lat);
  return out;
}

void draw_graticule_lines(cairo_t* cr, const MapLayout& layout, const std::vector<GraticuleLine>& lines) {
  for (const auto& g : lines) trace_polylines(cr, layout, {g.line});
  set_color(cr, kGraticuleLine);
  cairo_set_line_width(cr, kGraticuleWidthPx);
  cairo_stroke(cr);
}

void label_graticule(cairo_t* cr, const MapLayout& layout, const std::vector<GraticuleLine>& lines) {
  const double left = layout.map_x, top = layout.map_y;
  const double right = left + layout.map_w, bottom = top + layout.map_h;
  for (const auto& g : lines) {
    // The sample inside the map nearest to the edge the label goes on.
    double best = 1e300;
    CanvasPoint at{-1, -1};
    for (const geo::XY& p : g.line) {
      const CanvasPoint c = canvas_point(layout, p);
      if (c.x < left || c.y < top || c.x >= right || c.y >= bottom) continue;
      const double d = g.meridian ? c.y - top : c.x - left;
      if (d < best) best = d, at = c;
    }
    if (best == 1e300) continue;
    const std::string text = degrees_label(g.value_deg, g.meridian);
    if (g.meridian)
      draw_text(cr, at.x + 3, top + 2, text, kGraticuleText);
    else
      draw_text(cr, left + 3, at.y - text_size(cr, text, kGraticuleText).height_px - 1, text, kGraticuleText);
  }
}

}  // namespace adcov::report
