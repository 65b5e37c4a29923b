// Saltelli's design (run/saltelli_design.hpp): its layout, range, seeding and stratification.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/run/saltelli_design.hpp"

namespace adcov {
namespace {

using run::SaltelliDesign;

// ---- the design -----------------------------------------------------------------------------------

TEST(SaltelliDesign, HasNTimesKPlusTwoRunsInTheUnitCube) {
  const SaltelliDesign d = run::saltelli_design(64, 5, 3);
  EXPECT_EQ(d.n, 64u);
  EXPECT_EQ(d.k, 5u);
  ASSERT_EQ(d.a.size(), 64u * 5u);
  ASSERT_EQ(d.b.size(), 64u * 5u);
  EXPECT_EQ(run::saltelli_runs(d), 64u * 7u);
  for (const auto* x : {&d.a, &d.b})
    for (double v : *x) {
      EXPECT_GE(v, 0.0);
      EXPECT_LT(v, 1.0);
    }
}

TEST(SaltelliDesign, DependsOnlyOnItsSeed) {
  const SaltelliDesign d1 = run::saltelli_design(32, 4, 11), d2 = run::saltelli_design(32, 4, 11);
  EXPECT_EQ(d1.a, d2.a);
  EXPECT_EQ(d1.b, d2.b);
  const SaltelliDesign d3 = run::saltelli_design(32, 4, 12);
  std::size_t same = 0;
  for (std::size_t c = 0; c < d1.a.size(); ++c) same += (d1.a[c] == d3.a[c]) + (d1.b[c] == d3.b[c]);
  EXPECT_EQ(same, 0u) << "another seed shifts every coordinate";
}

TEST(SaltelliDesign, PointsAreAThenBThenAWithOneCoordinateOfB) {
  const std::size_t n = 8, k = 3;
  const SaltelliDesign d = run::saltelli_design(n, k, 5);
  for (std::size_t j = 0; j < n; ++j) {
    const std::vector<double> a(d.a.begin() + j * k, d.a.begin() + (j + 1) * k);
    const std::vector<double> b(d.b.begin() + j * k, d.b.begin() + (j + 1) * k);
    EXPECT_EQ(run::saltelli_point(d, j * (k + 2)), a);
    EXPECT_EQ(run::saltelli_point(d, j * (k + 2) + 1), b);
    for (std::size_t i = 0; i < k; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      EXPECT_EQ(run::saltelli_point(d, j * (k + 2) + 2 + i), ab) << "sample " << j << ", AB^(" << i << ")";
    }
  }
  EXPECT_THROW(run::saltelli_point(d, n * (k + 2)), Error);
}

/// Every coordinate of a power-of-two design puts one value in each of the n strata [m/n, (m+1)/n):
/// the one-dimensional projections of a Sobol' net (origin included) survive a digital shift. So each
/// coordinate's mean is within 1/(2n) of 1/2.
void expect_stratified(const std::vector<double>& x, std::size_t n, std::size_t k) {
  for (std::size_t i = 0; i < k; ++i) {
    std::vector<int> hits(n);
    double mean = 0;
    for (std::size_t j = 0; j < n; ++j) {
      ++hits[static_cast<std::size_t>(x[j * k + i] * static_cast<double>(n))];
      mean += x[j * k + i] / static_cast<double>(n);
    }
    for (std::size_t m = 0; m < n; ++m) EXPECT_EQ(hits[m], 1) << "coordinate " << i << ", stratum " << m;
    EXPECT_NEAR(mean, 0.5, 0.5 / static_cast<double>(n)) << "coordinate " << i;
  }
}

TEST(SaltelliDesign, MarginalsAreBalanced) {
  const std::size_t n = 256, k = 6;
  const SaltelliDesign d = run::saltelli_design(n, k, 9);
  expect_stratified(d.a, n, k);
  expect_stratified(d.b, n, k);
}

TEST(SaltelliDesign, BeyondBoostsTablesIsALatinHypercube) {
  const std::size_t k = run::kMaxSobolDimension / 2 + 1, n = 8;
  const SaltelliDesign d = run::saltelli_design(n, k, 4);
  expect_stratified(d.a, n, k);
  expect_stratified(d.b, n, k);
  EXPECT_EQ(run::saltelli_design(n, k, 4).a, d.a);
  EXPECT_NE(run::saltelli_design(n, k, 5).a, d.a);
}

TEST(SaltelliDesign, RefusesAnEmptyDesign) {
  EXPECT_THROW(run::saltelli_design(0, 3, 1), Error);
  EXPECT_THROW(run::saltelli_design(16, 0, 1), Error);
}

}  // namespace
}  // namespace adcov
