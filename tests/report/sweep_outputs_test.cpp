#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "adcov/report/sweep_outputs.hpp"

using namespace adcov;

namespace {

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  for (std::string c; std::getline(ss, c, ',');) out.push_back(c);
  return out;
}

report::SweepResult two_points() {
  report::SweepResult r;
  r.axes = {"batteries[a].magazine"};
  for (int i = 0; i < 2; ++i) {
    report::SweepPoint p;
    p.index = static_cast<std::size_t>(i);
    p.values = {i ? "12" : "6"};
    p.overall.launched = 10;
    p.overall.intercepted_mean = 1.0 / 3.0;
    p.overall.interception_rate = 0.1;
    p.overall.ci95_lo = 0.1 + 0.2;
    p.overall.ci95_hi = 0.7;
    p.altitudes_m = {50.0, 12.5};
    p.covered_fraction = {0.1, 2.0 / 3.0};
    r.points.push_back(p);
  }
  return r;
}

}  // namespace

// sweep.csv writes numbers as trials.csv does (number_text): 0.1, not
// %.17g's 0.10000000000000001, and every one reads back to the same double.
TEST(SweepCsv, NumbersAreShortestAndReadBackBitForBit) {
  const report::SweepResult r = two_points();
  std::istringstream in(report::sweep_csv(r));
  std::string header, row;
  std::getline(in, header);
  EXPECT_EQ(header,
            "batteries[a].magazine,launched,intercepted_mean,interception_rate,ci95_lo,ci95_hi,"
            "covered_fraction_12.5m,covered_fraction_50m,lost_ew_rate,neutralized_rate,leaked_warheads_mean");
  std::getline(in, row);
  EXPECT_EQ(row, "6,10,0.3333333333333333,0.1,0.30000000000000004,0.7,0.6666666666666666,0.1,0,0,0");
  const auto c = cells(row);
  ASSERT_EQ(c.size(), 11u);
  const auto& p = r.points[0];
  const std::vector<double> want = {p.overall.intercepted_mean, p.overall.interception_rate, p.overall.ci95_lo,
                                    p.overall.ci95_hi, p.covered_fraction[1], p.covered_fraction[0]};
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(std::strtod(c[i + 2].c_str(), nullptr), want[i]) << i;
}

TEST(SweepCsv, CellsWithCommasOrQuotesAreQuoted) {
  report::SweepResult r = two_points();
  r.points.resize(1);
  r.points[0].values = {"[1, \"a\"]"};
  std::istringstream in(report::sweep_csv(r));
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(row.rfind("\"[1, \"\"a\"\"]\",10,", 0), 0u) << row;
}
