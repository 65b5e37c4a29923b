// A DEM already on the analysis grid (a GeoTIFF written by write_geotiff):
// the fast path reads it straight into the grid; it must give exactly what
// the general path (read, classify voids, copy) gives, and hand nodata to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <limits>
#include <vector>

#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/raster_info.hpp"
#include "adcov/geo/raster_writer.hpp"
#include "adcov/geo/terrain.hpp"
#include "sub_grid.hpp"
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
  const test::SubGridDiff d = test::compare_sub_grid(t, part);
  ASSERT_GT(d.col, 0);
  ASSERT_GT(d.row, 0);
  EXPECT_EQ(d.differ, 0);
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
  std::vector<float> z(t.ground_m.begin(), t.ground_m.end());
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

/// A flat 100 m DEM, 40 x 30 cells of 100 m, with isolated cells that cannot
/// be ground (+-inf, 3e38, 1e6 m, -20000 m) inside it, written without a
/// nodata value: only their value marks them.
constexpr float kImpossible[] = {std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                                 3e38f, 1e6f, -20000.0f, 9000.5f, -12000.5f};
constexpr int kImpossibleCount = static_cast<int>(std::size(kImpossible));

GridSpec flat_grid() { return make_grid_xy(Laea{{30.0, 50.0}}, -2000, -1500, 2000, 1500, 100); }

std::filesystem::path write_flat_with_impossible(const test::TempDir& tmp, std::vector<float> extra = {}) {
  const GridSpec g = flat_grid();
  std::vector<float> z(g.cells(), 100.0f);
  // Isolated interior cells (no two adjacent, none on the edge), near the centre.
  for (int k = 0; k < kImpossibleCount; ++k)
    z[static_cast<std::size_t>(g.height / 2 - 3 + k) * g.width + (g.width / 2 - 6 + 2 * k)] = kImpossible[k];
  // Valid extremes stay ground.
  for (std::size_t k = 0; k < extra.size(); ++k) z[static_cast<std::size_t>(3) * g.width + 5 + 2 * k] = extra[k];
  const auto f = tmp.path / "dem.tif";
  write_geotiff(f, g, z);
  return f;
}

TEST(TerrainOnGrid, ImpossibleHeightsAreVoidsFilledFromNeighbours) {
  test::TempDir tmp;
  const auto f = write_flat_with_impossible(tmp);
  const GridSpec g = flat_grid();
  // On the grid (the direct read must hand them to the void fill).
  const TerrainGrid on = load_terrain({{f}, std::nullopt}, g);
  EXPECT_EQ(on.voids_filled, kImpossibleCount);
  EXPECT_EQ(on.sea_cells, 0);
  EXPECT_EQ(on.outside_dem_cells, 0);
  EXPECT_EQ(std::count(on.ground_m.begin(), on.ground_m.end(), 100.0f), static_cast<std::ptrdiff_t>(g.cells()));
  // Off the grid (shifted half a cell: warped bilinearly).
  const GridSpec off = make_grid_xy(g.projection, -1450, -1050, 1450, 950, 100);
  const TerrainGrid w = load_terrain({{f}, std::nullopt}, off);
  EXPECT_EQ(w.voids_filled, kImpossibleCount);
  EXPECT_EQ(w.sea_cells, 0);
  EXPECT_EQ(std::count_if(w.ground_m.begin(), w.ground_m.end(), [](float v) { return std::abs(v - 100.0f) > 1e-3f; }),
            0);
  // adcov info counts them as voids and leaves them out of the value range.
  const RasterInfo info = describe_raster(f);
  EXPECT_EQ(info.void_count, kImpossibleCount);
  EXPECT_EQ(info.min, 100.0);
  EXPECT_EQ(info.max, 100.0);
}

TEST(TerrainOnGrid, ExtremeButPossibleHeightsStayGround) {
  test::TempDir tmp;
  const auto f = write_flat_with_impossible(tmp, {9000.0f, -12000.0f, 8849.0f, -10935.0f});
  const TerrainGrid on = load_terrain({{f}, std::nullopt}, flat_grid());
  EXPECT_EQ(on.voids_filled, kImpossibleCount);
  EXPECT_EQ(on.sea_cells, 2);
  EXPECT_EQ(on.at(5, 3), 9000.0f);
  EXPECT_EQ(on.at(7, 3), 0.0f);  // sea surface
  EXPECT_EQ(on.at(9, 3), 8849.0f);
  const RasterInfo info = describe_raster(f);
  EXPECT_EQ(info.void_count, kImpossibleCount);
  EXPECT_EQ(info.min, -12000.0);
  EXPECT_EQ(info.max, 9000.0);
}

TEST(TerrainOnGrid, ValidDemTakesTheDirectReadUnchanged) {
  // Heights on the bounds themselves are valid: no voids, bit-identical.
  const GridSpec g = flat_grid();
  std::vector<float> z(g.cells());
  for (std::size_t i = 0; i < z.size(); ++i) z[i] = static_cast<float>(i % 9001);
  z[0] = 9000.0f;
  test::TempDir tmp;
  write_geotiff(tmp.path / "dem.tif", g, z);
  const TerrainGrid back = load_terrain({{tmp.path / "dem.tif"}, std::nullopt}, g);
  EXPECT_EQ(back.voids_filled, 0);
  EXPECT_EQ(std::vector<float>(back.ground_m.begin(), back.ground_m.end()), z);
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

TEST(TerrainOnGrid, AGridFileOfEitherDatumNameIsOnTheGrid) {
  // adcov's GeoTIFFs name the sphere's datum by its EPSG code (6035), read
  // back as "Not specified (based on Authalic Sphere)"; adcov's before it
  // wrote "unknown". Both are the grid's CRS (the direct read, exact, where
  // resampling leaves 1e-12 m in a cell of 0 m).
  const GridSpec g = make_grid_xy(Laea{{30.0, 50.0}}, -3000, -2000, 3000, 2000, 100);
  std::vector<std::uint8_t> v(g.cells());
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::uint8_t>(i * 7);
  test::TempDir tmp;
  const auto f = tmp.path / "count.tif";
  write_geotiff(f, g, v);
  {
    const gdal::Dataset ds = gdal::open_raster(f);
    EXPECT_STREQ(ds->GetSpatialRef()->GetAuthorityCode("PROJCS|GEOGCS|DATUM"), "6035");
    EXPECT_STREQ(ds->GetSpatialRef()->GetAuthorityCode("PROJCS|GEOGCS|DATUM|SPHEROID"), "7035");
  }
  const auto expect_exact = [&] {
    const TerrainGrid back = load_terrain({{f}, std::nullopt}, g);
    for (std::size_t i = 0; i < v.size(); ++i) ASSERT_EQ(back.ground_m[i], static_cast<float>(v[i])) << i;
  };
  expect_exact();
  {
    gdal::Dataset ds(GDALDataset::Open(f.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    const OGRSpatialReference unnamed = gdal::srs(proj_string(g.projection));
    ASSERT_EQ(ds->SetSpatialRef(&unnamed), CE_None);
  }
  EXPECT_EQ(gdal::open_raster(f)->GetSpatialRef()->GetAuthorityCode("PROJCS|GEOGCS|DATUM"), nullptr);
  expect_exact();
}

}  // namespace
}  // namespace adcov::geo
