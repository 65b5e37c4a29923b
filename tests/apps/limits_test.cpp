// Resource limits through the built binary (docs/commands.md, "Memory check";
// docs/scenario.md, "Limits"): refused with exit 2 before any work, with the
// message on stderr and no output folder.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "support/support.hpp"

namespace {

using adcov::test::run_adcov;
using adcov::test::TempDir;

/// ADCOV_MEMORY_LIMIT_MB for the binaries run while it lives.
struct MemoryLimit {
  explicit MemoryLimit(const char* mb) { ::setenv("ADCOV_MEMORY_LIMIT_MB", mb, 1); }
  ~MemoryLimit() { ::unsetenv("ADCOV_MEMORY_LIMIT_MB"); }
};

const std::string kHead = "name: t\nterrain: {flat: 0}\nregion: {bbox: [30, 50, 31, 50.6]}\n";

TEST(Limits, FiveMetreGridOverABigBoxIsRefusedBeforeAnyWork) {
  MemoryLimit limit("100");
  TempDir dir;
  const auto f = dir.write("fine.yaml", kHead + "resolution_m: 5\n");
  const std::string msg =
      f.string() +
      ": estimated peak memory 4.9 GiB exceeds the 100.0 MiB available (ADCOV_MEMORY_LIMIT_MB): grid 14296 x 13368 "
      "= 191108928 cells at resolution_m 5 x 27 bytes = 4.8 GiB, battery windows 0 B, 1000 trials 93.8 KiB, 0 "
      "threats 0 B; lower it with a coarser resolution_m, a smaller region, fewer trials or fewer threats "
      "(docs/commands.md, \"Memory check\")\n";
  for (const std::string cmd : {"run", "simulate"}) {
    const auto out = dir.path / ("out-" + cmd);
    const auto r = run_adcov(cmd + " " + f.string() + " -q -o " + out.string());
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_EQ(r.err, msg) << cmd;
    EXPECT_FALSE(std::filesystem::exists(out)) << cmd;
  }
  // validate adds what `coverage` alone would need, whose writers and
  // windows depend on the machine's cores (the last check pins them).
  const auto r = run_adcov("validate " + f.string());
  EXPECT_EQ(r.exit_code, 2);
  const std::string lower = "fewer trials or fewer threats";
  const std::size_t at = msg.find(lower) + lower.size();
  EXPECT_EQ(r.err.substr(0, at), msg.substr(0, at));
  EXPECT_NE(r.err.find("; adcov coverage alone would need an estimated "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.substr(r.err.size() - (msg.size() - at)), msg.substr(at));
}

// `adcov coverage` folds each window into the maps and frees it, holds the
// maps over the region's window only, and counts the terrain, the maps, then
// the larger of the windows and the files being written (one at a time with
// --threads 1; GDAL's block cache pinned to 64 MiB for a message that does
// not depend on the machine).
// `adcov coverage --threads 1` of kHead at `resolution` under a memory limit
// and GDAL block cache (MiB): what it printed, after checking it stopped with
// exit 2 and wrote nothing.
std::string coverage_refusal(const char* limit_mb, const char* cache_mb, const char* resolution, TempDir& dir,
                             std::filesystem::path& file) {
  MemoryLimit limit(limit_mb);
  ::setenv("GDAL_CACHEMAX", cache_mb, 1);
  file = dir.write("fine.yaml", kHead + "resolution_m: " + resolution + "\n");
  const auto out = dir.path / "out";
  const auto r = run_adcov("coverage --threads 1 -q -o " + out.string() + " " + file.string());
  ::unsetenv("GDAL_CACHEMAX");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(out));
  return r.err;
}

// adcov coverage counts the larger of its two phases: folding (terrain,
// region mask, the map pages the batteries reach, windows) and writing (the
// terrain freed: region mask and floor, those pages, the files being written).
TEST(Limits, CoverageCountsTheLargerOfFoldingAndWriting) {
  TempDir dir;
  std::filesystem::path f;
  const std::string err = coverage_refusal("100", "64", "5", dir, f);
  EXPECT_EQ(err,
            f.string() +
                ": estimated peak memory 1.1 GiB exceeds the 100.0 MiB available (ADCOV_MEMORY_LIMIT_MB): while "
                "folding 917.3 MiB (terrain: grid 14342 x 13414 = 192383588 cells at resolution_m 5 x 4 bytes = "
                "733.9 MiB; region mask 183.4 MiB; the map pages the batteries reach 0 B; battery windows 0 B), while "
                "writing 1.0 GiB (region mask and floor: 192272580 cells x 5 bytes = 916.8 MiB; the same map pages; "
                "map files being written 119.0 MiB), the larger counting; lower it with a coarser resolution_m or a "
                "smaller region (docs/commands.md, \"Memory check\")\n");
}

// GDAL's block cache holds no more than the files open at once: a small
// grid is charged 4 bytes a cell and a third for overviews, and 0.3 for the
// file's own overviews and band (20002 cells x (16/3 + 0.3) bytes = 110.0
// KiB), not the whole 1000 MiB cache it could use.
TEST(Limits, ASmallGridIsNotChargedGdalsWholeBlockCache) {
  TempDir dir;
  std::filesystem::path f;
  const std::string err = coverage_refusal("1", "1000", "500", dir, f);
  EXPECT_EQ(err,
            f.string() +
                ": estimated peak memory 110.2 MiB exceeds the 1.0 MiB available (ADCOV_MEMORY_LIMIT_MB): while "
                "folding 102.2 KiB (terrain: grid 150 x 141 = 21150 cells at resolution_m 500 x 4 bytes = 82.6 KiB; "
                "region mask 19.5 KiB; the map pages the batteries reach 0 B; battery windows 0 B), while writing "
                "207.7 KiB (region mask and floor: 20002 cells x 5 bytes = 97.7 KiB; the same map pages; map files "
                "being written 110.0 KiB), the larger counting; lower it with a coarser resolution_m or a smaller "
                "region (docs/commands.md, \"Memory check\")\n");
}

// A DEM much finer than the grid: the terrain reads it at its own
// resolution under the grid (1 arc-second pixels under 1 km cells), and the
// estimate counts that window while the terrain loads, freed before the
// fold. Its pixels: the grid's area over a pixel's ground area at the
// region's central latitude, on the model's sphere. The DEM is a sparse
// GeoTIFF: refused before any pixel is read.
TEST(Limits, CoverageCountsTheDemReadUnderTheGridAtItsOwnResolution) {
  TempDir dir;
  const auto dem = dir.path / "fine_dem.tif";
  {
    GDALAllRegister();
    const char* sparse[] = {"SPARSE_OK=TRUE", nullptr};
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        dem.c_str(), 7200, 5760, 1, GDT_Float32, const_cast<char**>(sparse));
    ASSERT_TRUE(ds);
    double gt[6] = {29.5, 1.0 / 3600, 0, 51.1, 0, -1.0 / 3600};  // 29.5..31.5 E, 49.5..51.1 N
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.SetFromUserInput("EPSG:4326");
    ds->SetSpatialRef(&srs);
    GDALClose(ds);
  }
  MemoryLimit limit("20");
  const auto f = dir.write("dem.yaml", "name: t\nterrain: {dem: " + dem.string() +
                                           "}\nregion: {bbox: [30, 50, 31, 50.6]}\nresolution_m: 1000\n");
  const auto out = dir.path / "out";
  const auto r = run_adcov("coverage --threads 1 -q -o " + out.string() + " " + f.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(out));
  // The terrain grid's cells, as the message gives them, then the pixels it gives.
  const std::smatch grid = [&] {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(r.err, m, std::regex(R"(terrain: grid \d+ x \d+ = (\d+) cells)"))) << r.err;
    return m;
  }();
  std::smatch px;
  ASSERT_TRUE(std::regex_search(
      r.err, px, std::regex(R"(while loading the terrain [^(]+\(the terrain below; the DEM read at its own )"
                            R"(resolution under the grid: (\d+) pixels x 6 bytes = )")))
      << r.err;
  const double m_per_deg = 6371000.0 * M_PI / 180, lat = 50.3 * M_PI / 180;
  const double pixel_m2 = m_per_deg * m_per_deg * std::cos(lat) / (3600.0 * 3600.0);
  EXPECT_NEAR(std::stod(px[1]), std::stod(grid[1]) * 1000.0 * 1000.0 / pixel_m2, 1.0);
  EXPECT_NE(r.err.find("the largest counting"), std::string::npos) << r.err;
}

