#pragma once
/// \file
/// Confidence intervals and percentiles for the engagement's statistics
/// (docs/engagement.md, "Statistics").
///
/// The trial is the independent unit: threats of one night share batteries,
/// fire channels and magazines, so their outcomes are not independent and a
/// binomial over pooled threats understates the noise. A rate is the ratio
/// of per-trial sums, R = sum_t x_t / sum_t n_t; every trial launches the same
/// n threats, so the delta method for a ratio (Cochran, "Sampling
/// Techniques", 3rd ed. 1977, section 6.4) reduces to the mean of the
/// per-trial rates x_t / n with its standard error s_x / (n sqrt(T)), s_x the
/// sample standard deviation of the counts, and a Student t quantile with
/// T - 1 degrees of freedom.
///
/// Wilson score interval, for a fraction of independent trials (e.g. the
/// share of trials with a leaker): E. B. Wilson, "Probable Inference, the Law
/// of Succession, and Statistical Inference", J. Am. Stat. Assoc. 22 (1927)
/// 209-212, doi:10.1080/01621459.1927.10502953. For x successes in n trials,
/// p = x/n and z the normal quantile:
///   centre = (p + z^2/(2n)) / (1 + z^2/n)
///   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
/// Unlike the Wald interval it stays inside [0, 1] and keeps near-nominal
/// coverage for p near 0 or 1 (Brown, Cai, DasGupta, Stat. Sci. 16 (2001) 101).

#include <cstdint>
#include <span>

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

/// 95 % interval of the rate sum(x) / (T n_per_trial), T = x.size(), with the
/// trial as the unit (mean of x_t / n +- t_{0.975, T-1} s_x / (n sqrt T)),
/// clipped to [0, 1]. Zero width when every trial counts the same; [0, 1]
/// when T < 2 (one trial says nothing about the spread) or n_per_trial <= 0.
Interval trial_rate_interval(std::span<const std::int64_t> x, double n_per_trial);

/// The q-quantile (q in [0, 1]) of `values` by linear interpolation between
/// order statistics (Hyndman and Fan 1996, definition 7; R's and NumPy's
/// default): h = (T - 1) q, x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)).
/// 0 when `values` is empty.
double quantile(std::span<const std::int64_t> values, double q);
double quantile(std::span<const double> values, double q);

}  // namespace adcov::engage
