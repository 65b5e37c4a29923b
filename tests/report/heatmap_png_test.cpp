#include <gtest/gtest.h>

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <sstream>

#include "adcov/error.hpp"
#include "adcov/coverage/coverage_map.hpp"
#include "adcov/geo/geodesy.hpp"
#include "adcov/report/heatmap_png.hpp"
#include "adcov/report/hillshade.hpp"
#include "adcov/report/map_backdrop.hpp"
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

// A GeoJSON polygon of the grid-CRS rectangle [x0, x1] x [y0, y1] (lon/lat corners).
std::string rectangle_geojson(const geo::GridSpec& grid, double x0, double y0, double x1, double y1) {
  std::ostringstream out;
  out.precision(12);
  out << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[)";
  const geo::XY corners[5] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  for (int k = 0; k < 5; ++k) {
    const geo::LonLat ll = geo::unproject(grid.projection, corners[k]);
    out << (k ? "," : "") << "[" << ll.lon_deg << "," << ll.lat_deg << "]";
  }
  out << "]]}}]}";
  return out.str();
}

// How many pixels of two pictures of one size differ.
int differing_pixels(const report::Picture& a, const report::Picture& b) {
  int n = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) != b.pixel(x, y);
  return n;
}

}  // namespace

TEST(HeatmapPng, IsAPngOfTheLayoutSizeWithBatteryMarkers) {
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  const auto opt = shipped_boundaries();
  const report::MapLayout layout = report::map_layout(cov, opt);
  // Small grids are upscaled: the 90 x 70 region fills a map of map_px.
  EXPECT_EQ(layout.map_w, opt.map_px);
  EXPECT_EQ(layout.map_h, 747);
  const report::Picture img = report::render_count_map(s, cov, 0, opt);
  EXPECT_EQ(img.width(), layout.canvas_w);
  EXPECT_GE(img.height(), layout.map_y + layout.map_h);

  for (const auto& b : cov.batteries) {
    const report::Pixel p = report::canvas_pixel(layout, b.pos);
    EXPECT_EQ(img.pixel(p.x, p.y), report::operator_color(b.group)) << "battery " << b.battery_index;
  }

  test::TempDir tmp;
  const auto file = png_path(tmp, "coverage_50m.png");
  report::write_png(file, img);
  GDALAllRegister();
  std::unique_ptr<GDALDataset, Closer> ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetDriver()->GetDescription(), "PNG");
  EXPECT_EQ(ds->GetRasterXSize(), img.width());
  EXPECT_EQ(ds->GetRasterYSize(), img.height());
  EXPECT_EQ(ds->GetRasterCount(), 3);
  // The decoded PNG holds the drawn pixels: the first battery's marker colour.
  const report::Pixel p = report::canvas_pixel(layout, cov.batteries[0].pos);
  std::uint8_t rgb[3] = {};
  for (int band = 1; band <= 3; ++band)
    ASSERT_EQ(ds->GetRasterBand(band)->RasterIO(GF_Read, p.x, p.y, 1, 1, &rgb[band - 1], 1, 1, GDT_Byte, 0, 0),
              CE_None);
  const report::Rgba marker = report::operator_color(cov.batteries[0].group);
  EXPECT_EQ((report::Rgba{rgb[0], rgb[1], rgb[2], 255}), marker);
}

TEST(HeatmapPng, DataLayerShowsEachCellsClassAndTheSeaTintsOnlyUncoveredCells) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  report::RenderOptions opt;
  // A "sea" over an uncovered cell (-40 km, 30 km) and a cell 5 km from the
  // first battery (-25 km, 0), which one battery covers at 50 m.
  opt.sea_geojson = tmp.write("sea.geojson", rectangle_geojson(cov.grid, -45000, -3000, -22000, 35000));
  const report::MapLayout layout = report::map_layout(cov, opt);
  const report::Picture img = report::render_count_map(test::synthetic_scenario(), cov, 0, opt);
  const report::Pixel covered = report::canvas_pixel(layout, {-25000, 0});
  EXPECT_EQ(img.pixel(covered.x, covered.y), report::count_color(1));
  const report::Pixel sea = report::canvas_pixel(layout, {-40000, 30000});
  const report::Rgba tinted = report::mix(report::kNotCoveredColor, {120, 180, 225, 255}, 110 / 255.0);
  const report::Rgba got = img.pixel(sea.x, sea.y);
  EXPECT_NEAR(got.r, tinted.r, 1);
  EXPECT_NEAR(got.g, tinted.g, 1);
  EXPECT_NEAR(got.b, tinted.b, 1);
  // Outside the sea the uncovered white stays white.
  const report::Pixel land = report::canvas_pixel(layout, {-40000, -30000});
  EXPECT_EQ(img.pixel(land.x, land.y), report::kNotCoveredColor);
}

