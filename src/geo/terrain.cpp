// Terrain on the analysis grid: DEM mosaic -> void fill -> bilinear warp to
// LAEA -> sea surface at 0 m. See terrain.hpp for the contract; the steps
// numbered below are those of docs/coverage.md ("Terrain").
#include "adcov/geo/terrain.hpp"

#include <fmt/format.h>

#include <gdal_utils.h>
#include <cpl_string.h>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>

#include "adcov/geo/big_buffer.hpp"
#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/raster_writer.hpp"
#include "adcov/geo/word_scan.hpp"
#include "bilinear_resample.hpp"
#include "void_fill.hpp"

namespace adcov::geo {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// "a, b, c and 4 more": full paths for error messages, or file names only
/// for the description that goes into outputs (no machine-specific paths).
std::string file_list(const std::vector<std::filesystem::path>& files, bool names_only = false) {
  std::string s;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i == 3) {
      s += " and " + std::to_string(files.size() - 3) + " more";
      break;
    }
    s += (i ? ", " : "") + (names_only ? files[i].filename().string() : files[i].string());
  }
  return s;
}

/// Argument vector for the GDAL utility option parsers.
struct Args {
  CPLStringList list;
  Args(std::initializer_list<std::string> a) {
    for (const auto& s : a) list.AddString(s.c_str());
  }
};

/// The DEM files as one dataset in one CRS: a VRT when several.
struct Mosaic {
  std::vector<gdal::Dataset> tiles;
  gdal::Dataset vrt;  ///< null for a single file: tiles[0] is the mosaic
  double gt[6] = {};
  int width = 0, height = 0;
  std::string wkt;
  OGRSpatialReference srs;
  /// Tile rectangles in mosaic pixel coordinates [x0, x1) x [y0, y1).
  struct Rect { double x0, y0, x1, y1; };
  std::vector<Rect> rects;

  GDALDataset& dataset() const { return vrt ? *vrt : *tiles[0]; }
};

/// A mosaic pixel (column x, row y).
struct Pixel {
  int x = 0, y = 0;
};

