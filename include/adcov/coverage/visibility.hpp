#pragma once
/// \file
/// Per-battery visibility: for every cell within reach, the lowest target
/// height above ground that the radar sees (clear curved-earth line of sight
/// and elevation angle >= the radar's floor). One pass per battery.

#include <cstdint>
#include <limits>
#include <vector>

#include "adcov/geo/big_buffer.hpp"

#include "adcov/geo/terrain.hpp"

namespace adcov::coverage {

inline constexpr float kNeverVisible = std::numeric_limits<float>::infinity();

/// The radar: where it stands and how far to compute.
struct Observer {
  geo::XY pos;                     ///< antenna position on the grid (projected metres)
  double antenna_agl_m = 0;        ///< antenna height above ground (above the sea surface at sea)
  double reach_m = 0;              ///< horizontal radius to compute; cells beyond stay kNeverVisible
  double min_elevation_deg = 0;    ///< elevation-angle floor
};

/// A window of the analysis grid around one battery (its reach), row-major.
struct VisibilityWindow {
  int col0 = 0, row0 = 0;          ///< window origin in grid cells
  int width = 0, height = 0;
  double antenna_z_m = 0;          ///< antenna height above sea level
  /// Lowest visible target height above ground per cell; kNeverVisible when
  /// no height is visible or the cell is beyond reach. A ZeroedVector: the
  /// sweeps write every cell, so a fresh window is not zeroed first.
  geo::ZeroedVector<float> min_visible_h_m;

  /// Lookup by grid cell; kNeverVisible outside the window.
  float at(int col, int row) const {
    const int c = col - col0, r = row - row0;
    if (c < 0 || r < 0 || c >= width || r >= height) return kNeverVisible;
    return min_visible_h_m[static_cast<std::size_t>(r) * width + c];
  }
};

/// Fast sweep (horizon carried cell to neighbour cell, linear in cells).
VisibilityWindow compute_visibility(const geo::TerrainGrid& t, const Observer& o, double k_factor);

/// The same into `out`, reusing the memory it holds: no allocation and no
/// initialisation pass when it is already large enough (e.g. one window
/// recycled over many radars). The result is the same bit for bit.
void compute_visibility_into(const geo::TerrainGrid& t, const Observer& o, double k_factor, VisibilityWindow& out);

/// Exact reference: an R3 ray cast to every cell, sampling the terrain
/// profile (bilinear) at every crossed cell edge. O(n^1.5); for tests.
VisibilityWindow compute_visibility_r3(const geo::TerrainGrid& t, const Observer& o, double k_factor);

}  // namespace adcov::coverage
