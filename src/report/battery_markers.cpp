#include "battery_markers.hpp"

#include "adcov/report/color_scales.hpp"
#include "map_style.hpp"

namespace adcov::report {
namespace {

constexpr Rgba kUkraineYellow{255, 213, 0, 255};

void trace_shape(cairo_t* cr, double x, double y, double half, model::OperatorGroup group) {
  switch (group) {
    case model::OperatorGroup::ukraine:
      cairo_rectangle(cr, x - half, y - half, 2 * half, 2 * half);
      return;
    case model::OperatorGroup::allied:
      cairo_move_to(cr, x, y - half - 1);
      cairo_line_to(cr, x + half + 1, y);
      cairo_line_to(cr, x, y + half + 1);
      cairo_line_to(cr, x - half - 1, y);
      break;
    case model::OperatorGroup::contractor:  // an upward triangle
      cairo_move_to(cr, x, y - half - 1);
      cairo_line_to(cr, x + half + 1, y + half);
      cairo_line_to(cr, x - half - 1, y + half);
      break;
  }
  cairo_close_path(cr);
}

}  // namespace

void draw_marker(cairo_t* cr, double x, double y, model::OperatorGroup group) {
  cairo_save(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  trace_shape(cr, x, y, kMarkerHalfPx, group);
  set_color(cr, kWhite);  // the halo: a wide white stroke under the outline
  cairo_set_line_width(cr, 3);
  cairo_stroke_preserve(cr);
  set_color(cr, operator_color(group));
  cairo_fill(cr);
  if (group == model::OperatorGroup::ukraine) {
    // Ukraine's flag: blue over yellow. The yellow starts half a pixel below
    // the centre so that the centre pixel stays blue.
    cairo_rectangle(cr, x - kMarkerHalfPx, y + 0.5, 2 * kMarkerHalfPx, kMarkerHalfPx - 0.5);
    set_color(cr, kUkraineYellow);
    cairo_fill(cr);
  }
  trace_shape(cr, x, y, kMarkerHalfPx, group);
  set_color(cr, kInk);
  cairo_set_line_width(cr, 1.2);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_sensor_marker(cairo_t* cr, double x, double y) {
  // A ring with a dot: a radar or listening post, distinct from every
  // shooter's shape and readable in greyscale.
  cairo_save(cr);
  const double r = kMarkerHalfPx + 0.5;
  cairo_arc(cr, x, y, r, 0, 2 * 3.14159265358979323846);
  set_color(cr, kWhite);
  cairo_set_line_width(cr, 3);
  cairo_stroke_preserve(cr);
  cairo_fill_preserve(cr);
  set_color(cr, kInk);
  cairo_set_line_width(cr, 1.6);
  cairo_stroke(cr);
  cairo_arc(cr, x, y, 1.6, 0, 2 * 3.14159265358979323846);
  cairo_fill(cr);
  cairo_restore(cr);
}

CanvasPoint marker_center(const MapLayout& layout, geo::XY battery) {
  const Pixel p = canvas_pixel(layout, battery);
  return {p.x + 0.5, p.y + 0.5};
}

void draw_battery_markers(cairo_t* cr, const MapLayout& layout,
                          const std::vector<coverage::BatteryGeometry>& batteries) {
  for (const auto& b : batteries) {
    const CanvasPoint c = marker_center(layout, b.pos);
    if (b.system.role == model::Role::sensor)
      draw_sensor_marker(cr, c.x, c.y);
    else
      draw_marker(cr, c.x, c.y, b.group);
  }
}

}  // namespace adcov::report
