// region_window (report/cell_window.hpp) scans rows eight cells at a time,
// from both ends, in parallel: it must give the cell-by-cell answer.
#include "adcov/report/cell_window.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace adcov::report {
namespace {

CellWindow cell_by_cell(const geo::GridSpec& g, const std::vector<std::uint8_t>& m) {
  int c0 = g.width, r0 = g.height, c1 = -1, r1 = -1;
  for (int r = 0; r < g.height; ++r)
    for (int c = 0; c < g.width; ++c)
      if (m[static_cast<std::size_t>(r) * g.width + c])
        c0 = std::min(c0, c), c1 = std::max(c1, c), r0 = std::min(r0, r), r1 = std::max(r1, r);
  if (c1 < 0) return {0, 0, g.width, g.height};
  return {c0, r0, c1 - c0 + 1, r1 - r0 + 1};
}

TEST(RegionWindow, IsTheCellByCellBoxForAnyWidthAndMask) {
  std::mt19937 rng(7);
  for (const int width : {1, 7, 8, 9, 16, 63, 130}) {
    for (const int height : {1, 5, 200}) {
      geo::GridSpec g;
      g.width = width, g.height = height, g.cell_m = 100;
      for (int trial = 0; trial < 20; ++trial) {
        std::vector<std::uint8_t> m(g.cells(), 0);
        // A few set cells anywhere, or a block, or nothing.
        const int kind = trial % 3;
        if (kind == 0) {
          for (int k = 0; k < 3; ++k) m[rng() % m.size()] = 1;
        } else if (kind == 1) {
          const int c0 = static_cast<int>(rng() % width), r0 = static_cast<int>(rng() % height);
          const int c1 = c0 + static_cast<int>(rng() % (width - c0)),
                    r1 = r0 + static_cast<int>(rng() % (height - r0));
          for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) m[static_cast<std::size_t>(r) * width + c] = 1;
        }
        const CellWindow want = cell_by_cell(g, m), got = region_window(g, m);
        ASSERT_EQ(got.col0, want.col0) << width << "x" << height << " trial " << trial;
        ASSERT_EQ(got.row0, want.row0);
        ASSERT_EQ(got.width, want.width);
        ASSERT_EQ(got.height, want.height);
      }
    }
  }
}

TEST(RegionWindow, NoMaskIsTheWholeGrid) {
  geo::GridSpec g;
  g.width = 10, g.height = 4, g.cell_m = 1;
  const CellWindow w = region_window(g, {});
  EXPECT_EQ(w.col0, 0);
  EXPECT_EQ(w.row0, 0);
  EXPECT_EQ(w.width, 10);
  EXPECT_EQ(w.height, 4);
}

}  // namespace
}  // namespace adcov::report
