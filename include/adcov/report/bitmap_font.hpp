#pragma once
/// \file
/// A tiny embedded 5x7 pixel font (printable ASCII) for map titles, legends
/// and labels: GDAL rasterizes vectors but has no text rendering.

#include <array>
#include <cstdint>
#include <string_view>

#include "adcov/report/rgba_image.hpp"

namespace adcov::report {

inline constexpr int kGlyphWidth = 5;   ///< pixels per glyph row
inline constexpr int kGlyphHeight = 7;  ///< rows per glyph
inline constexpr int kGlyphAdvance = 6; ///< glyph width plus one column of spacing

/// The 7 rows of character `c`, top first; bit 4 is the leftmost column.
/// Characters outside printable ASCII (32..126) render as '?'.
std::array<std::uint8_t, kGlyphHeight> glyph_rows(char c);

/// Width in pixels of `text` drawn at integer `scale` (no trailing spacing).
int text_width_px(std::string_view text, int scale = 1);

/// Draws `text` with its top-left corner at (x, y), each font pixel a
/// `scale` x `scale` block; clipped at the image edges. With `halo`, every
/// glyph first gets a one-pixel outline in `halo_color` so that labels stay
/// legible on top of a map.
void draw_text(RgbaImage& img, int x, int y, std::string_view text, Rgba color, int scale = 1,
               bool halo = false, Rgba halo_color = {255, 255, 255, 255});

}  // namespace adcov::report
