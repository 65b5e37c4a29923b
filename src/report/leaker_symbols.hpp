#pragma once
// Mean leakers per target as proportional circles (private to report): the
// circle's area grows with the leakers per night that reach the target.

#include <cairo.h>

#include <vector>

#include "adcov/engage/simulation_result.hpp"
#include "adcov/report/map_layout.hpp"

namespace adcov::report {

/// The circles' scale for a map: the largest mean on it gets kLeakerMaxRadiusPx.
struct LeakerScale {
  double max_mean = 0;  ///< 0: no leakers on the map, nothing drawn
  double radius_px(double mean) const;
  /// One or two round values ("10", "2") for the legend, largest first.
  std::vector<double> references() const;
};

inline constexpr double kLeakerMaxRadiusPx = 26;

LeakerScale leaker_scale(const std::vector<engage::LeakersAtTarget>& leakers, const MapLayout& layout);

/// The circles, largest first so small ones stay visible on top.
void draw_leakers(cairo_t* cr, const std::vector<engage::LeakersAtTarget>& leakers, const MapLayout& layout,
                  const LeakerScale& scale);

/// One circle of `radius_px` at (x, y), for the map and legend.
void draw_leaker_circle(cairo_t* cr, double x, double y, double radius_px);

}  // namespace adcov::report