/// A window of mosaic pixels [x0, x1) x [y0, y1).
struct Window {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

/// \throws InputError naming `file` unless `ds` has a CRS and a north-up geotransform.
void check_georeferenced(const std::filesystem::path& file, GDALDataset& ds) {
  const char* wkt = ds.GetProjectionRef();
  if (!wkt || !*wkt) throw InputError(file.string() + ": raster has no coordinate reference system");
  double gt[6];
  if (ds.GetGeoTransform(gt) != CE_None)
    throw InputError(file.string() + ": raster has no geotransform (not georeferenced)");
  if (gt[2] != 0 || gt[4] != 0) throw InputError(file.string() + ": rotated rasters are not supported");
  gdal::check_extent(file, gt, ds.GetRasterXSize(), ds.GetRasterYSize(), gdal::srs(wkt));
  (void)gdal::transform_to_wgs84(file, gdal::srs(wkt));  // an Earth CRS, or one line naming the file
}

/// The tiles as one in-memory VRT.
gdal::Dataset build_vrt(const std::vector<gdal::Dataset>& tiles, const std::vector<std::filesystem::path>& files) {
  std::vector<GDALDatasetH> handles;
  for (const auto& tile : tiles) handles.push_back(GDALDataset::ToHandle(tile.get()));
  gdal::ErrorCapture err;
  // -strict: a tile in another CRS is an error, not silently skipped.
  Args args{"-strict", "-q"};
  GDALBuildVRTOptions* o = GDALBuildVRTOptionsNew(args.list.List(), nullptr);
  int usage = 0;
  gdal::Dataset vrt(
      GDALDataset::FromHandle(GDALBuildVRT("", static_cast<int>(handles.size()), handles.data(), nullptr, o, &usage)));
  GDALBuildVRTOptionsFree(o);
  if (!vrt) throw InputError(err.message(file_list(files), "cannot mosaic the DEM files"));
  return vrt;
}

/// Where tile `ds` lies in the mosaic `m`, in mosaic pixels.
Mosaic::Rect tile_rect(const Mosaic& m, GDALDataset& ds) {
  double gt[6];
  ds.GetGeoTransform(gt);
  const double xa = gt[0], xb = gt[0] + gt[1] * ds.GetRasterXSize();
  const double ya = gt[3], yb = gt[3] + gt[5] * ds.GetRasterYSize();
  return {(std::min(xa, xb) - m.gt[0]) / m.gt[1], (std::max(ya, yb) - m.gt[3]) / m.gt[5],
          (std::max(xa, xb) - m.gt[0]) / m.gt[1], (std::min(ya, yb) - m.gt[3]) / m.gt[5]};
}

Mosaic open_mosaic(const std::vector<std::filesystem::path>& files) {
  Mosaic m;
  for (const auto& f : files) {
    m.tiles.push_back(gdal::open_raster(f));
    check_georeferenced(f, *m.tiles.back());
  }
  // One file is read directly (a VRT would only add a copy per block).
  if (files.size() > 1) m.vrt = build_vrt(m.tiles, files);
  GDALDataset& ds = m.dataset();
  ds.GetGeoTransform(m.gt);
  m.width = ds.GetRasterXSize();
  m.height = ds.GetRasterYSize();
  m.wkt = ds.GetProjectionRef();
  m.srs = gdal::srs(m.wkt);
  if (!m.vrt) m.rects.push_back({0, 0, static_cast<double>(m.width), static_cast<double>(m.height)});
  else
    for (const auto& tile : m.tiles) m.rects.push_back(tile_rect(m, *tile));
  return m;
}

/// open_mosaic while another thread faults in the grid's memory (a few ms
/// for tens of MB), every cell NaN until the DEM fills it.
Mosaic open_mosaic_while_allocating(const std::vector<std::filesystem::path>& files, TerrainGrid& t) {
  tbb::task_group alloc;
  alloc.run([&] { fill_big(t.ground_m, t.grid.cells(), kNaN); });
  try {
    Mosaic m = open_mosaic(files);
    alloc.wait();
    return m;
  } catch (...) {
    alloc.wait();
    throw;
  }
}

/// Metres per mosaic pixel (mean of x and y), at latitude `lat_deg` when geographic.
double pixel_size_m(const Mosaic& m, double lat_deg) {
  if (m.srs.IsGeographic())
    return 0.5 * (std::abs(m.gt[1]) * std::cos(lat_deg * kDegToRad) + std::abs(m.gt[5])) * kDegToRad * kEarthRadiusM;
  return 0.5 * (std::abs(m.gt[1]) + std::abs(m.gt[5])) * m.srs.GetLinearUnits();
}

/// Transforms points in place; returns a flag per point.
std::vector<int> transform(OGRCoordinateTransformation& t, std::vector<double>& x, std::vector<double>& y) {
  std::vector<int> ok(x.size(), 0);
  if (!x.empty()) t.Transform(x.size(), x.data(), y.data(), nullptr, ok.data());
  return ok;
}

void load_flat(TerrainGrid& t, double z) {
  const float v = static_cast<float>(std::max(z, 0.0));
  t.ground_m.assign(t.grid.cells(), v);
  if (z < 0) t.sea_cells = static_cast<std::int64_t>(t.grid.cells());
  t.description = fmt::format("flat ground at {} m, {} m cells", z, t.grid.cell_m);
}

/// Sets a GDAL configuration option on this thread for its lifetime.
class ThreadConfig {
 public:
  ThreadConfig(const char* key, const char* value) : key_(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old, had_ = true;
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ThreadConfig() { CPLSetThreadLocalConfigOption(key_, had_ ? old_.c_str() : nullptr); }
  ThreadConfig(const ThreadConfig&) = delete;
  ThreadConfig& operator=(const ThreadConfig&) = delete;

 private:
  const char* key_;
  std::string old_;
  bool had_ = false;
};

/// Sets heights below 0 m to the sea surface (0 m); returns how many.
std::int64_t clamp_sea(std::span<float> z, int width, int height) {
  const std::size_t w = static_cast<std::size_t>(width);
  return tbb::parallel_reduce(
      tbb::blocked_range<int>(0, height), std::int64_t{0},
      [&](const tbb::blocked_range<int>& rows, std::int64_t n) {
        for (int r = rows.begin(); r != rows.end(); ++r) {
          float* p = z.data() + r * w;
          for (std::size_t c = 0; c < w; ++c) {
            n += p[c] < 0.0f;
            p[c] = p[c] < 0.0f ? 0.0f : p[c];
          }
        }
        return n;
      },
      std::plus<>());
}

void describe(TerrainGrid& t, const std::vector<std::filesystem::path>& files) {
  t.description = fmt::format("{} ({} file{}, ~{:.0f} m cells) resampled bilinearly to {} m LAEA cells",
                              file_list(files, true), files.size(), files.size() == 1 ? "" : "s",
                              t.source_resolution_m, t.grid.cell_m);
}

/// The mosaic pixel of grid cell (0, 0) when the mosaic is on the grid: same
/// CRS, cell size and cell edges (e.g. a DEM written by write_geotiff). There
/// bilinear at cell centres is the identity, so the DEM is copied, not warped.
std::optional<Pixel> grid_origin_in_mosaic(const Mosaic& m, const GridSpec& grid) {
  const double fx = (grid.x0_m - m.gt[0]) / grid.cell_m, fy = (m.gt[3] - grid.y0_m) / grid.cell_m;
  const bool on_grid = std::abs(m.gt[1] - grid.cell_m) < 1e-9 * grid.cell_m &&
                       std::abs(m.gt[5] + grid.cell_m) < 1e-9 * grid.cell_m && std::abs(fx - std::round(fx)) < 1e-6 &&
                       std::abs(fy - std::round(fy)) < 1e-6 && gdal::is_grid_crs(m.srs, grid);
  if (!on_grid) return std::nullopt;
  return Pixel{static_cast<int>(std::lround(fx)), static_cast<int>(std::lround(fy))};
}

/// The fast path for a single-file DEM on the grid, grid cell (c, r) at DEM
/// pixel origin + (c, r). Reads straight into t.ground_m in row bands, one
/// dataset handle per band, the bands in parallel, each chunk of rows checked
/// while it is in cache; clamps the sea surface on the way. Returns false,
/// with nothing counted, when the grid is not entirely inside the raster or
/// the raster has voids there (nodata, NaN, +-inf, implausible heights, edges: the general path
/// classifies those).
bool read_on_grid(const Mosaic& m, const std::filesystem::path& file, Pixel origin, const std::string& names,
                  TerrainGrid& t) {
  const GridSpec& grid = t.grid;
  const int sx = origin.x, sy = origin.y;
  if (sx < 0 || sy < 0 || sx + grid.width > m.width || sy + grid.height > m.height) return false;
  int has_nodata = 0;
  const double nodata = m.tiles[0]->GetRasterBand(1)->GetNoDataValue(&has_nodata);
  const float nd = has_nodata ? static_cast<float>(nodata) : kNaN;
  const int bands = std::clamp(tbb::this_task_arena::max_concurrency(), 1, 16);
  constexpr int kChunk = 32;  // rows read and checked at a time (~0.5 MB at 3000 cells a row)
  std::vector<std::int64_t> sea(static_cast<std::size_t>(bands), 0);
  std::atomic<bool> bad{false};
  tbb::parallel_for(0, bands, [&](int b) {
    const gdal::Dataset own = gdal::open_raster(file);  // GDAL datasets are not shared between threads
    // Uncompressed strips are read straight into the grid, not through the
    // block cache (a no-op for other layouts and formats).
    const ThreadConfig direct("GTIFF_DIRECT_IO", "YES");
    GDALRasterBand* band = own->GetRasterBand(1);
    const int r0 = static_cast<int>(static_cast<std::int64_t>(grid.height) * b / bands);
    const int r1 = static_cast<int>(static_cast<std::int64_t>(grid.height) * (b + 1) / bands);
    const std::size_t w = static_cast<std::size_t>(grid.width);
    for (int r = r0; r < r1 && !bad.load(std::memory_order_relaxed); r += kChunk) {
      const int rows = std::min(kChunk, r1 - r);
      float* z = t.ground_m.data() + static_cast<std::size_t>(r) * w;
      {
        gdal::ErrorCapture err;
        if (band->RasterIO(GF_Read, sx, sy + r, grid.width, rows, z, grid.width, rows, GDT_Float32, 0,
                           static_cast<GSpacing>(w * sizeof(float))) != CE_None)
          throw InputError(err.message(names, "cannot read the DEM"));
      }
      int nbad = 0;
      std::int64_t below = 0;
      constexpr float lo = static_cast<float>(kMinGroundM), hi = static_cast<float>(kMaxGroundM);
      for (std::size_t i = 0, n = w * static_cast<std::size_t>(rows); i < n; ++i) {
        const float v = z[i];
        nbad += !(v >= lo) | !(v <= hi) | (v == nd);  // NaN, +-inf, implausible, nodata
        below += v < 0.0f;
        z[i] = v < 0.0f ? 0.0f : v;
      }
      sea[static_cast<std::size_t>(b)] += below;
      if (nbad) bad = true;
    }
  });
  if (bad) return false;
  for (const std::int64_t n : sea) t.sea_cells += n;
  return true;
}

/// Step 1: the mosaic window under the grid (the grid's outline in the
/// mosaic's CRS), padded by the bilinear kernel's reach scaled by the
/// down-sampling ratio, clamped to the mosaic.
Window window_under_grid(const Mosaic& m, const OGRCoordinateTransformation& grid_to_mosaic, const GridSpec& grid,
                         double source_resolution_m) {
  const gdal::Transform to_mosaic(grid_to_mosaic.Clone());  // Transform() is not const
  if (!to_mosaic) throw Error("cannot copy a coordinate transformation");
  std::vector<double> xs, ys;
  constexpr int kEdge = 64;
  const double gx1 = grid.x0_m + grid.width * grid.cell_m, gy1 = grid.y0_m - grid.height * grid.cell_m;
  for (int i = 0; i <= kEdge; ++i) {
    const double f = static_cast<double>(i) / kEdge;
    const double px[4] = {grid.x0_m + f * (gx1 - grid.x0_m), grid.x0_m + f * (gx1 - grid.x0_m), grid.x0_m, gx1};
    const double py[4] = {grid.y0_m, gy1, grid.y0_m + f * (gy1 - grid.y0_m), grid.y0_m + f * (gy1 - grid.y0_m)};
    for (int k = 0; k < 4; ++k) xs.push_back(px[k]), ys.push_back(py[k]);
  }
  const auto ok = transform(*to_mosaic, xs, ys);
  double pxmin = 1e300, pxmax = -1e300, pymin = 1e300, pymax = -1e300;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!ok[i]) continue;
    const double px = (xs[i] - m.gt[0]) / m.gt[1], py = (ys[i] - m.gt[3]) / m.gt[5];
    pxmin = std::min(pxmin, px), pxmax = std::max(pxmax, px);
    pymin = std::min(pymin, py), pymax = std::max(pymax, py);
  }
  const double ratio = grid.cell_m / std::max(source_resolution_m, 1e-9);
  const double pad = 3 + std::ceil(2 * ratio);
  // Clamped in double before the conversion: with DEM pixels far smaller than
  // a grid cell (1e-16 degrees, found by tests/fuzz/dem_fuzz.cpp) the pad and
  // the pixel coordinates exceed int, and converting them would be undefined.
  auto pixel = [](double v, int size) {
    if (!(v > 0)) return 0;  // also NaN
    return v < size ? static_cast<int>(v) : size;
  };
  return {.x0 = pixel(std::floor(pxmin) - pad, m.width),
          .y0 = pixel(std::floor(pymin) - pad, m.height),
          .x1 = pixel(std::ceil(pxmax) + pad, m.width),
          .y1 = pixel(std::ceil(pymax) + pad, m.height)};
}

