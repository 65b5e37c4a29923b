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
