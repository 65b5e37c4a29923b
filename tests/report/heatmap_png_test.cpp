#include <gtest/gtest.h>

#include <gdal_priv.h>

#include <cstdlib>
#include <memory>

#include "adcov/report/heatmap_png.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;

namespace {

report::RenderOptions shipped_boundaries() {
  report::RenderOptions opt;
  opt.admin0_geojson = test::source_path("data/boundaries/ukraine_admin0_ne10m_dissolved.geojson");
  opt.admin1_geojson = test::source_path("data/boundaries/ukraine_admin1_oblasts_ne10m.geojson");
  opt.sea_geojson = test::source_path("data/boundaries/blacksea_azov_ocean_ne10m.geojson");
  opt.places_csv = test::source_path("data/places/ukraine_cities_geonames15000.csv");
  return opt;
}

// Where to keep rendered images for a look (ADCOV_KEEP_PNG=folder), else a temp dir.
std::filesystem::path png_path(const test::TempDir& tmp, const std::string& name) {
  if (const char* keep = std::getenv("ADCOV_KEEP_PNG")) return std::filesystem::path(keep) / name;
  return tmp.path / name;
}

struct Closer {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};

}  // namespace

TEST(HeatmapPng, IsAPngOfTheLayoutSizeWithBatteryMarkers) {
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  const auto opt = shipped_boundaries();
  const report::MapLayout layout = report::map_layout(cov, opt);
  // Small grids are upscaled: the 90 x 70 region fills a map of map_px.
  EXPECT_EQ(layout.map_w, opt.map_px);
  EXPECT_EQ(layout.map_h, 747);
  const report::RgbaImage img = report::render_count_map(s, cov, 0, opt);
  EXPECT_EQ(img.width, layout.canvas_w);
  EXPECT_GE(img.height, layout.map_y + layout.map_h);

  for (const auto& b : cov.batteries) {
    const report::Pixel p = report::canvas_pixel(layout, b.pos);
    EXPECT_EQ(report::pixel_at(img, p.x, p.y), report::operator_color(b.group))
        << "battery " << b.battery_index;
  }

  test::TempDir tmp;
  const auto file = png_path(tmp, "coverage_50m.png");
  report::write_png(file, img);
  GDALAllRegister();
  std::unique_ptr<GDALDataset, Closer> ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetDriver()->GetDescription(), "PNG");
  EXPECT_EQ(ds->GetRasterXSize(), img.width);
  EXPECT_EQ(ds->GetRasterYSize(), img.height);
  EXPECT_EQ(ds->GetRasterCount(), 3);
  EXPECT_FALSE(std::filesystem::exists(file.string() + ".aux.xml"));
}

TEST(HeatmapPng, FloorMapRenders) {
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  const auto opt = shipped_boundaries();
  const report::RgbaImage img = report::render_floor_map(s, cov, opt);
  test::TempDir tmp;
  report::write_png(png_path(tmp, "floor.png"), img);
  const report::MapLayout layout = report::map_layout(cov, opt);
  const report::Pixel p = report::canvas_pixel(layout, cov.batteries[1].pos);
  EXPECT_EQ(report::pixel_at(img, p.x, p.y), report::operator_color(cov.batteries[1].group));
}

TEST(HeatmapPng, MissingBoundaryFilesBecomeNotes) {
  report::RenderOptions opt = shipped_boundaries();
  opt.admin1_geojson = "/nonexistent/oblasts.geojson";
  const auto notes = report::check_render_inputs(opt);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("/nonexistent/oblasts.geojson"), std::string::npos);
  EXPECT_FALSE(opt.admin1_geojson.has_value());
  EXPECT_TRUE(opt.admin0_geojson.has_value());
  // Without any vectors the map still renders.
  const auto cov = test::synthetic_coverage();
  const auto img = report::render_count_map(test::synthetic_scenario(), cov, 1, report::RenderOptions{});
  EXPECT_GT(img.width, 0);
}

TEST(HeatmapPng, CountColoursAreDistinctAndSaturateAtFive) {
  for (int a = 0; a <= 5; ++a)
    for (int b = a + 1; b <= 5; ++b) EXPECT_NE(report::count_color(a), report::count_color(b));
  EXPECT_EQ(report::count_color(9), report::count_color(5));
  EXPECT_NE(report::floor_color(0), report::floor_color(1));
}