/// Step 2: the window as Float32, row-major.
std::vector<float> read_window(const Mosaic& m, const Window& w, const std::string& names) {
  std::vector<float> buf(static_cast<std::size_t>(w.width()) * w.height());
  gdal::ErrorCapture err;
  if (m.dataset().GetRasterBand(1)->RasterIO(GF_Read, w.x0, w.y0, w.width(), w.height(), buf.data(), w.width(),
                                             w.height(), GDT_Float32, 0, 0) != CE_None)
    throw InputError(err.message(names, "cannot read the DEM"));
  return buf;
}

/// 1 for the window's pixels inside a tile, 0 for the gaps between tiles.
std::vector<std::uint8_t> tile_coverage(const Mosaic& m, const Window& w) {
  std::vector<std::uint8_t> covered(static_cast<std::size_t>(w.width()) * w.height(), 0);
  for (const auto& r : m.rects) {
    const int x0 = std::max(w.x0, static_cast<int>(std::lround(r.x0))), x1 = std::min(w.x1, static_cast<int>(std::lround(r.x1)));
    const int y0 = std::max(w.y0, static_cast<int>(std::lround(r.y0))), y1 = std::min(w.y1, static_cast<int>(std::lround(r.y1)));
    for (int y = y0; y < y1; ++y)
      std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(y - w.y0) * w.width() + (x0 - w.x0),
                  std::max(0, x1 - x0), 1);
  }
  return covered;
}

