#include <gtest/gtest.h>

#include "adcov/report/bitmap_font.hpp"

using namespace adcov::report;

TEST(BitmapFont, GlyphRowsOfKnownCharacters) {
  // '1': a vertical stroke with a flag and a foot.
  const std::array<std::uint8_t, 7> one{0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E};
  EXPECT_EQ(glyph_rows('1'), one);
  EXPECT_EQ(glyph_rows('-')[3], 0x1F);  // full-width middle row
  EXPECT_EQ(glyph_rows(' '), (std::array<std::uint8_t, 7>{}));
  EXPECT_EQ(glyph_rows('\x01'), glyph_rows('?'));  // unknown characters
}

TEST(BitmapFont, DrawsLitPixelsScaled) {
  RgbaImage img = make_image(40, 20, {255, 255, 255, 255});
  const Rgba black{0, 0, 0, 255};
  draw_text(img, 1, 1, "L", black, 2);
  // 'L' is the left column plus the bottom row: font pixel (0,0) lit, (1,0) not.
  EXPECT_EQ(pixel_at(img, 1, 1), black);
  EXPECT_EQ(pixel_at(img, 2, 2), black);
  EXPECT_EQ(pixel_at(img, 3, 1), (Rgba{255, 255, 255, 255}));
  EXPECT_EQ(pixel_at(img, 1 + 4 * 2, 1 + 6 * 2), black);  // bottom-right of the foot
  EXPECT_EQ(text_width_px("L", 2), 10);
  EXPECT_EQ(text_width_px("10 km", 1), 29);
}

TEST(BitmapFont, ClipsAtImageEdges) {
  RgbaImage img = make_image(4, 4, {255, 255, 255, 255});
  draw_text(img, -3, -3, "W", {0, 0, 0, 255}, 3, true);  // must not write out of bounds
  SUCCEED();
}
