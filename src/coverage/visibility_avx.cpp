// The sweep's line kernel compiled for AVX (8 lanes); chosen at run time by
// visibility.cpp when the CPU has AVX. See sweep_kernel.hpp.
#include <immintrin.h>

#include <cmath>
#include <limits>

// Everything after this line, the kernel template included, is compiled for
// AVX; the standard headers above are not (their inline functions may be
// shared with other translation units).
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx")
#endif

#include "sweep_kernel.hpp"

namespace adcov::coverage::detail {

namespace {

/// 8 lanes, AVX (no FMA is enabled, so nothing can be contracted).
struct AvxOps {
  using F = __m256;
  static constexpr int kW = 8;
  static F set1(float x) { return _mm256_set1_ps(x); }
  static F iota() { return _mm256_setr_ps(0, 1, 2, 3, 4, 5, 6, 7); }
  static F load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, F x) { _mm256_storeu_ps(p, x); }
  static F add(F a, F b) { return _mm256_add_ps(a, b); }
  static F sub(F a, F b) { return _mm256_sub_ps(a, b); }
  static F mul(F a, F b) { return _mm256_mul_ps(a, b); }
  static F div(F a, F b) { return _mm256_div_ps(a, b); }
  static F sqrt(F a) { return _mm256_sqrt_ps(a); }
  static F min(F a, F b) { return _mm256_min_ps(a, b); }
  static F max(F a, F b) { return _mm256_max_ps(a, b); }
  /// a > b ? x : y
  static F select_gt(F a, F b, F x, F y) { return _mm256_blendv_ps(y, x, _mm256_cmp_ps(a, b, _CMP_GT_OQ)); }
};

}  // namespace

void line_kernel_avx_left(int lo, int hi, const LineArgs& a) { line_body<+1, AvxOps>(lo, hi, a); }
void line_kernel_avx_right(int lo, int hi, const LineArgs& a) { line_body<-1, AvxOps>(lo, hi, a); }

}  // namespace adcov::coverage::detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif
