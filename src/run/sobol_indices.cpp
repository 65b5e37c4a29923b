#include "adcov/run/sobol_indices.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "adcov/engage/rng.hpp"
#include "adcov/engage/statistics.hpp"
#include "adcov/error.hpp"

namespace adcov::run {
namespace {

// The per-sample terms, computed once so that a resample costs O(n k) additions: with z = f - c the
// outputs about c, the mean of f_A and f_B over the n samples,
//   za, zb       f_A - c, f_B - c                     (V and the resample's centring),
//   d[j k + i]   f_AB^(i) - f_A                       (centring correction of S1),
//   p[j k + i]   (f_B - c)(f_AB^(i) - f_A)            (Saltelli 2010, Table 2 eq. (b)),
//   q[j k + i]   (f_A - f_AB^(i))^2 / 2               (Jansen 1999).
struct SampleTerms {
  std::size_t n = 0, k = 0;
  std::vector<double> za, zb, d, p, q;
};

SampleTerms sample_terms(std::span<const double> y, std::size_t n, std::size_t k) {
  SampleTerms t{n, k, std::vector<double>(n), std::vector<double>(n), std::vector<double>(n * k),
                std::vector<double>(n * k), std::vector<double>(n * k)};
  const std::size_t runs = k + 2;
  double sum = 0;
  for (std::size_t j = 0; j < n; ++j) sum += y[j * runs] + y[j * runs + 1];
  const double c = sum / static_cast<double>(2 * n);
  for (std::size_t j = 0; j < n; ++j) {
    const double fa = y[j * runs];
    t.za[j] = fa - c;
    t.zb[j] = y[j * runs + 1] - c;
    for (std::size_t i = 0; i < k; ++i) {
      const double d = y[j * runs + 2 + i] - fa;
      t.d[j * k + i] = d;
      t.p[j * k + i] = t.zb[j] * d;
      t.q[j * k + i] = 0.5 * d * d;
    }
  }
  return t;
}

// The indices of the base samples `draw` (a multiset of n sample numbers) into s1[i], st[i]; `acc` is
// scratch of 3k. The resample's own centre c* = c + m and variance V* are recomputed, so that the
// bootstrap repeats the whole estimator: S1 = mean((f_B - c*)(f_AB - f_A)) / V* = (mean p - m mean d) / V*.
void indices_of(const SampleTerms& t, std::span<const std::size_t> draw, std::vector<double>& acc, double* s1,
                double* st) {
  const std::size_t k = t.k;
  std::fill(acc.begin(), acc.end(), 0.0);
  double* sp = acc.data();
  double* sd = sp + k;
  double* sq = sd + k;
  double sz = 0, szz = 0;
  for (const std::size_t j : draw) {
    sz += t.za[j] + t.zb[j];
    szz += t.za[j] * t.za[j] + t.zb[j] * t.zb[j];
    const double* pj = &t.p[j * k];
    const double* dj = &t.d[j * k];
    const double* qj = &t.q[j * k];
    for (std::size_t i = 0; i < k; ++i) {
      sp[i] += pj[i];
      sd[i] += dj[i];
      sq[i] += qj[i];
    }
  }
  const double n = static_cast<double>(draw.size());
  const double m = sz / (2 * n);
  const double v = szz / (2 * n) - m * m;
  for (std::size_t i = 0; i < k; ++i) {
    // A resample of equal outputs has no variance to apportion: its indices are 0.
    s1[i] = v > 0 ? (sp[i] / n - m * sd[i] / n) / v : 0.0;
    st[i] = v > 0 ? sq[i] / n / v : 0.0;
  }
}

}  // namespace

std::vector<SobolEstimate> sobol_indices(std::span<const double> y, std::size_t n, std::size_t k, int resamples,
                                         std::uint64_t seed) {
  if (n == 0 || k == 0)
    throw Error("sobol_indices: needs at least one sample and one parameter (n = " + std::to_string(n) +
                ", k = " + std::to_string(k) + ")");
  if (y.size() != n * (k + 2))
    throw Error("sobol_indices: " + std::to_string(y.size()) + " outputs, a Saltelli design of " +
                std::to_string(n) + " samples and " + std::to_string(k) + " parameters has " +
                std::to_string(n * (k + 2)));
  if (resamples < 0) throw Error("sobol_indices: " + std::to_string(resamples) + " bootstrap resamples");
  for (std::size_t r = 0; r < y.size(); ++r)
    if (!std::isfinite(y[r]))
      throw Error("sobol_indices: the output of model run " + std::to_string(r) + " is not finite");

  std::vector<SobolEstimate> out(k);
  bool constant = true;
  for (std::size_t j = 0; j < n && constant; ++j)
    constant = y[j * (k + 2)] == y[0] && y[j * (k + 2) + 1] == y[0];
  if (constant) return out;  // zero variance: every index and interval 0

  const SampleTerms t = sample_terms(y, n, k);
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  std::vector<double> acc(3 * k), s1(k), st(k);
  indices_of(t, all, acc, s1.data(), st.data());
  for (std::size_t i = 0; i < k; ++i) out[i] = {s1[i], s1[i], s1[i], st[i], st[i], st[i]};
  if (resamples == 0) return out;

  // Resample r, draw u picks base sample floor(U n) with U = to_unit(hash(seed, r, u)): a pure function
  // of (seed, r, u), so each resample is the same whichever thread computes it.
  const std::size_t nr = static_cast<std::size_t>(resamples);
  std::vector<double> boot_s1(nr * k), boot_st(nr * k);  // resample-major
  const std::uint64_t key = engage::mix64(seed);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, nr), [&](const tbb::blocked_range<std::size_t>& rs) {
    std::vector<std::size_t> draw(n);
    std::vector<double> scratch(3 * k);
    for (std::size_t r = rs.begin(); r != rs.end(); ++r) {
      for (std::size_t u = 0; u < n; ++u) {
        const double unit = engage::to_unit(engage::hash_words(key, {r, u}));
        draw[u] = std::min(n - 1, static_cast<std::size_t>(unit * static_cast<double>(n)));
      }
      indices_of(t, draw, scratch, &boot_s1[r * k], &boot_st[r * k]);
    }
  });

  std::vector<double> col(nr);
  const auto interval = [&](const std::vector<double>& boot, std::size_t i, double& lo, double& hi) {
    for (std::size_t r = 0; r < nr; ++r) col[r] = boot[r * k + i];
    lo = engage::quantile(col, 0.025);
    hi = engage::quantile(col, 0.975);
  };
  for (std::size_t i = 0; i < k; ++i) {
    interval(boot_s1, i, out[i].s1_lo, out[i].s1_hi);
    interval(boot_st, i, out[i].st_lo, out[i].st_hi);
  }
  return out;
}

}  // namespace adcov::run
