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
//   Z(i)       reduced height: ground - d^2/(2kR) - antenna_z  (docs/model.md, "Geometry")
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
#include "adcov/geo/big_buffer.hpp"
#include "adcov/geo/geodesy.hpp"
#include "sweep_kernel.hpp"
#include "visibility_window.hpp"

namespace adcov::coverage {

namespace {

using detail::kNoHorizon;

using detail::LineArgs;
using detail::vmax;

#if defined(__SSE2__)
/// 4 lanes, SSE2 (every x86-64).
struct SseOps {
  using F = __m128;
  static constexpr int kW = 4;
  static F set1(float x) { return _mm_set1_ps(x); }
  static F iota() { return _mm_setr_ps(0, 1, 2, 3); }
  static F load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, F x) { _mm_storeu_ps(p, x); }
  static F add(F a, F b) { return _mm_add_ps(a, b); }
  static F sub(F a, F b) { return _mm_sub_ps(a, b); }
  static F mul(F a, F b) { return _mm_mul_ps(a, b); }
  static F div(F a, F b) { return _mm_div_ps(a, b); }
  static F sqrt(F a) { return _mm_sqrt_ps(a); }
  static F min(F a, F b) { return _mm_min_ps(a, b); }
  static F max(F a, F b) { return _mm_max_ps(a, b); }
  /// a > b ? x : y
  static F select_gt(F a, F b, F x, F y) {
    const F m = _mm_cmpgt_ps(a, b);
    return _mm_or_ps(_mm_and_ps(m, x), _mm_andnot_ps(m, y));
  }
};

#endif

template <int kNb>
void line_kernel(int lo, int hi, const LineArgs& a) {
#if defined(__SSE2__)
#if defined(__GNUC__)
  static const bool has_avx = __builtin_cpu_supports("avx");
  if (has_avx) return kNb > 0 ? detail::line_kernel_avx_left(lo, hi, a) : detail::line_kernel_avx_right(lo, hi, a);
#endif
  detail::line_body<kNb, SseOps>(lo, hi, a);
#else
  for (int i = lo; i <= hi; ++i) detail::cell_scalar<kNb>(i, a);
#endif
}

struct SweepParams {
  double ox = 0;       ///< observer along the line (cells)
  float dy0 = 0;       ///< distance of the first line from the observer (cells), in (0, 1]
  float cell_m = 0;
  float inv_2kr = 0;   ///< 1 / (2 k R)
  float antenna_z = 0;
  float tan_min_el = 0;
  float reach_m = 0;
  bool strict = false; ///< quadrant is |dx| < dy (east/west) rather than |dx| <= dy
};

constexpr float kInf = std::numeric_limits<float>::infinity();

/// The cells of one line of a quadrant: the quadrant's own, and those
/// computed (the quadrant's, one more each side, within reach).
struct LineRange {
  int qlo, qhi;  // the quadrant's cells of the line
  int clo, chi;  // cells computed; clo > chi when none
};

/// The range of the line `dyd` cells from the observer, of `len` cells;
/// `r2` is the squared reach in cells (with its margin, see sweep_quadrant).
LineRange line_range(const SweepParams& p, double dyd, int len, double r2) {
  const double ox = p.ox;
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
  int clo = std::max(0, qlo - 1), chi = std::min(len - 1, qhi + 1);
  if (dyd * dyd > r2) {
    clo = 0, chi = -1;
  } else {
    const double half = std::sqrt(r2 - dyd * dyd);
    clo = std::max(clo, static_cast<int>(std::floor(ox - half)) - 1);
    chi = std::min(chi, static_cast<int>(std::ceil(ox + half)) + 1);
  }
  return {std::max(qlo, 0), std::min(qhi, len - 1), clo, chi};
}

/// Cells [lo, hi] of the line nearest the observer: nothing lies between
/// the antenna and it, so there is no horizon yet (a.sp and a.zp unread).
void first_line(int lo, int hi, const LineArgs& a) {
  for (int i = lo; i <= hi; ++i) {
    const float dx = static_cast<float>(i - a.ob) - a.ox;
    const float d2 = (dx * dx + a.dy2) * a.cell2;
    const float d = std::sqrt(d2);
    const float z = a.g[i] - d2 * a.inv2kr - a.za;
    a.sc[i] = kNoHorizon;
    a.zc[i] = z;
    const float h = vmax(d * vmax(kNoHorizon, a.tmin) - z, 0.0f);
    a.h[i] = d > a.reach ? kInf : h;
  }
}

/// Writes a row line's quadrant cells to `o`: the computed ones from `hl`,
/// kNeverVisible beyond reach.
void write_row(float* o, const LineRange& r, const float* hl) {
  const int a0 = std::max(r.qlo, r.clo), a1 = std::min(r.qhi, r.chi);
  if (a0 > a1) {
    std::fill(o + r.qlo, o + std::max(r.qlo, r.qhi + 1), kInf);
  } else {
    std::fill(o + r.qlo, o + a0, kInf);
    std::copy(hl + a0, hl + a1 + 1, o + a0);
    std::fill(o + a1 + 1, o + std::max(a1 + 1, r.qhi + 1), kInf);
  }
}

/// Scatters the results of a strip of `nb` column lines (`hs`, n apart) back
/// to `out`, row by row. Quadrant ranges widen line by line (|dx| < dy), so
/// row i belongs to a suffix of the strip's lines.
void scatter_strip(const float* hs, std::size_t n, const LineRange* rg, int nb, float* out, std::ptrdiff_t ostep,
                   std::ptrdiff_t ostride, int len) {
  int qlo = len, qhi = -1;
  for (int b = 0; b < nb; ++b) qlo = std::min(qlo, rg[b].qlo), qhi = std::max(qhi, rg[b].qhi);
  for (int i = qlo; i <= qhi; ++i) {
    float* row = out + i * ostride;
    for (int b = 0; b < nb; ++b)
      if (i >= rg[b].qlo && i <= rg[b].qhi) row[b * ostep] = i >= rg[b].clo && i <= rg[b].chi ? hs[b * n + i] : kInf;
  }
}

/// One quadrant: `nlines` lines outward from the observer. Cell i of line k
/// is g[k*gstep + i*gstride] (terrain) and out[k*ostep + i*ostride]; `len`
/// cells a line. Writes only the quadrant's cells of `out`.
///
/// Only the cells within reach (plus a margin) are computed: a cell's two
/// neighbours on the previous line are no farther from the observer than the
/// cell itself, so the cells within reach never read one beyond it, and the
/// rest of the line is kNeverVisible without any arithmetic (the corners of
/// the square window, a fifth of it).
///
/// Lines that are columns (stride > 1, the east/west quadrants) are handled
/// in strips of kStrip columns: the strip's terrain is gathered row by row
/// (kStrip adjacent floats, one cache line, per row) into contiguous lines,
/// and the strip's results are scattered back the same way. Walking a column
/// a cell at a time instead touches a new cache line per cell, twice.
///
/// The strip loop stays in one piece: it drives the hot kernel, and its
/// parts share the line buffers it swaps from line to line.
void sweep_quadrant(const float* g, std::ptrdiff_t gstep, std::ptrdiff_t gstride, float* out, std::ptrdiff_t ostep,
                    std::ptrdiff_t ostride, int nlines, int len, const SweepParams& p) {
  const bool columns = gstride != 1;
  constexpr int kStrip = 16;
  const int strip = columns ? kStrip : 1;
  const std::size_t n = static_cast<std::size_t>(len);
  std::vector<float> buf((4 + 2 * static_cast<std::size_t>(strip)) * n);
  float* sp = buf.data();           // S of the previous line
  float* zp = sp + n;               // Z of the previous line
  float* sc = zp + n;               // S of this line
  float* zc = sc + n;               // Z of this line
  float* hs = zc + n;               // results of the strip's lines, n apart
  float* gs = hs + strip * n;       // terrain of the strip's lines (columns only), n apart
  std::fill(sp, sp + n, kNoHorizon);
  std::fill(zp, zp + n, 0.0f);
  std::fill(sc, sc + n, kNoHorizon);
  std::fill(zc, zc + n, 0.0f);
  const float cell2 = p.cell_m * p.cell_m;
  const double ox = p.ox;
  const int split = static_cast<int>(std::floor(ox)) + 1;  // cells >= split have dx > 0
  const int ob = split - 1;                                 // LineArgs: the observer is cell ob + fox
  const float fox = static_cast<float>(ox - ob);
  // Squared reach in cells, 1e-5 wider than the float test d > reach can
  // ever be, so every cell that test keeps is computed.
  const double rc = static_cast<double>(p.reach_m) / p.cell_m;
  const double r2 = rc * rc * (1.0 + 1e-5) + 4.0;

  LineRange rg[kStrip];
  for (int k0 = 0; k0 < nlines; k0 += strip) {
    const int nb = std::min(strip, nlines - k0);
    int ulo = len, uhi = -1;  // union of the strip's computed cells
    for (int b = 0; b < nb; ++b) {
      rg[b] = line_range(p, static_cast<double>(p.dy0) + (k0 + b), len, r2);
      if (rg[b].clo <= rg[b].chi) ulo = std::min(ulo, rg[b].clo), uhi = std::max(uhi, rg[b].chi);
    }
    if (columns)
      for (int i = ulo; i <= uhi; ++i) {
        const float* row = g + k0 * gstep + i * gstride;
        for (int b = 0; b < nb; ++b) gs[b * n + i] = row[b * gstep];
      }

    for (int b = 0; b < nb; ++b) {
      const LineRange& r = rg[b];
      const double dyd = static_cast<double>(p.dy0) + (k0 + b);
      const float dy = static_cast<float>(dyd);
      const float* __restrict gl = columns ? gs + b * n : g + (k0 + b) * gstep;
      float* hl = hs + b * n;
      const float dy2 = dy * dy, inv_dy = 1.0f / dy;
      const bool has_prev = dyd - 1.0 > 1e-6;
      const float cross = has_prev ? static_cast<float>(dyd / (dyd - 1.0)) : 0.0f;  // d / d_cross
      const float inv2kr = p.inv_2kr, za = p.antenna_z, tmin = p.tan_min_el, reach = p.reach_m;
      const LineArgs la{gl, sp, zp, sc, zc, hl, ob, fox, dy2, cell2, inv2kr, za, inv_dy, cross, tmin, reach};
      if (has_prev) {
        // dx <= 0: neighbours i and i+1; dx > 0: neighbours i and i-1. The
        // second neighbour is off the line only for an end cell when the
        // observer lies beyond that end's centre (up to half a cell, in
        // windows narrower than the reach or at the grid's edge): such a
        // cell is computed alone, from its one neighbour.
        int llo = r.clo, lhi = std::min(r.chi, split - 1), rlo = std::max(r.clo, split), rhi = r.chi;
        if (llo <= lhi && lhi == len - 1) detail::cell_one_neighbour(lhi--, la);
        if (rlo <= rhi && rlo == 0) detail::cell_one_neighbour(rlo++, la);
        line_kernel<+1>(llo, lhi, la);
        line_kernel<-1>(rlo, rhi, la);
      } else {
        first_line(r.clo, r.chi, la);
      }
      if (!columns) write_row(out + (k0 + b) * ostep, r, hl);
      std::swap(sp, sc);
      std::swap(zp, zc);
    }
    if (columns) scatter_strip(hs, n, rg, nb, out + k0 * ostep, ostep, ostride, len);
  }
}

/// What every quadrant shares (ox, dy0 and strict are per quadrant).
SweepParams sweep_params(const geo::GridSpec& g, const detail::WindowSetup& ws, const Observer& o, double k_factor) {
  SweepParams p;
  p.cell_m = static_cast<float>(g.cell_m);
  p.inv_2kr = static_cast<float>(geo::curvature_per_m2(k_factor));
  p.antenna_z = static_cast<float>(ws.antenna_z_m);
  p.tan_min_el = static_cast<float>(std::max(ws.tan_min_el, -1e6));
  p.reach_m = static_cast<float>(o.reach_m);
  return p;
}

}  // namespace

