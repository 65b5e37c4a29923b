#pragma once
/// \file
/// The colours that carry meaning on the maps: coverage classes, the floor
/// ramp and the operator groups of the battery markers (docs/outputs.md,
/// "Heatmaps").

#include "adcov/model/scenario.hpp"
#include "adcov/report/color.hpp"

namespace adcov::report {

/// Cells of the region that no battery covers: white, a clear lightness step
/// above the lightest coverage class (L* 100 against 74).
inline constexpr Rgba kNotCoveredColor{255, 255, 255, 255};
/// Cells outside the region (the map's rectangle beyond its outline).
inline constexpr Rgba kOutsideRegionColor{236, 236, 232, 255};

/// Fill colour of the coverage classes: 0 = not covered (white), 1..4, 5+.
Rgba count_color(int count);

/// Colour of the floor ramp at t in [0, 1] (0 = lowest floor, the best,
/// darkest); its lightness rises with t.
Rgba floor_color(double t);

/// CIE L* (0 black .. 100 white) of an sRGB colour (D65): what a greyscale
/// print or a colour-blind reader still tells apart.
double cie_lightness(Rgba c);

/// Main colour of a battery marker of group `g` (ukraine blue, allied green,
/// contractor orange).
Rgba operator_color(model::OperatorGroup g);

}  // namespace adcov::report
