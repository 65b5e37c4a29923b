// Per-battery visibility by a row sweep (the reference-plane idea behind
// gdal_viewshed and XDraw: Franklin & Ray, "Higher isn't necessarily better:
// visibility algorithms and experiments", 6th SDH, 1994; Wang, Robinson &
// White, "Generating viewsheds without using sightlines", PE&RS 66(1), 2000),
// carrying horizon slopes rather than heights.
//
// Notation (window cells; cell (i, j) has its centre at (i, j)):
//   (ox, oy)   observer position, fractional
//   line       a row (north/south quadrants) or a column (east/west), at
//              distance dy > 0 cells from the observer
//   dx         i - ox along the line;  d = cell * sqrt(dx^2 + dy^2) in metres
//   Z(i)       reduced height: ground - d^2/(2kR) - antenna_z  (SPEC curved frame)
//   S(i)       horizon slope: max over terrain strictly between the antenna and
//              cell i of Z/d (the tangent of the highest depression/elevation)
//   w          |dx|/dy: where the ray to (i, line) crosses the previous line,
//              between the previous line's cells i and i - sign(dx)
//
// Recurrence for a cell of a quadrant (|dx| <= dy), with the previous line's
// neighbours a = i and b = i - sign(dx), seen at the crossing distance
// d_cross = d (dy - 1)/dy:
//   H_a = max(S_prev[a], Z_prev[a] / d_cross)          horizon through neighbour a
//   S   = max( (1-w) H_a + w H_b,                       horizon beyond the crossing
//              ((1-w) Z_prev[a] + w Z_prev[b]) / d_cross )  terrain at the crossing
//   min visible height above ground  h = max(0, d * max(S, tan(min_el)) - Z)
// because a target at height h is seen iff (Z + h)/d >= max(S, tan(min_el)).
// The terrain sample at the crossing is exactly R3's sample on that line; only
// the horizon beyond it is interpolated. (Interpolating S alone, the nearest
// neighbour's S, or the max of the two were measured worse against R3 on the
// SRTM test: see docs/coverage.md.) Each line reads only the previous line,
// so the inner loops are branch-free and vectorise.
#include <oneapi/tbb/parallel_invoke.h>

#include <algorithm>
#if defined(__SSE2__)
#include <immintrin.h>
#endif
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "adcov/coverage/visibility.hpp"
#include "visibility_window.hpp"

