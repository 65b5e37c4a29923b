// Terrain from real DEM files: voids, mosaics, bathymetry, coverage errors.
#include "adcov/geo/terrain.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/polygon_mask.hpp"
#include "adcov/geo/raster_info.hpp"
#include "support/support.hpp"

namespace adcov::geo {
namespace {

std::filesystem::path srtm(const char* name) {
  return test::source_path(std::string("data/dem/srtm3_fixture_greece_not_ukraine/") + name);
}
std::filesystem::path etopo() { return test::source_path("data/dem/etopo5_ukraine_10E-50E_38N-60N.tif"); }

GridSpec square(LonLat centre, double half_m, double cell_m) {
  return make_grid_xy(Laea{centre}, -half_m, -half_m, half_m, half_m, cell_m);
}

TEST(Terrain, HgtVoidsAreFilledAndCounted) {
  const RasterInfo info = describe_raster(srtm("N40E021.hgt"));
  ASSERT_GT(info.void_count, 0);  // the fixture has voids (-32768)
  const TerrainGrid t = load_terrain({{srtm("N40E021.hgt")}, std::nullopt}, square({21.5, 40.5}, 35000, 90));
  // Voids touching the tile's outer edge count as outside the DEM, so at most all of them.
  EXPECT_GT(t.voids_filled, 0);
  EXPECT_LE(t.voids_filled, info.void_count);
  for (float z : t.ground_m) {
    ASSERT_TRUE(std::isfinite(z));
    ASSERT_GE(z, info.min - 1);  // filled from neighbours: inside the valid range
    ASSERT_LE(z, info.max + 1);
  }
}

TEST(Terrain, MosaicIsSeamlessAcrossTiles) {
  const TerrainGrid t =
      load_terrain({{srtm("N40E021.hgt"), srtm("N40E022.hgt")}, std::nullopt}, square({22.0, 40.5}, 10000, 90));
  EXPECT_TRUE(std::all_of(t.ground_m.begin(), t.ground_m.end(), [](float z) { return std::isfinite(z); }));
  // Steps across the seam column are like steps elsewhere: no gap, no offset.
  const int seam = static_cast<int>(t.grid.col_of(project(t.grid.projection, {22.0, 40.5}).x_m));
  double across = 0, beside = 0;
  for (int r = 0; r < t.grid.height; ++r) {
    across += std::abs(t.at(seam + 1, r) - t.at(seam, r));
    beside += std::abs(t.at(seam - 20, r) - t.at(seam - 21, r));
  }
  EXPECT_LT(across, 3 * beside);
}

/// A Float32 lon/lat tile of 0.01-degree pixels from (west, south), 50 x 50
/// pixels of `height`, nodata -32768 at the pixels listed in `voids`.
std::filesystem::path write_flat_tile(const std::filesystem::path& path, double west, double south, float height,
                                      const std::vector<std::pair<int, int>>& voids = {}) {
  GDALAllRegister();
  constexpr int kN = 50;
  GDALDataset* ds =
      GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), kN, kN, 1, GDT_Float32, nullptr);
  double gt[6] = {west, 0.01, 0, south + 0.5, 0, -0.01};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.SetFromUserInput("EPSG:4326");
  ds->SetSpatialRef(&srs);
  ds->GetRasterBand(1)->SetNoDataValue(-32768);
  std::vector<float> z(kN * kN, height);
  for (const auto& [col, row] : voids) z[static_cast<std::size_t>(row) * kN + col] = -32768;
  EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kN, kN, z.data(), kN, kN, GDT_Float32, 0, 0), CE_None);
  GDALClose(ds);
  return path;
}