/// Nodata connected to the mosaic's outer edge or to a gap between tiles is
/// not a hole in the data but the edge of the DEM (e.g. a basin-shaped DEM
/// padded with nodata): outside, never invented. Flood-fills those voids
/// (todo 1) into outside (todo 2, NaN).
void mark_dem_edge(std::vector<float>& buf, std::vector<std::uint8_t>& todo, const std::vector<std::uint8_t>& covered,
                   const Mosaic& m, const Window& w) {
  const int ww = w.width(), wh = w.height();
  std::vector<std::size_t> stack;
  auto seed = [&](int x, int y) {
    const std::size_t i = static_cast<std::size_t>(y) * ww + x;
    if (todo[i] == 1) todo[i] = 2, stack.push_back(i);
  };
  auto seed_neighbours = [&](int x, int y) {
    for (int d = 0; d < 4; ++d) {
      const int xx = x + (d == 0) - (d == 1), yy = y + (d == 2) - (d == 3);
      if (xx >= 0 && yy >= 0 && xx < ww && yy < wh) seed(xx, yy);
    }
  };
  for (int y = 0; y < wh; ++y) {
    if (w.x0 == 0) seed(0, y);
    if (w.x1 == m.width) seed(ww - 1, y);
  }
  for (int x = 0; x < ww; ++x) {
    if (w.y0 == 0) seed(x, 0);
    if (w.y1 == m.height) seed(x, wh - 1);
  }
  // The pixels between tiles, stepping over the tiles' pixels a word at a time.
  const std::span<const std::uint8_t> cov(covered);
  for (std::size_t i = skip_nothing(cov, 0, std::uint8_t{1}); i < cov.size();
       i = skip_nothing(cov, i + 1, std::uint8_t{1}))
    seed_neighbours(static_cast<int>(i % ww), static_cast<int>(i / ww));
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    buf[i] = kNaN;
    seed_neighbours(static_cast<int>(i % ww), static_cast<int>(i / ww));
  }
}

