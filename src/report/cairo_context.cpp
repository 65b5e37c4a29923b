#include "cairo_context.hpp"

#include <string>

#include "adcov/error.hpp"

namespace adcov::report {

CairoContext draw_on(cairo_surface_t* surface) {
  CairoContext cr(cairo_create(surface));
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw Error(std::string("cannot draw: ") + cairo_status_to_string(cairo_status(cr.get())));
  return cr;
}

void set_color(cairo_t* cr, Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void outline_box(cairo_t* cr, double x, double y, double w, double h, Rgba line) {
  // A 1 px line centred half a pixel inside the box stays crisp.
  cairo_rectangle(cr, x + 0.5, y + 0.5, w - 1, h - 1);
  set_color(cr, line);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
}

void fill_box(cairo_t* cr, double x, double y, double w, double h, Rgba fill, Rgba line) {
  cairo_rectangle(cr, x, y, w, h);
  set_color(cr, fill);
  cairo_fill(cr);
  outline_box(cr, x, y, w, h, line);
}

}  // namespace adcov::report
