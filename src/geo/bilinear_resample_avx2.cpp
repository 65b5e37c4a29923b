// The bilinear sampler of bilinear_resample.cpp, four cells at a time with
// AVX2 (gathers of the four source pixels); chosen at run time when the CPU
// has AVX2. The common case only: a group of four whose cells all lie with
// their four pixels inside the window, none of them a void, is computed
// here; any other group goes to the scalar sample_bilinear, cell by cell.
#include <immintrin.h>

#include <cstddef>

// Everything after this line is compiled for AVX2; the standard headers above
// are not (their inline functions may be shared with other translation units).
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2")
#endif

#include "bilinear_resample.hpp"

namespace adcov::geo::detail {

// The scalar code's operations, in its order, in double: FMA is not enabled,
// so nothing is contracted and every lane rounds as sample_bilinear does.
void sample_row_avx2(const SourceWindow& src, const double* px, const double* py, int n, float* out) {
  const __m256d half = _mm256_set1_pd(0.5), one = _mm256_set1_pd(1.0), zero = _mm256_setzero_pd();
  const __m256d col0 = _mm256_set1_pd(src.col0), row0 = _mm256_set1_pd(src.row0);
  // i0 + 1 < width, as doubles: fx0 < width - 1 (both integers).
  const __m256d last_x = _mm256_set1_pd(src.width - 1), last_y = _mm256_set1_pd(src.height - 1);
  const __m256i stride = _mm256_set1_epi64x(src.width);
  const float* z = src.z.data();
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256d gx = _mm256_sub_pd(_mm256_sub_pd(_mm256_loadu_pd(px + i), col0), half);
    const __m256d gy = _mm256_sub_pd(_mm256_sub_pd(_mm256_loadu_pd(py + i), row0), half);
    const __m256d fx0 = _mm256_floor_pd(gx), fy0 = _mm256_floor_pd(gy);
    // Ordered comparisons: a NaN coordinate fails them and goes to the scalar path.
    const __m256d inside =
        _mm256_and_pd(_mm256_and_pd(_mm256_cmp_pd(fx0, zero, _CMP_GE_OQ), _mm256_cmp_pd(fy0, zero, _CMP_GE_OQ)),
                      _mm256_and_pd(_mm256_cmp_pd(fx0, last_x, _CMP_LT_OQ), _mm256_cmp_pd(fy0, last_y, _CMP_LT_OQ)));
    if (_mm256_movemask_pd(inside) != 0xF) {
      for (int k = i; k < i + 4; ++k) out[k] = sample_bilinear(src, px[k], py[k]);
      continue;
    }
    const __m256i i0 = _mm256_cvtepi32_epi64(_mm256_cvttpd_epi32(fx0));
    const __m256i j0 = _mm256_cvtepi32_epi64(_mm256_cvttpd_epi32(fy0));
    const __m256i at = _mm256_add_epi64(_mm256_mul_epi32(j0, stride), i0);  // j0 * width + i0
    const __m128 a = _mm256_i64gather_ps(z, at, 4), b = _mm256_i64gather_ps(z + 1, at, 4);
    const __m128 c = _mm256_i64gather_ps(z + src.width, at, 4), d = _mm256_i64gather_ps(z + src.width + 1, at, 4);
    const __m128 filled = _mm_and_ps(_mm_and_ps(_mm_cmpeq_ps(a, a), _mm_cmpeq_ps(b, b)),
                                     _mm_and_ps(_mm_cmpeq_ps(c, c), _mm_cmpeq_ps(d, d)));
    if (_mm_movemask_ps(filled) != 0xF) {  // a void among the pixels: renormalised weights
      for (int k = i; k < i + 4; ++k) out[k] = sample_bilinear(src, px[k], py[k]);
      continue;
    }
    const __m256d u = _mm256_sub_pd(gx, fx0), v = _mm256_sub_pd(gy, fy0);
    const __m256d nu = _mm256_sub_pd(one, u), nv = _mm256_sub_pd(one, v);
    const __m256d top = _mm256_add_pd(_mm256_mul_pd(nu, _mm256_cvtps_pd(a)), _mm256_mul_pd(u, _mm256_cvtps_pd(b)));
    const __m256d bottom =
        _mm256_add_pd(_mm256_mul_pd(nu, _mm256_cvtps_pd(c)), _mm256_mul_pd(u, _mm256_cvtps_pd(d)));
    _mm_storeu_ps(out + i, _mm256_cvtpd_ps(_mm256_add_pd(_mm256_mul_pd(nv, top), _mm256_mul_pd(v, bottom))));
  }
  for (; i < n; ++i) out[i] = sample_bilinear(src, px[i], py[i]);
}

}  // namespace adcov::geo::detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif
