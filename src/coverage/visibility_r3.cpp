// R3 reference viewshed (Franklin & Ray 1994): an independent ray from the
// antenna to every cell centre, sampling the terrain wherever the ray crosses
// a row or column line of the cell-centre lattice; on such a line the
// bilinear surface is the linear interpolation between the two cell centres
// it passes between. Same curved frame and notation as visibility.cpp:
// reduced height Z = ground - d^2/(2kR) - antenna_z, horizon S = max Z/d over
// the samples strictly between antenna and target, and
// h = max(0, d * max(S, tan(min_el)) - Z_target). O(cells * radius): for tests.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "adcov/coverage/visibility.hpp"
#include "adcov/geo/geodesy.hpp"
#include "visibility_window.hpp"

namespace adcov::coverage {

VisibilityWindow compute_visibility_r3(const geo::TerrainGrid& t, const Observer& o, double k_factor) {
  const detail::WindowSetup ws = detail::setup_window(t, o);
  VisibilityWindow v;
  v.col0 = ws.col0, v.row0 = ws.row0, v.width = ws.width, v.height = ws.height;
  v.antenna_z_m = ws.antenna_z_m;
  v.min_visible_h_m.assign(static_cast<std::size_t>(ws.width) * ws.height, kNeverVisible);
  const double cell = t.grid.cell_m, inv2kr = geo::curvature_per_m2(k_factor);
  const double za = ws.antenna_z_m, tmin = std::max(ws.tan_min_el, -1e6);
  auto g = [&](int i, int j) { return static_cast<double>(t.at(ws.col0 + i, ws.row0 + j)); };

  tbb::parallel_for(tbb::blocked_range<int>(0, ws.height), [&](const tbb::blocked_range<int>& rows) {
    for (int j = rows.begin(); j != rows.end(); ++j)
      for (int i = 0; i < ws.width; ++i) {
        const double dx = i - ws.ox, dy = j - ws.oy;
        const double dist = std::hypot(dx, dy) * cell;
        float& out = v.min_visible_h_m[static_cast<std::size_t>(j) * ws.width + i];
        if (dist > o.reach_m) continue;
        if (dist < 1e-9) {
          out = 0.0f;
          continue;
        }
        double s = detail::kNoHorizon;
        auto sample = [&](double tt, double z) {  // tt in (0, 1): fraction of the way
          const double d = tt * dist;
          s = std::max(s, (z - d * d * inv2kr - za) / d);
        };
        // Column lines x = c strictly between the observer and the target.
        if (dx != 0) {
          const int step = dx > 0 ? 1 : -1;
          for (int c = static_cast<int>(dx > 0 ? std::floor(ws.ox) + 1 : std::ceil(ws.ox) - 1); c != i; c += step) {
            const double tt = (c - ws.ox) / dx;
            const double y = ws.oy + tt * dy;
            const int y0 = std::clamp(static_cast<int>(std::floor(y)), 0, ws.height - 1);
            const int y1 = std::min(y0 + 1, ws.height - 1);
            const double f = y - y0;
            sample(tt, (1 - f) * g(c, y0) + f * g(c, y1));
          }
        }
        if (dy != 0) {
          const int step = dy > 0 ? 1 : -1;
          for (int r = static_cast<int>(dy > 0 ? std::floor(ws.oy) + 1 : std::ceil(ws.oy) - 1); r != j; r += step) {
            const double tt = (r - ws.oy) / dy;
            const double x = ws.ox + tt * dx;
            const int x0 = std::clamp(static_cast<int>(std::floor(x)), 0, ws.width - 1);
            const int x1 = std::min(x0 + 1, ws.width - 1);
            const double f = x - x0;
            sample(tt, (1 - f) * g(x0, r) + f * g(x1, r));
          }
        }
        const double z = g(i, j) - dist * dist * inv2kr - za;
        out = static_cast<float>(std::max(0.0, dist * std::max(s, tmin) - z));
      }
  });
  return v;
}

}  // namespace adcov::coverage
