// Pins the Kyiv night raid's outputs (issue 9): a refactor of how the outputs
// are produced must not move any number. tests/golden/kyiv-night-raid/ holds
// a copy of the scenario as it was and the files that adcov 0.1.0 wrote for it
// (`adcov run ... --trials 200 --seed 7`, `adcov sweep ... --trials 50`).
// Every number there must come back equal; new keys and columns may appear.
// Issue 15 rounded sweep.csv (docs/outputs.md); its golden copy was rounded
// with it, and tests/golden/check_rounding.py checks that only the precision
// changed against the file as adcov 0.1.0 wrote it (git history).
// Issue 14 replaced GDAL's warper by adcov's own bilinear resampling of the
// DEM (docs/coverage.md, "Terrain", step 4: exact positions where GDAL's
// approximate transformer may be 1/8 of an ETOPO5 pixel off). That moved the
// terrain, and with it the coverage areas by at most 6 km2 (covered at 50 m
// 2924 -> 2920 km2) and the sweep's means by at most 0.05 % (300.88 ->
// 300.72 intercepted); trials.csv did not move. The
// golden rasters, summary.json values and sweep.csv were rewritten from that
// build with the commands above (keys and columns as before). The sweep then
// took the observer as a whole cell and a fraction (LineArgs::ob, so that a
// grid cut differently gives the same bits): floor.tif moved in the last
// float bits of 4,683 cells, and was rewritten again; nothing else moved.
// Then count rasters became Byte (no-data 255) when every count fits: the
// coverage rasters were rewritten with the same values and 255 where 65535
// was (checked cell by cell).
// Then the grid's CRS named its sphere's datum and ellipsoid by their EPSG
// codes (6035, 7035: gdal::grid_srs) instead of "unknown": the golden
// rasters took the CRS of the run's own (GDAL, in place: pixels untouched,
// checksums as before).
// GeoTIFFs are compared by content (pixels, georeferencing, nodata, band
// description), which stays fixed across GDAL builds where the compressed
// bytes need not.

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace fs = std::filesystem;
using adcov::test::run_adcov;
using adcov::test::source_path;
using adcov::test::TempDir;
using nlohmann::json;

namespace {

const fs::path kGolden = source_path("tests/golden/kyiv-night-raid");

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Every value of `want` is in `got` and equal (numbers exactly, as doubles).
void expect_contains(const json& want, const json& got, const std::string& where) {
  if (want.is_object()) {
    ASSERT_TRUE(got.is_object()) << where;
    for (const auto& [k, v] : want.items()) {
      ASSERT_TRUE(got.contains(k)) << where << "." << k << " is missing";
      expect_contains(v, got.at(k), where + "." + k);
    }
  } else if (want.is_array()) {
    ASSERT_TRUE(got.is_array()) << where;
    ASSERT_EQ(want.size(), got.size()) << where;
    for (std::size_t i = 0; i < want.size(); ++i)
      expect_contains(want[i], got[i], where + "[" + std::to_string(i) + "]");
  } else if (want.is_number()) {
    ASSERT_TRUE(got.is_number()) << where;
    EXPECT_EQ(want.get<double>(), got.get<double>()) << where;
  } else {
    EXPECT_EQ(want, got) << where;
  }
}

using Table = std::map<std::string, std::vector<std::string>>;  // column -> cells

Table read_csv(const fs::path& p) {
  std::istringstream in(slurp(p));
  std::vector<std::string> names;
  Table t;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, ',');) cells.push_back(c);
    if (names.empty()) {
      names = cells;
      continue;
    }
    for (std::size_t i = 0; i < names.size() && i < cells.size(); ++i) t[names[i]].push_back(cells[i]);
  }
  return t;
}

