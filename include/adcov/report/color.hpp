#pragma once
/// \file
/// One colour of the maps and charts, 8 bits per channel.

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace adcov::report {

/// Straight (not premultiplied) alpha; 255 is opaque.
struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

/// Linear interpolation between two colours, t in [0, 1].
inline Rgba mix(Rgba from, Rgba to, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto channel = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
  };
  return {channel(from.r, to.r), channel(from.g, to.g), channel(from.b, to.b), channel(from.a, to.a)};
}

}  // namespace adcov::report
