// Issue 10: DEM inputs that are not usable elevation say so in one line
// naming the file (a foreign CRS, no valid cell), the up-front check sees
// what the run would trip on, and `info` bounds its work on any declared size.
#include <gtest/gtest.h>

#include <gdal_priv.h>

#include <chrono>
#include <filesystem>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/dem_check.hpp"
#include "adcov/geo/raster_info.hpp"
#include "adcov/geo/terrain.hpp"
#include "support/support.hpp"

namespace adcov::geo {
namespace {

/// A 20 x 20 Int16 GeoTIFF over lon 29.9..30.6, lat 49.9..50.4 in `srs`,
/// every cell `value`, with nodata `nodata` when given.
std::filesystem::path write_tile(const std::filesystem::path& path, const char* srs, int value,
                                 std::optional<double> nodata = std::nullopt) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDataset* ds = drv->Create(path.c_str(), 20, 20, 1, GDT_Int16, nullptr);
  double gt[6] = {29.9, 0.035, 0, 50.4, 0, -0.025};
  ds->SetGeoTransform(gt);
  OGRSpatialReference s;
  s.SetFromUserInput(srs);
  ds->SetSpatialRef(&s);
  if (nodata) ds->GetRasterBand(1)->SetNoDataValue(*nodata);
  std::vector<std::int16_t> v(400, static_cast<std::int16_t>(value));
  EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 20, 20, v.data(), 20, 20, GDT_Int16, 0, 0), CE_None);
  GDALClose(ds);
  return path;
}

GridSpec small_grid() { return make_grid(30.0, 50.0, 30.5, 50.3, 1000.0); }

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

// The DEM window the terrain reads, from the metadata: the grid's area over
// a pixel's ground area (0.035 x 0.025 degrees, on the model's sphere at the
// latitude given), at most the files' bounding box of pixels.
TEST(DemInput, WindowPixelsAreTheAreaOverAPixelAtMostTheFiles) {
  test::TempDir tmp;
  const auto tile = write_tile(tmp.path / "tile.tif", "EPSG:4326", 100);
  const double m_per_deg = kEarthRadiusM * std::numbers::pi / 180;
  const double pixel_m2 = 0.035 * 0.025 * m_per_deg * m_per_deg * 0.5;  // cos 60 degrees
  EXPECT_NEAR(dem_window_pixels({tile}, 100 * pixel_m2, 60.0), 100.0, 1e-9);
  EXPECT_NEAR(dem_window_pixels({tile}, 1e6 * pixel_m2, 60.0), 400.0, 1e-9);  // the tile's 20 x 20
  // A second tile beside it: the box of both (40 x 20 pixels).
  const auto east = tmp.path / "east.tif";
  {
    const auto t = write_tile(tmp.path / "t2.tif", "EPSG:4326", 100);
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(t.c_str(), GA_Update));
    double gt[6] = {29.9 + 0.7, 0.035, 0, 50.4, 0, -0.025};
    ds->SetGeoTransform(gt);
    GDALClose(ds);
    std::filesystem::rename(t, east);
  }
  EXPECT_NEAR(dem_window_pixels({tile, east}, 1e6 * pixel_m2, 60.0), 800.0, 1e-9);
  EXPECT_EQ(dem_window_pixels({}, 1e6, 60.0), 0.0);
  // Metres: a UTM tile's pixels are 0.035 x 0.025 m there.
  const auto utm = write_tile(tmp.path / "utm.tif", "EPSG:32636", 100);
  EXPECT_NEAR(dem_window_pixels({utm}, 0.035 * 0.025 * 50, 50.0), 50.0, 1e-9);
}

TEST(DemInput, ForeignCrsIsOneLineNamingTheFile) {
  test::TempDir tmp;
  const auto mars = write_tile(tmp.path / "mars.tif", "+proj=longlat +a=3396190 +b=3376200 +no_defs", 100);
  const std::string expected = mars.string() +
                               ": the raster's coordinate reference system 'unknown' (ellipsoid semi-major axis "
                               "3396190 m) cannot be related to WGS84 lon/lat on the Earth; reproject the DEM to an "
                               "Earth CRS such as EPSG:4326";
  EXPECT_EQ(message_of([&] { load_terrain({{mars}, std::nullopt}, small_grid()); }), expected);
  EXPECT_EQ(message_of([&] { describe_raster(mars); }), expected);
  EXPECT_EQ(message_of([&] { check_dem({mars}, {}); }), expected);
}

TEST(DemInput, AllNodataSaysNoValidElevation) {
  test::TempDir tmp;
  const auto nod = write_tile(tmp.path / "nodata.tif", "EPSG:4326", -32768, -32768.0);
  EXPECT_EQ(message_of([&] { load_terrain({{nod}, std::nullopt}, small_grid()); }),
            nod.string() + ": has no valid elevation under the analysis area (every cell there is nodata)");
  EXPECT_EQ(message_of([&] { check_dem({nod}, {}); }), nod.string() + ": has no valid elevation (every cell is nodata)");
}

TEST(DemInput, CheckTellsWhichPointsLieOnTheDem) {
  test::TempDir tmp;
  const auto tile = write_tile(tmp.path / "tile.tif", "EPSG:4326", 100);
  const DemCheck c = check_dem({tile}, {{30.0, 50.0}, {29.9, 50.4}, {29.8, 50.0}, {30.0, 50.5}});
  EXPECT_EQ(c.covered, (std::vector<bool>{true, true, false, false}));
  EXPECT_NEAR(c.lonlat.west, 29.9, 1e-9);
  EXPECT_NEAR(c.lonlat.north, 50.4, 1e-9);
}

TEST(DemInput, InfoOnAHugeVrtSamplesInsteadOfReadingEveryCell) {
  test::TempDir tmp;
  write_tile(tmp.path / "tile.tif", "EPSG:4326", 100);
  // 10^6 x 10^6 declared cells, 400 of them from the tile.
  const auto vrt = tmp.write("huge.vrt", R"(<VRTDataset rasterXSize="1000000" rasterYSize="1000000">
  <SRS>EPSG:4326</SRS>
  <GeoTransform>29.9, 0.000001, 0, 50.4, 0, -0.000001</GeoTransform>
  <VRTRasterBand dataType="Float32" band="1">
    <NoDataValue>-9999</NoDataValue>
    <SimpleSource>
      <SourceFilename relativeToVRT="1">tile.tif</SourceFilename>
      <SourceBand>1</SourceBand>
      <SrcRect xOff="0" yOff="0" xSize="20" ySize="20"/>
      <DstRect xOff="0" yOff="0" xSize="20" ySize="20"/>
    </SimpleSource>
  </VRTRasterBand>
</VRTDataset>
)");
  const auto t0 = std::chrono::steady_clock::now();
  const RasterInfo i = describe_raster(vrt);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 5.0);
  EXPECT_TRUE(i.approximate);
  EXPECT_LE(i.sampled_cells, std::int64_t{kStatsSampleSide} * kStatsSampleSide);
  EXPECT_EQ(i.width, 1000000);
  EXPECT_NE(format_raster_info(i).find("statistics are estimated"), std::string::npos);
}

}  // namespace
}  // namespace adcov::geo
