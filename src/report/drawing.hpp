#pragma once
// Cairo drawing on a Picture (private to report): an owning context, and
// colours and text through Pango with the packaged DejaVu Sans font.

#include <cairo.h>

#include <memory>
#include <string_view>

#include "adcov/report/color.hpp"
#include "adcov/report/picture.hpp"

namespace adcov::report {

struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using CairoContext = std::unique_ptr<cairo_t, CairoDestroy>;

/// A context drawing on `surface` (a Picture's or a recording surface).
CairoContext draw_on(cairo_surface_t* surface);

/// Sets the source colour of `cr`.
void set_color(cairo_t* cr, Rgba c);

/// Fills the rectangle with `fill` and outlines it with a 1 px `line`
/// (pixel-aligned when the corners are whole pixels).
void fill_box(cairo_t* cr, double x, double y, double w, double h, Rgba fill, Rgba line);

/// A font of the DejaVu Sans family at `size_px` pixels (em size).
struct Font {
  double size_px = 14;
  bool bold = false;
};

/// How a line of text is set.
struct TextStyle {
  Font font;
  Rgba color{25, 25, 25, 255};
  bool halo = false;          ///< a white outline keeps it legible over the map
  double max_width_px = 0;    ///< > 0: longer text ends in an ellipsis
};

/// Logical size of one line of `text` in pixels.
struct TextSize {
  double width_px = 0, height_px = 0;
};
TextSize text_size(cairo_t* cr, std::string_view text, const TextStyle& style);

/// Draws one line of `text` with its top-left corner at (x, y).
void draw_text(cairo_t* cr, double x, double y, std::string_view text, const TextStyle& style);

}  // namespace adcov::report
