// End-to-end tests of `adcov run` and `adcov sweep` through the built binary
// (issue 5): outputs exist and agree with each other, batches are validated
// before anything is written, one runtime failure does not lose the others.

#include <cpl_json.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace fs = std::filesystem;
using adcov::test::run_adcov;
using adcov::test::source_path;
using adcov::test::TempDir;

namespace {

// A small scenario on flat ground: two batteries around a target, ten drones.
std::string small_scenario(const std::string& name, const std::string& extra_battery = "") {
  return "name: " + name + R"(
seed: 9
terrain: { flat: 120 }
region: { bbox: [30.2, 50.2, 30.9, 50.7] }
resolution_m: 1000
batteries:
  - { id: b-nasams, system: nasams, operator: ukraine, position: [30.50, 50.45] }
  - { id: b-gepard, system: gepard, operator: allied:DE, position: [30.60, 50.42] }
)" + extra_battery + R"(
salvos:
  - id: wave
    threat: shahed136
    count: 10
    launch: [31.6, 50.9]
    target: [30.52, 50.45]
    start_s: 0
    interval_s: 30
coverage: { altitudes_m: [100, 1000], floor: true, threat: shahed136 }
simulation: { trials: 60 }
sweep:
  - { set: "batteries[b-nasams].magazine", values: [2, 6] }
  - { set: "salvos[wave].count", values: [10, 20] }
)";
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(slurp(p));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, ',');) cells.push_back(c);
    rows.push_back(cells);
  }
  return rows;
}

CPLJSONObject read_json(const fs::path& p) {
  CPLJSONDocument doc;
  EXPECT_TRUE(doc.Load(p.string())) << p;
  return doc.GetRoot();
}

}  // namespace

TEST(Run, WritesEveryOutputAndTheyAgree) {
  TempDir tmp;
  const auto sc = tmp.write("small.yaml", small_scenario("small"));
  const auto out = tmp.path / "out";
  const auto r = run_adcov("run " + sc.string() + " -o " + out.string() + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"summary.json", "trials.csv", "report.html", "coverage_100m.tif",
                        "coverage_100m.png", "coverage_1000m.tif", "coverage_1000m.png", "floor.tif",
                        "floor.png"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  for (const auto& e : fs::directory_iterator(out))
    EXPECT_NE(e.path().extension(), ".tmp") << e.path();

  // summary.json's overall mean equals the mean of trials.csv's column.
  const auto summary = read_json(out / "summary.json");
  EXPECT_EQ(summary.GetString("scenario"), "small");
  EXPECT_EQ(summary.GetInteger("trials"), 60);
  const auto rows = read_csv(out / "trials.csv");
  ASSERT_EQ(rows.size(), 61u);  // header + one row per trial
  ASSERT_EQ(rows[0][1], "intercepted");
  double sum = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) sum += std::stod(rows[i][1]);
  const double mean = summary.GetObj("engagement").GetObj("overall").GetDouble("intercepted_mean");
  EXPECT_NEAR(mean, sum / 60.0, 1e-9);
  EXPECT_EQ(summary.GetObj("engagement").GetObj("overall").GetLong("launched"), 10);
  EXPECT_NE(r.out.find("overall"), std::string::npos) << "the stdout table is missing";
}

TEST(Run, SameSeedSameSummaryForAnyThreadCount) {
  TempDir tmp;
  const auto sc = tmp.write("small.yaml", small_scenario("small"));
  ASSERT_EQ(run_adcov("run " + sc.string() + " -o " + (tmp.path / "t1").string() + " --threads 1 -q").exit_code, 0);
  ASSERT_EQ(run_adcov("run " + sc.string() + " -o " + (tmp.path / "t2").string() + " --threads 2 -q").exit_code, 0);
  EXPECT_EQ(slurp(tmp.path / "t1/summary.json"), slurp(tmp.path / "t2/summary.json"));
  EXPECT_EQ(slurp(tmp.path / "t1/trials.csv"), slurp(tmp.path / "t2/trials.csv"));
}

