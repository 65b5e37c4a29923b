// Bilinear resampling onto the analysis grid: anchors transformed exactly,
// cells interpolated between them, four source pixels per cell. See
// bilinear_resample.hpp.
#include "bilinear_resample.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"

namespace adcov::geo::detail {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// (1 - t) p + t q, and p itself at t = 0 whatever q is (NaN beyond a failed anchor).
double lerp(double p, double q, double t) { return t == 0 ? p : (1 - t) * p + t * q; }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// Grid columns (or rows) numbered from the projection's origin when the
/// grid's edges are multiples of its cell size (make_grid_xy), so that grids
/// sharing cell edges number their cells alike; from the grid's own edge
/// otherwise. Cell centre k lies at base + (k + 0.5) * step (step < 0 for
/// rows, numbered southwards).
struct Axis {
  std::int64_t first = 0;  ///< number of the grid's cell 0
  double base = 0, step = 0;
};

Axis axis(double edge_m, double step_m) {
  const double k = edge_m / step_m;
  const double n = std::round(k);
  if (std::abs(k - n) < 1e-9 && std::abs(n) < 1e15)
    return {static_cast<std::int64_t>(n), 0.0, step_m};
  return {0, edge_m, step_m};
}

/// Source pixel coordinates (of the larger raster) at the anchor cells: every
/// step-th cell of each axis numbering, covering the grid.
struct Lattice {
  int step = 1;
  std::int64_t a0 = 0, b0 = 0;  ///< first anchor index along columns and rows
  int cols = 0, rows = 0;
  std::vector<double> px, py;  ///< NaN where the transformation failed
};

Lattice anchors(const SourceWindow& src, const OGRCoordinateTransformation& grid_to_src, const GridSpec& grid,
                const Axis& ax, const Axis& ay) {
  Lattice l;
  const int step = l.step = anchor_step(grid.cell_m);
  l.a0 = floor_div(ax.first, step);
  l.b0 = floor_div(ay.first, step);
  l.cols = static_cast<int>(floor_div(ax.first + grid.width - 1, step) - l.a0 + 2);
  l.rows = static_cast<int>(floor_div(ay.first + grid.height - 1, step) - l.b0 + 2);
  const std::size_t n = static_cast<std::size_t>(l.cols) * l.rows;
  l.px.resize(n), l.py.resize(n);
  tbb::parallel_for(
      tbb::blocked_range<int>(0, l.rows, 64), [&](const tbb::blocked_range<int>& rows) {
        const gdal::Transform t(grid_to_src.Clone());  // one per task: not shared between threads
        if (!t) throw Error("cannot copy a coordinate transformation");
        const std::size_t m = static_cast<std::size_t>(l.cols) * rows.size();
        double* x = l.px.data() + static_cast<std::size_t>(rows.begin()) * l.cols;
        double* y = l.py.data() + static_cast<std::size_t>(rows.begin()) * l.cols;
        for (int b = rows.begin(); b < rows.end(); ++b)
          for (int a = 0; a < l.cols; ++a) {
            const std::size_t i = static_cast<std::size_t>(b - rows.begin()) * l.cols + a;
            x[i] = ax.base + (static_cast<double>((l.a0 + a) * step) + 0.5) * ax.step;
            y[i] = ay.base + (static_cast<double>((l.b0 + b) * step) + 0.5) * ay.step;
          }
        std::vector<int> ok(m, 0);
        t->Transform(m, x, y, nullptr, ok.data());
        for (std::size_t i = 0; i < m; ++i) {
          const bool good = ok[i] && std::isfinite(x[i]) && std::isfinite(y[i]);
          x[i] = good ? (x[i] - src.x0) / src.dx : std::numeric_limits<double>::quiet_NaN();
          y[i] = good ? (y[i] - src.y0) / src.dy : std::numeric_limits<double>::quiet_NaN();
        }
      });
  return l;
}

}  // namespace

