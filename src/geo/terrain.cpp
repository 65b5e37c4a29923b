// Terrain on the analysis grid: DEM mosaic -> void fill -> bilinear warp to
// LAEA -> sea surface at 0 m. See terrain.hpp for the contract.
#include "adcov/geo/terrain.hpp"

#include <gdal_utils.h>
#include <cpl_conv.h>
#include <cpl_string.h>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/task_group.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "adcov/geo/big_buffer.hpp"
#include "adcov/geo/error.hpp"
#include "gdal_util.hpp"
#include "void_fill.hpp"

namespace adcov::geo {

namespace {

using detail::Dataset;
using detail::GdalErrors;

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
  void add(const std::string& s) { list.AddString(s.c_str()); }
};

/// The DEM files as one dataset in one CRS: a VRT when several.
struct Mosaic {
  std::vector<Dataset> tiles;
  Dataset vrt;  ///< null for a single file: tiles[0] is the mosaic
  double gt[6] = {};
  int width = 0, height = 0;
  std::string wkt;
  /// Tile rectangles in mosaic pixel coordinates [x0, x1) x [y0, y1).
  struct Rect { double x0, y0, x1, y1; };
  std::vector<Rect> rects;
};

Mosaic open_mosaic(const std::vector<std::filesystem::path>& files) {
  Mosaic m;
  std::vector<GDALDatasetH> handles;
  for (const auto& f : files) {
    m.tiles.push_back(detail::open_raster(f));
    GDALDatasetH h = m.tiles.back().get();
    const char* wkt = GDALGetProjectionRef(h);
    if (!wkt || !*wkt) throw InputError(f.string() + ": raster has no coordinate reference system");
    double gt[6];
    if (GDALGetGeoTransform(h, gt) != CE_None)
      throw InputError(f.string() + ": raster has no geotransform (not georeferenced)");
    if (gt[2] != 0 || gt[4] != 0) throw InputError(f.string() + ": rotated rasters are not supported");
    handles.push_back(h);
  }
  if (handles.size() == 1) {
    // One file: read it directly (a VRT would only add a copy per block).
    GDALGetGeoTransform(handles[0], m.gt);
    m.width = GDALGetRasterXSize(handles[0]);
    m.height = GDALGetRasterYSize(handles[0]);
    m.wkt = GDALGetProjectionRef(handles[0]);
    m.rects.push_back({0, 0, static_cast<double>(m.width), static_cast<double>(m.height)});
    return m;
  }
  GdalErrors err;
  // -strict: a tile in another CRS is an error, not silently skipped.
  Args args{"-strict", "-q"};
  GDALBuildVRTOptions* o = GDALBuildVRTOptionsNew(args.list.List(), nullptr);
  int usage = 0;
  m.vrt.reset(GDALBuildVRT("", static_cast<int>(handles.size()), handles.data(), nullptr, o, &usage));
  GDALBuildVRTOptionsFree(o);
  if (!m.vrt) throw InputError(detail::gdal_message(file_list(files), "cannot mosaic the DEM files", err));
  GDALGetGeoTransform(m.vrt.get(), m.gt);
  m.width = GDALGetRasterXSize(m.vrt.get());
  m.height = GDALGetRasterYSize(m.vrt.get());
  m.wkt = GDALGetProjectionRef(m.vrt.get());
  for (GDALDatasetH h : handles) {
    double gt[6];
    GDALGetGeoTransform(h, gt);
    const double xa = gt[0], xb = gt[0] + gt[1] * GDALGetRasterXSize(h);
    const double ya = gt[3], yb = gt[3] + gt[5] * GDALGetRasterYSize(h);
    m.rects.push_back({(std::min(xa, xb) - m.gt[0]) / m.gt[1], (std::max(ya, yb) - m.gt[3]) / m.gt[5],
                       (std::max(xa, xb) - m.gt[0]) / m.gt[1], (std::min(ya, yb) - m.gt[3]) / m.gt[5]});
  }
  return m;
}

detail::Srs srs_of(const std::string& wkt) { return detail::make_srs(wkt); }

/// West / north edge of a mosaic window starting at pixel column wx0 / row wy0.
double sgt_x0(const Mosaic& m, int wx0) { return m.gt[0] + wx0 * m.gt[1]; }
double sgt_y0(const Mosaic& m, int wy0) { return m.gt[3] + wy0 * m.gt[5]; }

/// Metres per mosaic pixel (mean of x and y), at latitude `lat_deg` when geographic.
double pixel_size_m(const Mosaic& m, OGRSpatialReferenceH srs, double lat_deg) {
  if (OSRIsGeographic(srs))
    return 0.5 * (std::abs(m.gt[1]) * std::cos(lat_deg * kDegToRad) + std::abs(m.gt[5])) * kDegToRad * kEarthRadiusM;
  return 0.5 * (std::abs(m.gt[1]) + std::abs(m.gt[5])) * OSRGetLinearUnits(srs, nullptr);
}

/// Transforms points in place; returns a flag per point.
std::vector<int> transform(OGRCoordinateTransformationH t, std::vector<double>& x, std::vector<double>& y) {
  std::vector<int> ok(x.size(), 0);
  if (!x.empty()) OCTTransformEx(t, static_cast<int>(x.size()), x.data(), y.data(), nullptr, ok.data());
  return ok;
}

Dataset mem_dataset(int w, int h, const double gt[6], const std::string& wkt) {
  GDALDriverH mem = GDALGetDriverByName("MEM");
  Dataset ds(GDALCreate(mem, "", w, h, 1, GDT_Float32, nullptr));
  if (!ds) throw Error("GDAL: cannot create an in-memory raster of " + std::to_string(w) + "x" + std::to_string(h));
  GDALSetGeoTransform(ds.get(), const_cast<double*>(gt));
  GDALSetProjection(ds.get(), wkt.c_str());
  GDALSetRasterNoDataValue(GDALGetRasterBand(ds.get(), 1), std::numeric_limits<double>::quiet_NaN());
  return ds;
}

std::string grid_wkt(const GridSpec& g) {
  auto srs = detail::make_srs(proj_string(g.projection));
  char* wkt = nullptr;
  OSRExportToWkt(srs.get(), &wkt);
  std::string s = wkt ? wkt : "";
  CPLFree(wkt);
  return s;
}

void load_flat(TerrainGrid& t, double z) {
  const float v = static_cast<float>(std::max(z, 0.0));
  t.ground_m.assign(t.grid.cells(), v);
  if (z < 0) t.sea_cells = static_cast<std::int64_t>(t.grid.cells());
  char buf[96];
  std::snprintf(buf, sizeof buf, "flat ground at %g m, %g m cells", z, t.grid.cell_m);
  t.description = buf;
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
std::int64_t clamp_sea(std::vector<float>& z, int width, int height) {
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
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s (%zu file%s, ~%.0f m cells) resampled bilinearly to %g m LAEA cells",
                file_list(files, true).c_str(), files.size(), files.size() == 1 ? "" : "s",
                t.source_resolution_m, t.grid.cell_m);
  t.description = buf;
}

/// The fast path for a single-file DEM already on the grid: DEM pixel
/// (sx + c, sy + r) is grid cell (c, r). Reads straight into t.ground_m in
/// row bands, one dataset handle per band, the bands in parallel, each
/// chunk of rows checked while it is in cache; clamps the sea surface on the
/// way. Returns false, with nothing counted, when the grid is not entirely
/// inside the raster or the raster has nodata/NaN there (voids and edges:
/// the general path classifies those).
bool read_on_grid(const Mosaic& m, const std::filesystem::path& file, int sx, int sy, const std::string& names,
                  TerrainGrid& t) {
  const GridSpec& grid = t.grid;
  if (sx < 0 || sy < 0 || sx + grid.width > m.width || sy + grid.height > m.height) return false;
  int has_nodata = 0;
  const double nodata = GDALGetRasterNoDataValue(GDALGetRasterBand(m.tiles[0].get(), 1), &has_nodata);
  const float nd = has_nodata ? static_cast<float>(nodata) : kNaN;
  const int bands = std::clamp(tbb::this_task_arena::max_concurrency(), 1, 16);
  constexpr int kChunk = 32;  // rows read and checked at a time (~0.5 MB at 3000 cells a row)
  std::vector<std::int64_t> sea(static_cast<std::size_t>(bands), 0);
  std::atomic<bool> bad{false};
  tbb::parallel_for(0, bands, [&](int b) {
    Dataset own = detail::open_raster(file);  // GDAL datasets are not shared between threads
    // Uncompressed strips are read straight into the grid, not through the
    // block cache (a no-op for other layouts and formats).
    const ThreadConfig direct("GTIFF_DIRECT_IO", "YES");
    GDALRasterBandH band = GDALGetRasterBand(own.get(), 1);
    const int r0 = static_cast<int>(static_cast<std::int64_t>(grid.height) * b / bands);
    const int r1 = static_cast<int>(static_cast<std::int64_t>(grid.height) * (b + 1) / bands);
    const std::size_t w = static_cast<std::size_t>(grid.width);
    for (int r = r0; r < r1 && !bad.load(std::memory_order_relaxed); r += kChunk) {
      const int rows = std::min(kChunk, r1 - r);
      float* z = t.ground_m.data() + static_cast<std::size_t>(r) * w;
      {
        GdalErrors err;
        if (GDALRasterIO(band, GF_Read, sx, sy + r, grid.width, rows, z, grid.width, rows, GDT_Float32, 0,
                         static_cast<GSpacing>(w * sizeof(float))) != CE_None)
          throw InputError(detail::gdal_message(names, "cannot read the DEM", err));
      }
      int nbad = 0;
      std::int64_t below = 0;
      for (std::size_t i = 0, n = w * static_cast<std::size_t>(rows); i < n; ++i) {
        const float v = z[i];
        nbad += (v != v) | (v == nd);
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

}  // namespace

DemFootprint dem_footprint(const std::vector<std::filesystem::path>& files, const Laea& p) {
  DemFootprint fp;
  fp.lonlat = {1e9, 1e9, -1e9, -1e9};
  fp.grid = {1e300, 1e300, -1e300, -1e300};
  auto ll = detail::wgs84();
  for (const auto& f : files) {
    Dataset ds = detail::open_raster(f);
    const char* wkt = GDALGetProjectionRef(ds.get());
    if (!wkt || !*wkt) throw InputError(f.string() + ": raster has no coordinate reference system");
    double gt[6];
    if (GDALGetGeoTransform(ds.get(), gt) != CE_None) throw InputError(f.string() + ": raster has no geotransform");
    auto srs = srs_of(wkt);
    auto t = detail::make_transform(srs.get(), ll.get());
    const int w = GDALGetRasterXSize(ds.get()), h = GDALGetRasterYSize(ds.get());
    constexpr int kSamples = 32;  // per edge: curved edges bulge far less than a cell between samples
    std::vector<double> x, y;
    for (int i = 0; i <= kSamples; ++i) {
      const double f1 = static_cast<double>(i) / kSamples;
      const double px[4] = {f1 * w, f1 * w, 0.0, static_cast<double>(w)};
      const double py[4] = {0.0, static_cast<double>(h), f1 * h, f1 * h};
      for (int k = 0; k < 4; ++k) {
        x.push_back(gt[0] + px[k] * gt[1] + py[k] * gt[2]);
        y.push_back(gt[3] + px[k] * gt[4] + py[k] * gt[5]);
      }
    }
    const auto ok = transform(t.get(), x, y);
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
  detail::ensure_gdal();
  const std::string names = file_list(src.files);
  // The grid's memory is faulted in (a few ms for tens of MB) on another
  // thread while this one opens the files and sets up the projections.
  tbb::task_group alloc;
  alloc.run([&] { assign_big(t.ground_m, grid.cells(), kNaN); });
  Mosaic m;
  detail::Srs grid_srs, mosaic_srs;
  try {
    m = open_mosaic(src.files);
    grid_srs = detail::make_srs(proj_string(grid.projection));
    mosaic_srs = srs_of(m.wkt);
  } catch (...) {
    alloc.wait();
    throw;
  }
  alloc.wait();
  t.source_resolution_m = pixel_size_m(m, mosaic_srs.get(), grid.projection.origin.lat_deg);

  // A single-file DEM already on the grid (same CRS, cell size and cell
  // edges, e.g. one written by write_geotiff) and free of nodata there: read
  // straight into the grid (bilinear at cell centres is the identity).
  {
    const double fx = (grid.x0_m - m.gt[0]) / grid.cell_m, fy = (m.gt[3] - grid.y0_m) / grid.cell_m;
    if (!m.vrt && std::abs(m.gt[1] - grid.cell_m) < 1e-9 * grid.cell_m &&
        std::abs(m.gt[5] + grid.cell_m) < 1e-9 * grid.cell_m && std::abs(fx - std::round(fx)) < 1e-6 &&
        std::abs(fy - std::round(fy)) < 1e-6 && OSRIsSame(mosaic_srs.get(), grid_srs.get()) != 0 &&
        read_on_grid(m, src.files[0], static_cast<int>(std::lround(fx)), static_cast<int>(std::lround(fy)), names,
                     t)) {
      describe(t, src.files);
      return t;
    }
  }

  // 1. The mosaic window that covers the grid: the grid's outline in the mosaic's CRS.
  auto to_mosaic = detail::make_transform(grid_srs.get(), mosaic_srs.get());
  std::vector<double> xs, ys;
  constexpr int kEdge = 64;
  const double gx1 = grid.x0_m + grid.width * grid.cell_m, gy1 = grid.y0_m - grid.height * grid.cell_m;
  for (int i = 0; i <= kEdge; ++i) {
    const double f = static_cast<double>(i) / kEdge;
    const double px[4] = {grid.x0_m + f * (gx1 - grid.x0_m), grid.x0_m + f * (gx1 - grid.x0_m), grid.x0_m, gx1};
    const double py[4] = {grid.y0_m, gy1, grid.y0_m + f * (gy1 - grid.y0_m), grid.y0_m + f * (gy1 - grid.y0_m)};
    for (int k = 0; k < 4; ++k) xs.push_back(px[k]), ys.push_back(py[k]);
  }
  const auto ok = transform(to_mosaic.get(), xs, ys);
  double pxmin = 1e300, pxmax = -1e300, pymin = 1e300, pymax = -1e300;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!ok[i]) continue;
    const double px = (xs[i] - m.gt[0]) / m.gt[1], py = (ys[i] - m.gt[3]) / m.gt[5];
    pxmin = std::min(pxmin, px), pxmax = std::max(pxmax, px);
    pymin = std::min(pymin, py), pymax = std::max(pymax, py);
  }
  // Pad by the bilinear kernel's reach, scaled by the down-sampling ratio.
  const double ratio = grid.cell_m / std::max(t.source_resolution_m, 1e-9);
  const int pad = 3 + static_cast<int>(std::ceil(2 * ratio));
  const int wx0 = std::clamp(static_cast<int>(std::floor(pxmin)) - pad, 0, m.width);
  const int wx1 = std::clamp(static_cast<int>(std::ceil(pxmax)) + pad, 0, m.width);
  const int wy0 = std::clamp(static_cast<int>(std::floor(pymin)) - pad, 0, m.height);
  const int wy1 = std::clamp(static_cast<int>(std::ceil(pymax)) + pad, 0, m.height);

  // A DEM on the grid with nodata (or a mosaic on the grid) is copied below
  // after the void classification, not warped.
  const double ox = (sgt_x0(m, wx0) - grid.x0_m) / grid.cell_m, oy = (grid.y0_m - sgt_y0(m, wy0)) / grid.cell_m;
  const bool on_grid = std::abs(m.gt[1] - grid.cell_m) < 1e-9 * grid.cell_m &&
                       std::abs(m.gt[5] + grid.cell_m) < 1e-9 * grid.cell_m && std::abs(ox - std::round(ox)) < 1e-6 &&
                       std::abs(oy - std::round(oy)) < 1e-6 && OSRIsSame(mosaic_srs.get(), grid_srs.get()) != 0;

  if (wx1 > wx0 && wy1 > wy0) {
    const int ww = wx1 - wx0, wh = wy1 - wy0;
    // 2. Read the window; voids = nodata inside a tile; gaps = outside every tile.
    std::vector<float> buf(static_cast<std::size_t>(ww) * wh);
    GDALRasterBandH band = GDALGetRasterBand(m.vrt ? m.vrt.get() : m.tiles[0].get(), 1);
    {
      GdalErrors err;
      if (GDALRasterIO(band, GF_Read, wx0, wy0, ww, wh, buf.data(), ww, wh, GDT_Float32, 0, 0) != CE_None)
        throw InputError(detail::gdal_message(names, "cannot read the DEM", err));
    }
    int has_nodata = 0;
    const double nodata = GDALGetRasterNoDataValue(band, &has_nodata);
    const float nd = static_cast<float>(nodata);
    // Common case first: one tile and no nodata in the window, nothing to classify.
    bool clean = m.rects.size() == 1;
    for (std::size_t i = 0; clean && i < buf.size(); ++i)
      clean = !(std::isnan(buf[i]) || (has_nodata && buf[i] == nd));
    if (!clean) {
      std::vector<std::uint8_t> covered(buf.size(), 0), todo(buf.size(), 0);
      for (const auto& r : m.rects) {
        const int x0 = std::max(wx0, static_cast<int>(std::lround(r.x0))), x1 = std::min(wx1, static_cast<int>(std::lround(r.x1)));
        const int y0 = std::max(wy0, static_cast<int>(std::lround(r.y0))), y1 = std::min(wy1, static_cast<int>(std::lround(r.y1)));
        for (int y = y0; y < y1; ++y)
          std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(y - wy0) * ww + (x0 - wx0), std::max(0, x1 - x0), 1);
      }
      for (std::size_t i = 0; i < buf.size(); ++i) {
        if (!covered[i]) {
          buf[i] = kNaN;
          todo[i] = 2;  // a gap: neither a source nor filled
        } else if (std::isnan(buf[i]) || (has_nodata && buf[i] == nd)) {
          todo[i] = 1;
        }
      }
      // Nodata connected to the mosaic's outer edge or to a gap between tiles is
      // not a hole in the data but the edge of the DEM (e.g. a basin-shaped DEM
      // padded with nodata): outside, never invented.
      {
        std::vector<std::size_t> stack;
        auto seed = [&](int x, int y) {
          const std::size_t i = static_cast<std::size_t>(y) * ww + x;
          if (todo[i] == 1) todo[i] = 2, stack.push_back(i);
        };
        for (int y = 0; y < wh; ++y) {
          if (wx0 == 0) seed(0, y);
          if (wx1 == m.width) seed(ww - 1, y);
        }
        for (int x = 0; x < ww; ++x) {
          if (wy0 == 0) seed(x, 0);
          if (wy1 == m.height) seed(x, wh - 1);
        }
        for (int y = 0; y < wh; ++y)
          for (int x = 0; x < ww; ++x)
            if (!covered[static_cast<std::size_t>(y) * ww + x])
              for (int d = 0; d < 4; ++d) {
                const int xx = x + (d == 0) - (d == 1), yy = y + (d == 2) - (d == 3);
                if (xx >= 0 && yy >= 0 && xx < ww && yy < wh) seed(xx, yy);
              }
        while (!stack.empty()) {
          const std::size_t i = stack.back();
          stack.pop_back();
          buf[i] = kNaN;
          const int x = static_cast<int>(i % ww), y = static_cast<int>(i / ww);
          for (int d = 0; d < 4; ++d) {
            const int xx = x + (d == 0) - (d == 1), yy = y + (d == 2) - (d == 3);
            if (xx >= 0 && yy >= 0 && xx < ww && yy < wh) seed(xx, yy);
          }
        }
      }
      // 3. Fill voids (holes inside the data) from their neighbours, in the DEM's own cells.
      t.voids_filled = detail::fill_from_neighbours(buf, ww, wh, todo);
      for (std::size_t i = 0; i < buf.size(); ++i)
        if (todo[i]) buf[i] = kNaN;
    }

    // 4. Warp bilinearly onto the grid; cells beyond the DEM stay NaN (a DEM
    // on the grid is copied, as above).
    if (on_grid) {
      const int dc = static_cast<int>(std::lround(ox)), dr = static_cast<int>(std::lround(oy));
      for (int y = 0; y < wh; ++y) {
        const int r = y + dr;
        if (r < 0 || r >= grid.height) continue;
        for (int x = 0; x < ww; ++x) {
          const int c = x + dc;
          if (c >= 0 && c < grid.width)
            t.ground_m[static_cast<std::size_t>(r) * grid.width + c] = buf[static_cast<std::size_t>(y) * ww + x];
        }
      }
    } else {
    const double sgt[6] = {m.gt[0] + wx0 * m.gt[1], m.gt[1], 0, m.gt[3] + wy0 * m.gt[5], 0, m.gt[5]};
    Dataset srcds = mem_dataset(ww, wh, sgt, m.wkt);
    if (GDALRasterIO(GDALGetRasterBand(srcds.get(), 1), GF_Write, 0, 0, ww, wh, buf.data(), ww, wh, GDT_Float32, 0,
                     0) != CE_None)
      throw Error(names + ": cannot copy the DEM to memory");
    const double dgt[6] = {grid.x0_m, grid.cell_m, 0, grid.y0_m, 0, -grid.cell_m};
    Dataset dstds = mem_dataset(grid.width, grid.height, dgt, grid_wkt(grid));
    GDALFillRaster(GDALGetRasterBand(dstds.get(), 1), std::numeric_limits<double>::quiet_NaN(), 0);
    const int threads = std::max(1, tbb::this_task_arena::max_concurrency());
    Args args{"-r", "bilinear", "-srcnodata", "nan", "-dstnodata", "nan", "-wo", "INIT_DEST=NO_DATA",
              "-wo", "NUM_THREADS=" + std::to_string(threads), "-q"};
    GDALWarpAppOptions* wo = GDALWarpAppOptionsNew(args.list.List(), nullptr);
    GDALDatasetH srch = srcds.get();
    GdalErrors err;
    int usage = 0;
    GDALDatasetH out = GDALWarp(nullptr, dstds.get(), 1, &srch, wo, &usage);
    GDALWarpAppOptionsFree(wo);
    if (!out) throw InputError(detail::gdal_message(names, "cannot resample the DEM to the analysis grid", err));
    if (GDALRasterIO(GDALGetRasterBand(dstds.get(), 1), GF_Read, 0, 0, grid.width, grid.height, t.ground_m.data(),
                     grid.width, grid.height, GDT_Float32, 0, 0) != CE_None)
      throw Error(detail::gdal_message(names, "cannot read the resampled DEM", err));
    }
  }

  // 5. Cells the DEM does not cover (NaN); one parallel pass that also
  // counts the cells below the sea surface.
  const std::size_t w = static_cast<std::size_t>(grid.width);
  struct Scan {
    std::int64_t nan = 0, below = 0;
    std::size_t first_nan = SIZE_MAX;
  };
  const Scan sc = tbb::parallel_reduce(
      tbb::blocked_range<int>(0, grid.height), Scan{},
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
  if (sc.nan) {
    const std::int64_t n_outside = sc.nan;
    const std::size_t first = sc.first_nan;
    std::vector<std::uint8_t> outside(grid.cells(), 0);
    for (std::size_t i = 0; i < t.ground_m.size(); ++i) outside[i] = std::isnan(t.ground_m[i]);
    const int c = static_cast<int>(first % grid.width), r = static_cast<int>(first / grid.width);
    const LonLat ll = unproject(grid.projection, grid.cell_center(c, r));
    if (!opt.allow_outside || n_outside == static_cast<std::int64_t>(grid.cells())) {
      const DemFootprint fp = dem_footprint(src.files, grid.projection);
      char buf[320];
      std::snprintf(buf, sizeof buf,
                    ": the analysis area extends outside the DEM: no elevation at (%.4f, %.4f) and %lld other "
                    "cell(s); the DEM covers lon %.4f..%.4f, lat %.4f..%.4f",
                    ll.lon_deg, ll.lat_deg, static_cast<long long>(n_outside - 1), fp.lonlat.west, fp.lonlat.east,
                    fp.lonlat.south, fp.lonlat.north);
      throw InputError(names + buf);
    }
    std::vector<std::uint8_t> todo = outside;
    detail::fill_from_neighbours(t.ground_m, grid.width, grid.height, todo);
    t.outside_dem = std::move(outside);
    t.outside_dem_cells = n_outside;
  }

  // 6. The sea surface: line of sight runs over water at 0 m.
  if (sc.below || sc.nan) t.sea_cells = clamp_sea(t.ground_m, grid.width, grid.height);
  describe(t, src.files);
  return t;
}

namespace {

void write_band(const std::filesystem::path& path, const GridSpec& grid, const void* values, std::size_t n,
                GDALDataType type, std::optional<double> nodata) {
  detail::ensure_gdal();
  if (n != grid.cells()) throw Error(path.string() + ": raster size does not match the grid");
  const std::string tmp = path.string() + ".tmp";
  GdalErrors err;
  GDALDriverH gtiff = GDALGetDriverByName("GTiff");
  const char* co[] = {"COMPRESS=NONE", "TILED=NO", nullptr};
  Dataset ds(GDALCreate(gtiff, tmp.c_str(), grid.width, grid.height, 1, type, const_cast<char**>(co)));
  if (!ds) throw Error(detail::gdal_message(path.string(), "cannot create GeoTIFF", err));
  double gt[6] = {grid.x0_m, grid.cell_m, 0, grid.y0_m, 0, -grid.cell_m};
  GDALSetGeoTransform(ds.get(), gt);
  GDALSetProjection(ds.get(), grid_wkt(grid).c_str());
  GDALRasterBandH b = GDALGetRasterBand(ds.get(), 1);
  if (nodata) GDALSetRasterNoDataValue(b, *nodata);
  if (GDALRasterIO(b, GF_Write, 0, 0, grid.width, grid.height, const_cast<void*>(values), grid.width, grid.height,
                   type, 0, 0) != CE_None)
    throw Error(detail::gdal_message(path.string(), "cannot write GeoTIFF", err));
  ds.reset();
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw Error(path.string() + ": cannot rename from " + tmp + ": " + ec.message());
}

}  // namespace

void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const float> values,
                   std::optional<double> nodata) {
  write_band(path, grid, values.data(), values.size(), GDT_Float32, nodata);
}

void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const std::uint8_t> values,
                   std::optional<double> nodata) {
  write_band(path, grid, values.data(), values.size(), GDT_Byte, nodata);
}

}  // namespace adcov::geo