namespace adcov::coverage {

namespace {

using detail::kNoHorizon;

/// max on values, written as a select the vectoriser turns into maxps
/// (std::max returns a reference, which it treats as control flow).
inline float vmax(float a, float b) { return a > b ? a : b; }
inline float vmin(float a, float b) { return a < b ? a : b; }

/// Everything one line's kernel reads and writes.
struct LineArgs {
  const float* __restrict g;   ///< terrain of this line
  const float* __restrict sp;  ///< horizon slopes of the previous line
  const float* __restrict zp;  ///< reduced heights of the previous line
  float* __restrict sc;        ///< horizon slopes of this line
  float* __restrict zc;        ///< reduced heights of this line
  float* __restrict h;         ///< result of this line
  float ox, dy2, cell2, inv2kr, za, inv_dy, cross, tmin, reach;
};

/// One cell of the recurrence (see the file comment); kNb is the offset of
/// the second neighbour: +1 left of the observer, -1 right of it.
template <int kNb>
inline void cell_scalar(int i, const LineArgs& a) {
  const float dx = static_cast<float>(i) - a.ox;
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

/// Cells [lo, hi] of a line. GCC does not vectorise std::sqrt without
/// -fno-math-errno, so the x86 path is written with SSE intrinsics (same
/// operations in the same order as cell_scalar, four cells at a time).
template <int kNb>
void line_kernel(int lo, int hi, const LineArgs& a) {
  int i = lo;
#if defined(__SSE2__)
  const __m128 ox = _mm_set1_ps(a.ox), dy2 = _mm_set1_ps(a.dy2), cell2 = _mm_set1_ps(a.cell2);
  const __m128 inv2kr = _mm_set1_ps(a.inv2kr), za = _mm_set1_ps(a.za), inv_dy = _mm_set1_ps(a.inv_dy);
  const __m128 cross = _mm_set1_ps(a.cross), tmin = _mm_set1_ps(a.tmin), reach = _mm_set1_ps(a.reach);
  const __m128 one = _mm_set1_ps(1.0f), zero = _mm_setzero_ps();
  const __m128 inf = _mm_set1_ps(std::numeric_limits<float>::infinity());
  const __m128 step = _mm_setr_ps(0.0f, 1.0f, 2.0f, 3.0f);
  for (; i + 3 <= hi; i += 4) {
    const __m128 dx = _mm_sub_ps(_mm_add_ps(_mm_set1_ps(static_cast<float>(i)), step), ox);
    const __m128 d2 = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(dx, dx), dy2), cell2);
    const __m128 d = _mm_sqrt_ps(d2);
    const __m128 z = _mm_sub_ps(_mm_sub_ps(_mm_loadu_ps(a.g + i), _mm_mul_ps(d2, inv2kr)), za);
    const __m128 sdx = kNb > 0 ? _mm_sub_ps(zero, dx) : dx;
    const __m128 w = _mm_min_ps(_mm_mul_ps(sdx, inv_dy), one);
    const __m128 w1 = _mm_sub_ps(one, w);
    const __m128 inv_dc = _mm_div_ps(cross, d);
    const __m128 zpa = _mm_loadu_ps(a.zp + i), zpb = _mm_loadu_ps(a.zp + i + kNb);
    const __m128 ha = _mm_max_ps(_mm_loadu_ps(a.sp + i), _mm_mul_ps(zpa, inv_dc));
    const __m128 hb = _mm_max_ps(_mm_loadu_ps(a.sp + i + kNb), _mm_mul_ps(zpb, inv_dc));
    const __m128 zx = _mm_add_ps(_mm_mul_ps(w1, zpa), _mm_mul_ps(w, zpb));
    const __m128 s = _mm_max_ps(_mm_add_ps(_mm_mul_ps(w1, ha), _mm_mul_ps(w, hb)), _mm_mul_ps(zx, inv_dc));
    _mm_storeu_ps(a.sc + i, s);
    _mm_storeu_ps(a.zc + i, z);
    const __m128 h = _mm_max_ps(_mm_sub_ps(_mm_mul_ps(d, _mm_max_ps(s, tmin)), z), zero);
    const __m128 far = _mm_cmpgt_ps(d, reach);
    _mm_storeu_ps(a.h + i, _mm_or_ps(_mm_and_ps(far, inf), _mm_andnot_ps(far, h)));
  }
#endif
  for (; i <= hi; ++i) cell_scalar<kNb>(i, a);
}

struct SweepParams {
  float ox = 0;        ///< observer along the line (cells)
  float dy0 = 0;       ///< distance of the first line from the observer (cells), in (0, 1]
  float cell_m = 0;
  float inv_2kr = 0;   ///< 1 / (2 k R)
  float antenna_z = 0;
  float tan_min_el = 0;
  float reach_m = 0;
  bool strict = false; ///< quadrant is |dx| < dy (east/west) rather than |dx| <= dy
};

/// One quadrant: `nlines` lines outward from the observer. Cell i of line k
/// is g[k*gstep + i*gstride] (terrain) and out[k*ostep + i*ostride]; `len`
/// cells a line. Writes only the quadrant's cells of `out`. Lines that are
/// columns (stride > 1) are gathered into a contiguous buffer first: the
/// column band a sweep walks through stays in L2, so this costs far less than
/// transposing the window.
void sweep_quadrant(const float* g, std::ptrdiff_t gstep, std::ptrdiff_t gstride, float* out, std::ptrdiff_t ostep,
                    std::ptrdiff_t ostride, int nlines, int len, const SweepParams& p) {
  std::vector<float> buf(6 * static_cast<std::size_t>(len));
  float* gbuf = buf.data() + 5 * static_cast<std::size_t>(len);
  float* sp = buf.data();           // S of the previous line
  float* zp = sp + len;             // Z of the previous line
  float* sc = zp + len;             // S of this line
  float* zc = sc + len;             // Z of this line
  float* hl = zc + len;             // result of this line
  std::fill(sp, sp + len, kNoHorizon);
  std::fill(zp, zp + len, 0.0f);
  std::fill(sc, sc + len, kNoHorizon);
  std::fill(zc, zc + len, 0.0f);
  const float cell2 = p.cell_m * p.cell_m;
  const double ox = p.ox;
  const int split = static_cast<int>(std::floor(ox)) + 1;  // cells >= split have dx > 0

  for (int k = 0; k < nlines; ++k) {
    const double dyd = static_cast<double>(p.dy0) + k;
    const float dy = static_cast<float>(dyd);
    // The quadrant on this line, and one cell more each side: those extra
    // cells are neighbours (weight < 1/dy) of the next line's edge cells.
    int qlo, qhi;
    if (p.strict) {
      qlo = static_cast<int>(std::floor(ox - dyd)) + 1;
      qhi = static_cast<int>(std::ceil(ox + dyd)) - 1;
    } else {
      qlo = static_cast<int>(std::ceil(ox - dyd));
      qhi = static_cast<int>(std::floor(ox + dyd));
    }
    const int elo = std::max(0, qlo - 1), ehi = std::min(len - 1, qhi + 1);
    qlo = std::max(qlo, 0), qhi = std::min(qhi, len - 1);
    const float* line = g + k * gstep;
    if (gstride != 1)
      for (int i = elo; i <= ehi; ++i) gbuf[i] = line[i * gstride];
    const float* __restrict gl = gstride == 1 ? line : gbuf;
    const float dy2 = dy * dy, inv_dy = 1.0f / dy;
    const bool has_prev = dyd - 1.0 > 1e-6;
    const float cross = has_prev ? static_cast<float>(dyd / (dyd - 1.0)) : 0.0f;  // d / d_cross
    const float fox = p.ox, inv2kr = p.inv_2kr, za = p.antenna_z, tmin = p.tan_min_el, reach = p.reach_m;

    if (has_prev) {
      const LineArgs la{gl, sp, zp, sc, zc, hl, fox, dy2, cell2, inv2kr, za, inv_dy, cross, tmin, reach};
      line_kernel<+1>(elo, std::min(ehi, split - 1), la);  // dx <= 0: neighbours i and i+1
      line_kernel<-1>(std::max(elo, split), ehi, la);      // dx > 0: neighbours i and i-1
    } else {
      for (int i = elo; i <= ehi; ++i) {
        const float dx = static_cast<float>(i) - fox;
        const float d2 = (dx * dx + dy2) * cell2;
        const float d = std::sqrt(d2);
        const float z = gl[i] - d2 * inv2kr - za;
        sc[i] = kNoHorizon;
        zc[i] = z;
        const float h = vmax(d * vmax(kNoHorizon, tmin) - z, 0.0f);
        hl[i] = d > reach ? std::numeric_limits<float>::infinity() : h;
      }
    }
    float* oline = out + k * ostep;
    if (ostride == 1)
      std::copy(hl + qlo, hl + std::max(qlo, qhi + 1), oline + qlo);
    else
      for (int i = qlo; i <= qhi; ++i) oline[i * ostride] = hl[i];
    std::swap(sp, sc);
    std::swap(zp, zc);
  }
}

}  // namespace

