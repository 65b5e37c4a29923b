#pragma once
// Shared set-up of a battery's visibility window (private to coverage).

#include <cmath>

#include "adcov/coverage/visibility.hpp"

namespace adcov::coverage::detail {

/// A window of the grid around the observer, and the observer in window cell
/// coordinates, where cell (i, j) of the window has its centre at (i, j).
struct WindowSetup {
  int col0 = 0, row0 = 0, width = 0, height = 0;
  double ox = 0, oy = 0;     ///< observer position, window cells (fractional)
  /// The observer's own cell, window cells: the nearest centre, rounding
  /// half up as setup_window does (not std::lround, which rounds -0.5 to -1:
  /// ox is -0.5 when the antenna sits on the window's west edge). Always
  /// inside the window. Note ox and oy may lie up to half a cell outside
  /// [0, width - 1] x [0, height - 1].
  int own_col = 0, own_row = 0;
  double antenna_z_m = 0;    ///< ground at the observer's cell + antenna height
  double tan_min_el = 0;     ///< tangent of the elevation floor
};

/// \throws InputError when the observer is outside the grid.
WindowSetup setup_window(const geo::TerrainGrid& t, const Observer& o);

/// Slope value meaning "nothing between the antenna and this cell". Finite
/// (not -inf) so that a zero interpolation weight times it stays 0, not NaN.
inline constexpr float kNoHorizon = -1.0e6f;

}  // namespace adcov::coverage::detail
