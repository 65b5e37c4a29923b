// viewshed_tool: adcov's visibility engine as a process, for timing against
// gdal_viewshed end to end (bench/viewshed_vs_gdal.sh).
//
//   viewshed_tool export LON0 LAT0 HALF_M CELL_M OUT.tif DEM...
//       DEM files -> the LAEA analysis grid (voids filled) -> GeoTIFF
//   viewshed_tool run DEM.tif LON0 LAT0 HALF_M CELL_M N ANTENNA_M REACH_M TARGET_M K OUT.tif
//       load DEM.tif onto the grid, N radars (parallel), write the number of
//       radars seeing a target TARGET_M above each cell as a Byte GeoTIFF
//       (uncompressed, as gdal_viewshed writes its visibility)
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>
#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include "adcov/coverage/visibility.hpp"
#include "adcov/geo/big_buffer.hpp"
#include "adcov/error.hpp"
#include "adcov/geo/raster_writer.hpp"
#include "adcov/geo/terrain.hpp"

namespace {

using namespace adcov;

geo::GridSpec grid_of(char** a) {
  const double half = std::atof(a[2]), cell = std::atof(a[3]);
  return geo::make_grid_xy(geo::Laea{{std::atof(a[0]), std::atof(a[1])}}, -half, -half, half, half, cell);
}

/// N radar positions: the centre, then a ring at a third of the half-size.
std::vector<geo::XY> positions(int n, double half) {
  std::vector<geo::XY> p;
  for (int i = 0; i < n; ++i) {
    if (i == 0) {
      p.push_back({0, 0});
      continue;
    }
    const double a = 2 * std::acos(-1.0) * (i - 1) / std::max(1, n - 1);
    p.push_back({half / 3 * std::cos(a), half / 3 * std::sin(a)});
  }
  return p;
}

/// out[c] += h[c] <= tz for c < n (GCC does not vectorise the float -> byte
/// loop by itself: 16 cells a step with SSE2, compare masks packed to bytes).
void add_visible(const float* __restrict h, std::uint8_t* __restrict out, int n, float tz) {
  int c = 0;
#if defined(__SSE2__)
  const __m128 t = _mm_set1_ps(tz);
  for (; c + 16 <= n; c += 16) {
    const __m128i m0 = _mm_castps_si128(_mm_cmple_ps(_mm_loadu_ps(h + c), t));
    const __m128i m1 = _mm_castps_si128(_mm_cmple_ps(_mm_loadu_ps(h + c + 4), t));
    const __m128i m2 = _mm_castps_si128(_mm_cmple_ps(_mm_loadu_ps(h + c + 8), t));
    const __m128i m3 = _mm_castps_si128(_mm_cmple_ps(_mm_loadu_ps(h + c + 12), t));
    // -1 per visible cell, as bytes: subtracting adds one.
    const __m128i m = _mm_packs_epi16(_mm_packs_epi32(m0, m1), _mm_packs_epi32(m2, m3));
    __m128i* o = reinterpret_cast<__m128i*>(out + c);
    _mm_storeu_si128(o, _mm_sub_epi8(_mm_loadu_si128(o), m));
  }
#endif
  for (; c < n; ++c) out[c] = static_cast<std::uint8_t>(out[c] + (h[c] <= tz ? 1 : 0));
}

int run(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "export" && argc >= 8) {
    const geo::GridSpec g = grid_of(argv + 2);
    geo::DemSource src;
    for (int i = 7; i < argc; ++i) src.files.push_back(argv[i]);
    const geo::TerrainGrid t = geo::load_terrain(src, g);
    geo::write_geotiff(argv[6], g, t.ground_m);
    std::printf("%d x %d cells, %lld voids filled\n", g.width, g.height, static_cast<long long>(t.voids_filled));
    return 0;
  }
  if (mode == "run" && argc == 13) {
    const geo::GridSpec full = grid_of(argv + 3);
    const int n = std::atoi(argv[7]);
    if (n < 1 || n > 255) throw std::runtime_error("N must be 1..255 (counts are written as bytes)");
    const double antenna = std::atof(argv[8]), reach = std::atof(argv[9]), target = std::atof(argv[10]);
    const double k = std::atof(argv[11]);
    const double half = std::atof(argv[5]);
    // As load_scenario_terrain does: only the cells within reach of a radar,
    // capped to the DEM (gdal_viewshed likewise reads only its -md window).
    double x0 = half, y0 = half, x1 = -half, y1 = -half;
    for (const geo::XY& q : positions(n, half)) {
      x0 = std::min(x0, q.x_m - reach), x1 = std::max(x1, q.x_m + reach);
      y0 = std::min(y0, q.y_m - reach), y1 = std::max(y1, q.y_m + reach);
    }
    const geo::GridSpec g = geo::make_grid_xy(full.projection, std::max(x0, full.x0_m), std::max(y0, -half),
                                              std::min(x1, half), std::min(y1, full.y0_m), full.cell_m);
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
      if (!std::getenv("TIMING")) return;
      const auto t1 = std::chrono::steady_clock::now();
      std::fprintf(stderr, "%s %.3f s\n", what, std::chrono::duration<double>(t1 - t0).count());
      t0 = t1;
    };
    const geo::TerrainGrid t = geo::load_terrain(geo::DemSource{{argv[2]}, std::nullopt}, g);
    lap("load");
    const auto pos = positions(n, std::atof(argv[5]));
    // Radars seeing the target per cell, one byte a cell (as gdal_viewshed's
    // visible/invisible byte). The radars run in parallel; each adds its
    // window into the counts as soon as it is computed (the counts are
    // integer sums: the same in any order; rows under one lock per band of 32
    // rows) and hands the window back to a pool, so the next radar computes
    // into memory already faulted in (compute_visibility_into).
    geo::ZeroedVector<std::uint8_t> count;
    geo::fill_big(count, g.cells(), std::uint8_t{0});
    constexpr int kBand = 32;
    std::vector<std::mutex> band_lock(static_cast<std::size_t>((g.height + kBand - 1) / kBand));
    // The largest float <= target: h <= tz exactly when h <= target.
    float tz = static_cast<float>(target);
    if (static_cast<double>(tz) > target) tz = std::nextafter(tz, -HUGE_VALF);
    struct Pool {  // windows not in use (a pool, not per thread: a thread
                   // waiting inside one radar's sweep may start another radar)
      std::mutex m;
      std::vector<std::unique_ptr<coverage::VisibilityWindow>> free;
      std::unique_ptr<coverage::VisibilityWindow> take() {
        const std::lock_guard<std::mutex> hold(m);
        if (free.empty()) return std::make_unique<coverage::VisibilityWindow>();
        auto w = std::move(free.back());
        free.pop_back();
        return w;
      }
      void give(std::unique_ptr<coverage::VisibilityWindow> w) {
        const std::lock_guard<std::mutex> hold(m);
        free.push_back(std::move(w));
      }
    } pool;
    tbb::parallel_for(std::size_t{0}, pos.size(), [&](std::size_t i) {
      coverage::Observer o;
      // Cell centres, as gdal_viewshed places its observer.
      o.pos = g.cell_center(static_cast<int>(std::floor(g.col_of(pos[i].x_m))),
                            static_cast<int>(std::floor(g.row_of(pos[i].y_m))));
      o.antenna_agl_m = antenna;
      o.reach_m = reach;
      o.min_elevation_deg = -90;
      std::unique_ptr<coverage::VisibilityWindow> held = pool.take();
      const coverage::VisibilityWindow& v = *held;
      coverage::compute_visibility_into(t, o, k, *held);
      tbb::parallel_for(v.row0 / kBand, (v.row0 + v.height + kBand - 1) / kBand, [&](int b) {
        const std::lock_guard<std::mutex> hold(band_lock[static_cast<std::size_t>(b)]);
        const int w = v.width;  // (locals: a byte store may alias anything)
        for (int r = std::max(v.row0, b * kBand); r < std::min(v.row0 + v.height, (b + 1) * kBand); ++r) {
          const float* __restrict h = v.min_visible_h_m.data() + static_cast<std::size_t>(r - v.row0) * w;
          std::uint8_t* __restrict out = count.data() + static_cast<std::size_t>(r) * g.width + v.col0;
          add_visible(h, out, w, tz);
        }
      });
      pool.give(std::move(held));
    });
    lap("visibility+count");
    geo::write_geotiff(argv[12], g, count);
    lap("write");
    return 0;
  }
  std::fprintf(stderr,
               "usage: viewshed_tool export LON0 LAT0 HALF_M CELL_M OUT.tif DEM...\n"
               "       viewshed_tool run DEM.tif LON0 LAT0 HALF_M CELL_M N ANTENNA_M REACH_M TARGET_M K OUT.tif\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  return run(argc, argv);
} catch (const std::exception& e) {
  std::fprintf(stderr, "viewshed_tool: %s\n", e.what());
  return 1;
}
