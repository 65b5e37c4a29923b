#pragma once
/// \file
/// Saltelli's sampling design for Sobol' sensitivity indices (A. Saltelli, P. Annoni, I. Azzini,
/// F. Campolongo, M. Ratto and S. Tarantola, "Variance based sensitivity analysis of model output.
/// Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181, 259-270, 2010,
/// section 3): two independent base matrices A and B of N points in the unit cube [0,1)^k, and for
/// each parameter i the matrix AB^(i), A with column i taken from B. The model runs N (k + 2) times;
/// run/sobol_indices.hpp turns the outputs into first-order and total indices.
///
/// A and B are the first and last k coordinates of one 2k-dimensional Sobol' sequence (I. M. Sobol',
/// USSR Comput. Math. Math. Phys. 7(4), 86-112, 1967) with the Joe-Kuo direction numbers (S. Joe and
/// F. Y. Kuo, SIAM J. Sci. Comput. 30, 2635-2654, 2008) of boost::random::sobol, randomised by a
/// random digital shift: each coordinate's 64-bit integer is XORed with a word per dimension drawn
/// from the seed (J. Dick and F. Pillichshammer, "Digital Nets and Sequences", Cambridge University
/// Press, 2010, the random digital shift of a digital net; a cheaper relative of A. B. Owen's nested
/// scrambling, "Randomly permuted (t,m,s)-nets and (t,s)-sequences", Lecture Notes in Statistics 106,
/// 299-317, 1995). Every shifted point is uniform on the cube, so the estimators stay unbiased as with
/// plain Monte Carlo, and the shift keeps the (t,m,s)-net structure, so they converge faster.
///
/// The sequence starts at its first point, the origin, which the shift moves to a uniform random point:
/// dropping it, a habit of unrandomised Sobol' designs, would break the net property of the first 2^m
/// points (A. B. Owen, "On dropping the first Sobol' point", MCQMC 2020, Springer Proc. Math. Stat.
/// 387, 71-86, 2022). Boost's generator omits the origin, so row 0 is the origin written here and rows
/// 1.. are Boost's points. Hence N a power of two is recommended (then A and B together are a digital
/// net and every coordinate's N values fall one in each interval [m/N, (m+1)/N)); any N >= 1 works.
///
/// Sample size: on the Ishigami function (tests/run/sensitivity_test.cpp, k = 3) N = 4096 puts every
/// index within 0.004 of its true value for each of seeds 1..256; at N = 1024 and 2048 the S1 of x1 and
/// x3 still err by up to 0.03. That error hardly shrinks from 1024 to 2048 and barely varies with the
/// seed: it belongs to the net at those sizes, which a digital shift moves but does not randomise away
/// (Owen's nested scrambling would, at a larger error on the other indices, measured). The bootstrap
/// intervals of run/sobol_indices.hpp held the true values in all those runs.
///
/// Boost's tables reach kMaxSobolDimension dimensions. Beyond that (k > kMaxSobolDimension / 2 = 1833
/// parameters) the whole design is a Latin hypercube instead (M. D. McKay, R. J. Beckman and
/// W. J. Conover, Technometrics 21, 239-245, 1979): each of the 2k columns puts one point, jittered
/// uniformly, in each of the N strata, in an order drawn from the seed, the columns independent.
/// SPEC.md allows either ("a scrambled Sobol' sequence or Latin hypercube").
///
/// The design depends only on (n, k, seed): different seeds give independent shifts (or permutations).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace adcov::run {

/// The dimensions of Boost's Sobol' tables (BOOST_RANDOM_SOBOL_MAX_DIMENSION in Boost 1.74).
inline constexpr std::size_t kMaxSobolDimension = 3667;

/// Saltelli's design for k parameters on the unit cube: base matrices A and B (N x k each) from one
/// 2k-dimensional scrambled Sobol' sequence (A = the first k coordinates, B = the last k).
struct SaltelliDesign {
  std::size_t n = 0, k = 0;
  std::vector<double> a, b;  ///< row-major n x k, values in [0,1)
};

/// The design of n base samples of k parameters from `seed`. n a power of two is recommended (see the
/// file comment). \throws adcov::Error when n or k is 0.
SaltelliDesign saltelli_design(std::size_t n, std::size_t k, std::uint64_t seed);

/// Number of model runs: n * (k + 2).
std::size_t saltelli_runs(const SaltelliDesign& d);

/// The unit-cube point of model run `run`, in this order: for each base sample j = 0..n-1:
/// A_j, B_j, then AB_j^(i) (A_j with coordinate i from B_j) for i = 0..k-1. So run = j*(k+2) + m.
/// \throws adcov::Error when run >= saltelli_runs(d).
std::vector<double> saltelli_point(const SaltelliDesign& d, std::size_t run);

}  // namespace adcov::run