float sample_bilinear(const SourceWindow& s, double px, double py) {
  const double wx = px - s.col0, wy = py - s.row0;  // exact: integers subtracted
  if (!(wx >= 0 && wy >= 0 && wx < s.width && wy < s.height)) return kNaN;  // also NaN
  const double fx0 = std::floor(wx - 0.5), fy0 = std::floor(wy - 0.5);
  const double u = wx - 0.5 - fx0, v = wy - 0.5 - fy0;
  const int i0 = static_cast<int>(fx0), j0 = static_cast<int>(fy0);
  const std::size_t w = static_cast<std::size_t>(s.width);
  if (i0 >= 0 && j0 >= 0 && i0 + 1 < s.width && j0 + 1 < s.height) {
    const float* p = s.z.data() + static_cast<std::size_t>(j0) * w + i0;
    const double a = p[0], b = p[1], c = p[w], d = p[w + 1];
    if (a == a && b == b && c == c && d == d)
      return static_cast<float>((1 - v) * ((1 - u) * a + u * b) + v * ((1 - u) * c + u * d));
  }
  // At the window's edge or beside a pixel without height: the weights of
  // those with one, renormalised (GDAL's warper does the same).
  double sum = 0, wsum = 0;
  for (int dj = 0; dj < 2; ++dj)
    for (int di = 0; di < 2; ++di) {
      const int i = i0 + di, j = j0 + dj;
      if (i < 0 || j < 0 || i >= s.width || j >= s.height) continue;
      const float z = s.z[static_cast<std::size_t>(j) * w + i];
      if (z != z) continue;
      const double wt = (di ? u : 1 - u) * (dj ? v : 1 - v);
      sum += wt * z, wsum += wt;
    }
  return wsum < 1e-5 ? kNaN : static_cast<float>(sum / wsum);
}

namespace {

/// out[i] = sample_bilinear(src, px[i], py[i]) for i < n, with AVX2 where the CPU has it.
void sample_row(const SourceWindow& src, const double* px, const double* py, int n, float* out) {
#if defined(__GNUC__) && defined(__x86_64__)
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  if (has_avx2) return sample_row_avx2(src, px, py, n, out);
#endif
  for (int i = 0; i < n; ++i) out[i] = sample_bilinear(src, px[i], py[i]);
}

}  // namespace

int anchor_step(double cell_m) { return std::clamp(static_cast<int>(2000.0 / cell_m), 1, 16); }

void resample_bilinear(const SourceWindow& src, const OGRCoordinateTransformation& grid_to_src,
                       const GridSpec& grid, std::span<float> out) {
  const Axis ax = axis(grid.x0_m, grid.cell_m), ay = axis(grid.y0_m, -grid.cell_m);
  const Lattice l = anchors(src, grid_to_src, grid, ax, ay);
  const std::size_t w = static_cast<std::size_t>(grid.width);
  const int step = l.step;
  std::vector<double> frac(
      static_cast<std::size_t>(step));  // k / step: the same in every grid of these cells
  for (int k = 0; k < step; ++k) frac[static_cast<std::size_t>(k)] = static_cast<double>(k) / step;
  constexpr int kChunk = 256;  // cells whose source coordinates are held at a time (4 KB: in L1)
  tbb::parallel_for(
      tbb::blocked_range<int>(0, grid.height, 16), [&](const tbb::blocked_range<int>& rows) {
        std::vector<double> rx(static_cast<std::size_t>(l.cols)),
            ry(static_cast<std::size_t>(l.cols));
        double px[kChunk], py[kChunk];
        for (int r = rows.begin(); r != rows.end(); ++r) {
          const std::int64_t kr = ay.first + r;
          const std::int64_t b = floor_div(kr, step);
          const double t = frac[static_cast<std::size_t>(kr - b * step)];
          const std::size_t i0 = static_cast<std::size_t>(b - l.b0) * l.cols, i1 = i0 + l.cols;
          for (int a = 0; a < l.cols; ++a) {
            rx[a] = lerp(l.px[i0 + a], l.px[i1 + a], t);
            ry[a] = lerp(l.py[i0 + a], l.py[i1 + a], t);
          }
          float* o = out.data() + static_cast<std::size_t>(r) * w;
          // Column c lies kc cells into anchor interval j, counted up as c
          // goes (no division per cell); its weight is frac[kc].
          const std::int64_t a0 = floor_div(ax.first, step);
          int kc = static_cast<int>(ax.first - a0 * step);
          std::size_t j = static_cast<std::size_t>(a0 - l.a0);
          for (int c0 = 0; c0 < grid.width; c0 += kChunk) {
            const int n = std::min(kChunk, grid.width - c0);
            for (int i = 0; i < n; ++i) {
              const double s = frac[static_cast<std::size_t>(kc)];
              px[i] = lerp(rx[j], rx[j + 1], s), py[i] = lerp(ry[j], ry[j + 1], s);
              if (++kc == step) kc = 0, ++j;
            }
            sample_row(src, px, py, n, o + c0);
          }
        }
      });
}

}  // namespace adcov::geo::detail