// Two tiles with a gap of half a degree between them: the gap is outside the
// DEM (never filled from the tiles as a void would be), a void inside a tile
// is filled from its neighbours, and a mosaic without voids loads the same.
TEST(Terrain, MosaicGapIsOutsideTheDemAndAVoidIsFilled) {
  test::TempDir tmp;
  const GridSpec g = square({21.75, 40.25}, 55000, 1000);  // 21.10-22.40 E: over both tiles and the gap
  const auto height_at = [&](const TerrainGrid& t, double lon) {
    const XY p = project(g.projection, {lon, 40.25});
    const int col = static_cast<int>(t.grid.col_of(p.x_m)), row = static_cast<int>(t.grid.row_of(p.y_m));
    if (col < 0 || row < 0 || col >= t.grid.width || row >= t.grid.height) return NAN;  // off the grid
    return t.at(col, row);
  };
  for (const bool with_void : {true, false}) {
    const std::vector<std::pair<int, int>> voids = with_void ? std::vector<std::pair<int, int>>{{25, 25}}
                                                             : std::vector<std::pair<int, int>>{};
    const auto a = write_flat_tile(tmp.path / "a.tif", 21.0, 40.0, 100, voids);
    const auto c = write_flat_tile(tmp.path / "c.tif", 22.0, 40.0, 300);
    const TerrainGrid t = load_terrain({{a, c}, std::nullopt}, g, {.allow_outside = true});
    EXPECT_EQ(t.voids_filled, with_void ? 1 : 0);
    EXPECT_GT(t.outside_dem_cells, 0);  // the gap, and beyond the tiles
    EXPECT_FLOAT_EQ(height_at(t, 21.255), 100.0f);  // the void's cell: its neighbours' mean
    EXPECT_FLOAT_EQ(height_at(t, 21.15), 100.0f);
    EXPECT_FLOAT_EQ(height_at(t, 22.25), 300.0f);
    // The gap's middle is flagged outside (and its height made up from the
    // nearest cells on the grid, never read from the tiles).
    const XY mid = project(g.projection, {21.75, 40.25});
    const std::size_t i = static_cast<std::size_t>(t.grid.row_of(mid.y_m)) * t.grid.width +
                          static_cast<std::size_t>(t.grid.col_of(mid.x_m));
    ASSERT_EQ(t.outside_dem.size(), t.grid.cells());
    EXPECT_TRUE(t.outside_dem[i]) << with_void;
  }
}

// adcov's lon/lat are WGS84's (docs/model.md). A DEM on another datum, here
// Pulkovo 1942 (EPSG:4284, the datum of Soviet-era SK-42 maps), lies about
// 120 m east of where its own lon/lat would put it in WGS84 at 30 E, 50 N:
// a step at Pulkovo 30.0 E stands at WGS84 29.99829 E (PROJ's
// EPSG:4326 -> 4284). The grid must sample it there, not at WGS84 30.0 E.
TEST(Terrain, ADemOnAnotherDatumIsSampledWhereItLiesInWgs84) {
  test::TempDir tmp;
  GDALAllRegister();
  const auto path = tmp.path / "pulkovo.tif";
  {
    constexpr int kW = 1000, kH = 400;  // 29.5..30.5 E, 49.8..50.2 N, 0.001-degree pixels
    GDALDataset* ds =
        GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), kW, kH, 1, GDT_Float32, nullptr);
    double gt[6] = {29.5, 0.001, 0, 50.2, 0, -0.001};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.SetFromUserInput("EPSG:4284");
    ds->SetSpatialRef(&srs);
    std::vector<float> z(kW * kH);
    for (int r = 0; r < kH; ++r)
      for (int c = 0; c < kW; ++c) z[static_cast<std::size_t>(r) * kW + c] = c < 500 ? 100.0f : 300.0f;
    EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kW, kH, z.data(), kW, kH, GDT_Float32, 0, 0), CE_None);
    GDALClose(ds);
  }
  const GridSpec g = square({30.0, 50.0}, 3000, 10);
  const TerrainGrid t = load_terrain({{path}, std::nullopt}, g);
  const auto height_at = [&](double lon) {
    const XY p = project(g.projection, {lon, 50.0});
    return t.at(static_cast<int>(g.col_of(p.x_m)), static_cast<int>(g.row_of(p.y_m)));
  };
  EXPECT_FLOAT_EQ(height_at(29.9970), 100.0f);  // Pulkovo 29.9987 E: west of the step
  EXPECT_FLOAT_EQ(height_at(29.9995), 300.0f);  // Pulkovo 30.0012 E: east of it
  EXPECT_FLOAT_EQ(height_at(30.0010), 300.0f);
}

