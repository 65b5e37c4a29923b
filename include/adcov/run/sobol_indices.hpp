#pragma once
/// \file
/// Sobol' sensitivity indices from the outputs of a Saltelli design (run/saltelli_design.hpp).
///
/// With f_A, f_B, f_AB^(i) the outputs of base sample j's runs A_j, B_j, AB_j^(i), and V the variance
/// of the 2N outputs f_A and f_B together (divided by 2N):
///   first order  S1_i = mean_j( f_B (f_AB^(i) - f_A) ) / V
///                (Saltelli et al. 2010, Comput. Phys. Commun. 181, 259, Table 2 eq. (b)),
///   total        ST_i = mean_j( (f_A - f_AB^(i))^2 ) / 2 / V
///                (M. J. W. Jansen, "Analysis of variance designs for model output", Comput. Phys.
///                Commun. 117, 35-43, 1999; the total-effect estimator Saltelli et al. 2010 recommend).
/// f_B in S1 is taken about the mean of the f_A and f_B outputs: the estimator's expectation is
/// unchanged (E[f_AB^(i) - f_A] = 0) and its variance no longer grows with the outputs' offset.
/// ST is a mean of squares, never negative; S1 can be, and is noisy when N is small.
///
/// 95 % intervals are percentile bootstrap intervals (B. Efron and R. J. Tibshirani, "An Introduction
/// to the Bootstrap", Chapman & Hall, 1993, ch. 13; for Sobol' indices G. E. B. Archer, A. Saltelli and
/// I. M. Sobol', J. Stat. Comput. Simul. 58, 99-120, 1997): the N base samples (each with its k + 2
/// runs) are drawn N times with replacement, the indices (V and the centring included) recomputed,
/// and the 2.5 % and 97.5 % quantiles of `resamples` such estimates taken. Over a Sobol' design the
/// bootstrap treats the base samples as independent and so overstates the spread: the intervals are
/// conservative. A resample whose f_A and f_B are all equal gives index 0.
///
/// The resamples' draws are counter-based from `seed` (engage/rng.hpp) and each resample is computed
/// by itself, so the result depends neither on the number of threads nor on their schedule.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace adcov::run {

/// One parameter's indices and their 95 % bootstrap intervals.
struct SobolEstimate {
  double s1 = 0, s1_lo = 0, s1_hi = 0, st = 0, st_lo = 0, st_hi = 0;
};

/// Sobol' first-order and total indices of the k parameters from the model outputs `y` of the
/// n*(k+2) runs of a Saltelli design, in saltelli_point's run order. S1 by Saltelli et al. 2010
/// (Comput. Phys. Commun. 181, 259, eq. (b) of Table 2: V_i ≈ mean(f(B)(f(AB_i) - f(A)))), ST by
/// Jansen 1999 (mean((f(A) - f(AB_i))^2)/2), both divided by the variance of f over A and B together.
/// 95 % intervals: percentile bootstrap over the n base samples (`resamples` resamples, drawn from
/// `seed`; deterministic; 0 resamples gives zero-width intervals at the estimates). Zero variance (all
/// f_A and f_B equal): every index 0 with zero-width intervals. Cost O(resamples n k), parallel over
/// resamples (TBB). \throws adcov::Error when an output is not finite, y.size() != n * (k + 2),
/// n or k is 0, or resamples < 0.
std::vector<SobolEstimate> sobol_indices(std::span<const double> y, std::size_t n, std::size_t k,
                                         int resamples = 1000, std::uint64_t seed = 1);

}  // namespace adcov::run