/// Steps 2-3: voids (nodata, NaN, +-inf or heights outside [kMinGroundM,
/// kMaxGroundM], inside a tile) are filled from their
/// neighbours, in the DEM's own cells; gaps between tiles and the DEM's edge
/// (mark_dem_edge) become NaN. Returns the number of voids filled.
std::int64_t fill_voids(std::vector<float>& buf, const Mosaic& m, const Window& w) {
  int has_nodata = 0;
  const double nodata = m.dataset().GetRasterBand(1)->GetNoDataValue(&has_nodata);
  const float nd = static_cast<float>(nodata);
  const auto is_void = [&](float v) { return !plausible_elevation(v) || (has_nodata && v == nd); };
  // Common case first: one tile and no nodata in the window, nothing to classify.
  if (m.rects.size() == 1 && std::none_of(buf.begin(), buf.end(), is_void)) return 0;
  const std::vector<std::uint8_t> covered = tile_coverage(m, w);
  std::vector<std::uint8_t> todo(buf.size(), 0);  // 0 data, 1 a void to fill, 2 outside the DEM
  // In parallel: a mosaic of many tiles (Copernicus GLO-30 over a country)
  // holds billions of pixels here, and usually no void.
  const std::int64_t voids = tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, buf.size(), std::size_t{1} << 16), std::int64_t{0},
      [&](const tbb::blocked_range<std::size_t>& r, std::int64_t n) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) {
          if (!covered[i]) buf[i] = kNaN, todo[i] = 2;
          else if (is_void(buf[i])) todo[i] = 1, ++n;
        }
        return n;
      },
      std::plus<>());
  if (voids == 0) return 0;  // the gaps between tiles are NaN already: nothing to flood or fill
  mark_dem_edge(buf, todo, covered, m, w);
  const std::int64_t filled = detail::fill_from_neighbours(buf, w.width(), w.height(), todo);
  const std::span<const std::uint8_t> left(todo);  // voids not filled, and outside: NaN
  for (std::size_t i = skip_nothing(left, 0, std::uint8_t{0}); i < left.size();
       i = skip_nothing(left, i + 1, std::uint8_t{0}))
    buf[i] = kNaN;
  return filled;
}