// GeoJSON in lon/lat is read without OGR (map_vectors.cpp); a GeoJSON in
// another CRS goes through OGR and PROJ. Both draw the same sea.
TEST(HeatmapPng, SeaInLonLatAndInWebMercatorDrawsTheSame) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  report::RenderOptions lonlat, mercator;
  lonlat.sea_geojson = tmp.write("sea.geojson", rectangle_geojson(cov.grid, -45000, -3000, -22000, 35000));
  std::ostringstream out;
  out.precision(17);
  out << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},)"
      << R"("features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[)";
  const geo::XY corners[5] = {{-45000, -3000}, {-22000, -3000}, {-22000, 35000}, {-45000, 35000}, {-45000, -3000}};
  for (int k = 0; k < 5; ++k) {  // spherical Web Mercator of the corners (EPSG:3857)
    const geo::LonLat ll = geo::unproject(cov.grid.projection, corners[k]);
    const double r = 6378137.0, rad = std::acos(-1.0) / 180;
    out << (k ? "," : "") << "[" << r * ll.lon_deg * rad << ","
        << r * std::log(std::tan(std::acos(-1.0) / 4 + ll.lat_deg * rad / 2)) << "]";
  }
  out << "]]}}]}";
  mercator.sea_geojson = tmp.write("sea3857.geojson", out.str());
  const auto s = test::synthetic_scenario();
  const report::Picture a = report::render_count_map(s, cov, 0, lonlat);
  const report::Picture b = report::render_count_map(s, cov, 0, mercator);
  const report::MapLayout layout = report::map_layout(cov, lonlat);
  const report::Pixel sea = report::canvas_pixel(layout, {-40000, 30000});
  EXPECT_NE(a.pixel(sea.x, sea.y), report::kNotCoveredColor);  // the sea is drawn
  EXPECT_EQ(differing_pixels(a, b), 0);
}

