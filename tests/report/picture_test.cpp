#include "adcov/report/picture.hpp"

#include <gtest/gtest.h>

#include <gdal_priv.h>

#include <memory>

#include "adcov/error.hpp"
#include "support/support.hpp"

using namespace adcov;

namespace {
struct Closer {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
}  // namespace

TEST(Picture, StartsFilledWithItsBackground) {
  const report::Picture pic(30, 20, {10, 20, 30, 255});
  EXPECT_EQ(pic.width(), 30);
  EXPECT_EQ(pic.height(), 20);
  EXPECT_EQ(pic.pixel(0, 0), (report::Rgba{10, 20, 30, 255}));
  EXPECT_EQ(pic.pixel(29, 19), (report::Rgba{10, 20, 30, 255}));
  EXPECT_THROW(pic.pixel(30, 0), Error);
}

TEST(Picture, WritesAnRgbPngThatGdalReadsBack) {
  test::TempDir tmp;
  const auto file = tmp.path / "p.png";
  report::write_png(file, report::Picture(7, 5, {200, 100, 50, 255}));
  GDALAllRegister();
  std::unique_ptr<GDALDataset, Closer> ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetRasterXSize(), 7);
  EXPECT_EQ(ds->GetRasterYSize(), 5);
  ASSERT_EQ(ds->GetRasterCount(), 3);
  std::uint8_t green = 0;
  ASSERT_EQ(ds->GetRasterBand(2)->RasterIO(GF_Read, 3, 2, 1, 1, &green, 1, 1, GDT_Byte, 0, 0), CE_None);
  EXPECT_EQ(green, 100);
}

TEST(Picture, WritingToAnUnwritablePathIsAnErrorNamingIt) {
  const std::filesystem::path file = "/nonexistent-folder/map.png";
  try {
    report::write_png(file, report::Picture(4, 4, {0, 0, 0, 255}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
}
