// Per-battery visibility by a row sweep (the reference-plane idea behind
// gdal_viewshed and XDraw: Franklin & Ray, "Higher isn't necessarily better:
// visibility algorithms and experiments", 6th SDH, 1994; Wang, Robinson &
// White, "Generating viewsheds without using sightlines", PE&RS 66(1), 2000),
// carrying horizon slopes rather than heights.
//
// Notation (window cells; cell (i, j) has its centre at (i, j)):
//   (ox, oy)   observer position, fractional
//   line       a row (north/south quadrants) or a column (east/west, on a
//              transposed copy), at distance dy > 0 cells from the observer
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
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "adcov/coverage/visibility.hpp"
#include "visibility_window.hpp"

namespace adcov::coverage {

namespace {

using detail::kNoHorizon;

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

/// One half-plane quadrant: `nlines` lines outward from the observer. Line k
/// starts at g + k*gstep (terrain) and out + k*ostep (result); `len` cells.
/// Writes only the quadrant's cells of `out`.
void sweep_quadrant(const float* g, std::ptrdiff_t gstep, float* out, std::ptrdiff_t ostep, int nlines, int len,
                    const SweepParams& p) {
  std::vector<float> buf(5 * static_cast<std::size_t>(len));
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
  const float inf = std::numeric_limits<float>::infinity();
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
    const float* __restrict gl = g + k * gstep;
    const float dy2 = dy * dy, inv_dy = 1.0f / dy;
    const bool has_prev = dyd - 1.0 > 1e-6;
    const float cross = has_prev ? static_cast<float>(dyd / (dyd - 1.0)) : 0.0f;  // d / d_cross
    const float* __restrict spr = sp;
    const float* __restrict zpr = zp;
    float* __restrict scw = sc;
    float* __restrict zcw = zc;
    float* __restrict hw = hl;
    const float fox = p.ox, inv2kr = p.inv_2kr, za = p.antenna_z, tmin = p.tan_min_el, reach = p.reach_m;

    auto finish = [&](int i, float d, float z, float s) {
      scw[i] = s;
      zcw[i] = z;
      float h = d * std::max(s, tmin) - z;
      h = h > 0.0f ? h : 0.0f;
      hw[i] = d > reach ? inf : h;
    };
    if (has_prev) {
      // dx <= 0: neighbours i and i+1.
      const int a1 = std::min(ehi, split - 1);
      for (int i = elo; i <= a1; ++i) {
        const float dx = static_cast<float>(i) - fox;
        const float d2 = (dx * dx + dy2) * cell2;
        const float d = std::sqrt(d2);
        const float z = gl[i] - d2 * inv2kr - za;
        const float w = std::min(-dx * inv_dy, 1.0f);
        const float inv_dc = cross / d;
        const float ha = std::max(spr[i], zpr[i] * inv_dc);
        const float hb = std::max(spr[i + 1], zpr[i + 1] * inv_dc);
        const float zx = (1.0f - w) * zpr[i] + w * zpr[i + 1];
        finish(i, d, z, std::max((1.0f - w) * ha + w * hb, zx * inv_dc));
      }
      // dx > 0: neighbours i and i-1.
      for (int i = std::max(elo, split); i <= ehi; ++i) {
        const float dx = static_cast<float>(i) - fox;
        const float d2 = (dx * dx + dy2) * cell2;
        const float d = std::sqrt(d2);
        const float z = gl[i] - d2 * inv2kr - za;
        const float w = std::min(dx * inv_dy, 1.0f);
        const float inv_dc = cross / d;
        const float ha = std::max(spr[i], zpr[i] * inv_dc);
        const float hb = std::max(spr[i - 1], zpr[i - 1] * inv_dc);
        const float zx = (1.0f - w) * zpr[i] + w * zpr[i - 1];
        finish(i, d, z, std::max((1.0f - w) * ha + w * hb, zx * inv_dc));
      }
    } else {
      for (int i = elo; i <= ehi; ++i) {
        const float dx = static_cast<float>(i) - fox;
        const float d2 = (dx * dx + dy2) * cell2;
        const float d = std::sqrt(d2);
        finish(i, d, gl[i] - d2 * inv2kr - za, kNoHorizon);
      }
    }
    if (qhi >= qlo) std::copy(hl + qlo, hl + qhi + 1, out + k * ostep + qlo);
    std::swap(sp, sc);
    std::swap(zp, zc);
  }
}

/// dst[c * rows + r] = src[r * src_stride + c], in cache-sized tiles.
void transpose(const float* src, std::ptrdiff_t src_stride, int rows, int cols, float* dst) {
  constexpr int kTile = 32;  // 32 x 32 floats = 4 KiB per side: both tiles stay in L1
  for (int r0 = 0; r0 < rows; r0 += kTile)
    for (int c0 = 0; c0 < cols; c0 += kTile) {
      const int r1 = std::min(rows, r0 + kTile), c1 = std::min(cols, c0 + kTile);
      for (int r = r0; r < r1; ++r)
        for (int c = c0; c < c1; ++c) dst[static_cast<std::size_t>(c) * rows + r] = src[r * src_stride + c];
    }
}

/// Sweeps the two quadrants along lines of a row-major w x h block: lines are
/// rows, the observer at (ox, oy). `g` points at the block's (0, 0) with row
/// stride gstride; `out` is w x h with stride w.
void sweep_two(const float* g, std::ptrdiff_t gstride, float* out, int w, int h, double ox, double oy, SweepParams p,
               bool parallel) {
  p.ox = static_cast<float>(ox);
  // Lines before the observer (decreasing index) and after it (increasing).
  const int jb = static_cast<int>(std::ceil(oy)) - 1;   // first line with oy - j > 0
  const int ja = static_cast<int>(std::floor(oy)) + 1;  // first line with j - oy > 0
  auto before = [&] {
    if (jb < 0) return;
    SweepParams q = p;
    q.dy0 = static_cast<float>(oy - jb);
    sweep_quadrant(g + jb * gstride, -gstride, out + static_cast<std::ptrdiff_t>(jb) * w, -w, jb + 1, w, q);
  };
  auto after = [&] {
    if (ja >= h) return;
    SweepParams q = p;
    q.dy0 = static_cast<float>(ja - oy);
    sweep_quadrant(g + ja * gstride, gstride, out + static_cast<std::ptrdiff_t>(ja) * w, w, h - ja, w, q);
  };
  if (parallel)
    tbb::parallel_invoke(before, after);
  else
    before(), after();
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
  const std::ptrdiff_t gstride = t.grid.width;
  auto north_south = [&] {
    p.strict = false;
    SweepParams q = p;
    sweep_two(g0, gstride, v.min_visible_h_m.data(), ws.width, ws.height, ws.ox, ws.oy, q, true);
  };
  auto east_west = [&] {
    // On a transposed copy, columns become rows: the same sweep, strict so
    // that diagonal cells belong to north/south only.
    std::vector<float> gt(n), outt(n, kUnset);
    transpose(g0, gstride, ws.height, ws.width, gt.data());
    SweepParams q = p;
    q.strict = true;
    sweep_two(gt.data(), ws.height, outt.data(), ws.height, ws.width, ws.oy, ws.ox, q, true);
    // Write back the east/west cells (the only ones the transposed sweep set).
    for (int c = 0; c < ws.width; ++c) {
      const float* src = outt.data() + static_cast<std::size_t>(c) * ws.height;
      for (int r = 0; r < ws.height; ++r)
        if (src[r] >= 0.0f) v.min_visible_h_m[static_cast<std::size_t>(r) * ws.width + c] = src[r];
    }
  };
  tbb::parallel_invoke(north_south, east_west);
  // The observer's own cell when the antenna sits exactly on its centre.
  for (float& h : v.min_visible_h_m)
    if (h < 0.0f) h = 0.0f;
  return v;
}

}  // namespace adcov::coverage
