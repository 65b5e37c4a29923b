// A DEM already on the analysis grid (a GeoTIFF written by write_geotiff):
// the fast path reads it straight into the grid; it must give exactly what
// the general path (read, classify voids, copy) gives, and hand nodata to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "adcov/geo/raster_writer.hpp"
#include "adcov/geo/terrain.hpp"
#include "support/support.hpp"

namespace adcov::geo {
namespace {

/// The SRTM3 fixture on a 40 x 30 km LAEA grid of 90 m cells (general path: warp).
const TerrainGrid& srtm_on_laea() {
  static const TerrainGrid t = [] {
    const auto dir = test::source_path("data/dem/srtm3_fixture_greece_not_ukraine");
    return load_terrain({{dir / "N40E021.hgt", dir / "N40E022.hgt"}, std::nullopt},
                        make_grid_xy(Laea{{22.0, 40.5}}, -20000, -15000, 20000, 15000, 90));
  }();
  return t;
}

TEST(TerrainOnGrid, RoundTripIsExactOnTheGridAndOnASubGrid) {
  const TerrainGrid& t = srtm_on_laea();
  test::TempDir tmp;
  const auto f = tmp.path / "dem.tif";
  write_geotiff(f, t.grid, t.ground_m);
  const TerrainGrid same = load_terrain({{f}, std::nullopt}, t.grid);
  EXPECT_EQ(same.ground_m, t.ground_m);
  EXPECT_EQ(same.voids_filled, 0);
  EXPECT_EQ(same.outside_dem_cells, 0);
  EXPECT_GT(same.source_resolution_m, 89.9);
  EXPECT_LT(same.source_resolution_m, 90.1);
  // A window of the grid (cell edges shared): the matching cells.
  const GridSpec sub = make_grid_xy(t.grid.projection, -7020, -4950, 9990, 6030, 90);
  const TerrainGrid part = load_terrain({{f}, std::nullopt}, sub);
  const int dc = static_cast<int>(std::lround((sub.x0_m - t.grid.x0_m) / 90)),
            dr = static_cast<int>(std::lround((t.grid.y0_m - sub.y0_m) / 90));
  ASSERT_GT(dc, 0);
  ASSERT_GT(dr, 0);
  std::int64_t differ = 0;
  for (int r = 0; r < sub.height; ++r)
    for (int c = 0; c < sub.width; ++c) differ += part.at(c, r) != t.at(c + dc, r + dr);
  EXPECT_EQ(differ, 0);
}

TEST(TerrainOnGrid, BelowSeaLevelIsClampedAndCounted) {
  TerrainGrid t = srtm_on_laea();
  for (std::size_t i = 0; i < t.ground_m.size(); i += 97) t.ground_m[i] = -3.5f;
  const std::int64_t n = static_cast<std::int64_t>((t.ground_m.size() + 96) / 97);
  test::TempDir tmp;
  write_geotiff(tmp.path / "dem.tif", t.grid, t.ground_m);
  const TerrainGrid back = load_terrain({{tmp.path / "dem.tif"}, std::nullopt}, t.grid);
  EXPECT_EQ(back.sea_cells, n);
  for (std::size_t i = 0; i < t.ground_m.size(); ++i)
    ASSERT_EQ(back.ground_m[i], i % 97 ? t.ground_m[i] : 0.0f) << i;
}

TEST(TerrainOnGrid, NodataInsideIsAVoidFilledFromNeighbours) {
  TerrainGrid t = srtm_on_laea();
  const GridSpec& g = t.grid;
  // A 3 x 3 hole in the middle, marked with the file's nodata value.
  std::vector<float> z = t.ground_m;
  for (int r = g.height / 2 - 1; r <= g.height / 2 + 1; ++r)
    for (int c = g.width / 2 - 1; c <= g.width / 2 + 1; ++c) z[static_cast<std::size_t>(r) * g.width + c] = -32768.0f;
  test::TempDir tmp;
  GeoTiffOptions srtm_nodata;
  srtm_nodata.nodata = -32768.0;
  write_geotiff(tmp.path / "dem.tif", g, z, srtm_nodata);
  const TerrainGrid back = load_terrain({{tmp.path / "dem.tif"}, std::nullopt}, g);
  EXPECT_EQ(back.voids_filled, 9);
  EXPECT_EQ(back.sea_cells, 0);
  std::int64_t differ = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    ASSERT_TRUE(std::isfinite(back.ground_m[i])) << i;
    differ += z[i] != -32768.0f && back.ground_m[i] != z[i];
  }
  EXPECT_EQ(differ, 0);  // only the hole changed
  const float filled = back.at(g.width / 2, g.height / 2);
  float lo = 1e9f, hi = -1e9f;
  for (int r = g.height / 2 - 2; r <= g.height / 2 + 2; ++r)
    for (int c = g.width / 2 - 2; c <= g.width / 2 + 2; ++c) lo = std::min(lo, t.at(c, r)), hi = std::max(hi, t.at(c, r));
  EXPECT_GE(filled, lo);
  EXPECT_LE(filled, hi);
}

TEST(TerrainOnGrid, ByteRasterRoundTrip) {
  const GridSpec g = make_grid_xy(Laea{{30.0, 50.0}}, -3000, -2000, 3000, 2000, 100);
  std::vector<std::uint8_t> v(g.cells());
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::uint8_t>(i * 7);
  test::TempDir tmp;
  write_geotiff(tmp.path / "count.tif", g, v);
  const TerrainGrid back = load_terrain({{tmp.path / "count.tif"}, std::nullopt}, g);
  for (std::size_t i = 0; i < v.size(); ++i) ASSERT_EQ(back.ground_m[i], static_cast<float>(v[i])) << i;
}

}  // namespace
}  // namespace adcov::geo
