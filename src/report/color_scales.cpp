#include "adcov/report/color_scales.hpp"

#include <algorithm>

namespace adcov::report {
namespace {

// ColorBrewer RdPu (5 classes): light pink to deep purple. Pinks and purples
// do not clash with the operator colours of the markers (blue, green, orange).
constexpr Rgba kCountColors[5] = {
    {252, 197, 192, 255}, {250, 159, 181, 255}, {247, 104, 161, 255},
    {197, 27, 138, 255},  {122, 1, 119, 255}};

// ColorBrewer RdYlBu reversed: blue (low floor, good) to red (high floor, gaps).
constexpr Rgba kFloorRamp[9] = {{49, 54, 149, 255},   {69, 117, 180, 255}, {116, 173, 209, 255},
                                {171, 217, 233, 255}, {224, 243, 248, 255}, {254, 224, 144, 255},
                                {253, 174, 97, 255},  {244, 109, 67, 255},  {215, 48, 39, 255}};

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

Rgba operator_color(model::OperatorGroup g) {
  switch (g) {
    case model::OperatorGroup::ukraine: return {0, 91, 187, 255};
    case model::OperatorGroup::allied: return {0, 158, 115, 255};
    case model::OperatorGroup::contractor: return {240, 140, 0, 255};
  }
  return {25, 25, 25, 255};
}

}  // namespace adcov::report
