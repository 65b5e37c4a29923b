#pragma once
// Text on the maps and charts (private to report): one line set by Pango in
// the packaged DejaVu Sans font (Debian fonts-dejavu-core).

#include <cairo.h>

#include <string_view>

#include "adcov/report/color.hpp"

namespace adcov::report {

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

/// Logical size of one line of text in pixels.
struct TextSize {
  double width_px = 0, height_px = 0;
};

/// The size `text` takes when set in `style`.
TextSize text_size(cairo_t* cr, std::string_view text, const TextStyle& style);

/// Draws one line of `text` with its top-left corner at (x, y).
void draw_text(cairo_t* cr, double x, double y, std::string_view text, const TextStyle& style);

}  // namespace adcov::report
