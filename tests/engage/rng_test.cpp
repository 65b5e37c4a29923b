// Counter-based streams: reference values, fixed slots, uniformity.

#include "adcov/engage/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace adcov::engage {
namespace {

TEST(Mix64, MatchesSplitMix64ReferenceOutput) {
  // SplitMix64 seeded with 0 returns mix64(0 + gamma) first: 0xe220a8397b1dcdaf
  // (the reference sequence of Vigna's splitmix64.c).
  EXPECT_EQ(mix64(kGoldenGamma), 0xe220a8397b1dcdafULL);
}

TEST(ToUnit, MapsBitsIntoHalfOpenUnitInterval) {
  EXPECT_EQ(to_unit(0), 0.0);
  EXPECT_LT(to_unit(~0ULL), 1.0);
  EXPECT_EQ(to_unit(~0ULL), 1.0 - 0x1.0p-53);
}

TEST(TrialStream, DrawIsAPureFunctionOfItsSlot) {
  const TrialStream a = TrialStream::of(42, 7), b = TrialStream::of(42, 7);
  EXPECT_EQ(a.uniform(Purpose::kill, 3, 2, 1), b.uniform(Purpose::kill, 3, 2, 1));
  // Order of other draws does not matter: no state.
  (void)a.uniform(Purpose::target, 9);
  EXPECT_EQ(a.uniform(Purpose::kill, 3, 2, 1), b.uniform(Purpose::kill, 3, 2, 1));
}

TEST(TrialStream, DifferentSlotsTrialsAndSeedsDiffer) {
  std::set<double> seen;
  for (std::uint64_t seed : {1, 2})
    for (std::uint64_t trial : {0, 1})
      for (auto p : {Purpose::launch_point, Purpose::target, Purpose::kill})
        for (std::uint64_t i : {0, 1, 2}) seen.insert(TrialStream::of(seed, trial).uniform(p, i));
  EXPECT_EQ(seen.size(), 2u * 2u * 3u * 3u);
}

TEST(TrialStream, UniformHasTheMomentsOfU01) {
  // n = 1e6 draws: the mean of U(0,1) has sd 1/sqrt(12 n) = 2.9e-4, the mean
  // of u^2 has sd sqrt(4/45 / n) = 3.0e-4; allow 5 sd. Also a 10-bin
  // chi-square (9 dof): 5 sd of the statistic is 9 + 5 sqrt(18) = 30.
  const int n = 1000000;
  const TrialStream s = TrialStream::of(1, 0);
  double m1 = 0, m2 = 0;
  int bins[10] = {};
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform(Purpose::kill, static_cast<std::uint64_t>(i));
    m1 += u;
    m2 += u * u;
    ++bins[static_cast<int>(u * 10)];
  }
  EXPECT_NEAR(m1 / n, 0.5, 5 * 2.9e-4);
  EXPECT_NEAR(m2 / n, 1.0 / 3.0, 5 * 3.0e-4);
  double chi2 = 0;
  for (int b : bins) chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
  EXPECT_LT(chi2, 30.0);
}

}  // namespace
}  // namespace adcov::engage
