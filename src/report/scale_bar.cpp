#include "scale_bar.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "map_style.hpp"

namespace adcov::report {

void draw_scale_bar(cairo_t* cr, const MapLayout& layout) {
  const double map_km = layout.map_w * layout.px_m / 1000.0;
  double km = 1;
  for (double c : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000})
    if (c <= map_km / 5) km = c;
  const double len = std::round(km * 1000.0 / layout.px_m);
  const std::string label = std::to_string(static_cast<long>(km)) + " km";
  const TextSize t = text_size(cr, label, kLegendText);
  const double x = layout.map_x + 12, y = layout.map_y + layout.map_h - 38;
  cairo_rectangle(cr, x - 6, y - 6, std::max(len, t.width_px) + 12, 12 + t.height_px + 6);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.82);
  cairo_fill(cr);
  // Alternating black and white quarters, like a printed map's bar.
  for (int q = 0; q < 4; ++q) {
    cairo_rectangle(cr, x + std::round(q * len / 4), y, std::round((q + 1) * len / 4) - std::round(q * len / 4), 6);
    set_color(cr, q % 2 ? kWhite : kInk);
    cairo_fill(cr);
  }
  cairo_rectangle(cr, x + 0.5, y + 0.5, len - 1, 5);
  set_color(cr, kInk);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  draw_text(cr, x, y + 8, label, kLegendText);
}

}  // namespace adcov::report
