#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adcov/report/trials_csv.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

TEST(TrialsCsv, OneRowPerTrialAfterTheHeader) {
  const auto sim = adcov::test::synthetic_simulation(7);
  adcov::test::TempDir tmp;
  adcov::report::write_trials_csv(tmp.path / "trials.csv", sim);
  std::ifstream in(tmp.path / "trials.csv");
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0],
            "trial,intercepted,leaked,interceptors_fired,interceptor_cost_usd,threats_destroyed_cost_usd,lost_ew,"
            "leaked_warheads");
  EXPECT_EQ(lines[1], "0,40,20,30,12900000,2000000,0,0");
  // Costs read back bit for bit.
  std::stringstream row(lines[2]);
  std::string cell;
  for (int i = 0; i < 5; ++i) std::getline(row, cell, ',');
  EXPECT_EQ(std::stod(cell), sim.trial_outcomes[1].interceptor_cost_usd);
}
