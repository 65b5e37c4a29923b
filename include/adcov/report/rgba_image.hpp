#pragma once
/// \file
/// A plain 8-bit RGBA pixel buffer the heatmaps are drawn into before GDAL
/// encodes them (the PNG driver); drawing helpers clip at the edges.

#include <cstdint>
#include <vector>

namespace adcov::report {

/// One colour, 8 bits per channel, straight (not premultiplied) alpha.
struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

/// Row-major RGBA pixels, 4 bytes per pixel, top row first.
struct RgbaImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;
};

/// An image of `width` x `height` filled with `fill`.
RgbaImage make_image(int width, int height, Rgba fill);

/// The pixel at (x, y); precondition: inside the image.
Rgba pixel_at(const RgbaImage& img, int x, int y);

/// Blends `c` over the pixel at (x, y) by c.a ("over" with an opaque
/// result); does nothing outside the image.
void put_pixel(RgbaImage& img, int x, int y, Rgba c);

/// Blends `c` over a rectangle (clipped).
void fill_rect(RgbaImage& img, int x, int y, int w, int h, Rgba c);

/// A one-pixel rectangle outline (clipped).
void stroke_rect(RgbaImage& img, int x, int y, int w, int h, Rgba c);

/// Linear interpolation between two colours, t in [0, 1].
Rgba mix(Rgba a, Rgba b, double t);

}  // namespace adcov::report
