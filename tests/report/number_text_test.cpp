#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

#include <fmt/format.h>

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

TEST(NumberText, GroupedThousandsForPeople) {
  using adcov::report::grouped_text;
  EXPECT_EQ(grouped_text(42843.6), "42,844");
  EXPECT_EQ(grouped_text(1446), "1,446");
  EXPECT_EQ(grouped_text(999), "999");
  EXPECT_EQ(grouped_text(999.6), "1,000");
  EXPECT_EQ(grouped_text(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(grouped_text(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(grouped_text(-0.01, 1), "0.0");  // no "-0.0"
  EXPECT_EQ(grouped_text(0), "0");
  EXPECT_EQ(grouped_text(std::nan("")), "-");
  EXPECT_EQ(grouped_text(std::numeric_limits<double>::infinity()), "-");
}

TEST(NumberText, MoneyInMillions) {
  using adcov::report::money_text;
  EXPECT_EQ(money_text(213.44e6), "$213.4 M");
  EXPECT_EQ(money_text(1e6), "$1.0 M");
  EXPECT_EQ(money_text(999999.6), "$1.0 M");
  EXPECT_EQ(money_text(999.96e6), "$1.0 B");
  EXPECT_EQ(money_text(2.5e9), "$2.5 B");
  EXPECT_EQ(money_text(12345e9), "$12,345.0 B");
  EXPECT_EQ(money_text(85000), "$85,000");
  EXPECT_EQ(money_text(0), "$0");
  EXPECT_EQ(money_text(-3e6), "-$3.0 M");
  EXPECT_EQ(money_text(std::nan("")), "-");
}

namespace {

// The reference: fmt's correctly rounded "{:.6f}", trailing zeros dropped
// down to one decimal.
std::string fmt_coordinate(double v) {
  std::string s = fmt::format("{:.6f}", v);
  const std::size_t keep = s.find('.') + 2;
  while (s.size() > keep && s.back() == '0') s.pop_back();
  return s;
}

std::string coordinate(double v) {
  std::string s;
  adcov::report::append_coordinate_text(s, v);
  return s;
}

}  // namespace

TEST(NumberText, CoordinatesAreFmtsSixDecimalsTrimmed) {
  EXPECT_EQ(coordinate(30.5), "30.5");
  EXPECT_EQ(coordinate(30.0), "30.0");
  EXPECT_EQ(coordinate(21.752623), "21.752623");
  EXPECT_EQ(coordinate(-1e-9), "-0.0");  // fmt keeps the sign of a value that rounds to zero
  EXPECT_EQ(coordinate(-0.0), "-0.0");
  EXPECT_EQ(coordinate(0.0), "0.0");
  EXPECT_EQ(coordinate(-33.0000004), "-33.0");
  EXPECT_EQ(coordinate(179.9999996), "180.0");
  EXPECT_EQ(coordinate(1e12), fmt_coordinate(1e12));  // beyond the fast range
  EXPECT_EQ(coordinate(std::numeric_limits<double>::quiet_NaN()), "nan");
  std::mt19937_64 rng(14);
  std::uniform_real_distribution<double> lonlat(-180.0, 180.0);
  std::uniform_int_distribution<long long> micro(-180000000, 180000000);
  for (int i = 0; i < 200000; ++i) {
    const double v = lonlat(rng);
    ASSERT_EQ(coordinate(v), fmt_coordinate(v)) << fmt::format("{:.17g}", v);
    // Values at and next to a half unit of the sixth decimal, where the
    // product v * 1e6 could round either way.
    const double half = (static_cast<double>(micro(rng)) + 0.5) * 1e-6;
    for (double w : {half, std::nextafter(half, 0.0), std::nextafter(half, 1e9)})
      ASSERT_EQ(coordinate(w), fmt_coordinate(w)) << fmt::format("{:.17g}", w);
  }
}
