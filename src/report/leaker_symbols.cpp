#include "leaker_symbols.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "adcov/geo/geodesy.hpp"
#include "map_style.hpp"

namespace adcov::report {
namespace {

// The largest of 1, 2, 5 x 10^k not above v.
double round_below(double v) {
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * p <= v) return m * p;
  return p;
}

bool on_map(const MapLayout& L, CanvasPoint p) {
  return p.x >= L.map_x && p.y >= L.map_y && p.x < L.map_x + L.map_w && p.y < L.map_y + L.map_h;
}

CanvasPoint point_of(const MapLayout& L, geo::LonLat ll) { return canvas_point(L, geo::project(L.view.projection, ll)); }

}  // namespace

double LeakerScale::radius_px(double mean) const {
  return max_mean > 0 ? kLeakerMaxRadiusPx * std::sqrt(std::max(0.0, mean) / max_mean) : 0;
}

std::vector<double> LeakerScale::references() const {
  if (max_mean <= 0) return {};
  const double big = round_below(max_mean);
  std::vector<double> out{big};
  // A second, smaller size when it is still a readable circle.
  if (const double small = round_below(big / 4); radius_px(small) >= 5) out.push_back(small);
  return out;
}

LeakerScale leaker_scale(const std::vector<engage::LeakersAtTarget>& leakers, const MapLayout& layout) {
  LeakerScale s;
  for (const auto& l : leakers)
    if (l.mean > 0 && on_map(layout, point_of(layout, l.at))) s.max_mean = std::max(s.max_mean, l.mean);
  return s;
}

void draw_leaker_circle(cairo_t* cr, double x, double y, double radius_px) {
  cairo_save(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, radius_px, 0, 2 * std::numbers::pi);
  set_color(cr, kLeakerFill);
  cairo_fill_preserve(cr);
  set_color(cr, kThreatLine);
  cairo_set_line_width(cr, 1.2);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_leakers(cairo_t* cr, const std::vector<engage::LeakersAtTarget>& leakers, const MapLayout& layout,
                  const LeakerScale& scale) {
  if (scale.max_mean <= 0) return;
  std::vector<engage::LeakersAtTarget> order = leakers;
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.mean > b.mean; });
  for (const auto& l : order) {
    const CanvasPoint c = point_of(layout, l.at);
    if (l.mean > 0 && on_map(layout, c)) draw_leaker_circle(cr, c.x, c.y, scale.radius_px(l.mean));
  }
}

}  // namespace adcov::report
