#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>

#include "adcov/report/geotiff.hpp"
#include "adcov/error.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;

namespace {

struct Closer {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset open(const std::filesystem::path& p) {
  GDALAllRegister();
  return Dataset(GDALDataset::Open(p.string().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
}

}  // namespace

TEST(GeoTiff, CountRoundTripsCroppedToRegionWithNodata) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const auto file = tmp.path / "coverage_50m.tif";
  report::write_count_geotiff(file, cov.grid, cov.altitudes[0].count, cov.in_region);
  auto ds = open(file);
  ASSERT_TRUE(ds);
  // The region is the grid less a 5-cell frame.
  EXPECT_EQ(ds->GetRasterXSize(), 90);
  EXPECT_EQ(ds->GetRasterYSize(), 70);
  double gt[6];
  ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
  EXPECT_DOUBLE_EQ(gt[0], cov.grid.x0_m + 5 * 1000.0);
  EXPECT_DOUBLE_EQ(gt[1], 1000.0);
  EXPECT_DOUBLE_EQ(gt[3], cov.grid.y0_m - 5 * 1000.0);
  EXPECT_DOUBLE_EQ(gt[5], -1000.0);
  EXPECT_DOUBLE_EQ(gt[2], 0.0);
  GDALRasterBand* band = ds->GetRasterBand(1);
  EXPECT_EQ(band->GetRasterDataType(), GDT_Byte);  // every count below 255
  int has_nodata = 0;
  EXPECT_EQ(band->GetNoDataValue(&has_nodata), report::kCountNodataByte);
  EXPECT_TRUE(has_nodata);
  std::vector<std::uint16_t> v(90 * 70);
  ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, 90, 70, v.data(), 90, 70, GDT_UInt16, 0, 0), CE_None);
  for (int r = 0; r < 70; ++r)
    for (int c = 0; c < 90; ++c)
      ASSERT_EQ(v[r * 90 + c], cov.altitudes[0].count[(r + 5) * 100 + (c + 5)]) << c << "," << r;
  // Tiled and compressed, as QGIS likes them.
  EXPECT_STREQ(ds->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"), "DEFLATE");
  int bx = 0, by = 0;
  band->GetBlockSize(&bx, &by);
  EXPECT_EQ(bx, 256);
  EXPECT_EQ(by, 256);
}

// Counts of 255 or more do not fit a Byte beside its no-data value: the
// raster is UInt16 then, with no-data 65535; a count outside the region does
// not count. The same whether the counts are held as bytes (a scenario of at
// most 255 batteries) or as uint16.
TEST(GeoTiff, CountsFrom255AreWrittenAsUInt16) {
  auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  for (const std::size_t batteries : {std::size_t{255}, std::size_t{300}}) {
    coverage::CountMap count(cov.grid.cells(), batteries);
    ASSERT_EQ(count.wide(), batteries > 255);
    const auto set = [&](std::size_t i, unsigned n) {
      for (unsigned k = 0; k < n; ++k) count.add_one(i);
    };
    set(0, static_cast<unsigned>(std::min<std::size_t>(batteries, 300)));  // cell (0, 0): outside the region
    const std::string name = std::to_string(batteries);
    report::write_count_geotiff(tmp.path / (name + "_outside.tif"), cov.grid, count, cov.in_region);
    EXPECT_EQ(open(tmp.path / (name + "_outside.tif"))->GetRasterBand(1)->GetRasterDataType(), GDT_Byte);
    set(10 * 100 + 20, 255);  // cell (20, 10): inside
    report::write_count_geotiff(tmp.path / (name + "_wide.tif"), cov.grid, count, cov.in_region);
    auto ds = open(tmp.path / (name + "_wide.tif"));
    GDALRasterBand* band = ds->GetRasterBand(1);
    EXPECT_EQ(band->GetRasterDataType(), GDT_UInt16);
    int has_nodata = 0;
    EXPECT_EQ(band->GetNoDataValue(&has_nodata), report::kCountNodata);
    std::uint16_t v = 0;
    ASSERT_EQ(band->RasterIO(GF_Read, 15, 5, 1, 1, &v, 1, 1, GDT_UInt16, 0, 0), CE_None);
    EXPECT_EQ(v, 255);
  }
}

TEST(GeoTiff, CrsIsTheGridsSphericalLaea) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const auto file = tmp.path / "c.tif";
  report::write_count_geotiff(file, cov.grid, cov.altitudes[0].count, cov.in_region);
  auto ds = open(file);
  ASSERT_TRUE(ds);
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  ASSERT_NE(srs, nullptr);
  EXPECT_TRUE(srs->IsProjected());
  EXPECT_STREQ(srs->GetAttrValue("PROJECTION"), "Lambert_Azimuthal_Equal_Area");
  EXPECT_NEAR(srs->GetProjParm(SRS_PP_LATITUDE_OF_CENTER), 50.45, 1e-9);
  EXPECT_NEAR(srs->GetProjParm(SRS_PP_LONGITUDE_OF_CENTER), 30.5, 1e-9);
  EXPECT_NEAR(srs->GetSemiMajor(), 6371000.0, 1e-6);
  EXPECT_NEAR(srs->GetInvFlattening(), 0.0, 1e-9);  // a sphere
}

