// Wilson score interval against published values.

#include "adcov/engage/statistics.hpp"

#include <gtest/gtest.h>

namespace adcov::engage {
namespace {

TEST(WilsonInterval, MatchesTabulatedValues) {
  // Brown, Cai & DasGupta (2001) and R's prop.test(correct = FALSE):
  // 0/10 -> [0, 0.2775]; 5/10 -> [0.2366, 0.7634]; 81/263 -> [0.2553, 0.3662].
  const Interval a = wilson_interval(0, 10);
  EXPECT_NEAR(a.lo, 0.0, 1e-4);
  EXPECT_NEAR(a.hi, 0.2775, 1e-4);
  const Interval b = wilson_interval(5, 10);
  EXPECT_NEAR(b.lo, 0.2366, 1e-4);
  EXPECT_NEAR(b.hi, 0.7634, 1e-4);
  const Interval c = wilson_interval(81, 263);
  EXPECT_NEAR(c.lo, 0.2553, 1e-4);
  EXPECT_NEAR(c.hi, 0.3662, 1e-4);
}

TEST(WilsonInterval, StaysInsideUnitIntervalAndCoversTheEstimate) {
  for (double x : {0.0, 1.0, 50.0, 99.0, 100.0}) {
    const Interval i = wilson_interval(x, 100);
    EXPECT_GE(i.lo, 0.0);
    EXPECT_LE(i.hi, 1.0);
    EXPECT_LE(i.lo, x / 100);
    EXPECT_GE(i.hi, x / 100);
  }
  const Interval none = wilson_interval(0, 0);
  EXPECT_EQ(none.lo, 0.0);
  EXPECT_EQ(none.hi, 1.0);
}

}  // namespace
}  // namespace adcov::engage
