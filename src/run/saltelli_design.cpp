#include "adcov/run/saltelli_design.hpp"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "adcov/engage/rng.hpp"
#include "adcov/error.hpp"

namespace adcov::run {
namespace {

static_assert(kMaxSobolDimension == boost::random::detail::qrng_tables::sobol::max_dimension,
              "kMaxSobolDimension must be Boost's Sobol' table size");

// What a design draw is for: the words of the counter-based keys (engage/rng.hpp), so that the
// shifts, permutations and jitters are pure functions of (seed, purpose, indices).
enum class DesignDraw : std::uint64_t { digital_shift = 1, stratum_order = 2, jitter = 3 };

std::uint64_t design_word(std::uint64_t seed, DesignDraw what, std::uint64_t a, std::uint64_t b = 0) {
  return engage::hash_words(engage::mix64(seed), {static_cast<std::uint64_t>(what), a, b});
}

// Uniform integer in [0, m) from 64 random bits: floor(u m) with u in [0, 1) of 53 bits; the bias, below
// m / 2^53, is immaterial for strata counts. The min() guards the rounding of u m up to m.
std::size_t below(std::uint64_t bits, std::size_t m) {
  return std::min(m - 1, static_cast<std::size_t>(engage::to_unit(bits) * static_cast<double>(m)));
}

// The 2k columns of the n x 2k design, row-major, from the shifted Sobol' sequence.
std::vector<double> sobol_columns(std::size_t n, std::size_t dims, std::uint64_t seed) {
  std::vector<std::uint64_t> shift(dims);
  for (std::size_t c = 0; c < dims; ++c) shift[c] = design_word(seed, DesignDraw::digital_shift, c);
  std::vector<double> x(n * dims);
  // Row 0: the origin, which Boost omits, shifted (Owen 2022; file comment of the header).
  for (std::size_t c = 0; c < dims; ++c) x[c] = engage::to_unit(shift[c]);
  boost::random::sobol gen(dims);
  for (std::size_t j = 1; j < n; ++j)
    for (std::size_t c = 0; c < dims; ++c) x[j * dims + c] = engage::to_unit(gen() ^ shift[c]);
  return x;
}

// The fallback beyond Boost's tables: a Latin hypercube (McKay et al. 1979), each column an
// independent seeded order of the n strata (Fisher-Yates) with a uniform jitter in each.
std::vector<double> latin_columns(std::size_t n, std::size_t dims, std::uint64_t seed) {
  std::vector<double> x(n * dims);
  std::vector<std::size_t> order(n);
  for (std::size_t c = 0; c < dims; ++c) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t j = n; j > 1; --j)
      std::swap(order[j - 1], order[below(design_word(seed, DesignDraw::stratum_order, c, j), j)]);
    for (std::size_t j = 0; j < n; ++j) {
      const double u = engage::to_unit(design_word(seed, DesignDraw::jitter, c, j));
      // (stratum + u) / n < 1 in exact arithmetic; rounding could reach 1 only in the last stratum.
      const double v = (static_cast<double>(order[j]) + u) / static_cast<double>(n);
      x[j * dims + c] = v < 1.0 ? v : std::nextafter(1.0, 0.0);
    }
  }
  return x;
}

}  // namespace

SaltelliDesign saltelli_design(std::size_t n, std::size_t k, std::uint64_t seed) {
  if (n == 0 || k == 0)
    throw Error("saltelli_design: needs at least one sample and one parameter (n = " + std::to_string(n) +
                ", k = " + std::to_string(k) + ")");
  const std::size_t dims = 2 * k;
  const std::vector<double> x =
      dims <= kMaxSobolDimension ? sobol_columns(n, dims, seed) : latin_columns(n, dims, seed);
  SaltelliDesign d{n, k, std::vector<double>(n * k), std::vector<double>(n * k)};
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i < k; ++i) {
      d.a[j * k + i] = x[j * dims + i];
      d.b[j * k + i] = x[j * dims + k + i];
    }
  return d;
}

std::size_t saltelli_runs(const SaltelliDesign& d) { return d.n * (d.k + 2); }

std::vector<double> saltelli_point(const SaltelliDesign& d, std::size_t run) {
  if (run >= saltelli_runs(d))
    throw Error("saltelli_point: run " + std::to_string(run) + " of a design of " +
                std::to_string(saltelli_runs(d)) + " runs");
  const std::size_t j = run / (d.k + 2), m = run % (d.k + 2);
  const auto row = [&](const std::vector<double>& x) {
    return std::vector<double>(x.begin() + static_cast<std::ptrdiff_t>(j * d.k),
                               x.begin() + static_cast<std::ptrdiff_t>((j + 1) * d.k));
  };
  if (m == 1) return row(d.b);
  std::vector<double> p = row(d.a);
  if (m >= 2) p[m - 2] = d.b[j * d.k + (m - 2)];
  return p;
}

}  // namespace adcov::run
