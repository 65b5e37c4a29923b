// adcov site end to end (docs/commands.md, "site"): a bad --add or a bad
// candidates file exits 2 with one line naming the problem and writes
// nothing; a good run writes its four files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/support.hpp"

namespace {

using adcov::test::run_adcov;

const char* const kScenario =
    "name: t\nterrain: {flat: 0}\nregion: {bbox: [30.0, 50.0, 30.6, 50.4]}\nresolution_m: 2000\n"
    "batteries:\n  - { id: g, system: gepard, position: [30.3, 50.2] }\n";

struct Case {
  std::string flags, expected;
};

TEST(SiteCli, BadRequestsExit2WithOneLineAndWriteNothing) {
  const adcov::test::TempDir tmp;
  const auto sc = tmp.write("s.yaml", kScenario);
  const auto bad_csv = tmp.write("bad.csv", "lon,lat\n30.1,50.1\n30.2,fifty\n");
  const auto out = tmp.path / "out";
  const Case cases[] = {
      {"--add iris_t_slx:2",
       "--add iris_t_slx:2: unknown system 'iris_t_slx' (did you mean 'iris_t_slm' or "
       "'iris_t_sls'?) (adcov library "
       "systems lists them)"},
      {"--add iris_t_slm:0",
       "--add iris_t_slm:0: COUNT must be a whole number from 1 to 100, got '0'"},
      {"--add iris_t_slm:two",
       "--add iris_t_slm:two: COUNT must be a whole number from 1 to 100, got 'two'"},
      {"--add iris_t_slm", "--add iris_t_slm: expected SYSTEM:COUNT (e.g. iris_t_slm:3)"},
      {"--add iris_t_slm:1 --candidates " + bad_csv.string(),
       bad_csv.string() + ":3: lat 'fifty' is not a number"},
      {"--add iris_t_slm:1 --candidates " + (tmp.path / "none.csv").string(),
       (tmp.path / "none.csv").string() + ": candidates file not found"},
      {"--add iris_t_slm:1 --operator allied:de",
       "--operator: operator 'allied:de' must be ukraine, allied:<ISO code> (e.g. allied:DE) or "
       "contractor:<name>"},
      {"--add iris_t_slm:1 --altitude -5", "--altitude: must be >= 0, got -5"},
  };
  for (const Case& c : cases) {
    const auto r = run_adcov("site " + sc.string() + " " + c.flags + " -o " + out.string());
    EXPECT_EQ(r.exit_code, 2) << c.flags;
    EXPECT_EQ(r.err, c.expected + "\n") << c.flags;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.flags;
  }
}

TEST(SiteCli, WritesRankedSitesMapAndSitedScenario) {
  const adcov::test::TempDir tmp;
  const auto sc = tmp.write("s.yaml", kScenario);
  const auto out = tmp.path / "out";
  const auto r = run_adcov("site --add nasams:1 " + sc.string() +
                           " --add gepard:1 --spacing-km 10 -q -o " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // --quiet
  for (const char* f : {"siting.csv", "siting.geojson", "siting.png", "scenario_sited.yaml"})
    EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
  std::ifstream csv(out / "siting.csv");
  std::stringstream text;
  text << csv.rdbuf();
  EXPECT_EQ(text.str().substr(0, text.str().find('\n')),
            "rank,id,system,operator,lon,lat,gain_km2,objective_km2");
  EXPECT_NE(text.str().find("\n1,sited-1,nasams,ukraine,"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("\n2,sited-2,gepard,ukraine,"), std::string::npos) << text.str();
  const auto v = run_adcov("validate " + (out / "scenario_sited.yaml").string());
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

TEST(SiteCli, HasHelp) {
  const auto r = run_adcov("site --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--spacing-km"), std::string::npos);
}

}  // namespace