/// Step 4 for a mosaic on the grid: the window's pixels are grid cells,
/// grid cell (c, r) at mosaic pixel origin + (c, r).
void copy_on_grid(const std::vector<float>& buf, const Window& w, Pixel origin, TerrainGrid& t) {
  const GridSpec& grid = t.grid;
  const int dc = w.x0 - origin.x, dr = w.y0 - origin.y;
  for (int y = 0; y < w.height(); ++y) {
    const int r = y + dr;
    if (r < 0 || r >= grid.height) continue;
    for (int x = 0; x < w.width(); ++x) {
      const int c = x + dc;
      if (c >= 0 && c < grid.width)
        t.ground_m[static_cast<std::size_t>(r) * grid.width + c] = buf[static_cast<std::size_t>(y) * w.width() + x];
    }
  }
}

/// Step 4 otherwise: resamples the window bilinearly onto the grid
/// (detail::resample_bilinear, all cores); cells beyond the DEM become NaN.
void warp_to_grid(const std::vector<float>& buf, const Window& w, const Mosaic& m,
                  const OGRCoordinateTransformation& grid_to_mosaic, TerrainGrid& t) {
  const detail::SourceWindow src{.z = buf, .width = w.width(), .height = w.height(), .col0 = w.x0, .row0 = w.y0,
                                 .x0 = m.gt[0], .dx = m.gt[1], .y0 = m.gt[3], .dy = m.gt[5]};
  detail::resample_bilinear(src, grid_to_mosaic, t.grid, t.ground_m);
}