TEST(Run, BatchWithOneInvalidFileWritesNothingAndExits2) {
  TempDir tmp;
  const auto a = tmp.write("a.yaml", small_scenario("a"));
  const auto b = tmp.write("b.yaml", small_scenario("b") + "resolutoin: 5\n");
  const auto c = tmp.write("c.yaml", small_scenario("c"));
  const auto out = tmp.path / "out";
  const auto r = run_adcov("run " + a.string() + " " + b.string() + " " + c.string() + " -o " + out.string() + " -q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("b.yaml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("resolutoin"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "nothing may be written when a file is invalid";
}

TEST(Run, OneRuntimeFailureKeepsTheOthersAndExits1) {
  TempDir tmp;
  // Valid scenarios; 'bad' fails at run time: its output folder cannot be
  // made (a plain file stands in its place).
  const auto a = tmp.write("a.yaml", small_scenario("a"));
  const auto bad = tmp.write("bad.yaml", small_scenario("bad"));
  const auto c = tmp.write("c.yaml", small_scenario("c"));
  const auto out = tmp.path / "out";
  tmp.write("out/bad", "not a folder");
  const auto r = run_adcov("run " + a.string() + " " + bad.string() + " " + c.string() + " -o " + out.string() + " -q");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(fs::exists(out / "a/summary.json"));
  EXPECT_TRUE(fs::exists(out / "c/summary.json"));
  EXPECT_TRUE(fs::is_regular_file(out / "bad"));
  EXPECT_NE(r.err.find("adcov run: scenario 'bad' (" + bad.string() + ") failed: " + (out / "bad").string() +
                       ": cannot open output folder: Not a directory"),
            std::string::npos)
      << r.err;
}

TEST(Run, DemNotCoveringTheRegionIsRefusedBeforeAnyRun) {
  // Issue 10: what validate can see (the DEM's extent) is input, exit 2,
  // found before the batch starts: nothing is written for any scenario.
  TempDir tmp;
  const auto bad = tmp.write("bad.yaml", [] {
    std::string s = small_scenario("bad");
    const std::string flat = "terrain: { flat: 120 }";
    s.replace(s.find(flat), flat.size(),
              "terrain: { dem: " + source_path("data/dem/srtm3_fixture_greece_not_ukraine/N40E021.hgt").string() + " }");
    return s;
  }());
  const auto a = tmp.write("a.yaml", small_scenario("a"));
  const auto out = tmp.path / "out";
  const auto r = run_adcov("run " + a.string() + " " + bad.string() + " -o " + out.string() + " -q");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(out / "a/summary.json"));
  EXPECT_NE(r.err.find("bad.yaml:4:9: region [30.2, 50.2, 30.9, 50.7] extends outside the DEM"), std::string::npos)
      << r.err;
  EXPECT_EQ(run_adcov("validate " + bad.string()).exit_code, 2);
}

TEST(Sweep, RowsMatchTheProductAndAgreeWithRun) {
  TempDir tmp;
  const auto sc = tmp.write("small.yaml", small_scenario("small"));
  const auto sweep_out = tmp.path / "sweep";
  // Not -q: the summary line is what -q silences (issue 15).
  const auto r = run_adcov("sweep " + sc.string() + " -o " + sweep_out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::exists(sweep_out / "sweep.png"));
  const auto rows = read_csv(sweep_out / "sweep.csv");
  ASSERT_EQ(rows.size(), 5u);  // header + 2 x 2 points
  EXPECT_EQ(rows[0][0], "batteries[b-nasams].magazine");
  EXPECT_EQ(rows[0][4], "interception_rate");
  // Terrain is shared by every point (neither axis moves a battery).
  EXPECT_NE(r.out.find("terrain loaded 1x, visibility computed 1x"), std::string::npos) << r.out;

  // The point (magazine 6, count 20) equals a run of the scenario with those values.
  std::string edited = small_scenario("small");
  edited.replace(edited.find("count: 10"), 9, "count: 20");
  edited.replace(edited.find("position: [30.50, 50.45] }"), 26, "position: [30.50, 50.45], magazine: 6 }");
  const auto sc2 = tmp.write("edited.yaml", edited);
  const auto run_out = tmp.path / "run";
  ASSERT_EQ(run_adcov("run " + sc2.string() + " -o " + run_out.string() + " -q").exit_code, 0);
  const auto overall = read_json(run_out / "summary.json").GetObj("engagement").GetObj("overall");
  const auto& row = rows[4];
  ASSERT_EQ(row[0], "6");
  ASSERT_EQ(row[1], "20");
  EXPECT_EQ(std::stol(row[2]), overall.GetLong("launched"));
  // sweep.csv rounds means to 2 decimals and rates to 4 (docs/outputs.md).
  EXPECT_NEAR(std::stod(row[3]), overall.GetDouble("intercepted_mean"), 0.005 + 1e-12);
  EXPECT_NEAR(std::stod(row[4]), overall.GetDouble("interception_rate"), 0.00005 + 1e-12);
  // Covered fraction at 100 m agrees with the run's coverage part.
  const auto cov = read_json(run_out / "summary.json").GetArray("coverage");
  EXPECT_NEAR(std::stod(row[7]), cov[0].GetDouble("covered_fraction"), 0.00005 + 1e-12);
}

TEST(Sweep, ScenarioWithoutSweepIsAnInputError) {
  TempDir tmp;
  std::string s = small_scenario("nosweep");
  s = s.substr(0, s.find("sweep:"));
  const auto sc = tmp.write("nosweep.yaml", s);
  const auto r = run_adcov("sweep " + sc.string() + " -o " + (tmp.path / "o").string() + " -q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no sweep"), std::string::npos) << r.err;
}