VisibilityWindow compute_visibility(const geo::TerrainGrid& t, const Observer& o, double k_factor) {
  const detail::WindowSetup ws = detail::setup_window(t, o);
  VisibilityWindow v;
  v.col0 = ws.col0, v.row0 = ws.row0, v.width = ws.width, v.height = ws.height;
  v.antenna_z_m = ws.antenna_z_m;
  const std::size_t n = static_cast<std::size_t>(ws.width) * ws.height;
  constexpr float kUnset = -1.0f;  // heights are >= 0: marks cells no quadrant wrote
  v.min_visible_h_m.assign(n, kUnset);

  SweepParams p;
  p.cell_m = static_cast<float>(t.grid.cell_m);
  p.inv_2kr = static_cast<float>(1.0 / (2.0 * k_factor * geo::kEarthRadiusM));
  p.antenna_z = static_cast<float>(ws.antenna_z_m);
  p.tan_min_el = static_cast<float>(std::max(ws.tan_min_el, -1e6));
  p.reach_m = static_cast<float>(o.reach_m);

  const float* g0 = t.ground_m.data() + static_cast<std::size_t>(ws.row0) * t.grid.width + ws.col0;
  const std::ptrdiff_t gw = t.grid.width, w = ws.width;
  float* out = v.min_visible_h_m.data();
  // Lines before the observer (decreasing index) and after it, in each axis.
  const int rb = static_cast<int>(std::ceil(ws.oy)) - 1, ra = static_cast<int>(std::floor(ws.oy)) + 1;
  const int cb = static_cast<int>(std::ceil(ws.ox)) - 1, ca = static_cast<int>(std::floor(ws.ox)) + 1;
  SweepParams ns = p, ew = p;
  ns.ox = static_cast<float>(ws.ox);
  ew.ox = static_cast<float>(ws.oy);
  ew.strict = true;  // diagonal cells belong to north/south
  auto north = [&] {
    if (rb < 0) return;
    SweepParams q = ns;
    q.dy0 = static_cast<float>(ws.oy - rb);
    sweep_quadrant(g0 + rb * gw, -gw, 1, out + rb * w, -w, 1, rb + 1, ws.width, q);
  };
  auto south = [&] {
    if (ra >= ws.height) return;
    SweepParams q = ns;
    q.dy0 = static_cast<float>(ra - ws.oy);
    sweep_quadrant(g0 + ra * gw, gw, 1, out + ra * w, w, 1, ws.height - ra, ws.width, q);
  };
  auto west = [&] {
    if (cb < 0) return;
    SweepParams q = ew;
    q.dy0 = static_cast<float>(ws.ox - cb);
    sweep_quadrant(g0 + cb, -1, gw, out + cb, -1, w, cb + 1, ws.height, q);
  };
  auto east = [&] {
    if (ca >= ws.width) return;
    SweepParams q = ew;
    q.dy0 = static_cast<float>(ca - ws.ox);
    sweep_quadrant(g0 + ca, 1, gw, out + ca, 1, w, ws.width - ca, ws.height, q);
  };
  tbb::parallel_invoke(north, south, west, east);
  // Every cell but the observer's own belongs to one quadrant; that one is
  // unset when the antenna sits exactly on its centre.
  const int oc = static_cast<int>(std::lround(ws.ox)), orow = static_cast<int>(std::lround(ws.oy));
  float& own = v.min_visible_h_m[static_cast<std::size_t>(orow) * ws.width + oc];
  if (own < 0.0f) own = 0.0f;
  return v;
}

}  // namespace adcov::coverage
