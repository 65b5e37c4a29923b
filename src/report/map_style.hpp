#pragma once
// The look of the maps (private to report): layout sizes in canvas pixels,
// the colours of everything that is not data, line widths and fonts.

#include "adcov/report/color.hpp"
#include "cairo_context.hpp"
#include "text.hpp"

namespace adcov::report {

inline constexpr int kMarginPx = 16;
inline constexpr int kTitleBandPx = 76;   // title and subtitle above the map
inline constexpr int kLegendPx = 322;     // legend panel right of the map

inline constexpr Rgba kBackground{246, 246, 243, 255};
inline constexpr Rgba kInk{25, 25, 25, 255};
inline constexpr Rgba kMutedInk{90, 90, 90, 255};
inline constexpr Rgba kWhite{255, 255, 255, 255};
inline constexpr Rgba kSeaTint{120, 180, 225, 110};
inline constexpr Rgba kGraticuleLine{110, 110, 110, 90};
inline constexpr Rgba kOblastLine{70, 70, 70, 170};
inline constexpr Rgba kBorderLine{15, 15, 15, 255};
inline constexpr Rgba kProtectLine{0, 150, 150, 255};
// GNSS-denial (ew:) zones: a dashed violet outline over a light hatch and a
// faint wash, so the coverage colours under them stay readable.
inline constexpr Rgba kEwLine{120, 40, 160, 235};
inline constexpr Rgba kEwHatch{120, 40, 160, 70};
inline constexpr Rgba kEwWash{120, 40, 160, 18};

// The threat picture: one dark crimson for everything the enemy does, darker
// than the RdPu data ramp's light end, so routes read over it; launch areas
// a sparse horizontal hatch (no wash: a pink wash would read as 1 battery),
// so coverage under them stays visible and they differ from the EW zones' diagonal.
inline constexpr Rgba kThreatLine{170, 0, 20, 230};
inline constexpr Rgba kThreatHatch{170, 0, 20, 130};
inline constexpr double kThreatHatchStepPx = 4.0;
inline constexpr Rgba kRouteHalo{255, 255, 255, 150};
inline constexpr double kRouteWidthPx = 1.4;
inline constexpr double kTargetRadiusPx = 5.5;
// Leakers per target: a translucent amber, apart from the RdPu ramp and the
// crimson threat lines, so the coverage under a circle still shows.
inline constexpr Rgba kLeakerFill{255, 150, 30, 120};

inline constexpr double kGraticuleWidthPx = 0.7;
inline constexpr double kOblastWidthPx = 0.9;
inline constexpr double kBorderWidthPx = 2.2;
inline constexpr double kProtectWidthPx = 2.5;
inline constexpr double kEwWidthPx = 2.0;
inline constexpr double kEwDashPx = 9.0;        // dash and gap of the outline
inline constexpr double kEwHatchWidthPx = 0.8;
inline constexpr double kEwHatchStepPx = 9.0;   // spacing of the diagonal hatch

inline constexpr TextStyle kTitleText{{22, true}, kInk};
inline constexpr TextStyle kSubtitleText{{15, false}, kMutedInk};
inline constexpr TextStyle kLegendText{{15, false}, kInk};
inline constexpr TextStyle kLegendNote{{14, false}, kMutedInk};
inline constexpr TextStyle kCityText{{14, true}, kInk, true};
inline constexpr TextStyle kTargetText{{13, true}, {170, 0, 20, 255}, true};
inline constexpr TextStyle kBatteryText{{11, false}, kInk, true};
inline constexpr TextStyle kGraticuleText{{11, false}, kMutedInk, true};

}  // namespace adcov::report
