#include "adcov/report/hillshade.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace adcov::report {

std::vector<float> hillshade(const geo::TerrainGrid& terrain, const geo::GridSpec& view) {
  const geo::GridSpec& g = terrain.grid;
  std::vector<float> out(view.cells(), 1.0f);
  if (g.width < 3 || g.height < 3 || terrain.ground_m.size() != g.cells()) return out;
  // The light: from the north-west, 45° up; east, north, up components.
  const double az = 315 * std::numbers::pi / 180, alt = 45 * std::numbers::pi / 180;
  const double lx = std::sin(az) * std::cos(alt), ly = std::cos(az) * std::cos(alt), lz = std::sin(alt);
  auto z = [&](int col, int row) {  // clamped at the edges: the edge cells read as flat outward
    return static_cast<double>(terrain.at(std::clamp(col, 0, g.width - 1), std::clamp(row, 0, g.height - 1)));
  };
  for (int row = 0; row < view.height; ++row)
    for (int col = 0; col < view.width; ++col) {
      const geo::XY p = view.cell_center(col, row);
      const int c = static_cast<int>(std::floor(g.col_of(p.x_m))), r = static_cast<int>(std::floor(g.row_of(p.y_m)));
      if (c < 0 || r < 0 || c >= g.width || r >= g.height) continue;
      // Horn: rows run north to south, so north is row - 1.
      const double dz_east = ((z(c + 1, r - 1) + 2 * z(c + 1, r) + z(c + 1, r + 1)) -
                              (z(c - 1, r - 1) + 2 * z(c - 1, r) + z(c - 1, r + 1))) / (8 * g.cell_m);
      const double dz_north = ((z(c - 1, r - 1) + 2 * z(c, r - 1) + z(c + 1, r - 1)) -
                               (z(c - 1, r + 1) + 2 * z(c, r + 1) + z(c + 1, r + 1))) / (8 * g.cell_m);
      const double nx = -kHillshadeZFactor * dz_east, ny = -kHillshadeZFactor * dz_north;
      const double shade = std::max(0.0, (nx * lx + ny * ly + lz) / std::sqrt(nx * nx + ny * ny + 1));
      // Relative to flat ground (shade = lz): only slopes away from the light darken.
      const double dark = std::clamp((lz - shade) / lz, 0.0, 1.0);
      out[static_cast<std::size_t>(row) * view.width + col] = static_cast<float>(1 - kHillshadeDarkening * dark);
    }
  return out;
}

}  // namespace adcov::report