// The lon/lat GeoJSON reader (lonlat_geojson.cpp) against OGR on every
// shape it meets: a MultiPolygon with a hole, a polygon inside a
// GeometryCollection, a LineString, points (not drawn), a null geometry,
// bbox members and arrays among the properties. The same file read by OGR
// (as .txt, which the reader leaves to OGR) draws the same pixels.
TEST(HeatmapPng, LonLatGeojsonReaderDrawsWhatOgrReads) {
  const auto cov = test::synthetic_coverage();
  const auto ll = [&](double x_m, double y_m) {
    const geo::LonLat p = geo::unproject(cov.grid.projection, {x_m, y_m});
    std::ostringstream o;
    o.precision(15);
    o << "[" << p.lon_deg << ", " << p.lat_deg << "]";
    return o.str();
  };
  const auto ring = [&](double x0, double y0, double x1, double y1) {
    return "[" + ll(x0, y0) + "," + ll(x1, y0) + "," + ll(x1, y1) + "," + ll(x0, y1) + "," + ll(x0, y0) + "]";
  };
  const geo::LonLat sw = geo::unproject(cov.grid.projection, {-60000, -50000}),
                   ne = geo::unproject(cov.grid.projection, {60000, 50000});
  const std::string bbox = "[" + std::to_string(sw.lon_deg) + ", " + std::to_string(sw.lat_deg) + ", " +
                           std::to_string(ne.lon_deg) + ", " + std::to_string(ne.lat_deg) + "]";
  const std::string text =
      R"({"type": "FeatureCollection", "bbox": )" + bbox + R"(, "features": [)"
      R"({"type": "Feature", "properties": {"tags": [1, 2], "name": "a"}, "bbox": [0, 0, 1, 1], "geometry": )"
      R"({"type": "MultiPolygon", "coordinates": [[)" + ring(-45000, -30000, -20000, 30000) + "," +
      ring(-40000, -5000, -30000, 5000) + "], [" + ring(-10000, 20000, 0, 30000) + R"(]]}},)"
      R"({"type": "Feature", "properties": null, "geometry": {"type": "GeometryCollection", "geometries": [)"
      R"({"type": "Polygon", "coordinates": [)" + ring(10000, -30000, 30000, -10000) + R"(]},)"
      R"({"type": "Point", "coordinates": )" + ll(0, 0) + R"(}]}},)"
      R"({"type": "Feature", "properties": {}, "geometry": {"coordinates": [)" + ll(-40000, 35000) + "," +
      ll(40000, 35000) + R"(], "type": "LineString"}},)"
      R"({"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [)" +
      ll(5000, 5000) + "," + ll(6000, 6000) + R"(]}},)"
      R"({"type": "Feature", "properties": {}, "geometry": null}]})";
  test::TempDir tmp;
  report::RenderOptions ours, ogr;
  ours.sea_geojson = tmp.write("sea.geojson", text);
  ogr.sea_geojson = tmp.write("sea.txt", text);
  const auto s = test::synthetic_scenario();
  const report::Picture a = report::render_count_map(s, cov, 0, ours);
  const report::Picture b = report::render_count_map(s, cov, 0, ogr);
  const report::MapLayout layout = report::map_layout(cov, ours);
  const report::Pixel in_collection = report::canvas_pixel(layout, {20000, -20000});
  const report::Pixel in_hole = report::canvas_pixel(layout, {-35000, 0});
  EXPECT_NE(a.pixel(in_collection.x, in_collection.y), report::kNotCoveredColor);  // tinted sea
  EXPECT_NE(a.pixel(in_hole.x, in_hole.y), a.pixel(in_collection.x, in_collection.y));
  EXPECT_EQ(differing_pixels(a, b), 0);
}

TEST(HeatmapPng, AShippedLayerWhoseBboxMissesTheMapIsNotRead) {
  // The sea's bbox lies west of the map: what follows it is never parsed
  // (here it would not parse, and OGR would not open the file either).
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  test::TempDir tmp;
  report::RenderOptions far;
  far.sea_geojson = tmp.write("sea.geojson", R"({"type": "FeatureCollection", "bbox": [1, 2, 3, 4], "features": [ {)");
  EXPECT_EQ(differing_pixels(report::render_count_map(s, cov, 0, far), report::render_count_map(s, cov, 0, {})), 0);
  // Across the map, the same text is read, and fails as a broken file does.
  report::RenderOptions near = far;
  near.sea_geojson =
      tmp.write("sea2.geojson", R"({"type": "FeatureCollection", "bbox": [1, 2, 60, 70], "features": [ {)");
  EXPECT_THROW((void)report::render_count_map(s, cov, 0, near), Error);
}

TEST(HeatmapPng, FloorMapRenders) {
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  const auto opt = shipped_boundaries();
  const report::Picture img = report::render_floor_map(s, cov, opt);
  test::TempDir tmp;
  report::write_png(png_path(tmp, "floor.png"), img);
  const report::MapLayout layout = report::map_layout(cov, opt);
  const report::Pixel p = report::canvas_pixel(layout, cov.batteries[1].pos);
  EXPECT_EQ(img.pixel(p.x, p.y), report::operator_color(cov.batteries[1].group));
  // Never covered: white; covered: a colour of the ramp, not white.
  const report::Pixel never = report::canvas_pixel(layout, {-40000, -30000});
  EXPECT_EQ(img.pixel(never.x, never.y), report::kNotCoveredColor);
  const report::Pixel near = report::canvas_pixel(layout, {-25000, 0});
  EXPECT_NE(img.pixel(near.x, near.y), report::kNotCoveredColor);
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
  EXPECT_GT(img.width(), 0);
}

