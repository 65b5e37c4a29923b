// Visibility on synthetic terrain with exact answers.
#include "adcov/coverage/visibility.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "fixtures.hpp"

namespace adcov::coverage {
namespace {

constexpr double kR = geo::kEarthRadiusM;

// On flat ground the lowest visible height at distance d beyond the radio
// horizon d_h = sqrt(2 k R h_a) is (d - d_h)^2 / (2 k R) (tangent ray in the
// curved frame), and 0 before it.
double flat_floor(double d, double h_a, double k) {
  const double dh = std::sqrt(2 * k * kR * h_a);
  return d <= dh ? 0.0 : (d - dh) * (d - dh) / (2 * k * kR);
}

TEST(Visibility, FlatRadialFloorMatchesTangentRay) {
  for (double k : {1.0, 4.0 / 3.0}) {
    const geo::TerrainGrid t = test::flat_terrain({30, 50}, 801, 250.0);
    Observer o;
    o.pos = t.grid.cell_center(400, 400);
    o.antenna_agl_m = 30;
    o.reach_m = 95000;
    o.min_elevation_deg = -90;  // no elevation floor: the model's horizon needs look-down
    for (auto* fn : {&compute_visibility, &compute_visibility_r3}) {
      const VisibilityWindow v = fn(t, o, k);
      for (int dc = 10; dc <= 380; dc += 10) {
        const double d = dc * 250.0;
        const double want = flat_floor(d, 30, k);
        // The discrete horizon sits at a lattice crossing, at most half a cell
        // from the true tangent point; the maximum is flat there, so the error
        // is second order: below 0.5 m for 250 m cells at these ranges.
        EXPECT_NEAR(v.at(400 + dc, 400), want, 0.5) << "k=" << k << " d=" << d;
        EXPECT_NEAR(v.at(400, 400 - dc), want, 0.5) << "k=" << k << " d=" << d;
      }
    }
  }
}

TEST(Visibility, WallHidesLowTargetsBehindItWithExactShadowHeight) {
  geo::TerrainGrid t = test::flat_terrain({30, 50}, 201, 100.0);
  // A wall 200 m high across the grid, 5 km east of the radar.
  for (int r = 0; r < 201; ++r) t.ground_m[static_cast<std::size_t>(r) * 201 + 150] = 200.0f;
  Observer o;
  o.pos = t.grid.cell_center(100, 100);
  o.antenna_agl_m = 10;
  o.reach_m = 20000;
  o.min_elevation_deg = -90;
  const double k = 4.0 / 3.0;
  for (auto* fn : {&compute_visibility, &compute_visibility_r3}) {
    const VisibilityWindow v = fn(t, o, k);
    for (int c = 160; c <= 200; c += 10) {
      // Along the row through the radar the ray grazes the wall top at
      // d_w = 5 km: slope (200 - d_w^2/2kR - 10)/d_w; at d the ray is at
      // 10 + d*slope in the curved frame, i.e. that plus d^2/2kR above the ground.
      const double dw = 5000, d = (c - 100) * 100.0;
      const double slope = (200 - dw * dw / (2 * k * kR) - 10) / dw;
      const double want = 10 + d * slope + d * d / (2 * k * kR);
      EXPECT_NEAR(v.at(c, 100), want, 1e-2 * want) << c;
      EXPECT_GT(v.at(c, 100), 100.0);  // a 100 m target behind the wall is hidden...
    }
    EXPECT_LT(v.at(140, 100), 1.0);  // ...but seen in front of it
  }
}

// A window recycled over radars of different reach and position (no
// initialisation pass) holds exactly what a fresh window holds.
TEST(Visibility, RecycledWindowEqualsAFreshOne) {
  geo::TerrainGrid t = test::flat_terrain({30, 50}, 301, 100.0);
  for (int r = 0; r < 301; ++r)
    for (int c = 0; c < 301; ++c)
      t.ground_m[static_cast<std::size_t>(r) * 301 + c] = static_cast<float>(50.0 * std::sin(0.07 * c) * std::cos(0.05 * r));
  VisibilityWindow reused;
  struct Case {
    double col, row, reach_m, min_el;
  };
  for (const Case& k : {Case{150, 150, 14000, -90}, Case{40.3, 270.8, 6000, 0.5}, Case{150, 150, 3000, -1},
                        Case{299.5, 2.2, 25000, -90}, Case{150, 150, 14000, -90}}) {
    Observer o;
    o.pos = {t.grid.x0_m + (k.col + 0.5) * 100.0, t.grid.y0_m - (k.row + 0.5) * 100.0};
    o.antenna_agl_m = 15;
    o.reach_m = k.reach_m;
    o.min_elevation_deg = k.min_el;
    const VisibilityWindow fresh = compute_visibility(t, o, 4.0 / 3.0);
    compute_visibility_into(t, o, 4.0 / 3.0, reused);
    EXPECT_EQ(reused.col0, fresh.col0);
    EXPECT_EQ(reused.row0, fresh.row0);
    EXPECT_EQ(reused.width, fresh.width);
    EXPECT_EQ(reused.height, fresh.height);
    EXPECT_EQ(reused.antenna_z_m, fresh.antenna_z_m);
    EXPECT_EQ(reused.min_visible_h_m, fresh.min_visible_h_m) << k.col << ", " << k.row;
  }
}

// Issue 10: a reach under about half a cell gives windows of 1x1, 1x2, 2x1,
// 2x2 cells, with the observer up to half a cell outside the window's cell
// centres (on a cell edge, ox = -0.5). Such windows were swept with writes
// before the buffer (the observer's own cell, found with lround(-0.5) = -1)
// and reads of neighbours outside the line. Every window from 1x1 upward,
// with the observer at sub-cell offsets inside the grid and at its edges,
// must come out finite or kNeverVisible, and agree with R3.
TEST(Visibility, TinyWindowsAtSubCellOffsetsStayInsideTheirBuffer) {
  constexpr int kN = 12;
  constexpr double kCell = 128.0;  // powers of two: the offsets below are exact
  for (const bool flat : {true, false}) {
    geo::TerrainGrid t = test::flat_terrain({30, 50}, kN, kCell);
    if (!flat)
      for (int r = 0; r < kN; ++r)
        for (int c = 0; c < kN; ++c)
          t.ground_m[static_cast<std::size_t>(r) * kN + c] = static_cast<float>(40.0 * std::sin(1.3 * c + 0.7 * r));
    for (const int cc : {0, 5, kN - 1})
      for (const int rr : {0, 6, kN - 1})
        for (const double fx : {-0.5, -0.375, -0.125, 0.0, 0.25, 0.4375})
          for (const double fy : {-0.5, -0.25, 0.0, 0.125, 0.4375})
            for (const double reach_cells : {0.0, 0.1, 0.3, 0.49, 0.6, 0.9, 1.2, 1.7})
              for (const double k : {4.0 / 3.0, 1e-6}) {
                Observer o;
                o.pos = {t.grid.x0_m + (cc + 0.5 + fx) * kCell, t.grid.y0_m - (rr + 0.5 + fy) * kCell};
                if (t.grid.col_of(o.pos.x_m) < 0 || t.grid.row_of(o.pos.y_m) < 0) continue;  // outside the grid
                o.antenna_agl_m = 12;
                o.reach_m = reach_cells * kCell;
                o.min_elevation_deg = -90;
                const VisibilityWindow v = compute_visibility(t, o, k);
                const VisibilityWindow r3 = compute_visibility_r3(t, o, k);
                const std::string where = ::testing::PrintToString(std::vector<double>{
                    static_cast<double>(cc), static_cast<double>(rr), fx, fy, reach_cells, k});
                ASSERT_GE(v.width, 1) << where;
                ASSERT_GE(v.height, 1) << where;
                ASSERT_EQ(v.min_visible_h_m.size(), static_cast<std::size_t>(v.width) * v.height) << where;
                ASSERT_EQ(v.width, r3.width) << where;
                ASSERT_EQ(v.height, r3.height) << where;
                for (std::size_t i = 0; i < v.min_visible_h_m.size(); ++i) {
                  const float h = v.min_visible_h_m[i], want = r3.min_visible_h_m[i];
                  ASSERT_FALSE(std::isnan(h)) << where << " cell " << i;
                  ASSERT_GE(h, 0.0f) << where << " cell " << i;
                  if (std::isinf(want) || std::isinf(h)) {
                    // Beyond reach in both (float vs double distance aside).
                    const int ci = v.col0 + static_cast<int>(i) % v.width, ri = v.row0 + static_cast<int>(i) / v.width;
                    const geo::XY c = t.grid.cell_center(ci, ri);
                    const double dist = std::hypot(c.x_m - o.pos.x_m, c.y_m - o.pos.y_m);
                    if (std::abs(dist - o.reach_m) > 1e-3) {
                      EXPECT_EQ(h, want) << where << " cell " << i;
                    }
                  } else if (flat && k > 1.0) {  // k = 1e-6 bends the ground too much for the sweep to match R3 closely
                    EXPECT_NEAR(h, want, 1e-3 * (1.0 + want)) << where << " cell " << i;
                  }
                }
              }
  }
}

}  // namespace
}  // namespace adcov::coverage