TEST(GeoTiff, FloorTellsNeverCoveredFromOutsideTheRegion) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const auto file = tmp.path / "floor.tif";
  report::write_floor_geotiff(file, cov.grid, cov.floor_m, cov.in_region);
  auto ds = open(file);
  ASSERT_TRUE(ds);
  GDALRasterBand* band = ds->GetRasterBand(1);
  EXPECT_EQ(band->GetRasterDataType(), GDT_Float32);
  int has_nodata = 0;
  EXPECT_EQ(band->GetNoDataValue(&has_nodata), report::kFloorNodata);
  EXPECT_TRUE(has_nodata);
  std::vector<float> v(90 * 70);
  ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, 90, 70, v.data(), 90, 70, GDT_Float32, 0, 0), CE_None);
  int nodata = 0, values = 0;
  for (int r = 0; r < 70; ++r)
    for (int c = 0; c < 90; ++c) {
      const float want = cov.floor_m[(r + 5) * 100 + (c + 5)];
      if (std::isnan(want)) {
        ASSERT_EQ(v[r * 90 + c], report::kFloorNeverCovered);
        ++nodata;
      } else {
        ASSERT_EQ(v[r * 90 + c], want);
        ++values;
      }
    }
  EXPECT_GT(nodata, 0);
  EXPECT_GT(values, 0);
}

TEST(GeoTiff, SizeMismatchIsAnError) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const coverage::CountMap short_counts(10, 2);
  EXPECT_THROW(report::write_count_geotiff(tmp.path / "x.tif", cov.grid, short_counts, cov.in_region),
               adcov::Error);
}

TEST(GeoTiff, FloorOutsideTheRegionIsNodata) {
  auto cov = test::synthetic_coverage();
  cov.in_region[10 * 100 + 10] = 0;  // a hole in the region, inside the cropped window
  cov.floor_m[10 * 100 + 10] = std::numeric_limits<float>::quiet_NaN();
  cov.floor_m[10 * 100 + 11] = std::numeric_limits<float>::quiet_NaN();
  test::TempDir tmp;
  const auto file = tmp.path / "floor.tif";
  report::write_floor_geotiff(file, cov.grid, cov.floor_m, cov.in_region);
  auto ds = open(file);
  ASSERT_TRUE(ds);
  float v[2];
  ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Read, 5, 5, 2, 1, v, 2, 1, GDT_Float32, 0, 0), CE_None);
  EXPECT_EQ(v[0], report::kFloorNodata);
  EXPECT_EQ(v[1], report::kFloorNeverCovered);
  EXPECT_NE(report::kFloorNodata, report::kFloorNeverCovered);
  EXPECT_STREQ(ds->GetMetadataItem("ADCOV_NEVER_COVERED"), "-1");
}

TEST(GeoTiff, CarriesANamedCrsAndTheTagsItWasGiven) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const auto file = tmp.path / "coverage_50m.tif";
  report::write_count_geotiff(file, cov.grid, cov.altitudes[0].count, cov.in_region,
                              {{"ADCOV_SCENARIO", "synthetic-test"}, {"ADCOV_ALTITUDE_M", "50"}});
  auto ds = open(file);
  ASSERT_TRUE(ds);
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  ASSERT_TRUE(srs);
  EXPECT_STREQ(srs->GetName(), "adcov LAEA centred on 30.5000E 50.4500N");
  EXPECT_STREQ(ds->GetMetadataItem("ADCOV_SCENARIO"), "synthetic-test");
  EXPECT_STREQ(ds->GetMetadataItem("ADCOV_ALTITUDE_M"), "50");
  EXPECT_STREQ(ds->GetMetadataItem("ADCOV_VALUES"), "batteries able to engage");
  ASSERT_TRUE(ds->GetMetadataItem("ADCOV_VERSION"));
  EXPECT_EQ(ds->GetRasterBand(1)->GetOverviewCount(), 0);  // small: no overviews
}

TEST(GeoTiff, LargeRastersGetOverviews) {
  geo::GridSpec g;
  g.projection.origin = {30.5, 50.45};
  g.cell_m = 100;
  g.width = 2100;
  g.height = 2000;
  g.x0_m = -105000;
  g.y0_m = 100000;
  coverage::CountMap count(g.cells(), 1);
  for (std::size_t i = 0; i < g.cells(); ++i) count.add_one(i);
  test::TempDir tmp;
  const auto file = tmp.path / "big.tif";
  report::write_count_geotiff(file, g, count, {});
  auto ds = open(file);
  ASSERT_TRUE(ds);
  // Every factor 4 down to 128-255 pixels across: 525 x 500, 132 x 125.
  GDALRasterBand* band = ds->GetRasterBand(1);
  ASSERT_EQ(band->GetOverviewCount(), 2);
  EXPECT_EQ(band->GetOverview(0)->GetXSize(), 525);
  EXPECT_EQ(band->GetOverview(0)->GetYSize(), 500);
  EXPECT_EQ(band->GetOverview(1)->GetXSize(), 132);
  EXPECT_EQ(band->GetOverview(1)->GetYSize(), 125);
}