TEST(HeatmapPng, UnreadableVectorFileIsAnErrorNamingIt) {
  test::TempDir tmp;
  report::RenderOptions opt;
  opt.admin0_geojson = tmp.write("border.geojson", "not geojson at all");
  try {
    report::render_count_map(test::synthetic_scenario(), test::synthetic_coverage(), 0, opt);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("border.geojson"), std::string::npos) << e.what();
  }
}

TEST(HeatmapPng, CountColoursAreDistinctAndSaturateAtFive) {
  for (int a = 0; a <= 5; ++a)
    for (int b = a + 1; b <= 5; ++b) EXPECT_NE(report::count_color(a), report::count_color(b));
  EXPECT_EQ(report::count_color(9), report::count_color(5));
  EXPECT_NE(report::floor_color(0), report::floor_color(1));
}

TEST(HeatmapPng, NotCoveredStandsALightnessStepAboveOneBattery) {
  // Told apart in greyscale and by protanopes: lightness, not hue, carries it.
  EXPECT_GE(report::cie_lightness(report::kNotCoveredColor) - report::cie_lightness(report::count_color(1)), 15);
  for (int c = 1; c < 5; ++c)  // a sequential ramp: darker with every battery
    EXPECT_GT(report::cie_lightness(report::count_color(c)), report::cie_lightness(report::count_color(c + 1)) + 5);
  EXPECT_NEAR(report::cie_lightness({255, 255, 255, 255}), 100, 1e-6);
  EXPECT_NEAR(report::cie_lightness({119, 119, 119, 255}), 50, 0.5);
}

TEST(HeatmapPng, FloorPaletteIsMonotoneInLightness) {
  // One-directional (low floor is good): lightness rises with the floor, and
  // the highest floor stays a clear step below "never covered".
  double last = -1;
  for (int k = 0; k <= 100; ++k) {
    const double l = report::cie_lightness(report::floor_color(k / 100.0));
    EXPECT_GT(l, last) << "t = " << k / 100.0;
    last = l;
  }
  EXPECT_GE(report::cie_lightness(report::kNotCoveredColor) - last, 15);
}

namespace {

// Dark crimson of the threat picture (kThreatLine, drawn at 90 % over light cells).
bool crimson(report::Rgba c) {
  return c.r > 120 && c.g < 70 && c.b < 90;
}

int count_pixels(const report::Picture& img, int x0, int y0, int x1, int y1, bool (*match)(report::Rgba)) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height(), y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width(), x1); ++x) n += match(img.pixel(x, y));
  return n;
}

}  // namespace

TEST(HeatmapPng, ThreatPictureDrawsLaunchAreaRouteAndNamedTarget) {
  const auto cov = test::synthetic_coverage();
  const report::RenderOptions opt;
  const report::MapLayout layout = report::map_layout(cov, opt);
  model::Scenario s = test::synthetic_scenario();
  model::Salvo v;
  v.id = "wave";
  v.threat = "shahed136";
  v.count = 10;
  v.launch_area = model::LaunchArea{geo::unproject(cov.grid.projection, {-35000, -20000}), 6};
  v.route = {geo::unproject(cov.grid.projection, {-10000, -20000})};
  v.targets = {{geo::unproject(cov.grid.projection, {10000, 20000}), 1, "Depot"}};
  s.salvos.push_back(v);
  const report::Picture plain = report::render_count_map(test::synthetic_scenario(), cov, 0, opt);
  const report::Picture img = report::render_count_map(s, cov, 0, opt);
  test::TempDir tmp;
  report::write_png(png_path(tmp, "threat_picture.png"), img);

  // The target: its centre dot, then its name in the target colour right of it.
  const report::Pixel t = report::canvas_pixel(layout, {10000, 20000});
  EXPECT_TRUE(crimson(img.pixel(t.x, t.y)));
  EXPECT_FALSE(crimson(plain.pixel(t.x, t.y)));
  EXPECT_GT(count_pixels(img, t.x + 9, t.y - 9, t.x + 60, t.y + 9, crimson), 20);
  EXPECT_EQ(count_pixels(plain, t.x + 9, t.y - 9, t.x + 60, t.y + 9, crimson), 0);
  // The launch area: its outline 6 km east of the centre; the route half way
  // along its first leg.
  for (geo::XY p : {geo::XY{-29000, -20000}, geo::XY{-22000, -20000}}) {
    const report::Pixel q = report::canvas_pixel(layout, p);
    EXPECT_GT(count_pixels(img, q.x - 2, q.y - 2, q.x + 3, q.y + 3, crimson), 0) << p.x_m;
    EXPECT_EQ(count_pixels(plain, q.x - 2, q.y - 2, q.x + 3, q.y + 3, crimson), 0) << p.x_m;
  }
  // Inside the launch area a sparse hatch: some pixels change, most keep the cells' colour.
  const report::Pixel in = report::canvas_pixel(layout, {-37000, -22000});
  int changed = 0;
  for (int y = in.y - 5; y <= in.y + 5; ++y)
    for (int x = in.x - 5; x <= in.x + 5; ++x) changed += !(img.pixel(x, y) == plain.pixel(x, y));
  EXPECT_GT(changed, 10);
  EXPECT_LT(changed, 121 / 2);
}

