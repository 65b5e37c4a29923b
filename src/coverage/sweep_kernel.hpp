#pragma once
// The per-line kernel of the visibility sweep (see visibility.cpp for the
// recurrence), written once as a template over a vector type. Included by
// visibility.cpp (SSE2, every x86-64) and by visibility_avx.cpp, which
// compiles it under `#pragma GCC target("avx")` for CPUs that have AVX.
// Everything with code here has internal linkage (an unnamed namespace), so
// the AVX instantiations can never be linked into the SSE2 path.
//
// Every lane does the same IEEE operations (add, sub, mul, div, sqrt, min,
// max: correctly rounded) in the same order as cell_scalar, and neither
// target enables FMA, so nothing can be contracted: the result is the same
// bit for bit whichever path, vector width or CPU computes a cell.

#include <cmath>
#include <limits>

namespace adcov::coverage::detail {

/// Everything one line's kernel reads and writes.
struct LineArgs {
  const float* __restrict g;   ///< terrain of this line
  const float* __restrict sp;  ///< horizon slopes of the previous line
  const float* __restrict zp;  ///< reduced heights of the previous line
  float* __restrict sc;        ///< horizon slopes of this line
  float* __restrict zc;        ///< reduced heights of this line
  float* __restrict h;         ///< result of this line
  /// The observer along the line: cell ob plus ox (in [0, 1)). A cell's
  /// offset is (i - ob) - ox, an exact integer less a fraction rounded once,
  /// so it is the same wherever the window starts: a grid cut differently
  /// (docs/coverage.md, "The analysis grid") gives the same bits.
  int ob;
  float ox, dy2, cell2, inv2kr, za, inv_dy, cross, tmin, reach;
};

/// The AVX kernels (visibility_avx.cpp): cells [lo, hi] of a line with the
/// second neighbour at i + 1 (left of the observer) / i - 1 (right of it).
void line_kernel_avx_left(int lo, int hi, const LineArgs& a);
void line_kernel_avx_right(int lo, int hi, const LineArgs& a);

namespace {

/// max on values, written as a select the vectoriser turns into maxps
/// (std::max returns a reference, which it treats as control flow).
inline float vmax(float a, float b) { return a > b ? a : b; }
inline float vmin(float a, float b) { return a < b ? a : b; }

/// One cell of the recurrence (see the file comment); kNb is the offset of
/// the second neighbour: +1 left of the observer, -1 right of it.
template <int kNb>
inline void cell_scalar(int i, const LineArgs& a) {
  const float dx = static_cast<float>(i - a.ob) - a.ox;
  const float d2 = (dx * dx + a.dy2) * a.cell2;
  const float d = std::sqrt(d2);
  const float z = a.g[i] - d2 * a.inv2kr - a.za;
  const float w = vmin((kNb > 0 ? -dx : dx) * a.inv_dy, 1.0f);
  const float inv_dc = a.cross / d;
  const float ha = vmax(a.sp[i], a.zp[i] * inv_dc);
  const float hb = vmax(a.sp[i + kNb], a.zp[i + kNb] * inv_dc);
  const float zx = (1.0f - w) * a.zp[i] + w * a.zp[i + kNb];
  const float s = vmax((1.0f - w) * ha + w * hb, zx * inv_dc);
  a.sc[i] = s;
  a.zc[i] = z;
  const float h = vmax(d * vmax(s, a.tmin) - z, 0.0f);
  a.h[i] = d > a.reach ? std::numeric_limits<float>::infinity() : h;
}

/// A cell whose second neighbour on the previous line is off the line (see
/// sweep_quadrant): the horizon through its one neighbour, and the terrain
/// there. Equal to cell_scalar where that has w = 0.
inline void cell_one_neighbour(int i, const LineArgs& a) {
  const float dx = static_cast<float>(i - a.ob) - a.ox;
  const float d2 = (dx * dx + a.dy2) * a.cell2;
  const float d = std::sqrt(d2);
  const float z = a.g[i] - d2 * a.inv2kr - a.za;
  const float inv_dc = a.cross / d;
  const float s = vmax(a.sp[i], a.zp[i] * inv_dc);
  a.sc[i] = s;
  a.zc[i] = z;
  const float h = vmax(d * vmax(s, a.tmin) - z, 0.0f);
  a.h[i] = d > a.reach ? std::numeric_limits<float>::infinity() : h;
}

/// Cells [lo, hi] of a line, `V::kW` at a time with the vector ops `V`
/// (SseOps, AvxOps: static functions on V::F, a vector of kW floats), the
/// rest by cell_scalar. GCC does not vectorise std::sqrt without
/// -fno-math-errno, hence intrinsics.
template <int kNb, class V>
inline void line_body(int lo, int hi, const LineArgs& a) {
  using F = typename V::F;
  int i = lo;
  const F ox = V::set1(a.ox), dy2 = V::set1(a.dy2), cell2 = V::set1(a.cell2);
  const F inv2kr = V::set1(a.inv2kr), za = V::set1(a.za), inv_dy = V::set1(a.inv_dy);
  const F cross = V::set1(a.cross), tmin = V::set1(a.tmin), reach = V::set1(a.reach);
  const F one = V::set1(1.0f), zero = V::set1(0.0f);
  const F inf = V::set1(std::numeric_limits<float>::infinity());
  const F step = V::iota();
  for (; i + V::kW - 1 <= hi; i += V::kW) {
    const F dx = V::sub(V::add(V::set1(static_cast<float>(i - a.ob)), step), ox);
    const F d2 = V::mul(V::add(V::mul(dx, dx), dy2), cell2);
    const F d = V::sqrt(d2);
    const F z = V::sub(V::sub(V::load(a.g + i), V::mul(d2, inv2kr)), za);
    const F sdx = kNb > 0 ? V::sub(zero, dx) : dx;
    const F w = V::min(V::mul(sdx, inv_dy), one);
    const F w1 = V::sub(one, w);
    const F inv_dc = V::div(cross, d);
    const F zpa = V::load(a.zp + i), zpb = V::load(a.zp + i + kNb);
    const F ha = V::max(V::load(a.sp + i), V::mul(zpa, inv_dc));
    const F hb = V::max(V::load(a.sp + i + kNb), V::mul(zpb, inv_dc));
    const F zx = V::add(V::mul(w1, zpa), V::mul(w, zpb));
    const F s = V::max(V::add(V::mul(w1, ha), V::mul(w, hb)), V::mul(zx, inv_dc));
    V::store(a.sc + i, s);
    V::store(a.zc + i, z);
    const F h = V::max(V::sub(V::mul(d, V::max(s, tmin)), z), zero);
    V::store(a.h + i, V::select_gt(d, reach, inf, h));
  }
  for (; i <= hi; ++i) cell_scalar<kNb>(i, a);
}

}  // namespace

}  // namespace adcov::coverage::detail