TEST(Limits, TheSameScenarioPassesUnderAHigherLimit) {
  MemoryLimit limit("10000");
  TempDir dir;
  const auto f = dir.write("fine.yaml", kHead + "resolution_m: 5\n");
  const auto r = run_adcov("validate " + f.string());
  EXPECT_EQ(r.out, f.string() + ": ok (grid 14296 x 13368 = 191108928 cells at 5 m, estimated peak memory 4.9 GiB)\n")
      << r.err;
}

TEST(Limits, AbsurdCountsAreRefusedWithExit2AndNoOutput) {
  TempDir dir;
  const auto count = dir.write(
      "c.yaml", kHead + "salvos:\n  - {id: w, threat: shahed136, count: 100000000, launch: [36, 51], target: [30, 50]}\n");
  const auto trials = dir.write("t.yaml", kHead + "simulation:\n  trials: 2000000000\n");
  const auto out = dir.path / "out";
  auto r = run_adcov("run -q -o " + out.string() + " " + count.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, count.string() + ":5:39: salvo 'w': count: 100000000 threats is over the limit of 1000000 per "
                                    "salvo (docs/scenario.md, \"Limits\")\n");
  r = run_adcov("simulate -q -o " + out.string() + " " + trials.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, trials.string() + ":5:11: simulation: trials: 2000000000 is over the limit of 10000000 "
                                     "(docs/scenario.md, \"Limits\")\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Limits, TrialsFromTheCommandLineAreCheckedToo) {
  MemoryLimit limit("200");
  TempDir dir;
  const auto f = dir.write("t.yaml", kHead);
  const auto out = dir.path / "out";
  const auto r = run_adcov("simulate -q --trials 2000000000 -o " + out.string() + " " + f.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(": estimated peak memory 178.9 GiB exceeds the 200.0 MiB available (ADCOV_MEMORY_LIMIT_MB)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(", 2000000000 trials 178.8 GiB,"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Limits, SweepOfTenToTheTwelvePointsIsRefused) {
  TempDir dir;
  std::string text = kHead + "sweep:\n";
  for (const char* set : {"seed", "simulation.trials", "coverage.floor", "earth.k_factor"}) {
    text += std::string("  - set: ") + set + "\n    values: [";
    for (int i = 0; i < 1000; ++i) text += (i ? ", " : "") + std::to_string(i + 1);
    text += "]\n";
  }
  const auto f = dir.write("s.yaml", text);
  const auto out = dir.path / "out";
  const auto r = run_adcov("sweep -q -o " + out.string() + " " + f.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, f.string() + ":5:3: sweep: 1000000000000 points (the product of the axes' value counts) is over "
                                "the limit of 1000000 (docs/scenario.md, \"Limits\")\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Limits, ValidateRefusesAFifoWithoutBlocking) {
  TempDir dir;
  const auto fifo = dir.path / "pipe.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // `timeout` so that a binary that opens the FIFO fails the test instead of hanging it.
  const char* bin = std::getenv("ADCOV_BIN");
  const auto err = dir.path / "err";
  const int status = std::system(("timeout 10 " + std::string(bin ? bin : "adcov") + " validate " + fifo.string() +
                                  " 2>" + err.string())
                                     .c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::ifstream in(err);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, fifo.string() + ": is a FIFO (named pipe), not a scenario file (a scenario must be a regular file)\n");
}

TEST(Limits, ValidateRefusesDevZeroAndAnOversizedFile) {
  auto r = run_adcov("validate /dev/zero");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "/dev/zero: is a character device, not a scenario file (a scenario must be a regular file)\n");
  TempDir dir;
  const auto big = dir.write("big.yaml", kHead);
  std::filesystem::resize_file(big, (std::uintmax_t{16} << 20) + 1);
  const auto out = dir.path / "out";
  r = run_adcov("run -q -o " + out.string() + " " + big.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, big.string() + ": is 16777217 bytes, over the limit of 16777216 bytes (16 MiB) for a scenario file "
                                  "(docs/scenario.md, \"Limits\")\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
