#include <gtest/gtest.h>

#include "tables.hpp"
#include "report/synthetic.hpp"

using namespace adcov;

TEST(Tables, CoverageTableHasOneRowPerAltitudeAndMarginalColumns) {
  const std::string t = app::coverage_table(test::synthetic_coverage());
  EXPECT_NE(t.find("50 m"), std::string::npos) << t;
  EXPECT_NE(t.find("12.5 m"), std::string::npos) << t;
  EXPECT_NE(t.find("+ukraine"), std::string::npos) << t;
  EXPECT_NE(t.find("+contractor"), std::string::npos) << t;
  EXPECT_NE(t.find("protect"), std::string::npos) << t;
  EXPECT_NE(t.find("22.2%"), std::string::npos) << t;  // 1400.2 / 6300
}

TEST(Tables, EngagementTableShowsRatesAndIntervals) {
  const std::string t = app::engagement_table(test::synthetic_simulation());
  EXPECT_NE(t.find("overall"), std::string::npos) << t;
  EXPECT_NE(t.find("shahed136"), std::string::npos) << t;
  EXPECT_NE(t.find("wave-1"), std::string::npos) << t;
  EXPECT_NE(t.find("68.7%"), std::string::npos) << t;  // 41.2 / 60
  EXPECT_NE(t.find("[ 60.0%,  77.0%]"), std::string::npos) << t;
  EXPECT_NE(t.find("iris_t_slm"), std::string::npos) << t;
}
