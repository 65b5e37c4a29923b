// Saltelli's design and the Sobol' index estimators (run/saltelli_design.hpp, run/sobol_indices.hpp):
// the design's layout, range, seeding and stratification; the indices of functions whose indices are
// known in closed form (Ishigami, one parameter, additive linear); zero variance, non-finite outputs,
// and the bootstrap's independence of the thread count.

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/run/saltelli_design.hpp"
#include "adcov/run/sobol_indices.hpp"

namespace adcov {
namespace {

using run::SaltelliDesign;
using run::SobolEstimate;

using Model = std::function<double(const std::vector<double>&)>;

/// The outputs of every run of the design, in saltelli_point's order.
std::vector<double> evaluate(const SaltelliDesign& d, const Model& f) {
  std::vector<double> y(run::saltelli_runs(d));
  for (std::size_t r = 0; r < y.size(); ++r) y[r] = f(run::saltelli_point(d, r));
  return y;
}

std::vector<SobolEstimate> indices_of(const Model& f, std::size_t n, std::size_t k, std::uint64_t seed = 7,
                                      int resamples = 1000) {
  const SaltelliDesign d = run::saltelli_design(n, k, seed);
  const std::vector<double> y = evaluate(d, f);
  return run::sobol_indices(y, n, k, resamples, seed);
}

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

// ---- the indices ----------------------------------------------------------------------------------

/// The Ishigami function (T. Ishigami and T. Homma, Proc. ISUMA 1990, 398-403) with a = 7, b = 0.1,
/// x_i uniform in [-pi, pi]; its partial variances in closed form (Saltelli et al., "Global
/// Sensitivity Analysis: The Primer", Wiley 2008, section 4.9):
///   V1 = (1 + b pi^4 / 5)^2 / 2,  V2 = a^2 / 8,  V13 = b^2 pi^8 (1/18 - 1/50),  V = V1 + V2 + V13,
/// so S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
constexpr double kIshiA = 7, kIshiB = 0.1;

double ishigami(const std::vector<double>& u) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + kIshiA * std::sin(x2) * std::sin(x2) + kIshiB * std::pow(x3, 4) * std::sin(x1);
}

TEST(SobolIndices, IshigamiWithinThreeHundredthsAtN4096) {
  const double pi4 = std::pow(std::numbers::pi, 4);
  const double v1 = 0.5 * (1 + kIshiB * pi4 / 5) * (1 + kIshiB * pi4 / 5), v2 = kIshiA * kIshiA / 8;
  const double v13 = kIshiB * kIshiB * pi4 * pi4 * (1.0 / 18 - 1.0 / 50), v = v1 + v2 + v13;
  const double s1[] = {v1 / v, v2 / v, 0}, st[] = {(v1 + v13) / v, v2 / v, v13 / v};
  EXPECT_NEAR(s1[0], 0.314, 5e-4);
  EXPECT_NEAR(st[2], 0.244, 5e-4);
  // n = 4096 (n (k + 2) = 20480 runs), the smallest power of two that passes with a margin: over design
  // seeds 1..256 the largest error of any index is 0.0035 at n = 4096, but 0.023 at 2048 and 0.029 at
  // 1024 (on S1 of x1 and x3; saltelli_design.hpp), and every interval held the true value.
  const std::vector<SobolEstimate> e = indices_of(ishigami, 4096, 3);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(e[i].s1, s1[i], 0.03) << "S1 of x" << i + 1;
    EXPECT_NEAR(e[i].st, st[i], 0.03) << "ST of x" << i + 1;
    EXPECT_LE(e[i].s1_lo, s1[i]) << "S1 of x" << i + 1;
    EXPECT_GE(e[i].s1_hi, s1[i]) << "S1 of x" << i + 1;
    EXPECT_LE(e[i].st_lo, st[i]) << "ST of x" << i + 1;
    EXPECT_GE(e[i].st_hi, st[i]) << "ST of x" << i + 1;
    EXPECT_LE(e[i].s1_lo, e[i].s1);
    EXPECT_GE(e[i].s1_hi, e[i].s1);
  }
}

TEST(SobolIndices, AnOutputThatIsOneParameterIsAllItsVariance) {
  // y = x2 of k = 4: f_AB^(i) = f_A for i != 2, so S1 and ST of the others are exactly 0. For x2,
  // S1 - 1 and ST - 1 are, over V, the sample covariance of x2 in A and B and the difference of their
  // sample variances: QMC integration errors of x, x^2 and x x' over a 2^10-point Sobol' net, of order
  // (log n) / n ~ 1e-2 at worst (Koksma-Hlawka); i.i.d. sampling would give a standard error of
  // 1/sqrt(n) = 0.03. The tolerance 0.01 is met with a wide margin (measured over seeds 1..256: 2e-5).
  const std::vector<SobolEstimate> e = indices_of([](const std::vector<double>& x) { return x[2]; }, 1024, 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const double want = i == 2 ? 1.0 : 0.0;
    EXPECT_NEAR(e[i].s1, want, 0.01) << "S1 of x" << i;
    EXPECT_NEAR(e[i].st, want, 0.01) << "ST of x" << i;
    if (i != 2) {
      EXPECT_EQ(e[i].s1, 0.0);
      EXPECT_EQ(e[i].st_hi, 0.0);
    }
  }
}

