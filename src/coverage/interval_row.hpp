#pragma once
// engage_interval over a row of a battery's window (private to coverage):
// the same doubles bit for bit, two cells at a time. The coverage maps fold
// every visible cell of every battery's window through engage_interval;
// cell by cell that was three times the cost of the visibility sweep itself
// (two square roots and a division in a chain, and a branch on visibility),
// while the same IEEE operations on two lanes at once, without branches,
// give the same numbers faster. std::max(a, b) is (a < b) ? b : a, which is
// SSE2's max(b, a) for every input, NaN and signed zeros included; likewise
// std::min(a, b) is min(b, a).

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cmath>

#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/geodesy.hpp"

namespace adcov::coverage::detail {

/// lo_m[i], hi_m[i] = engage_interval(e, min_visible_h_m[i], sqrt(dx_m[i]^2 +
/// dy_m^2), ground_m[i], antenna_z_m, k_factor) for i in [0, n), as the
/// callers of engage_interval compute the distance (dx * dx + dy * dy);
/// except that a cell seen only from above `wanted_below_m` gets the empty
/// interval {0, -1} at once: its interval starts above that height (lo >=
/// min_visible_h), so a caller asking only about heights up to it loses
/// nothing (counts at altitudes; not the floor, which passes infinity).
inline void engage_interval_row(const SlantEnvelope& e, const float* min_visible_h_m,
                                const double* dx_m, double dy_m, const float* ground_m,
                                double antenna_z_m, double k_factor, double wanted_below_m, int n,
                                double* lo_m, double* hi_m) {
  int i = 0;
#if defined(__SSE2__)
  const double dy2_scalar = dy_m * dy_m;
  const __m128d dy2 = _mm_set1_pd(dy2_scalar);
  const __m128d two_kr =
      _mm_set1_pd(2.0 * k_factor * geo::kEarthRadiusM);  // curvature_drop_sq_m's divisor
  const __m128d max_range = _mm_set1_pd(e.max_range_m),
                max2 = _mm_set1_pd(e.max_range_m * e.max_range_m);
  const __m128d min_range = _mm_set1_pd(e.min_range_m),
                min2 = _mm_set1_pd(e.min_range_m * e.min_range_m);
  const __m128d min_alt = _mm_set1_pd(e.min_alt_m), max_alt = _mm_set1_pd(e.max_alt_m);
  const __m128d antenna = _mm_set1_pd(antenna_z_m), zero = _mm_setzero_pd(),
                never = _mm_set1_pd(1e30);
  const __m128d empty_lo = _mm_setzero_pd(), empty_hi = _mm_set1_pd(-1.0);  // HeightInterval{}
  const __m128d all_ones = _mm_castsi128_pd(_mm_set1_epi32(-1));
  const auto blend = [](__m128d mask, __m128d yes, __m128d no) {
    return _mm_or_pd(_mm_and_pd(mask, yes), _mm_andnot_pd(mask, no));
  };
  const auto two_floats = [](const float* p) {
    return _mm_cvtps_pd(_mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))));
  };
  // Beyond this squared distance a cell is surely beyond max_range (sqrt is
  // correctly rounded; the margin covers the rounding of both squares), so a
  // pair hidden or that far is empty without its square roots.
  const __m128d far2 = _mm_set1_pd(e.max_range_m * e.max_range_m * (1 + 1e-9));
  const __m128d wanted =
      _mm_set1_pd(std::min(wanted_below_m, 1e30));  // and visible at all (vis < 1e30)
  for (; i + 2 <= n; i += 2) {
    const __m128d vis = two_floats(min_visible_h_m + i);
    const __m128d dx = _mm_loadu_pd(dx_m + i);
    const __m128d d2 = _mm_add_pd(_mm_mul_pd(dx, dx), dy2);
    const __m128d seen = _mm_and_pd(_mm_cmplt_pd(vis, never), _mm_cmple_pd(vis, wanted));
    if (!_mm_movemask_pd(_mm_andnot_pd(_mm_cmpgt_pd(d2, far2), seen))) {
      _mm_storeu_pd(lo_m + i, empty_lo);
      _mm_storeu_pd(hi_m + i, empty_hi);
      continue;
    }
    const __m128d ground = two_floats(ground_m + i);
    const __m128d d = _mm_sqrt_pd(d2);
    const __m128d dd = _mm_mul_pd(d, d);
    const __m128d base = _mm_sub_pd(_mm_add_pd(antenna, _mm_div_pd(dd, two_kr)), ground);
    const __m128d s = _mm_sqrt_pd(_mm_sub_pd(max2, dd));
    __m128d lo = _mm_max_pd(_mm_max_pd(zero, _mm_sub_pd(base, s)), _mm_max_pd(min_alt, vis));
    const __m128d inside = _mm_cmplt_pd(d, min_range);
    if (_mm_movemask_pd(
            inside)) {  // within the minimum range: rare, a small disc round the battery
      const __m128d inside_min = _mm_add_pd(base, _mm_sqrt_pd(_mm_sub_pd(min2, dd)));
      lo = blend(inside, _mm_max_pd(inside_min, lo), lo);
    }
    __m128d hi = _mm_min_pd(_mm_add_pd(base, s), max_alt);
    // Empty: hidden, seen only from above the heights wanted, or beyond max range.
    const __m128d out = _mm_or_pd(_mm_xor_pd(seen, all_ones), _mm_cmpgt_pd(d, max_range));
    _mm_storeu_pd(lo_m + i, blend(out, empty_lo, lo));
    _mm_storeu_pd(hi_m + i, blend(out, empty_hi, hi));
  }
#endif
  for (; i < n; ++i) {
    HeightInterval iv;  // empty
    if (min_visible_h_m[i] <= wanted_below_m)
      iv = engage_interval(e, min_visible_h_m[i], std::sqrt(dx_m[i] * dx_m[i] + dy_m * dy_m),
                           ground_m[i], antenna_z_m, k_factor);
    lo_m[i] = iv.lo_m, hi_m[i] = iv.hi_m;
  }
}

}  // namespace adcov::coverage::detail
