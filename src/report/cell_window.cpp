#include "adcov/report/cell_window.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace adcov::report {

namespace {

// The first cell of row[0, n) that is not 0, or n: eight cells at a time.
int first_set(const std::uint8_t* row, int n) {
  int c = 0;
  for (; c + 8 <= n; c += 8) {
    std::uint64_t word;
    std::memcpy(&word, row + c, 8);
    if (word) break;
  }
  while (c < n && !row[c]) ++c;
  return c;
}

// The last cell of row[0, n) that is not 0, or -1.
int last_set(const std::uint8_t* row, int n) {
  int c = n;
  for (; c >= 8; c -= 8) {
    std::uint64_t word;
    std::memcpy(&word, row + c - 8, 8);
    if (word) break;
  }
  while (c > 0 && !row[c - 1]) --c;
  return c - 1;
}

struct Bounds {
  int c0, r0, c1, r1;
};

}  // namespace

CellWindow region_window(const geo::GridSpec& grid, std::span<const std::uint8_t> in_region) {
  const CellWindow whole{0, 0, grid.width, grid.height};
  if (in_region.size() != grid.cells()) return whole;
  // Rows in parallel, each scanned from both ends: a national grid is read
  // by every map, GeoTIFF and polygon file, 17 times.
  const Bounds none{grid.width, grid.height, -1, -1};
  const Bounds b = tbb::parallel_reduce(
      tbb::blocked_range<int>(0, grid.height, 64), none,
      [&](const tbb::blocked_range<int>& rows, Bounds acc) {
        for (int r = rows.begin(); r != rows.end(); ++r) {
          const std::uint8_t* row = in_region.data() + static_cast<std::size_t>(r) * grid.width;
          const int first = first_set(row, grid.width);
          if (first == grid.width) continue;
          acc.c0 = std::min(acc.c0, first), acc.c1 = std::max(acc.c1, last_set(row, grid.width));
          acc.r0 = std::min(acc.r0, r), acc.r1 = std::max(acc.r1, r);
        }
        return acc;
      },
      [](Bounds a, const Bounds& o) {
        return Bounds{std::min(a.c0, o.c0), std::min(a.r0, o.r0), std::max(a.c1, o.c1),
                      std::max(a.r1, o.r1)};
      });
  if (b.c1 < 0) return whole;
  return {b.c0, b.r0, b.c1 - b.c0 + 1, b.r1 - b.r0 + 1};
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