TEST(Terrain, SeaIsAtZeroAndCounted) {
  // The middle of the Black Sea (43.5 N, 34 E) is ~2 km deep in ETOPO5.
  const TerrainGrid t = load_terrain({{etopo()}, std::nullopt}, square({34.0, 43.5}, 50000, 5000));
  EXPECT_EQ(t.sea_cells, static_cast<std::int64_t>(t.grid.cells()));
  EXPECT_TRUE(std::all_of(t.ground_m.begin(), t.ground_m.end(), [](float z) { return z == 0.0f; }));
  // Land stays land: the Carpathians (48.2 N, 24.5 E) are high even at 5'.
  const TerrainGrid c = load_terrain({{etopo()}, std::nullopt}, square({24.5, 48.2}, 20000, 5000));
  EXPECT_GT(*std::max_element(c.ground_m.begin(), c.ground_m.end()), 500.0f);
  EXPECT_EQ(c.sea_cells, 0);
}

TEST(Terrain, GridOutsideTheDemIsAnInputErrorWithCoordinates) {
  try {
    load_terrain({{etopo()}, std::nullopt}, square({5.0, 45.0}, 20000, 1000));
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("etopo5_ukraine"), std::string::npos) << m;
    EXPECT_NE(m.find("outside the DEM"), std::string::npos) << m;
    EXPECT_NE(m.find("no elevation at (4."), std::string::npos) << m;  // the first cell without data, lon/lat
    EXPECT_NE(m.find("lon 9.9"), std::string::npos) << m;  // and where the DEM is
  }
}

TEST(Terrain, AllowOutsideFlagsAndFillsTheCells) {
  // A grid straddling the DEM's west edge at 10 E.
  const TerrainGrid t = load_terrain({{etopo()}, std::nullopt}, square({10.0, 45.0}, 50000, 2000), {.allow_outside = true});
  EXPECT_GT(t.outside_dem_cells, 0);
  EXPECT_LT(t.outside_dem_cells, static_cast<std::int64_t>(t.grid.cells()));
  EXPECT_TRUE(std::all_of(t.ground_m.begin(), t.ground_m.end(), [](float z) { return std::isfinite(z); }));
}

TEST(Terrain, UnreadableFileIsAnInputErrorNamingIt) {
  test::TempDir tmp;
  const auto bad = tmp.write("broken.tif", "not a raster");
  EXPECT_THROW(
      {
        try {
          load_terrain({{bad}, std::nullopt}, square({22, 40}, 1000, 100));
        } catch (const InputError& e) {
          EXPECT_NE(std::string(e.what()).find("broken.tif"), std::string::npos) << e.what();
          throw;
        }
      },
      InputError);
}

TEST(Terrain, FlatNeedsNoFiles) {
  const TerrainGrid t = load_terrain({{}, 120.0}, square({30, 50}, 1000, 100));
  EXPECT_EQ(t.ground_m.size(), t.grid.cells());
  EXPECT_TRUE(std::all_of(t.ground_m.begin(), t.ground_m.end(), [](float z) { return z == 120.0f; }));
}

TEST(Terrain, ProjectedDemWithNodataPadding) {
  // The Carpathian basin DEM (EPSG:3857) is padded with nodata around the
  // basin: that padding is outside the DEM, not a void to invent terrain in.
  const auto f = test::source_path("data/dem/bilyi_cheremosh_carpathians_ua/bilyi_cheremosh_srtm_dem_cog_epsg3857.tif");
  const TerrainGrid t = load_terrain({{f}, std::nullopt}, square({24.9, 47.9}, 3000, 30));
  EXPECT_GT(*std::min_element(t.ground_m.begin(), t.ground_m.end()), 400.0f);
  EXPECT_THROW(load_terrain({{f}, std::nullopt}, square({24.72, 47.70}, 3000, 30)), InputError);
}

