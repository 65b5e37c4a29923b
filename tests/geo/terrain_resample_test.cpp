// Issue 14: the DEM is resampled onto the analysis grid by adcov's own
// bilinear interpolation (src/geo/bilinear_resample.cpp) instead of GDAL's
// warper. Bilinear interpolation of a plane is the plane, so on a planar DEM
// every cell must hold the plane's height at the cell centre's true lon/lat;
// and a cell's height must not depend on the grid around it.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <random>
#include <vector>

#include "adcov/geo/terrain.hpp"
#include "sub_grid.hpp"
#include "support/support.hpp"

namespace adcov::geo {
namespace {

/// The plane of the synthetic DEM: 100 m per degree of longitude, 60 m per
/// degree of latitude (10 m and 6 m per 0.1-degree pixel), 1,500 m at
/// (30 E, 49 N); positive over the whole tile, so no cell is sea.
double plane(double lon, double lat) { return 1500.0 + 100.0 * (lon - 30.0) + 60.0 * (lat - 49.0); }

/// A Float32 lon/lat GeoTIFF of 0.1-degree pixels over 20..40 E, 44..54 N
/// (ETOPO5-like coarseness), each pixel the plane at its centre.
std::filesystem::path write_plane(const std::filesystem::path& path) {
  GDALAllRegister();
  constexpr int kW = 200, kH = 100;
  GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
      path.c_str(), kW, kH, 1, GDT_Float32, nullptr);
  double gt[6] = {20.0, 0.1, 0, 54.0, 0, -0.1};
  ds->SetGeoTransform(gt);
  OGRSpatialReference s;
  s.SetFromUserInput("EPSG:4326");
  ds->SetSpatialRef(&s);
  std::vector<float> z(static_cast<std::size_t>(kW) * kH);
  for (int r = 0; r < kH; ++r)
    for (int c = 0; c < kW; ++c)
      z[static_cast<std::size_t>(r) * kW + c] =
          static_cast<float>(plane(20.05 + 0.1 * c, 53.95 - 0.1 * r));
  EXPECT_EQ(
      ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kW, kH, z.data(), kW, kH, GDT_Float32, 0, 0),
      CE_None);
  GDALClose(ds);
  return path;
}

TEST(TerrainResample, APlanarDemGivesThePlaneAtEveryCellCentre) {
  test::TempDir tmp;
  const auto dem = write_plane(tmp.path / "plane.tif");
  // 250 m cells 150 km around (31 E, 49.5 N): anchors every 8 cells, 2 km.
  const GridSpec g = make_grid_xy(Laea{{31.0, 49.5}}, -150000, -150000, 150000, 150000, 250);
  const TerrainGrid t = load_terrain({{dem}, std::nullopt}, g);
  double worst = 0;
  for (int r = 0; r < g.height; ++r)
    for (int c = 0; c < g.width; ++c) {
      const LonLat ll = unproject(g.projection, g.cell_center(c, r));
      worst = std::max(worst, std::abs(t.at(c, r) - plane(ll.lon_deg, ll.lat_deg)));
    }
  // Float32 heights near 1,600 m are 1.2e-4 m apart. GDAL's warper, whose
  // approximate transformer may place a cell 1/8 pixel (~1 km) off, was
  // off by up to 0.31 m here.
  EXPECT_LT(worst, 0.002);
}

TEST(TerrainResample, ACellsHeightIsTheSameInEveryGridOfTheSameCells) {
  // Real relief (ETOPO5 over the Carpathians) on 500 m cells: a grid, and a
  // smaller one offset by an odd number of cells inside it.
  const auto etopo = test::source_path("data/dem/etopo5_ukraine_10E-50E_38N-60N.tif");
  const Laea p{{24.5, 48.2}};
  const TerrainGrid big =
      load_terrain({{etopo}, std::nullopt}, make_grid_xy(p, -60000, -50000, 60000, 50000, 500));
  const GridSpec sub = make_grid_xy(p, -23500, -41500, 48500, 12500, 500);
  const TerrainGrid part = load_terrain({{etopo}, std::nullopt}, sub);
  const test::SubGridDiff d = test::compare_sub_grid(big, part);
  ASSERT_EQ(d.col, 73);
  ASSERT_EQ(d.row, 75);
  EXPECT_EQ(d.differ, 0);  // with GDAL's warper all 15,552 differed
}

}  // namespace
}  // namespace adcov::geo

// White box: the AVX2 sampler (src/geo/bilinear_resample_avx2.cpp) must give
// the scalar one's floats bit for bit, at every kind of point: inside, on
// pixel centres and edges, beside voids, at and beyond the window's edges,
// at NaN coordinates.
#include "../../src/geo/bilinear_resample.hpp"

namespace adcov::geo {
namespace {

TEST(TerrainResample, TheAvx2SamplerGivesTheScalarSamplersFloats) {
#if defined(__GNUC__) && defined(__x86_64__)
  if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "no AVX2 on this CPU";
  constexpr int kW = 37, kH = 23;
  std::mt19937 rng(14);
  std::uniform_real_distribution<float> height(-50.0f, 2500.0f);
  std::vector<float> z(static_cast<std::size_t>(kW) * kH);
  for (float& v : z) v = height(rng);
  for (int k = 0; k < 12; ++k) z[rng() % z.size()] = std::numeric_limits<float>::quiet_NaN();  // voids
  const detail::SourceWindow src{.z = z, .width = kW, .height = kH, .col0 = 5, .row0 = 7,
                                 .x0 = 0, .dx = 1, .y0 = 0, .dy = -1};
  // Pixel coordinates of the larger raster: the window spans [5, 42) x [7, 30).
  std::uniform_real_distribution<double> x(2.0, 45.0), y(4.0, 33.0), inner_x(6.0, 41.0), inner_y(8.0, 29.0);
  std::vector<double> px, py;
  for (int k = 0; k < 40000; ++k) {
    const bool inner = k / 4 % 4 != 0;  // mostly whole groups of four inside: the vector path
    px.push_back(inner ? inner_x(rng) : x(rng));
    py.push_back(inner ? inner_y(rng) : y(rng));
    if (k % 97 == 0) px.back() = std::round(px.back() * 2) / 2;  // on a pixel edge or centre
    if (k % 89 == 0) py.back() = std::round(py.back());
    if (k % 1009 == 0) px.back() = std::numeric_limits<double>::quiet_NaN();
  }
  std::vector<float> fast(px.size());
  detail::sample_row_avx2(src, px.data(), py.data(), static_cast<int>(px.size()) - 3, fast.data());  // a tail
  int differ = 0, numbers = 0;
  for (std::size_t i = 0; i + 3 < px.size(); ++i) {
    const float slow = detail::sample_bilinear(src, px[i], py[i]);
    differ += std::bit_cast<std::uint32_t>(slow) != std::bit_cast<std::uint32_t>(fast[i]);
    numbers += !std::isnan(slow);
  }
  EXPECT_EQ(differ, 0);
  EXPECT_GT(numbers, 30000);
#else
  GTEST_SKIP() << "x86-64 only";
#endif
}

}  // namespace
}  // namespace adcov::geo
