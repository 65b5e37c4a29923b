// The GeoTIFF writer's overviews, filled from each band of rows as it is
// written, against GDAL's own nearest-neighbour overviews of the same base.
#include "adcov/geo/raster_writer.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <random>
#include <vector>

#include "adcov/geo/gdal_edge.hpp"
#include "support/support.hpp"

namespace adcov::geo {
namespace {

/// A grid of width x height cells of 100 m (sizes that no factor divides, so
/// the overviews' ratios are not whole numbers).
GridSpec grid_of(int width, int height) {
  GridSpec g;
  g.projection.origin = {30.5, 50.45};
  g.cell_m = 100;
  g.width = width;
  g.height = height;
  g.x0_m = -100000;
  g.y0_m = 100000;
  return g;
}

/// Every overview pixel of band 1 of `file`, level after level.
template <class T>
std::vector<T> overview_pixels(const std::filesystem::path& file, GDALDataType type) {
  gdal::Dataset ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  EXPECT_TRUE(ds);
  std::vector<T> all;
  GDALRasterBand* band = ds->GetRasterBand(1);
  for (int k = 0; k < band->GetOverviewCount(); ++k) {
    GDALRasterBand* ov = band->GetOverview(k);
    std::vector<T> v(static_cast<std::size_t>(ov->GetXSize()) * ov->GetYSize());
    EXPECT_EQ(ov->RasterIO(GF_Read, 0, 0, ov->GetXSize(), ov->GetYSize(), v.data(), ov->GetXSize(), ov->GetYSize(),
                           type, 0, 0),
              CE_None);
    all.insert(all.end(), v.begin(), v.end());
  }
  return all;
}

/// GDAL's nearest-neighbour overviews at the same levels, built over a copy
/// of `file`'s base.
template <class T>
std::vector<T> gdal_overview_pixels(const std::filesystem::path& file, const std::filesystem::path& copy,
                                    GDALDataType type) {
  std::filesystem::copy_file(file, copy);
  {
    gdal::Dataset ds(GDALDataset::Open(copy.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    GDALRasterBand* band = ds->GetRasterBand(1);
    std::vector<int> factors;  // 4, 16, ...: as the writer makes them
    for (int k = 0; k < band->GetOverviewCount(); ++k) factors.push_back(4 << (2 * k));
    EXPECT_EQ(ds->BuildOverviews("NEAREST", static_cast<int>(factors.size()), factors.data(), 0, nullptr, nullptr,
                                 nullptr),
              CE_None);
  }
  return overview_pixels<T>(copy, type);
}

template <class T>
void expect_gdals_overviews(CellType cell, GDALDataType type) {
  const GridSpec g = grid_of(4099, 2053);  // 8.4 M cells: levels 4 and 16
  std::mt19937 rng(7);
  std::vector<T> values(g.cells());
  for (T& v : values) v = static_cast<T>(rng() % 251);
  test::TempDir tmp;
  const auto file = tmp.path / "ours.tif";
  GeoTiffOptions o;
  o.layout = TiffLayout::tiled_deflate;
  o.overviews = true;
  write_geotiff_rows(
      file, g, cell,
      [&](int row0, int rows, void* out) {
        std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(row0) * g.width,
                    static_cast<std::ptrdiff_t>(rows) * g.width, static_cast<T*>(out));
      },
      o);
  const std::vector<T> ours = overview_pixels<T>(file, type);
  ASSERT_EQ(ours.size(), static_cast<std::size_t>(1025 * 514 + 257 * 129));
  const std::vector<T> gdal = gdal_overview_pixels<T>(file, tmp.path / "gdal.tif", type);
  ASSERT_EQ(ours.size(), gdal.size());
  std::size_t differ = 0;
  for (std::size_t i = 0; i < ours.size(); ++i) differ += ours[i] != gdal[i];
  EXPECT_EQ(differ, 0u);
}

TEST(RasterWriter, OverviewsAreGdalsNearestNeighbourOnes) {
  expect_gdals_overviews<std::uint8_t>(CellType::byte, GDT_Byte);
  expect_gdals_overviews<float>(CellType::float32, GDT_Float32);
}

}  // namespace
}  // namespace adcov::geo