TEST(HeatmapPng, BatteriesAreLabelledAndTheNorthArrowDrawn) {
  const auto cov = test::synthetic_coverage();
  const report::RenderOptions opt;
  const report::MapLayout layout = report::map_layout(cov, opt);
  const report::Picture img = report::render_count_map(test::synthetic_scenario(), cov, 0, opt);
  // "kyiv-1 · iris_t_slm" right of its marker: dark text over the pink cells.
  const report::Pixel b = report::canvas_pixel(layout, cov.batteries[0].pos);
  auto dark = [](report::Rgba c) { return c.r + c.g + c.b < 200; };
  EXPECT_GT(count_pixels(img, b.x + 8, b.y - 8, b.x + 100, b.y + 8, dark), 30);
  // The second battery is not in the scenario's list: no label, only its marker.
  const report::Pixel c = report::canvas_pixel(layout, cov.batteries[1].pos);
  EXPECT_EQ(count_pixels(img, c.x + 10, c.y - 8, c.x + 100, c.y + 8, dark), 0);
  EXPECT_GT(count_pixels(img, layout.map_x + layout.map_w - 40, layout.map_y + 30, layout.map_x + layout.map_w - 16,
                         layout.map_y + 60, dark),
            50);
}

TEST(HeatmapPng, EwZoneIsDrawnOnItsTrueCircleAndLeavesTheRestAlone) {
  const auto cov = test::synthetic_coverage();
  const report::RenderOptions opt;
  const report::MapLayout layout = report::map_layout(cov, opt);
  model::Scenario plain = test::synthetic_scenario();
  model::Scenario jammed = plain;
  model::EwZone z;
  z.id = "zone";
  z.center = geo::unproject(cov.grid.projection, {10000, 10000});
  z.radius_km = 15;
  z.strength = 0.8;
  jammed.ew.push_back(z);
  const report::Picture a = report::render_count_map(plain, cov, 0, opt);
  const report::Picture b = report::render_count_map(jammed, cov, 0, opt);
  ASSERT_EQ(a.width(), b.width());
  // Points 15 km from the centre on the sphere (the zone's true circle),
  // projected: most of them (the outline's dashes have gaps) change colour clearly.
  std::vector<geo::XY> ring;
  for (int k = 0; k < 72; ++k)
    ring.push_back(geo::project(cov.grid.projection, geo::destination(z.center, 5.0 * k, 15000)));
  int changed = 0;
  for (const geo::XY& p : ring) {
    const report::Pixel px = report::canvas_pixel(layout, p);
    const report::Rgba ca = a.pixel(px.x, px.y), cb = b.pixel(px.x, px.y);
    if (std::abs(ca.r - cb.r) + std::abs(ca.g - cb.g) + std::abs(ca.b - cb.b) > 60) ++changed;
  }
  EXPECT_GT(changed, static_cast<int>(ring.size()) / 3);
  // Inside, the coverage colour stays close (a faint wash); far outside, untouched.
  const report::Pixel in = report::canvas_pixel(layout, {10000, 12000});
  const report::Rgba ia = a.pixel(in.x, in.y), ib = b.pixel(in.x, in.y);
  EXPECT_LE(std::abs(ia.r - ib.r) + std::abs(ia.g - ib.g) + std::abs(ia.b - ib.b), 150);
  const report::Pixel out = report::canvas_pixel(layout, {-40000, -30000});
  EXPECT_EQ(a.pixel(out.x, out.y), b.pixel(out.x, out.y));
}

