#include "drawing.hpp"

#include <pango/pangocairo.h>

#include "adcov/geo/error.hpp"

namespace adcov::report {
namespace {

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

LayoutPtr layout_of(cairo_t* cr, std::string_view text, const TextStyle& style) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  PangoFontDescription* desc = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(desc, style.font.size_px * PANGO_SCALE);
  pango_font_description_set_weight(desc, style.font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  if (style.max_width_px > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(style.max_width_px * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  return layout;
}

}  // namespace

CairoContext draw_on(cairo_surface_t* surface) {
  CairoContext cr(cairo_create(surface));
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw Error(std::string("cannot draw: ") + cairo_status_to_string(cairo_status(cr.get())));
  return cr;
}

void set_color(cairo_t* cr, Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void fill_box(cairo_t* cr, double x, double y, double w, double h, Rgba fill, Rgba line) {
  cairo_rectangle(cr, x, y, w, h);
  set_color(cr, fill);
  cairo_fill(cr);
  // A 1 px line centred half a pixel inside the box stays crisp.
  cairo_rectangle(cr, x + 0.5, y + 0.5, w - 1, h - 1);
  set_color(cr, line);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
}

TextSize text_size(cairo_t* cr, std::string_view text, const TextStyle& style) {
  const LayoutPtr layout = layout_of(cr, text, style);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

void draw_text(cairo_t* cr, double x, double y, std::string_view text, const TextStyle& style) {
  const LayoutPtr layout = layout_of(cr, text, style);
  cairo_save(cr);
  cairo_move_to(cr, x, y);
  if (style.halo) {
    pango_cairo_layout_path(cr, layout.get());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_set_line_width(cr, 3);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    cairo_move_to(cr, x, y);
  }
  set_color(cr, style.color);
  pango_cairo_show_layout(cr, layout.get());
  cairo_new_path(cr);  // no current point left over: a following arc would join it with a line
  cairo_restore(cr);
}

}  // namespace adcov::report
