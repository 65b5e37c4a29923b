// Issue 10, through the built binary: `validate` sees every DEM problem that
// `run` would trip on, and every input problem exits 2 (run included).
#include <gtest/gtest.h>

#include <gdal_priv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace {

using adcov::test::run_adcov;
using adcov::test::TempDir;

/// A 20 x 20 GeoTIFF over lon 29.9..30.6, lat 49.9..50.4 in `srs`, all `value`.
void write_tile(const std::filesystem::path& path, const char* srs, int value, bool nodata = false) {
  GDALAllRegister();
  GDALDataset* ds =
      GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), 20, 20, 1, GDT_Int16, nullptr);
  double gt[6] = {29.9, 0.035, 0, 50.4, 0, -0.025};
  ds->SetGeoTransform(gt);
  OGRSpatialReference s;
  s.SetFromUserInput(srs);
  ds->SetSpatialRef(&s);
  if (nodata) ds->GetRasterBand(1)->SetNoDataValue(value);
  std::vector<std::int16_t> v(400, static_cast<std::int16_t>(value));
  if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 20, 20, v.data(), 20, 20, GDT_Int16, 0, 0) != CE_None)
    ADD_FAILURE() << "cannot write the test DEM " << path;
  GDALClose(ds);
}

std::string scenario(const std::string& dem, const std::string& battery_at = "30.2, 50.1",
                     const std::string& extra_region = "") {
  return "name: t\nterrain: {dem: " + dem + "}\nregion: {bbox: [30, 50, 30.5, 50.3]" + extra_region +
         "}\nresolution_m: 2000\nbatteries:\n  - {id: b, system: gepard, position: [" + battery_at + "]}\n";
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST(InputChecks, ValidateRefusesADemInAForeignCrsInOneLine) {
  TempDir tmp;
  write_tile(tmp.path / "mars.tif", "+proj=longlat +a=3396190 +b=3376200 +no_defs", 100);
  const auto sc = tmp.write("s.yaml", scenario("mars.tif"));
  const auto r = run_adcov("validate " + sc.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(lines(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind(sc.string() + ":2:10: " + (tmp.path / "mars.tif").string() +
                            ": the raster's coordinate reference system 'unknown'",
                        0),
            0u)
      << r.err;
  const auto info = run_adcov("info " + (tmp.path / "mars.tif").string());
  EXPECT_EQ(info.exit_code, 2) << info.err;  // was 1 with a WKT dump
  EXPECT_EQ(lines(info.err), 1u) << info.err;
}

TEST(InputChecks, ValidateRefusesABatteryOffTheDem) {
  TempDir tmp;
  write_tile(tmp.path / "tile.tif", "EPSG:4326", 100);
  const auto sc = tmp.write("s.yaml", scenario("tile.tif", "31.2, 50.1"));
  const auto r = run_adcov("validate " + sc.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, sc.string() +
                       ":6:5: battery 'b' at (31.20000, 50.10000) is outside the DEM; the DEM covers lon "
                       "29.9000..30.6000, lat 49.9000..50.4000\n");
  const auto ok = tmp.write("ok.yaml", scenario("tile.tif"));
  EXPECT_EQ(run_adcov("validate " + ok.string()).exit_code, 0);
}

TEST(InputChecks, ValidateRefusesARegionOffTheDem) {
  TempDir tmp;
  write_tile(tmp.path / "tile.tif", "EPSG:4326", 100);
  const auto sc = tmp.write("s.yaml", "name: t\nterrain: {dem: tile.tif}\nregion: {bbox: [29.8, 50, 30.5, 50.3]}\n");
  const auto r = run_adcov("validate " + sc.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, sc.string() +
                       ":3:9: region [29.8, 50, 30.5, 50.3] extends outside the DEM: no elevation at (29.8000, "
                       "50.0000); the DEM covers lon 29.9000..30.6000, lat 49.9000..50.4000\n");
}

TEST(InputChecks, AllNodataDemSaysSo) {
  TempDir tmp;
  write_tile(tmp.path / "nodata.tif", "EPSG:4326", -32768, true);
  const auto sc = tmp.write("s.yaml", scenario("nodata.tif"));
  const auto r = run_adcov("validate " + sc.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, sc.string() + ":2:10: " + (tmp.path / "nodata.tif").string() +
                       ": has no valid elevation (every cell is nodata)\n");
}

TEST(InputChecks, RunExitsTwoOnAnInputProblemFoundWhileRunning) {
  // The protect file exists (validate's check) but is no vector file: found
  // while running, and still bad input: exit 2, not 1.
  TempDir tmp;
  tmp.write("protect.geojson", "not json");
  const auto sc = tmp.write("s.yaml", "name: t\nterrain: {flat: 100}\nregion: {bbox: [30, 50, 30.5, 50.3], "
                                      "protect: protect.geojson}\nresolution_m: 2000\nsimulation: {trials: 2}\n");
  const auto r = run_adcov("run " + sc.string() + " -o " + (tmp.path / "out").string() + " -q");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("protect.geojson"), std::string::npos) << r.err;
}

TEST(InputChecks, ResolutionFlagFollowsTheYamlRule) {
  TempDir tmp;
  const auto sc = tmp.write("s.yaml", scenario("x").replace(scenario("x").find("{dem: x}"), 8, "{flat: 0}"));
  const auto r = run_adcov("coverage " + sc.string() + " -o " + (tmp.path / "out").string() +
                           " -q --resolution 1e-300");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, "--resolution: must be in [1, 100000], got 1e-300\n");
}

}  // namespace