/// Steps 1-4: the DEM under the grid, voids filled, onto the grid's cells.
void resample(const Mosaic& m, std::optional<Pixel> origin,
              const std::string& names, TerrainGrid& t) {
  // One transformation for the window and the resampling, through WGS84
  // (gdal::grid_to_dem); copies of it cost nothing.
  const gdal::Transform grid_to_mosaic = gdal::grid_to_dem(t.grid, m.srs);
  const Window w = window_under_grid(m, *grid_to_mosaic, t.grid, t.source_resolution_m);
  if (w.empty()) return;
  std::vector<float> buf = read_window(m, w, names);
  t.voids_filled = fill_voids(buf, m, w);
  // Every cell a void: there is nothing to fill from, and "outside the DEM"
  // would send the user looking at the extent instead of the values.
  if (std::all_of(buf.begin(), buf.end(), [](float v) { return std::isnan(v); }))
    throw InputError(names + ": has no valid elevation under the analysis area (every cell there is nodata)");
  if (origin) copy_on_grid(buf, w, *origin, t);
  else warp_to_grid(buf, w, m, *grid_to_mosaic, t);
}

/// Cells the DEM leaves NaN and cells below the sea surface, with the first NaN.
struct Scan {
  std::int64_t nan = 0, below = 0;
  std::size_t first_nan = SIZE_MAX;
};

/// One parallel pass over the grid.
Scan scan(const TerrainGrid& t) {
  const std::size_t w = static_cast<std::size_t>(t.grid.width);
  return tbb::parallel_reduce(
      tbb::blocked_range<int>(0, t.grid.height), Scan{},
      [&](const tbb::blocked_range<int>& rows, Scan acc) {
        for (int r = rows.begin(); r != rows.end(); ++r) {
          const float* z = t.ground_m.data() + r * w;
          std::int64_t nan = 0, below = 0;
          for (std::size_t c = 0; c < w; ++c) nan += z[c] != z[c], below += z[c] < 0.0f;
          if (nan && acc.first_nan == SIZE_MAX)
            for (std::size_t c = 0; c < w; ++c)
              if (z[c] != z[c]) {
                acc.first_nan = r * w + c;
                break;
              }
          acc.nan += nan, acc.below += below;
        }
        return acc;
      },
      [](Scan a, const Scan& b) {
        a.nan += b.nan, a.below += b.below, a.first_nan = std::min(a.first_nan, b.first_nan);
        return a;
      });
}

/// Step 5: cells the DEM does not cover are an InputError giving the first
/// one's coordinates and the DEM's extent, or, with opt.allow_outside (and
/// some cell on the DEM), filled from the nearest DEM cells and flagged.
void handle_outside(TerrainGrid& t, const Scan& sc, const std::vector<std::filesystem::path>& files,
                    const TerrainOptions& opt, const std::string& names) {
  const GridSpec& grid = t.grid;
  if (!opt.allow_outside || sc.nan == static_cast<std::int64_t>(grid.cells())) {
    const int c = static_cast<int>(sc.first_nan % grid.width), r = static_cast<int>(sc.first_nan / grid.width);
    const LonLat ll = unproject(grid.projection, grid.cell_center(c, r));
    const DemFootprint fp = dem_footprint(files, grid.projection);
    throw InputError(names + fmt::format(": the analysis area extends outside the DEM: no elevation at ({:.4f}, "
                                         "{:.4f}) and {} other cell(s); the DEM covers lon {:.4f}..{:.4f}, lat "
                                         "{:.4f}..{:.4f}",
                                         ll.lon_deg, ll.lat_deg, sc.nan - 1, fp.lonlat.west, fp.lonlat.east,
                                         fp.lonlat.south, fp.lonlat.north));
  }
  std::vector<std::uint8_t> outside(grid.cells(), 0);
  for (std::size_t i = 0; i < t.ground_m.size(); ++i) outside[i] = std::isnan(t.ground_m[i]);
  std::vector<std::uint8_t> todo = outside;
  detail::fill_from_neighbours(t.ground_m, grid.width, grid.height, todo);
  t.outside_dem = std::move(outside);
  t.outside_dem_cells = sc.nan;
}