TEST(HeatmapPng, LeakersAreCirclesAtTheirTargetOnlyWhenGiven) {
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  report::RenderOptions opt;
  const report::Picture without = report::render_count_map(s, cov, 0, opt);
  opt.leakers = {{{30.52, 50.45}, 18.8}};
  const report::Picture with = report::render_count_map(s, cov, 0, opt);
  const report::MapLayout L = report::map_layout(cov, opt);
  const report::Pixel p = report::canvas_pixel(L, geo::project(cov.grid.projection, {30.52, 50.45}));
  EXPECT_NE(with.pixel(p.x + 15, p.y), without.pixel(p.x + 15, p.y));
  EXPECT_EQ(with.pixel(p.x + 60, p.y), without.pixel(p.x + 60, p.y));  // beyond the largest circle
}

// Terrain on `grid` with heights height_m(col, row).
template <class F>
geo::TerrainGrid terrain_of(const geo::GridSpec& grid, F height_m) {
  geo::TerrainGrid t;
  t.grid = grid;
  t.ground_m.assign(t.grid.cells(), 0.0f);
  for (int row = 0; row < t.grid.height; ++row)
    for (int col = 0; col < t.grid.width; ++col)
      t.ground_m[static_cast<std::size_t>(row) * t.grid.width + col] = static_cast<float>(height_m(col, row));
  return t;
}

TEST(HeatmapPng, HillshadeDarkensTheLeeSideOfARidgeOnly) {
  const auto cov = test::synthetic_coverage();
  // A north-south ridge at column 50: lit from the west, its east slope is the lee.
  const geo::TerrainGrid t =
      terrain_of(cov.grid, [](int col, int) { return std::max(0.0, 300.0 - 60.0 * std::abs(col - 50)); });
  const std::vector<float> shade = report::hillshade(t, cov.grid);
  const auto at = [&](int col) { return shade[static_cast<std::size_t>(40) * cov.grid.width + col]; };
  EXPECT_FLOAT_EQ(at(10), 1.0f);  // flat ground
  EXPECT_FLOAT_EQ(at(47), 1.0f);  // the west slope faces the light
  EXPECT_LT(at(53), 0.9f);
  EXPECT_GE(at(53), 1.0f - report::kHillshadeDarkening - 1e-6);

  const auto s = test::synthetic_scenario();
  report::RenderOptions opt;
  const report::Picture plain = report::render_count_map(s, cov, 0, opt);
  opt.terrain = &t;
  const report::Picture shaded = report::render_count_map(s, cov, 0, opt);
  const report::MapLayout L = report::map_layout(cov, opt);
  const report::Pixel lee = report::canvas_pixel(L, cov.grid.cell_center(53, 40));
  const report::Pixel flat = report::canvas_pixel(L, cov.grid.cell_center(10, 40));
  EXPECT_LT(shaded.pixel(lee.x, lee.y).g, plain.pixel(lee.x, lee.y).g);
  EXPECT_EQ(shaded.pixel(flat.x, flat.y), plain.pixel(flat.x, flat.y));
}

