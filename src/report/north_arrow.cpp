#include "north_arrow.hpp"

#include <cmath>

#include "adcov/geo/grid.hpp"
#include "map_style.hpp"

namespace adcov::report {

void draw_north_arrow(cairo_t* cr, const MapLayout& L) {
  const double x = L.map_x + L.map_w - 28, y = L.map_y + 44;  // the arrow's centre
  // North at that point: the canvas direction to a point 0.05 degrees further north.
  const geo::XY here{L.view.x0_m + (x - L.map_x) * L.px_m, L.view.y0_m - (y - L.map_y) * L.px_m};
  geo::LonLat ll = geo::unproject(L.view.projection, here);
  ll.lat_deg = std::min(89.9, ll.lat_deg + 0.05);
  const CanvasPoint a = canvas_point(L, here), b = canvas_point(L, geo::project(L.view.projection, ll));
  double dx = b.x - a.x, dy = b.y - a.y;
  const double n = std::hypot(dx, dy);
  if (n <= 0) dx = 0, dy = -1;
  else dx /= n, dy /= n;
  constexpr double kHalfLen = 16, kHalfWidth = 7;
  const double tx = x + dx * kHalfLen, ty = y + dy * kHalfLen;   // tip
  const double bx = x - dx * kHalfLen, by = y - dy * kHalfLen;   // base centre
  const double px = -dy * kHalfWidth, py = dx * kHalfWidth;      // across
  cairo_save(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to(cr, tx, ty);
  cairo_line_to(cr, bx + px, by + py);
  cairo_line_to(cr, x - dx * kHalfLen * 0.4, y - dy * kHalfLen * 0.4);
  cairo_line_to(cr, bx - px, by - py);
  cairo_close_path(cr);
  set_color(cr, kWhite);
  cairo_set_line_width(cr, 3);
  cairo_stroke_preserve(cr);
  set_color(cr, kInk);
  cairo_fill(cr);
  const TextStyle style{{13, true}, kInk, true};
  const TextSize t = text_size(cr, "N", style);
  draw_text(cr, tx + dx * 4 - t.width_px / 2 + dx * t.height_px / 2, ty + dy * 4 - t.height_px / 2 + dy * t.height_px / 2,
            "N", style);
  cairo_restore(cr);
}

}  // namespace adcov::report
