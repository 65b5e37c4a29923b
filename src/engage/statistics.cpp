#include "adcov/engage/statistics.hpp"

#include <algorithm>
#include <cmath>

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

}  // namespace adcov::engage
