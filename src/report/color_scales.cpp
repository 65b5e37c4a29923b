#include "adcov/report/color_scales.hpp"

#include <algorithm>
#include <cmath>

namespace adcov::report {
namespace {

// ColorBrewer RdPu (9 classes), its five darker steps: a sequential ramp from
// pink (1 battery, L* 74) to deep purple (5+, L* 27). Its lightest steps are
// left out so that 1 battery stands a clear lightness step (26 L*) below the
// white of "not covered", in greyscale and for every colour vision. Pinks and
// purples do not clash with the operator colours of the markers (blue, green, orange).
constexpr Rgba kCountColors[5] = {
    {250, 159, 181, 255}, {247, 104, 161, 255}, {221, 52, 151, 255},
    {174, 1, 126, 255},   {122, 1, 119, 255}};

// viridis from 0 to 0.8 (steps of 0.1): dark violet (low floor, good) to
// green (high floor). Sequential, as the floor is: lower is better, and darker
// reads as more defence, as on the count maps. Lightness rises monotonically
// from L* 16 to 78, so it reads in greyscale and for colour-blind readers;
// viridis' yellow end is left out to keep "never covered" (white) apart.
constexpr Rgba kFloorRamp[9] = {{68, 1, 84, 255},    {72, 36, 117, 255},  {65, 68, 135, 255},
                                {53, 95, 141, 255},  {42, 120, 142, 255}, {33, 145, 140, 255},
                                {34, 168, 132, 255}, {68, 191, 112, 255}, {122, 209, 81, 255}};

}  // namespace

Rgba count_color(int count) {
  if (count <= 0) return kNotCoveredColor;
  return kCountColors[std::min(count, 5) - 1];
}

Rgba floor_color(double t) {
  t = std::clamp(t, 0.0, 1.0) * 8;
  const int i = std::min(7, static_cast<int>(t));
  return mix(kFloorRamp[i], kFloorRamp[i + 1], t - i);
}

double cie_lightness(Rgba c) {
  auto linear = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  const double y = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  return y > 216.0 / 24389 ? 116 * std::cbrt(y) - 16 : y * 24389.0 / 27;
}

Rgba operator_color(model::OperatorGroup g) {
  switch (g) {
    case model::OperatorGroup::ukraine: return {0, 91, 187, 255};
    case model::OperatorGroup::allied: return {0, 158, 115, 255};
    case model::OperatorGroup::contractor: return {240, 140, 0, 255};
  }
  return {25, 25, 25, 255};
}

}  // namespace adcov::report
