#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "adcov/report/axis_name.hpp"
#include "adcov/report/number_text.hpp"
#include "adcov/report/sweep_outputs.hpp"

using namespace adcov;

namespace {

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

// Issue 15: sweep.csv rounds rates and fractions to 4 decimals, means to 2
// and the cost to the dollar (as trials.csv writes costs), then writes the
// shortest form: 0.3, not 0.30000000000000004 nor 0.3000.
TEST(SweepCsv, NumbersAreRounded) {
  report::SweepResult r = two_points();
  r.points[0].overall.leaked_warheads_mean = 107.32000000000001;
  r.points[0].interceptor_cost_mean_usd = 165576500.4;
  std::istringstream in(report::sweep_csv(r));
  std::string header, row;
  std::getline(in, header);
  EXPECT_EQ(header,
            "batteries[a].magazine,launched,intercepted_mean,interception_rate,ci95_lo,ci95_hi,"
            "covered_fraction_12.5m,covered_fraction_50m,lost_ew_rate,neutralized_rate,leaked_warheads_mean,"
            "interceptor_cost_mean_usd");
  std::getline(in, row);
  EXPECT_EQ(row, "6,10,0.33,0.1,0.3,0.7,0.6667,0.1,0,0,107.32,165576500");
}

TEST(RoundedText, RoundsThenWritesShortest) {
  EXPECT_EQ(report::rounded_text(0.85305785123966937, 4), "0.8531");
  EXPECT_EQ(report::rounded_text(0.85, 4), "0.85");
  EXPECT_EQ(report::rounded_text(-0.00001, 4), "0");
  EXPECT_EQ(report::rounded_text(2.5e6, 0), "2500000");
}

TEST(AxisName, ReadsAsWords) {
  EXPECT_EQ(report::axis_name("c2.mode"), "C2 mode");
  EXPECT_EQ(report::axis_name("ew[pokrova-kyiv].strength"), "pokrova-kyiv strength");
  EXPECT_EQ(report::axis_name("batteries[kyiv-1].magazine"), "kyiv-1 magazine");
  EXPECT_EQ(report::axis_name("batteries[b1,b2].magazine"), "b1, b2 magazine");
  EXPECT_EQ(report::axis_name("systems[nasams].radar.range_km"), "nasams radar range (km)");
  EXPECT_EQ(report::axis_name("systems[patriot_pac3].pk.ballistic"), "patriot_pac3 pk ballistic");
  EXPECT_EQ(report::axis_name("detection.model"), "Detection model");
  EXPECT_EQ(report::axis_name("resolution_m"), "Resolution (m)");
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
