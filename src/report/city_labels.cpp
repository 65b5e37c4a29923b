#include "city_labels.hpp"

#include <algorithm>
#include <array>
#include <numbers>
#include <optional>

#include "battery_markers.hpp"
#include "map_style.hpp"

namespace adcov::report {
namespace {

bool clear_of(const std::vector<Box>& boxes, const Box& b) {
  return std::none_of(boxes.begin(), boxes.end(), [&](const Box& o) { return o.overlaps(b); });
}

std::vector<Box> marker_boxes(const MapLayout& layout, const std::vector<coverage::BatteryGeometry>& batteries) {
  std::vector<Box> out;
  constexpr double r = kMarkerHalfPx + 2;  // with the halo
  for (const auto& b : batteries) {
    const CanvasPoint c = marker_center(layout, b.pos);
    out.push_back({c.x - r, c.y - r, c.x + r, c.y + r});
  }
  return out;
}

void draw_dot(cairo_t* cr, CanvasPoint c) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, c.x, c.y, 2.5, 0, 2 * std::numbers::pi);
  set_color(cr, kInk);
  cairo_fill_preserve(cr);
  set_color(cr, kWhite);
  cairo_set_line_width(cr, 1.2);
  cairo_stroke(cr);
}

}  // namespace

void draw_city_labels(cairo_t* cr, const MapLayout& layout, const std::vector<City>& cities,
                      const std::vector<coverage::BatteryGeometry>& batteries, LabelSpace& space) {
  const std::vector<Box> markers = marker_boxes(layout, batteries);
  const Box& map = space.map;
  std::vector<Box>& taken = space.taken;
  for (const City& city : cities) {
    const CanvasPoint c = canvas_point(layout, geo::project(layout.view.projection, city.at));
    if (c.x < map.x0 || c.y < map.y0 || c.x >= map.x1 || c.y >= map.y1) continue;
    draw_dot(cr, c);
    const TextSize t = text_size(cr, city.name, kCityText);
    // Right, left, above, below the dot; then the same further out, clear
    // of a marker that sits on the city itself, then of a cluster of them.
    std::vector<CanvasPoint> spots;
    for (double gap : {6.0, kMarkerHalfPx + 6, 3 * kMarkerHalfPx + 6})
      for (CanvasPoint s : {CanvasPoint{c.x + gap, c.y - t.height_px / 2}, {c.x - gap - t.width_px, c.y - t.height_px / 2},
                            {c.x - t.width_px / 2, c.y - gap + 2 - t.height_px}, {c.x - t.width_px / 2, c.y + gap - 2}})
        spots.push_back(s);
    std::optional<Box> best;
    long best_hidden = 0;
    for (const CanvasPoint& s : spots) {
      const Box label{s.x - 2, s.y, s.x + t.width_px + 2, s.y + t.height_px};
      if (label.x0 < map.x0 || label.y0 < map.y0 || label.x1 > map.x1 || label.y1 > map.y1) continue;
      if (!clear_of(taken, label)) continue;
      const long hidden = std::count_if(markers.begin(), markers.end(), [&](const Box& m) { return m.overlaps(label); });
      if (!best || hidden < best_hidden) best = label, best_hidden = hidden;
    }
    if (!best) continue;
    taken.push_back(*best);
    draw_text(cr, best->x0 + 2, best->y0, city.name, kCityText);
  }
}

}  // namespace adcov::report
