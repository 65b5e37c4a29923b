#include "adcov/report/rgba_image.hpp"

#include <algorithm>
#include <cmath>

namespace adcov::report {

RgbaImage make_image(int width, int height, Rgba fill) {
  RgbaImage img{width, height, {}};
  img.pixels.resize(static_cast<std::size_t>(width) * height * 4);
  for (std::size_t i = 0; i < img.pixels.size(); i += 4) {
    img.pixels[i] = fill.r;
    img.pixels[i + 1] = fill.g;
    img.pixels[i + 2] = fill.b;
    img.pixels[i + 3] = fill.a;
  }
  return img;
}

Rgba pixel_at(const RgbaImage& img, int x, int y) {
  const auto* p = &img.pixels[(static_cast<std::size_t>(y) * img.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

void put_pixel(RgbaImage& img, int x, int y, Rgba c) {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height || c.a == 0) return;
  auto* p = &img.pixels[(static_cast<std::size_t>(y) * img.width + x) * 4];
  if (c.a == 255) {
    p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
    return;
  }
  const int a = c.a;
  p[0] = static_cast<std::uint8_t>((c.r * a + p[0] * (255 - a) + 127) / 255);
  p[1] = static_cast<std::uint8_t>((c.g * a + p[1] * (255 - a) + 127) / 255);
  p[2] = static_cast<std::uint8_t>((c.b * a + p[2] * (255 - a) + 127) / 255);
  p[3] = static_cast<std::uint8_t>(std::min(255, a + p[3] * (255 - a) / 255));
}

void fill_rect(RgbaImage& img, int x, int y, int w, int h, Rgba c) {
  const int x0 = std::max(0, x), y0 = std::max(0, y);
  const int x1 = std::min(img.width, x + w), y1 = std::min(img.height, y + h);
  for (int yy = y0; yy < y1; ++yy)
    for (int xx = x0; xx < x1; ++xx) put_pixel(img, xx, yy, c);
}

void stroke_rect(RgbaImage& img, int x, int y, int w, int h, Rgba c) {
  fill_rect(img, x, y, w, 1, c);
  fill_rect(img, x, y + h - 1, w, 1, c);
  fill_rect(img, x, y + 1, 1, h - 2, c);
  fill_rect(img, x + w - 1, y + 1, 1, h - 2, c);
}

Rgba mix(Rgba a, Rgba b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto m = [t](std::uint8_t u, std::uint8_t v) {
    return static_cast<std::uint8_t>(std::lround(u + (v - u) * t));
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

}  // namespace adcov::report