// Every golden column is present with numerically equal cells.
void expect_csv_numbers_equal(const fs::path& want_file, const fs::path& got_file) {
  const Table want = read_csv(want_file), got = read_csv(got_file);
  ASSERT_FALSE(want.empty());
  for (const auto& [name, cells] : want) {
    ASSERT_TRUE(got.count(name)) << got_file << ": column " << name << " is missing";
    const auto& g = got.at(name);
    ASSERT_EQ(cells.size(), g.size()) << name;
    for (std::size_t i = 0; i < cells.size(); ++i)
      EXPECT_EQ(std::strtod(cells[i].c_str(), nullptr), std::strtod(g[i].c_str(), nullptr))
          << got_file.filename() << " row " << i << " column " << name;
  }
}

void expect_same_raster(const fs::path& want_file, const fs::path& got_file) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset> a(GDALDataset::Open(want_file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  std::unique_ptr<GDALDataset> b(GDALDataset::Open(got_file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  ASSERT_TRUE(a && b) << got_file;
  ASSERT_EQ(a->GetRasterXSize(), b->GetRasterXSize());
  ASSERT_EQ(a->GetRasterYSize(), b->GetRasterYSize());
  ASSERT_EQ(a->GetRasterCount(), b->GetRasterCount());
  double ga[6], gb[6];
  ASSERT_EQ(a->GetGeoTransform(ga), CE_None);
  ASSERT_EQ(b->GetGeoTransform(gb), CE_None);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(ga[i], gb[i]) << "geotransform[" << i << "]";
  ASSERT_TRUE(a->GetSpatialRef() && b->GetSpatialRef());
  EXPECT_TRUE(a->GetSpatialRef()->IsSame(b->GetSpatialRef())) << got_file;
  for (int k = 1; k <= a->GetRasterCount(); ++k) {
    GDALRasterBand* ra = a->GetRasterBand(k);
    GDALRasterBand* rb = b->GetRasterBand(k);
    ASSERT_EQ(ra->GetRasterDataType(), rb->GetRasterDataType());
    int has_a = 0, has_b = 0;
    EXPECT_EQ(ra->GetNoDataValue(&has_a), rb->GetNoDataValue(&has_b));
    EXPECT_EQ(has_a, has_b);
    const std::size_t n = std::size_t(a->GetRasterXSize()) * a->GetRasterYSize();
    std::vector<double> pa(n), pb(n);
    ASSERT_EQ(ra->RasterIO(GF_Read, 0, 0, a->GetRasterXSize(), a->GetRasterYSize(), pa.data(),
                           a->GetRasterXSize(), a->GetRasterYSize(), GDT_Float64, 0, 0),
              CE_None);
    ASSERT_EQ(rb->RasterIO(GF_Read, 0, 0, b->GetRasterXSize(), b->GetRasterYSize(), pb.data(),
                           b->GetRasterXSize(), b->GetRasterYSize(), GDT_Float64, 0, 0),
              CE_None);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < n; ++i) differ += (pa[i] != pb[i]);
    EXPECT_EQ(differ, 0u) << got_file << " band " << k;
  }
}

TEST(GoldenKyivRaid, RunReproducesEveryNumberAndRaster) {
  TempDir t;
  const auto r = run_adcov("run '" + (kGolden / "scenario.yaml").string() + "' -o '" + t.path.string() +
                           "' --trials 200 --seed 7 -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_contains(json::parse(slurp(kGolden / "summary.json")), json::parse(slurp(t.path / "summary.json")),
                  "summary");
  expect_csv_numbers_equal(kGolden / "trials.csv", t.path / "trials.csv");
  for (const char* tif : {"coverage_50m.tif", "coverage_500m.tif", "coverage_3000m.tif", "floor.tif"})
    expect_same_raster(kGolden / tif, t.path / tif);
}

TEST(GoldenKyivRaid, SweepReproducesEveryNumber) {
  TempDir t;
  const auto r = run_adcov("sweep '" + (kGolden / "scenario.yaml").string() + "' -o '" + t.path.string() +
                           "' --trials 50 -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // issue 15: --quiet prints nothing but errors (it used to print sweep.csv)
  expect_csv_numbers_equal(kGolden / "sweep.csv", t.path / "sweep.csv");
}

}  // namespace
