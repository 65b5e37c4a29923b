#pragma once
// Comparing a terrain loaded on a sub-grid with the same terrain on a larger
// grid of the same cells (tests/geo).

#include <cmath>
#include <cstdint>

#include "adcov/geo/terrain.hpp"

namespace adcov::test {

/// Where `part`'s grid starts in `whole`'s (cells), and how many of its
/// cells hold another height than the cell of `whole` at the same place.
struct SubGridDiff {
  int col = 0, row = 0;
  std::int64_t differ = 0;
};

inline SubGridDiff compare_sub_grid(const geo::TerrainGrid& whole, const geo::TerrainGrid& part) {
  const double cell = whole.grid.cell_m;
  SubGridDiff d;
  d.col = static_cast<int>(std::lround((part.grid.x0_m - whole.grid.x0_m) / cell));
  d.row = static_cast<int>(std::lround((whole.grid.y0_m - part.grid.y0_m) / cell));
  for (int r = 0; r < part.grid.height; ++r)
    for (int c = 0; c < part.grid.width; ++c)
      d.differ += part.at(c, r) != whole.at(c + d.col, r + d.row);
  return d;
}

}  // namespace adcov::test
