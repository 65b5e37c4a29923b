// The built binary: `adcov validate` and `adcov library` (exit codes, streams).

#include <gtest/gtest.h>

#include "model_test_util.hpp"

namespace {

using adcov::test::kMinimal;
using adcov::test::run_adcov;
using adcov::test::source_path;
using adcov::test::TempDir;

TEST(ValidateCommand, ValidFilesPrintOkAndExitZero) {
  const auto f = source_path("scenarios/example-full.yaml").string();
  const auto k = source_path("scenarios/kyiv-night-raid.yaml").string();
  const auto r = run_adcov("validate " + f + " " + k);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // The grids reach as far as the batteries' and sensors' radars (an
  // early-warning radar's Swerling cover widens Kyiv's from 501 cells).
  EXPECT_EQ(r.out, f + ": ok (grid 2807 x 2808 = 7882056 cells at 250 m, estimated peak memory 379.5 MiB)\n" + k +
                       ": ok (grid 878 x 878 = 770884 cells at 1000 m, estimated peak memory 143.8 MiB)\n");
  EXPECT_EQ(r.err, "");
}

TEST(ValidateCommand, InvalidFileExitsTwoWithEveryMessageOnStderr) {
  TempDir dir;
  const auto bad = dir.write("bad.yaml", kMinimal + "resolutoin: 1\nbatteries:\n"
                                                    "  - {id: kyiv-2, system: patriot_pac9, position: [30, 50]}\n");
  const auto good = dir.write("good.yaml", kMinimal);
  const auto r = run_adcov("validate " + bad.string() + " " + good.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, good.string() + ": ok (grid 438 x 448 = 196224 cells at 500 m, estimated peak memory 115.1 MiB)\n");
  EXPECT_EQ(r.err, bad.string() + ":4:1: unknown key 'resolutoin' (did you mean 'resolution_m'?)\n" + bad.string() +
                       ":6:26: battery 'kyiv-2': unknown system 'patriot_pac9' (did you mean 'patriot_pac2' or "
                       "'patriot_pac3'?)\n");
}

TEST(ValidateCommand, MissingFileExitsTwo) {
  const auto r = run_adcov("validate /nonexistent/x.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "/nonexistent/x.yaml: cannot open scenario file: no such file\n");
}

TEST(ValidateCommand, SyntaxErrorShowsLineAndColumn) {
  TempDir dir;
  const auto bad = dir.write("bad.yaml", "name: t\nterrain: {flat: 0\n");
  const auto r = run_adcov("validate " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind(bad.string() + ":3:1: YAML syntax error: ", 0), 0u) << r.err;
}

TEST(ValidateCommand, BadSweepValueIsCaught) {
  TempDir dir;
  const auto bad = dir.write("bad.yaml", kMinimal + "batteries:\n  - {id: b, system: gepard, position: [30, 50]}\n"
                                                    "sweep:\n  - {set: 'batteries[b].magazine', values: [4, -1]}\n");
  const auto r = run_adcov("validate " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":7:5: sweep 'batteries[b].magazine' = -1: battery 'b': magazine must be >= 0, got -1"),
            std::string::npos)
      << r.err;
}

TEST(CliLibrary, TableHasIdsInTheFirstColumn) {
  const auto r = run_adcov("library");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* id : {"\npatriot_pac3 ", "\niris_t_slm ", "\nmobile_fire_group ", "\nshahed136 ", "\nkinzhal "})
    EXPECT_NE(r.out.find(id), std::string::npos) << id;
  const auto s = run_adcov("library systems");
  EXPECT_NE(s.out.find("patriot_pac3"), std::string::npos);
  EXPECT_EQ(s.out.find("shahed136"), std::string::npos);
  const auto t = run_adcov("library threats");
  EXPECT_EQ(t.out.find("patriot_pac3"), std::string::npos);
  EXPECT_NE(t.out.find("shahed136"), std::string::npos);
}

TEST(CliLibrary, JsonListsTypesWithSources) {
  const auto r = run_adcov("library --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_NE(r.out.find("\"id\": \"patriot_pac3\""), std::string::npos);
  EXPECT_NE(r.out.find("\"range_km\": 150"), std::string::npos);
  EXPECT_NE(r.out.find("\"class\": \"ballistic\""), std::string::npos);
  EXPECT_NE(r.out.find("\"sources\": {"), std::string::npos);
  EXPECT_NE(r.out.find("\"citations\": {"), std::string::npos);
}

TEST(CliLibrary, UnknownSelectionIsUsageError) {
  EXPECT_EQ(run_adcov("library planes").exit_code, 2);
}

}  // namespace
