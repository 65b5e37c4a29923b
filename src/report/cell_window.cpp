#include "adcov/report/cell_window.hpp"

#include <algorithm>

namespace adcov::report {

CellWindow region_window(const geo::GridSpec& grid, std::span<const std::uint8_t> in_region) {
  const CellWindow whole{0, 0, grid.width, grid.height};
  if (in_region.size() != grid.cells()) return whole;
  int c0 = grid.width, r0 = grid.height, c1 = -1, r1 = -1;
  for (int r = 0; r < grid.height; ++r)
    for (int c = 0; c < grid.width; ++c)
      if (in_region[static_cast<std::size_t>(r) * grid.width + c]) {
        c0 = std::min(c0, c), c1 = std::max(c1, c);
        r0 = std::min(r0, r), r1 = std::max(r1, r);
      }
  if (c1 < 0) return whole;
  return {c0, r0, c1 - c0 + 1, r1 - r0 + 1};
}

geo::GridSpec crop(const geo::GridSpec& grid, const CellWindow& w) {
  geo::GridSpec g = grid;
  g.x0_m = grid.x0_m + w.col0 * grid.cell_m;
  g.y0_m = grid.y0_m - w.row0 * grid.cell_m;
  g.width = w.width;
  g.height = w.height;
  return g;
}

}  // namespace adcov::report
