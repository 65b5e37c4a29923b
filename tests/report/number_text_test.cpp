#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>

#include "adcov/report/number_text.hpp"

using adcov::report::number_text;

TEST(NumberText, ShortestDecimalWholeNumbersInFull) {
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(number_text(2e6), "2000000");
  EXPECT_EQ(number_text(12900000), "12900000");
  EXPECT_EQ(number_text(-3.5), "-3.5");
  EXPECT_EQ(number_text(1e-5), "1e-05");
}

TEST(NumberText, EveryDoubleReadsBackBitForBit) {
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 20000; ++i) {
    const double v = std::ldexp(unit(rng), exponent(rng)) * (i % 2 ? -1 : 1);
    EXPECT_EQ(std::strtod(number_text(v).c_str(), nullptr), v) << number_text(v);
  }
  for (double v : {std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(), 0.0})
    EXPECT_EQ(std::strtod(number_text(v).c_str(), nullptr), v) << number_text(v);
}
