// Odd geotransforms found by tests/fuzz/dem_fuzz.cpp. Rasters that lie off
// the Earth are refused up front: PROJ never returned from transforming their
// corners (an 8x8 GeoTIFF in EPSG:3857 with 1.35e40 m pixels: `adcov info`,
// validate and run hung in dem_footprint). Pixels far smaller than a grid cell
// (1e-16 degrees) overflowed int in the window under the grid (UBSan: "2e+12
// is outside the range of representable values of type 'int'"; run these
// under scripts/test-sanitize.sh).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/raster_info.hpp"
#include "adcov/geo/terrain.hpp"
#include "support/support.hpp"

namespace adcov::geo {
namespace {

std::filesystem::path write_dem(const test::TempDir& dir, const char* crs, double x0, double y0, double pixel,
                                double pixel_y = 39.7) {
  const std::filesystem::path file = dir.path / "dem.tif";
  gdal::Dataset ds(gdal::driver("GTiff").Create(file.c_str(), 8, 8, 1, GDT_Int16, nullptr));
  double gt[6] = {x0, pixel, 0, y0, 0, -pixel_y};
  ds->SetGeoTransform(gt);
  ds->SetProjection(gdal::wkt(gdal::srs(crs)).c_str());
  std::vector<std::int16_t> z(64, 100);
  EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 8, 8, z.data(), 8, 8, GDT_Int16, 0, 0), CE_None);
  return file;
}

/// The message of the InputError that `f` throws, failing (and ending the
/// process, since the hung thread cannot be stopped) when it takes over 60 s.
std::string input_error_of(const std::function<void()>& f) {
  auto done = std::async(std::launch::async, [&]() -> std::string {
    try {
      f();
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no InputError)";
  });
  if (done.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    ADD_FAILURE() << "still running after 60 s";
    std::_Exit(1);
  }
  return done.get();
}

TEST(RasterExtent, HugePixelsInAProjectedCrsAreRefusedNotHung) {
  test::TempDir dir;
  const auto dem = write_dem(dir, "EPSG:3857", 2773165.5, 6105237.8, 1.35e40);
  for (const auto& msg : {input_error_of([&] { describe_raster(dem); }),
                          input_error_of([&] { dem_footprint({dem}, Laea{{25, 48}}); }),
                          input_error_of([&] {
                            load_terrain({{dem}, {}}, make_grid_xy(Laea{{25, 48}}, 0, 0, 4000, 4000, 1000));
                          })}) {
    EXPECT_NE(msg.find("dem.tif: raster extent reaches 1.08e+41 m"), std::string::npos) << msg;
    EXPECT_NE(msg.find("off the Earth"), std::string::npos) << msg;
  }
}

TEST(RasterExtent, GeographicRasterOffTheEarthIsRefused) {
  test::TempDir dir;
  const auto dem = write_dem(dir, "EPSG:4326", 20, 1e20, 0.01);
  const std::string msg = input_error_of([&] { describe_raster(dem); });
  EXPECT_NE(msg.find("off the Earth"), std::string::npos) << msg;
}

TEST(DemWindow, PixelsFarSmallerThanACellAreReadWithoutOverflow) {
  test::TempDir dir;
  const auto dem = write_dem(dir, "EPSG:4326", 25, 48, 1e-14, 1e-14);
  const Laea p{{25, 48}};
  TerrainOptions outside;
  outside.allow_outside = true;
  // The 2 x 2 grid of 1 km cells has no cell centre on the 1e-13-degree DEM:
  // a clean InputError either way (and no overflow on the way, under UBSan).
  for (const TerrainOptions& opt : {TerrainOptions{}, outside}) {
    try {
      load_terrain({{dem}, {}}, make_grid_xy(p, -500, -500, 500, 500, 1000), opt);
      ADD_FAILURE() << "no InputError";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("extends outside the DEM"), std::string::npos) << e.what();
    }
  }
}

// A GeoTIFF whose geographic key is EPSG:4342 (EST97, a geocentric CRS) made
// PROJ 9.1 dereference null creating the transformation to lon/lat:
// `adcov info` and run crashed (SEGV), as gdalinfo does.
constexpr const char* kGeographicNamedGeocentric =
    R"wkt(GEOGCS["EST97 (geocentric)",DATUM["Estonia_1997",SPHEROID["GRS 1980",6378137,298.257223324577]],)wkt"
    R"wkt(PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4342"]])wkt";

TEST(RasterCrs, GeographicCrsNamingAGeocentricEpsgCodeIsRefusedNotCrashed) {
  try {
    gdal::srs(kGeographicNamedGeocentric);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("names EPSG:4342"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(gdal::srs(gdal::wkt(gdal::srs("EPSG:4326"))));
  EXPECT_NO_THROW(gdal::srs(gdal::wkt(gdal::srs("EPSG:3857"))));
}

TEST(RasterExtent, RealDemsPass) {
  EXPECT_NO_THROW(describe_raster(test::source_path("data/dem/etopo5_ukraine_10E-50E_38N-60N.tif")));
  EXPECT_NO_THROW(describe_raster(
      test::source_path("data/dem/bilyi_cheremosh_carpathians_ua/bilyi_cheremosh_srtm_dem_cog_epsg3857.tif")));
}

}  // namespace
}  // namespace adcov::geo
