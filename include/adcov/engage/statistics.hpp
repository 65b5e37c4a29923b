#pragma once
/// \file
/// Confidence intervals for interception rates.
///
/// Wilson score interval: E. B. Wilson, "Probable Inference, the Law of
/// Succession, and Statistical Inference", J. Am. Stat. Assoc. 22 (1927)
/// 209-212, doi:10.1080/01621459.1927.10502953. For x successes in n trials,
/// p = x/n and z the normal quantile:
///   centre = (p + z^2/(2n)) / (1 + z^2/n)
///   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
/// Unlike the Wald interval it stays inside [0, 1] and keeps near-nominal
/// coverage for p near 0 or 1 (Brown, Cai, DasGupta, Stat. Sci. 16 (2001) 101).

namespace adcov::engage {

/// Two-sided 95 % normal quantile, Phi^-1(0.975).
inline constexpr double kZ95 = 1.959963984540054;

/// A closed interval [lo, hi].
struct Interval {
  double lo = 0, hi = 0;
};

/// Wilson score interval for `successes` out of `n` Bernoulli trials at
/// normal quantile `z`. Returns [0, 1] when n <= 0.
Interval wilson_interval(double successes, double n, double z = kZ95);

}  // namespace adcov::engage