TEST(RasterInfo, DescribesSizeCrsResolutionAndVoids) {
  const RasterInfo i = describe_raster(srtm("N40E022.hgt"));
  EXPECT_EQ(i.width, 1201);
  EXPECT_EQ(i.epsg, 4326);
  EXPECT_TRUE(i.geographic);
  // 3 arc-seconds: 92.7 m north-south; east-west times cos(40.5 deg).
  EXPECT_NEAR(i.res_y_m, 92.66, 0.1);
  EXPECT_NEAR(i.res_x_m, 92.66 * std::cos(40.5 * kDegToRad), 0.2);
  EXPECT_THROW(describe_raster("/no/such/file.tif"), InputError);
}

TEST(PolygonMask, CellCentresInsideUkraine) {
  const GridSpec g = make_grid(29.0, 49.0, 33.0, 51.0, 5000.0, 300000.0);
  const auto mask = rasterize_polygons(test::source_path("data/boundaries/ukraine_admin0_ne10m_dissolved.geojson"), g);
  auto at = [&](LonLat ll) {
    const XY q = project(g.projection, ll);
    const double c = g.col_of(q.x_m), r = g.row_of(q.y_m);
    EXPECT_TRUE(c >= 0 && r >= 0 && c < g.width && r < g.height) << "point outside the grid";
    return mask[static_cast<std::size_t>(r) * g.width + static_cast<std::size_t>(c)];
  };
  EXPECT_EQ(at({30.52, 50.45}), 1);  // Kyiv
  EXPECT_EQ(at({30.99, 52.43}), 0);  // Homel, Belarus (inside the grid's 300 km margin)
  EXPECT_THROW(rasterize_polygons("/no/such.geojson", g), InputError);
}

TEST(PolygonMask, APolygonOnAnotherDatumIsRasterizedWhereItLiesInWgs84) {
  // One square, 7 x 7 km at 30 E, 50 N, written in WGS84 lon/lat and in
  // Pulkovo 1942 lon/lat (EPSG:4284), its corners moved by PROJ's datum
  // shift (~120 m here). Both must cover the same cells of a 30 m grid but
  // for a few along the edges; related to the grid by lon/lat alone, the
  // Pulkovo square lay ~4 cells off all round.
  const GridSpec g = make_grid(29.9, 49.93, 30.1, 50.07, 30.0);
  const std::vector<LonLat> wgs{{29.95, 49.97}, {30.05, 49.97}, {30.05, 50.03}, {29.95, 50.03}, {29.95, 49.97}};
  const gdal::Transform shift = gdal::transform(gdal::wgs84(), gdal::srs("EPSG:4284"));
  const auto ring = [](const std::vector<LonLat>& points) {
    std::string text;
    char buf[64];
    for (const LonLat& p : points) {
      std::snprintf(buf, sizeof buf, "%s[%.9f, %.9f]", text.empty() ? "" : ", ", p.lon_deg, p.lat_deg);
      text += buf;
    }
    return "[[" + text + "]]";
  };
  std::vector<LonLat> pulkovo = wgs;
  for (LonLat& p : pulkovo) ASSERT_TRUE(shift->Transform(1, &p.lon_deg, &p.lat_deg));
  ASSERT_GT(std::abs(pulkovo[0].lon_deg - wgs[0].lon_deg), 1e-3);  // the shift is there to find
  const auto file = [&](const char* crs, const std::vector<LonLat>& points) {
    return std::string(R"({"type": "FeatureCollection", )") + crs +
           R"("features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": )" +
           ring(points) + "}}]}";
  };
  test::TempDir tmp;
  const auto a = rasterize_polygons(tmp.write("wgs84.geojson", file("", wgs)), g);
  const auto b = rasterize_polygons(
      tmp.write("pulkovo.geojson",
                file(R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4284"}}, )", pulkovo)),
      g);
  const auto inside = std::count(a.begin(), a.end(), 1);
  EXPECT_GT(inside, 50000);  // ~7 x 6.7 km of 30 m cells
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
  EXPECT_LT(differ, 100u);
}

}  // namespace
}  // namespace adcov::geo
