#include "adcov/engage/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <vector>

namespace adcov::engage {

Interval wilson_interval(double successes, double n, double z) {
  if (n <= 0) return {0.0, 1.0};
  const double p = std::clamp(successes / n, 0.0, 1.0);
  const double z2 = z * z;
  const double denom = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denom;
  const double half = z / denom * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  // At x = 0 (x = n) the lower (upper) end is exactly 0 (1); rounding would
  // leave ~1e-18 there.
  const double lo = successes <= 0 ? 0.0 : std::max(0.0, centre - half);
  const double hi = successes >= n ? 1.0 : std::min(1.0, centre + half);
  return {lo, hi};
}

Interval trial_rate_interval(std::span<const std::int64_t> x, double n_per_trial) {
  const std::size_t trials = x.size();
  if (trials < 2 || !(n_per_trial > 0)) return {0.0, 1.0};
  // Two passes (mean, then squared deviations) in trial order: exact for
  // identical counts, and the same sums for any split of the trials.
  double sum = 0;
  for (const std::int64_t v : x) sum += static_cast<double>(v);
  const double mean = sum / static_cast<double>(trials);
  double ss = 0;
  for (const std::int64_t v : x) ss += (static_cast<double>(v) - mean) * (static_cast<double>(v) - mean);
  const double sd = std::sqrt(ss / static_cast<double>(trials - 1));
  const double rate = mean / n_per_trial;
  const boost::math::students_t t_dist(static_cast<double>(trials - 1));
  const double half = boost::math::quantile(boost::math::complement(t_dist, 0.025)) * sd /
                      (n_per_trial * std::sqrt(static_cast<double>(trials)));
  return {std::max(0.0, rate - half), std::min(1.0, rate + half)};
}

namespace {

template <typename T>
double quantile_of(std::span<const T> values, double q) {
  if (values.empty()) return 0.0;
  std::vector<T> v(values.begin(), values.end());
  std::sort(v.begin(), v.end());
  const double h = static_cast<double>(v.size() - 1) * std::clamp(q, 0.0, 1.0);
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return static_cast<double>(v[lo]) + (h - std::floor(h)) * (static_cast<double>(v[hi]) - static_cast<double>(v[lo]));
}

}  // namespace

double quantile(std::span<const std::int64_t> values, double q) { return quantile_of(values, q); }
double quantile(std::span<const double> values, double q) { return quantile_of(values, q); }

}  // namespace adcov::engage