/// Points along the four edges of a raster of w x h pixels with geotransform
/// `gt`, in its CRS, appended to x and y.
void outline(const double gt[6], int w, int h, std::vector<double>& x, std::vector<double>& y) {
  constexpr int kSamples = 32;  // per edge: curved edges bulge far less than a cell between samples
  for (int i = 0; i <= kSamples; ++i) {
    const double f = static_cast<double>(i) / kSamples;
    const double px[4] = {f * w, f * w, 0.0, static_cast<double>(w)};
    const double py[4] = {0.0, static_cast<double>(h), f * h, f * h};
    for (int k = 0; k < 4; ++k) {
      x.push_back(gt[0] + px[k] * gt[1] + py[k] * gt[2]);
      y.push_back(gt[3] + px[k] * gt[4] + py[k] * gt[5]);
    }
  }
}

}  // namespace

DemFootprint dem_footprint(const std::vector<std::filesystem::path>& files, const Laea& p) {
  DemFootprint fp;
  fp.lonlat = {1e9, 1e9, -1e9, -1e9};
  fp.grid = {1e300, 1e300, -1e300, -1e300};
  for (const auto& f : files) {
    const gdal::Dataset ds = gdal::open_raster(f);
    const char* wkt = ds->GetProjectionRef();
    if (!wkt || !*wkt) throw InputError(f.string() + ": raster has no coordinate reference system");
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None) throw InputError(f.string() + ": raster has no geotransform");
    const OGRSpatialReference dem_srs = gdal::srs(wkt);
    gdal::check_extent(f, gt, ds->GetRasterXSize(), ds->GetRasterYSize(), dem_srs);
    const gdal::Transform t = gdal::transform_to_wgs84(f, dem_srs);
    std::vector<double> x, y;
    outline(gt, ds->GetRasterXSize(), ds->GetRasterYSize(), x, y);
    const auto ok = transform(*t, x, y);
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!ok[i]) continue;
      fp.lonlat.west = std::min(fp.lonlat.west, x[i]);
      fp.lonlat.east = std::max(fp.lonlat.east, x[i]);
      fp.lonlat.south = std::min(fp.lonlat.south, y[i]);
      fp.lonlat.north = std::max(fp.lonlat.north, y[i]);
      const XY q = project(p, {x[i], y[i]});
      fp.grid.xmin_m = std::min(fp.grid.xmin_m, q.x_m);
      fp.grid.xmax_m = std::max(fp.grid.xmax_m, q.x_m);
      fp.grid.ymin_m = std::min(fp.grid.ymin_m, q.y_m);
      fp.grid.ymax_m = std::max(fp.grid.ymax_m, q.y_m);
    }
  }
  return fp;
}

TerrainGrid load_terrain(const DemSource& src, const GridSpec& grid, const TerrainOptions& opt) {
  TerrainGrid t;
  t.grid = grid;
  if (src.flat_m) {
    load_flat(t, *src.flat_m);
    return t;
  }
  if (src.files.empty()) throw InputError("terrain: neither DEM files nor flat ground given");
  const std::string names = file_list(src.files);
  const Mosaic m = open_mosaic_while_allocating(src.files, t);
  t.source_resolution_m = pixel_size_m(m, grid.projection.origin.lat_deg);
  const std::optional<Pixel> origin = grid_origin_in_mosaic(m, grid);
  // A single file on the grid and free of nodata under it skips steps 1-4.
  if (!(origin && !m.vrt && read_on_grid(m, src.files[0], *origin, names, t))) {
    resample(m, origin, names, t);
    const Scan sc = scan(t);
    if (sc.nan) handle_outside(t, sc, src.files, opt, names);
    // Step 6, the sea surface: line of sight runs over water at 0 m.
    if (sc.below || sc.nan) t.sea_cells = clamp_sea(t.ground_m, grid.width, grid.height);
  }
  describe(t, src.files);
  return t;
}

}  // namespace adcov::geo