// Issue 14: `adcov coverage` takes the maps' hillshade before the writing and
// frees the terrain (0.54 GB at 100 m over Ukraine); the maps must not change.
// A hillshade taken at other points is not used.
TEST(HeatmapPng, HillshadeTakenBeforehandDrawsTheSameMaps) {
  const auto cov = test::synthetic_coverage();
  const geo::TerrainGrid t = terrain_of(cov.grid, [](int col, int row) {
    return std::max(0.0, 300.0 - 7.0 * std::abs(col - 50) - 3.0 * std::abs(row - 40));
  });
  const auto differ = [](const report::Picture& a, const report::Picture& b) {
    if (a.width() != b.width() || a.height() != b.height()) return -1;
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
      for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) != b.pixel(x, y);
    return n;
  };
  const auto s = test::synthetic_scenario();
  report::RenderOptions with_terrain;
  with_terrain.terrain = &t;
  report::RenderOptions with_relief;
  with_relief.relief = std::make_shared<const report::MapRelief>(report::map_relief(cov, with_terrain, t));
  const report::Picture shaded = report::render_count_map(s, cov, 0, with_terrain);
  EXPECT_EQ(differ(shaded, report::render_count_map(s, cov, 0, with_relief)), 0);
  EXPECT_GT(differ(shaded, report::render_count_map(s, cov, 0, {})), 0);  // the relief shows

  report::MapRelief elsewhere = *with_relief.relief;  // taken at another grid's points: not used
  elsewhere.at.x0_m += elsewhere.at.cell_m;
  with_relief.relief = std::make_shared<const report::MapRelief>(elsewhere);
  EXPECT_EQ(differ(report::render_count_map(s, cov, 0, with_relief), report::render_count_map(s, cov, 0, {})), 0);
}

// The borders, sea and cities read once for every map of a run (the run
// layer reads them while the terrain loads) draw the same map as the map
// reading its own; read for another grid's projection they are not used.
TEST(HeatmapPng, BackdropReadBeforehandDrawsTheSameMaps) {
  auto s = test::synthetic_scenario();
  s.region.bbox = {30.0, 50.2, 31.0, 50.7};
  auto cov = test::synthetic_coverage();
  cov.grid.projection = coverage::scenario_projection(s);  // the grid of the scenario's region
  const auto differ = [](const report::Picture& a, const report::Picture& b) {
    return a.width() != b.width() || a.height() != b.height() ? -1 : differing_pixels(a, b);
  };
  const report::RenderOptions own = shipped_boundaries();
  const report::Picture map = report::render_count_map(s, cov, 0, own);
  report::RenderOptions opt = own;
  opt.backdrop = report::read_map_backdrop(s, own);
  EXPECT_EQ(differ(map, report::render_count_map(s, cov, 0, opt)), 0);
  EXPECT_NE(differ(map, report::render_count_map(s, cov, 0, {})), 0);  // the borders show

  report::RenderOptions no_oblasts = own;  // the map draws the backdrop's layers, not its own files
  no_oblasts.admin1_geojson.reset();
  opt.backdrop = report::read_map_backdrop(s, no_oblasts);
  EXPECT_NE(differ(map, report::render_count_map(s, cov, 0, opt)), 0);

  model::Scenario east = s;  // another region: another projection
  east.region.bbox.west += 1, east.region.bbox.east += 1;
  opt.backdrop = report::read_map_backdrop(east, no_oblasts);
  EXPECT_EQ(differ(map, report::render_count_map(s, cov, 0, opt)), 0);
}

TEST(HeatmapPng, LegendHasNoSeaEntryWhenNoSeaIsOnTheMap) {
  // The shipped Black Sea lies far south of the synthetic Kyiv map: with it or
  // without it, the page is the same (no tint, no "Sea" legend line).
  const auto cov = test::synthetic_coverage();
  const auto s = test::synthetic_scenario();
  report::RenderOptions opt;
  const report::Picture without = report::render_count_map(s, cov, 0, opt);
  opt.sea_geojson = test::source_path("data/boundaries/blacksea_azov_ocean_ne10m.geojson");
  const report::Picture far_sea = report::render_count_map(s, cov, 0, opt);
  ASSERT_EQ(far_sea.height(), without.height());
  int differ = 0;
  for (int y = 0; y < without.height(); ++y)
    for (int x = 0; x < without.width(); ++x) differ += far_sea.pixel(x, y) != without.pixel(x, y);
  EXPECT_EQ(differ, 0);
}