TEST(SobolIndices, AnAdditiveLinearModelSplitsItsVarianceByTheSquaredCoefficients) {
  // y = sum c_i x_i, x_i uniform: Var y = sum c_i^2 / 12, no interactions, so S1_i = ST_i = c_i^2 / sum c^2
  // = (1, 4, 9, 0, 0.25) / 14.25. Tolerance as above: QMC errors of order 1e-2 at n = 1024 at worst
  // (measured over seeds 1..256: 1e-4).
  const std::vector<double> c = {1, 2, 3, 0, 0.5};
  const auto f = [&](const std::vector<double>& x) {
    double y = 0;
    for (std::size_t i = 0; i < c.size(); ++i) y += c[i] * x[i];
    return y;
  };
  const std::vector<SobolEstimate> e = indices_of(f, 1024, c.size());
  double sum = 0;
  for (double ci : c) sum += ci * ci;
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_NEAR(e[i].s1, c[i] * c[i] / sum, 0.01) << "S1 of x" << i;
    EXPECT_NEAR(e[i].st, c[i] * c[i] / sum, 0.01) << "ST of x" << i;
  }
}

TEST(SobolIndices, ZeroVarianceGivesZeros) {
  const std::vector<double> y(16 * 5, 0.37);
  for (const SobolEstimate& e : run::sobol_indices(y, 16, 3)) {
    EXPECT_EQ(e.s1, 0.0);
    EXPECT_EQ(e.s1_lo, 0.0);
    EXPECT_EQ(e.s1_hi, 0.0);
    EXPECT_EQ(e.st, 0.0);
    EXPECT_EQ(e.st_lo, 0.0);
    EXPECT_EQ(e.st_hi, 0.0);
  }
}

TEST(SobolIndices, RefusesNonFiniteOutputsAndWrongSizes) {
  std::vector<double> y(16 * 5, 1.0);
  y[3] = 2.0;
  EXPECT_NO_THROW(run::sobol_indices(y, 16, 3));
  y[17] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(run::sobol_indices(y, 16, 3), Error);
  y[17] = std::numeric_limits<double>::infinity();
  EXPECT_THROW(run::sobol_indices(y, 16, 3), Error);
  y[17] = 1.0;
  EXPECT_THROW(run::sobol_indices(y, 16, 4), Error);
  EXPECT_THROW(run::sobol_indices(y, 16, 3, -1), Error);
}

TEST(SobolIndices, ZeroResamplesGiveZeroWidthIntervals) {
  for (const SobolEstimate& e : indices_of(ishigami, 64, 3, 7, 0)) {
    EXPECT_EQ(e.s1_lo, e.s1);
    EXPECT_EQ(e.s1_hi, e.s1);
    EXPECT_EQ(e.st_lo, e.st);
    EXPECT_EQ(e.st_hi, e.st);
  }
}

void expect_same(const std::vector<SobolEstimate>& a, const std::vector<SobolEstimate>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].s1, b[i].s1);
    EXPECT_EQ(a[i].s1_lo, b[i].s1_lo);
    EXPECT_EQ(a[i].s1_hi, b[i].s1_hi);
    EXPECT_EQ(a[i].st, b[i].st);
    EXPECT_EQ(a[i].st_lo, b[i].st_lo);
    EXPECT_EQ(a[i].st_hi, b[i].st_hi);
  }
}

TEST(SobolIndices, DoNotDependOnTheThreadCount) {
  const SaltelliDesign d = run::saltelli_design(128, 3, 2);
  const std::vector<double> y = evaluate(d, ishigami);
  std::vector<SobolEstimate> one, two;
  tbb::task_arena(1).execute([&] { one = run::sobol_indices(y, 128, 3, 500, 42); });
  tbb::task_arena(2).execute([&] { two = run::sobol_indices(y, 128, 3, 500, 42); });
  expect_same(one, two);
  expect_same(one, run::sobol_indices(y, 128, 3, 500, 42));
  EXPECT_NE(run::sobol_indices(y, 128, 3, 500, 43)[0].s1_lo, one[0].s1_lo) << "another bootstrap seed";
}

TEST(SobolIndices, BootstrapOfTwoHundredParametersIsQuick) {
  // The size of an `adcov uncertainty` over the library's estimates: k = 200, n = 64, 1000 resamples,
  // 4 outputs. Each resample is O(n k): the four bootstraps take about 0.2 s on one core.
  const std::size_t n = 64, k = 200;
  const SaltelliDesign d = run::saltelli_design(n, k, 1);
  for (int output = 0; output < 4; ++output) {
    const auto f = [&](const std::vector<double>& x) { return x[output] + 0.1 * x[output + 10] * x[150]; };
    std::vector<SobolEstimate> e;
    tbb::task_arena(1).execute([&] { e = run::sobol_indices(evaluate(d, f), n, k, 1000, 9); });
    ASSERT_EQ(e.size(), k);
    EXPECT_GT(e[static_cast<std::size_t>(output)].st, 0.5);
    EXPECT_EQ(e[199].st, 0.0);
  }
}

}  // namespace
}  // namespace adcov
