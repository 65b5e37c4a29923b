#include <gtest/gtest.h>

#include "support/support.hpp"

using adcov::test::run_adcov;

TEST(Cli, VersionPrintsNameAndVersion) {
  const auto r = run_adcov("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("adcov "), std::string::npos);
}

TEST(Cli, UnknownCommandIsUsageErrorExit2) {
  const auto r = run_adcov("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, EveryCommandHasHelp) {
  for (const char* c : {"run", "coverage", "simulate", "sweep", "validate", "library", "info", "bench"}) {
    const auto r = run_adcov(std::string(c) + " --help");
    EXPECT_EQ(r.exit_code, 0) << c;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << c;
  }
}

// Values a scenario also sets are checked on the command line by the scenario
// file's own rules (model/value_rules.hpp): exit 2, one line naming the flag,
// nothing written.
namespace {

struct BadFlag {
  const char* command;
  const char* flags;
  const char* expected;
};

}  // namespace

TEST(Cli, BadScenarioValueFlagsExit2AndWriteNothing) {
  const adcov::test::TempDir tmp;
  const auto sc = tmp.write("s.yaml",
                            "name: t\nterrain: {flat: 0}\nregion: {bbox: [30.4, 50.4, 30.5, 50.5]}\n"
                            "resolution_m: 2000\nsimulation: {trials: 5}\n");
  const BadFlag cases[] = {
      {"coverage", "--altitude nan", "--altitude: must be a finite number in [0, 2000000], got nan"},
      {"coverage", "--altitude inf", "--altitude: must be a finite number in [0, 2000000], got inf"},
      {"coverage", "--altitude 1e308", "--altitude: must be <= 2000000, got 1e+308"},
      {"coverage", "--altitude -1", "--altitude: must be >= 0, got -1"},
      {"coverage", "--altitude 100 --altitude 100", "--altitude: 100 is listed twice"},
      {"coverage", "--altitude 1.2344 --altitude 1.2345",
       "--altitude: 1.2344 and 1.2345 name the same output files (altitudes are named to the millimetre: 1.234)"},
      {"coverage", "--resolution nan", "--resolution: must be a finite number in [1, 100000], got nan"},
      {"coverage", "--resolution 0", "--resolution: must be in [1, 100000], got 0"},
      {"simulate", "--seed -1", "--seed: expected a whole number >= 0, got '-1'"},
      {"run", "--seed -1", "--seed: expected a whole number >= 0, got '-1'"},
      {"sweep", "--seed x", "--seed: expected a whole number >= 0, got 'x'"},
      {"simulate", "--trials 0", "--trials: must be >= 1, got 0"},
      {"run", "--trials 0", "--trials: must be >= 1, got 0"},
      {"sweep", "--trials -3", "--trials: must be >= 1, got -3"},
  };
  for (const auto& c : cases) {
    const auto out = tmp.path / "out";
    const auto r = run_adcov(std::string(c.command) + " " + sc.string() + " -o " + out.string() + " -q " + c.flags);
    EXPECT_EQ(r.exit_code, 2) << c.flags;
    EXPECT_EQ(r.err, std::string(c.expected) + "\n") << c.flags;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.flags;
  }
}

TEST(Cli, GoodSeedAndAltitudesPass) {
  const adcov::test::TempDir tmp;
  const auto sc = tmp.write("s.yaml",
                            "name: t\nterrain: {flat: 0}\nregion: {bbox: [30.4, 50.4, 30.5, 50.5]}\n"
                            "resolution_m: 2000\nsimulation: {trials: 5}\n");
  const auto out = tmp.path / "out";
  const auto r = run_adcov("coverage " + sc.string() + " -o " + out.string() +
                           " -q --altitude 1.234 --altitude 1.235 --resolution 1000");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out / "coverage_1.234m.tif"));
  EXPECT_TRUE(std::filesystem::exists(out / "coverage_1.235m.tif"));
  const auto s = run_adcov("simulate " + sc.string() + " -o " + (tmp.path / "sim").string() +
                           " -q --seed 18446744073709551615 --trials 3");
  EXPECT_EQ(s.exit_code, 0) << s.err;
}