// The fine-terrain path (issue 6, docs/terrain.md): a glob of SRTM tiles is one
// mosaic, its voids are filled and counted, and coverage follows the relief.
TEST(Run, SrtmTileGlobIsOneMosaicWithVoidsCounted) {
  TempDir tmp;
  const auto sc = source_path("scenarios/examples/srtm-tiles-greece.yaml");
  const auto r = run_adcov("coverage " + sc.string() + " -o " + tmp.path.string() + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = read_json(tmp.path / "summary.json");
  const auto terrain = summary.GetObj("terrain");
  EXPECT_NE(terrain.GetString("description").find("N40E021.hgt"), std::string::npos);
  EXPECT_NE(terrain.GetString("description").find("N40E022.hgt"), std::string::npos);
  // The tiles hold 427 + 1227 void samples (data/SOURCES.md); those inside the
  // analysis grid are filled (the grid covers most of both tiles).
  EXPECT_GT(terrain.GetLong("voids_filled"), 100);
  const auto cov = summary.GetArray("coverage");
  ASSERT_EQ(cov.Size(), 2);
  // Relief masks low targets: more sky is covered at 300 m than at 50 m.
  EXPECT_LT(cov[0].GetDouble("covered_fraction"), cov[1].GetDouble("covered_fraction"));
  EXPECT_GT(cov[0].GetDouble("covered_fraction"), 0.0);
}

// Every shipped scenario runs end to end (issue 6), with few trials.
class ShippedScenario : public ::testing::TestWithParam<const char*> {};

TEST_P(ShippedScenario, RunsEndToEnd) {
  TempDir tmp;
  const auto sc = source_path(std::string("scenarios/") + GetParam() + ".yaml");
  const auto r = run_adcov("run " + sc.string() + " -o " + tmp.path.string() + " --trials 20 -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = read_json(tmp.path / "summary.json");
  EXPECT_GT(summary.GetObj("engagement").GetObj("overall").GetLong("launched"), 0);
  EXPECT_GT(summary.GetArray("coverage").Size(), 0);
  if (summary.GetObj("floor").IsValid()) {
    EXPECT_TRUE(fs::exists(tmp.path / "floor.png"));
  }
  EXPECT_TRUE(fs::exists(tmp.path / "report.html"));
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario,
                         ::testing::Values("kyiv-night-raid", "kyiv-least-exposure", "ukraine-2025-baseline", "western-air-shield",
                                           "reassurance-force", "odesa-black-sea", "kharkiv-frontline",
                                           "example-full", "examples/srtm-tiles-greece", "ukraine-west-siting"),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::erase(n, '-');
                           std::erase(n, '/');
                           return n;
                         });

// Regression (issue 10): "wrote N files" counted summary.json twice (once for
// the coverage part, once for the engagement part).
TEST(Run, SaysHowManyFilesItWroteExactly) {
  TempDir tmp;
  const auto sc = tmp.write("s.yaml", small_scenario("count"));
  const auto out = tmp.path / "out";
  const auto r = run_adcov("run " + sc.string() + " -o " + out.string() + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++files;
  // 2 altitudes x (tif, qml, png, geojson), floor tif + qml + png, batteries, targets, launch_areas and
  // routes geojson, adcov.kml, trials.csv, summary.json, report.html
  EXPECT_EQ(files, 19);
  EXPECT_NE(r.out.find("wrote 19 files to " + out.string() + "/"), std::string::npos) << r.out;
}