VisibilityWindow compute_visibility(const geo::TerrainGrid& t, const Observer& o, double k_factor) {
  VisibilityWindow v;
  compute_visibility_into(t, o, k_factor, v);
  return v;
}

void compute_visibility_into(const geo::TerrainGrid& t, const Observer& o, double k_factor, VisibilityWindow& v) {
  const detail::WindowSetup ws = detail::setup_window(t, o);
  v.col0 = ws.col0, v.row0 = ws.row0, v.width = ws.width, v.height = ws.height;
  v.antenna_z_m = ws.antenna_z_m;
  const std::size_t n = static_cast<std::size_t>(ws.width) * ws.height;
  // The quadrants below write every cell of the window but the observer's
  // own, so memory already held is reused as it is; fresh memory is asked
  // for on huge pages when large (geo::advise_huge_pages), and not zeroed
  // (ZeroedVector: resize() writes nothing; zeroing 0.7 GB of fresh huge
  // pages cost 1.5 s of CPU at national 100 m).
  if (v.min_visible_h_m.capacity() < n) {
    geo::ZeroedVector<float>().swap(v.min_visible_h_m);
    v.min_visible_h_m.reserve(n);
    geo::advise_huge_pages(v.min_visible_h_m.data(), n * sizeof(float));
  }
  v.min_visible_h_m.resize(n);
  constexpr float kUnset = -1.0f;  // heights are >= 0: marks the own cell if no quadrant writes it
  float& own = v.min_visible_h_m[static_cast<std::size_t>(ws.own_row) * ws.width + ws.own_col];
  own = kUnset;

  const SweepParams p = sweep_params(t.grid, ws, o, k_factor);
  const float* g0 = t.ground_m.data() + static_cast<std::size_t>(ws.row0) * t.grid.width + ws.col0;
  const std::ptrdiff_t gw = t.grid.width, w = ws.width;
  float* out = v.min_visible_h_m.data();
  // Lines before the observer (decreasing index) and after it, in each axis.
  const int rb = static_cast<int>(std::ceil(ws.oy)) - 1, ra = static_cast<int>(std::floor(ws.oy)) + 1;
  const int cb = static_cast<int>(std::ceil(ws.ox)) - 1, ca = static_cast<int>(std::floor(ws.ox)) + 1;
  SweepParams ns = p, ew = p;
  ns.ox = ws.ox;
  ew.ox = ws.oy;
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
  if (own < 0.0f) own = 0.0f;
}

}  // namespace adcov::coverage
