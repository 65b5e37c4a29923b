#include "adcov/report/chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace adcov;

namespace {

const report::Rgba kWhite{255, 255, 255, 255};

report::PlotArea area() {
  report::PlotArea a{100, 50, 400, 200, {}, {}};
  a.x = {"x", 0, 10, {{0, "0"}, {5, "5"}, {10, "10"}}};
  a.y = {"rate", 0.5, 1.0, {{0.5, "50 %"}, {0.75, "75 %"}, {1.0, "100 %"}}};
  return a;
}

struct Px {
  int x, y;
};

// The picture pixel holding a value.
Px at(const report::PlotArea& a, double x, double y) {
  return {static_cast<int>(std::floor(report::plot_x(a, x))), static_cast<int>(std::floor(report::plot_y(a, y)))};
}

}  // namespace

TEST(Chart, MapsValuesOntoThePlotArea) {
  const report::PlotArea a = area();
  EXPECT_DOUBLE_EQ(report::plot_x(a, 0), 100);
  EXPECT_DOUBLE_EQ(report::plot_x(a, 10), 500);
  EXPECT_DOUBLE_EQ(report::plot_y(a, 1.0), 50);   // top
  EXPECT_DOUBLE_EQ(report::plot_y(a, 0.5), 250);  // bottom
}

TEST(Chart, LinePassesThroughItsValuesAndTheBandShadesBetweenItsBounds) {
  const report::PlotArea a = area();
  report::Picture pic(600, 320, kWhite);
  report::draw_axes(pic, a);
  const report::Rgba red{200, 0, 0, 255};
  const std::vector<report::ChartPoint> rate = {{0, 0.6}, {4, 0.6}, {10, 0.9}};
  const std::vector<report::ChartPoint> hi = {{0, 0.65}, {4, 0.65}, {10, 0.95}};
  const std::vector<report::ChartPoint> lo = {{0, 0.55}, {4, 0.55}, {10, 0.85}};
  report::draw_band(pic, a, hi, lo, {0, 0, 200, 60});
  report::draw_line(pic, a, rate, red);

  const Px on_flat = at(a, 2, 0.6);
  EXPECT_EQ(pic.pixel(on_flat.x, on_flat.y), red);
  // Halfway along the rising segment: (7, 0.75).
  const report::Rgba mid = pic.pixel(at(a, 7, 0.75).x, at(a, 7, 0.75).y);
  EXPECT_GT(mid.r, 150);
  EXPECT_LT(mid.g, 60);
  // Inside the band but off the line: a light blue shade, not white.
  const report::Rgba band = pic.pixel(at(a, 2, 0.63).x, at(a, 2, 0.63).y);
  EXPECT_GT(band.b, band.r);
  EXPECT_NE(band, kWhite);
  // Above the band: the plot's white background.
  EXPECT_EQ(pic.pixel(at(a, 2, 0.72).x, at(a, 2, 0.72).y), kWhite);
}

TEST(Chart, LegendDrawsASampleInTheSeriesColour) {
  report::Picture pic(300, 100, kWhite);
  const std::vector<report::LegendEntry> entries = {{"first", report::series_color(0)},
                                                    {"second", report::series_color(1)}};
  report::draw_legend(pic, 10, 10, 200, "", entries);
  bool found = false;
  for (int y = 10; y < 40 && !found; ++y) found = pic.pixel(20, y) == report::series_color(0);
  EXPECT_TRUE(found);
  EXPECT_NE(report::series_color(0), report::series_color(1));
  EXPECT_EQ(report::series_color(8), report::series_color(0));
}

// The bar primitives of tornado.png and uncertainty_fan.png: a bar covers
// its span only, a whisker marks its ends, and a category axis draws no grid.
TEST(Chart, BarsIntervalsAndDotsCoverTheirValuesOnly) {
  report::PlotArea a = area();
  a.y = {"", -0.5, 1.5, {{0, "first"}, {1, "second"}}, false};
  report::Picture pic(600, 320, kWhite);
  report::draw_axes(pic, a);
  EXPECT_EQ(pic.pixel(at(a, 8, 1).x, at(a, 8, 1).y), kWhite);  // no grid line through a category
  const report::Rgba blue{0, 0, 200, 255}, red{200, 0, 0, 255};
  report::draw_hbar(pic, a, 1, 0, 4, 20, blue);
  EXPECT_EQ(pic.pixel(at(a, 2, 1).x, at(a, 2, 1).y), blue);
  EXPECT_EQ(pic.pixel(at(a, 2, 1).x, at(a, 2, 1).y - 8), blue);   // 20 px thick
  EXPECT_EQ(pic.pixel(at(a, 2, 1).x, at(a, 2, 1).y - 14), kWhite);
  EXPECT_EQ(pic.pixel(at(a, 4.5, 1).x, at(a, 4.5, 1).y), kWhite);     // past its end
  report::draw_hinterval(pic, a, 0, 3, 7, 10, red);
  const report::Rgba mid = pic.pixel(at(a, 5, 0).x, at(a, 5, 0).y);
  EXPECT_GT(mid.r, 150);
  EXPECT_EQ(pic.pixel(at(a, 8, 0).x, at(a, 8, 0).y), kWhite);
  const std::vector<report::ChartPoint> dots = {{9, 0.25}};
  report::draw_dots(pic, a, dots, 4, red);
  EXPECT_EQ(pic.pixel(at(a, 9, 0.25).x, at(a, 9, 0.25).y), red);
  EXPECT_GT(report::tick_label_width_px(pic, "systems[patriot_pac3].pk.ballistic"),
            report::tick_label_width_px(pic, "pk"));
}
