#include "text.hpp"

#include <pango/pangocairo.h>

#include <memory>

#include "cairo_context.hpp"

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
