// Wilson score interval against published values.

#include "adcov/engage/statistics.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

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

TEST(TrialRateInterval, IsTheStudentTIntervalOfThePerTrialRates) {
  // Counts 1, 2, 3, 4 of 10 threats: mean rate 0.25, s = 1.2910 threats,
  // t_{0.975, 3} = 3.182446 (R: qt(0.975, 3)); half = 3.182446 * 1.2910 / (10 * 2) = 0.205426.
  const std::vector<std::int64_t> x{1, 2, 3, 4};
  const Interval i = trial_rate_interval(x, 10);
  EXPECT_NEAR(i.lo, 0.25 - 0.205426, 1e-6);
  EXPECT_NEAR(i.hi, 0.25 + 0.205426, 1e-6);
}

TEST(TrialRateInterval, HasZeroWidthWithoutTrialToTrialVariation) {
  const std::vector<std::int64_t> x(500, 6);
  const Interval i = trial_rate_interval(x, 10);
  EXPECT_EQ(i.lo, 0.6);
  EXPECT_EQ(i.hi, 0.6);
}

TEST(TrialRateInterval, SaysNothingFromOneTrialAndStaysInTheUnitInterval) {
  const std::vector<std::int64_t> one{3};
  EXPECT_EQ(trial_rate_interval(one, 10).lo, 0.0);
  EXPECT_EQ(trial_rate_interval(one, 10).hi, 1.0);
  const std::vector<std::int64_t> wide{0, 10, 10, 10};
  EXPECT_EQ(trial_rate_interval(wide, 10).hi, 1.0);
  EXPECT_GE(trial_rate_interval(wide, 10).lo, 0.0);
}

TEST(Quantile, InterpolatesBetweenOrderStatisticsLikeRAndNumPy) {
  // numpy.percentile([5, 1, 4, 2, 3], [5, 50, 95]) = [1.2, 3, 4.8].
  const std::vector<std::int64_t> v{5, 1, 4, 2, 3};
  EXPECT_DOUBLE_EQ(quantile(v, 0.05), 1.2);
  EXPECT_DOUBLE_EQ(quantile(v, 0.50), 3.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.95), 4.8);
  EXPECT_EQ(quantile(std::vector<std::int64_t>{}, 0.5), 0.0);
}

}  // namespace
}  // namespace adcov::engage