// Issue 15: swapped [lat, lon] is refused by validate and by run alike (exit
// 2, nothing written), with the fix in the message.
struct SwapCase {
  const char* name;
  std::string yaml_tail;  ///< after scenario("tile.tif")
  std::string message;    ///< after "<file>:"
};

// gtest prints a parameter with this instead of a byte dump.
void PrintTo(const SwapCase& c, std::ostream* os) { *os << c.name; }

class SwappedPositions : public ::testing::TestWithParam<SwapCase> {};

TEST_P(SwappedPositions, ValidateAndRunExit2WritingNothing) {
  TempDir tmp;
  write_tile(tmp.path / "tile.tif", "EPSG:4326", 100);
  const auto sc = tmp.write("s.yaml", scenario("tile.tif") + GetParam().yaml_tail);
  const auto v = run_adcov("validate " + sc.string());
  EXPECT_EQ(v.exit_code, 2) << v.err;
  EXPECT_EQ(v.err, sc.string() + ":" + GetParam().message + "\n");
  const auto out = tmp.path / "out";
  const auto r = run_adcov("run " + sc.string() + " -o " + out.string() + " --trials 2 -q");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, v.err);
  EXPECT_FALSE(std::filesystem::exists(out)) << "run wrote into " << out;
}

INSTANTIATE_TEST_SUITE_P(
    Issue15, SwappedPositions,
    ::testing::Values(
        SwapCase{"Battery", "  - {id: c, system: gepard, position: [50.1, 30.2]}\n",
                 "7:39: battery 'c': position [50.1, 30.2] lies 2744 km outside the region [30, 50, 30.5, 50.3]; at "
                 "most 200 km (docs/scenario.md, \"Positions\"); did you swap lon/lat? [30.2, 50.1] would lie inside "
                 "the region"},
        SwapCase{"Target",
                 "salvos:\n  - {id: w, threat: shahed136, count: 2, launch: [30.3, 50.35], target: [50.2, 30.1]}\n",
                 "8:73: salvo 'w': target [50.2, 30.1] lies 2758 km outside the region [30, 50, 30.5, 50.3]; at most "
                 "200 km (docs/scenario.md, \"Positions\"); did you swap lon/lat? [30.1, 50.2] would lie inside the "
                 "region"},
        // 2,700 km away is within reach of a launch, but off the DEM while the swapped point is on it.
        SwapCase{"LaunchArea",
                 "salvos:\n  - {id: w, threat: shahed136, count: 2, launch_area: {center: [50.1, 30.2], radius_km: 5},"
                 " target: [30.2, 50.1]}\n",
                 "8:64: salvo 'w': launch_area.center [50.1, 30.2] is outside the DEM, 2768 km from the region's "
                 "centre; the DEM covers lon 29.9000..30.6000, lat 49.9000..50.4000; did you swap lon/lat? [30.2, "
                 "50.1] would lie on the DEM, 7 km from it"}),
    [](const ::testing::TestParamInfo<SwapCase>& i) { return std::string(i.param.name); });
