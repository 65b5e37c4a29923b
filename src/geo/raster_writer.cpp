#include "adcov/geo/raster_writer.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"

namespace adcov::geo {

namespace {

// DEFLATE at level 3, not GDAL's default 6: writing a count GeoTIFF with its
// overviews takes half the time (1 M cells: 43 -> 19 ms), for files 3-20 %
// larger (the national floor at 250 m: 2.29 -> 2.37 MB). Horizontal
// differencing (PREDICTOR=2) for the wider types, floats too (libtiff
// differences their 32-bit words): the floating-point predictor (3) packs
// the floor a little tighter but is slow. The national floor at 100 m (136 M
// cells), gdal_translate: predictor 3 3.8 s CPU, 11.7 MB; predictor 2 2.0 s,
// 13.5 MB. Byte rasters (the counts: long runs of a few values) go without:
// differencing took 0.15 s more CPU for each national count raster at 100 m
// (0.47 -> 0.62 s) to make it 20 % smaller (0.41 -> 0.34 MB).
std::vector<const char*> creation_options(TiffLayout layout, GDALDataType type) {
  if (layout == TiffLayout::strips) return {"COMPRESS=NONE", "TILED=NO", nullptr};
  return {"TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=3", type == GDT_Byte ? "PREDICTOR=1" : "PREDICTOR=2",
          "BLOCKXSIZE=256", "BLOCKYSIZE=256", nullptr};
}

constexpr int kRowsPerBand = 256;  // one row of 256 x 256 tiles

GDALDataType gdal_type(CellType t) {
  switch (t) {
    case CellType::float32: return GDT_Float32;
    case CellType::uint16: return GDT_UInt16;
    case CellType::byte: return GDT_Byte;
  }
  return GDT_Byte;
}

// Every factor 4 (4, 16, 64, ...) down to about 128-255 pixels across: a
// fifteenth of the raster's pixels more, where halving added a third and
// took 3x the time to write (GIS viewers resample between the levels).
std::vector<int> overview_factors(const GridSpec& grid) {
  std::vector<int> levels;
  for (int f = 4; std::max(grid.width, grid.height) / f >= 128; f *= 4) levels.push_back(f);
  return levels;
}

// The base pixels (columns or rows) that each pixel of every overview level
// takes, as GDAL's nearest neighbour (BuildOverviews "NEAREST") takes them:
// each level from the one above it, the pixel nearest i x (its size / this
// size), as measured against it (RasterWriter.OverviewsAreGdalsNearestNeighbourOnes).
// sizes: the base's, then each level's.
std::vector<std::vector<int>> nearest_sources(const std::vector<int>& sizes) {
  std::vector<std::vector<int>> from_base;
  for (std::size_t k = 1; k < sizes.size(); ++k) {
    const double ratio = static_cast<double>(sizes[k - 1]) / sizes[k];
    std::vector<int> src(static_cast<std::size_t>(sizes[k]));
    for (int i = 0; i < sizes[k]; ++i) {
      const int above = std::min(static_cast<int>(0.5 + i * ratio), sizes[k - 1] - 1);
      src[i] = k == 1 ? above : from_base.back()[above];
    }
    from_base.push_back(std::move(src));
  }
  return from_base;
}

// The overview levels of a band being written, filled in memory from each
// band of base rows as it goes by and written after the base: the base is
// never read back (GDAL's BuildOverviews re-read and decompressed every
// tile, or held the whole raster in its block cache), and each level's
// tiles are written once, in order. A fifteenth of the base's bytes.
struct OverviewImages {
  std::vector<std::vector<int>> cols, rows;  ///< level k, pixel i: its base column / row
  std::vector<std::vector<unsigned char>> pixels;  ///< level k, row-major
  int cell_bytes = 0;
};

OverviewImages overview_images(GDALRasterBand& band, int cell_bytes) {
  std::vector<int> widths{band.GetXSize()}, heights{band.GetYSize()};
  for (int k = 0; k < band.GetOverviewCount(); ++k)
    widths.push_back(band.GetOverview(k)->GetXSize()), heights.push_back(band.GetOverview(k)->GetYSize());
  OverviewImages im{nearest_sources(widths), nearest_sources(heights), {}, cell_bytes};
  for (std::size_t k = 0; k < im.cols.size(); ++k)
    im.pixels.emplace_back(im.cols[k].size() * im.rows[k].size() * static_cast<std::size_t>(cell_bytes));
  return im;
}

// Takes the overview pixels whose base rows lie in [r0, r0 + n), held in
// `base` (rows of `width` cells).
void take_rows(OverviewImages& im, const unsigned char* base, int width, int r0, int n) {
  const std::size_t cb = static_cast<std::size_t>(im.cell_bytes);
  for (std::size_t k = 0; k < im.pixels.size(); ++k) {
    const std::vector<int>& rows = im.rows[k];
    const std::vector<int>& cols = im.cols[k];
    // Contiguous: the base row grows with the overview row.
    const auto j0 = std::lower_bound(rows.begin(), rows.end(), r0) - rows.begin();
    const auto j1 = std::lower_bound(rows.begin(), rows.end(), r0 + n) - rows.begin();
    for (auto j = j0; j < j1; ++j) {
      const unsigned char* src = base + static_cast<std::size_t>(rows[j] - r0) * width * cb;
      unsigned char* dst = im.pixels[k].data() + static_cast<std::size_t>(j) * cols.size() * cb;
      for (std::size_t i = 0; i < cols.size(); ++i) std::memcpy(dst + i * cb, src + cols[i] * cb, cb);
    }
  }
}

// Rows [r0, r0 + n) of `band` from `rows` (n rows of `width` cells), then
// flushed: each row of tiles is compressed and written as soon as it is
// whole, in order. Left to GDAL's block cache, which every file being
// written shares, tiles went out when another file's pushed them out, so
// the order of the tiles in a file (not their pixels) changed from run to
// run. False when GDAL fails.
bool write_rows(GDALRasterBand& band, int r0, int n, unsigned char* rows, GDALDataType type) {
  const int width = band.GetXSize();
  return band.RasterIO(GF_Write, 0, r0, width, n, rows, width, n, type, 0, 0) == CE_None &&
         band.FlushCache(false) == CE_None;
}

// Writes every level after the base, a row of tiles at a time. False when GDAL fails.
bool write_overviews(GDALRasterBand& band, OverviewImages& im, GDALDataType type) {
  for (std::size_t k = 0; k < im.pixels.size(); ++k) {
    GDALRasterBand& ov = *band.GetOverview(static_cast<int>(k));
    const std::size_t row_bytes = static_cast<std::size_t>(ov.GetXSize()) * im.cell_bytes;
    for (int r0 = 0; r0 < ov.GetYSize(); r0 += kRowsPerBand)
      if (!write_rows(ov, r0, std::min(kRowsPerBand, ov.GetYSize() - r0), im.pixels[k].data() + r0 * row_bytes,
                      type))
        return false;
  }
  return true;
}

// A new GeoTIFF of one band over `grid`, georeferenced and tagged.
gdal::Dataset create_geotiff(const std::filesystem::path& path, const GridSpec& grid, GDALDataType type,
                             const GeoTiffOptions& options, const gdal::ErrorCapture& err) {
  // An empty file there (the stage's placeholder) is removed first: Create
  // would otherwise try every driver on it before replacing it (QuietDelete,
  // ~8 ms a file).
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
    std::filesystem::remove(path, ec);
  std::vector<const char*> co = creation_options(options.layout, type);
  gdal::Dataset ds(
      gdal::driver("GTiff").Create(path.c_str(), grid.width, grid.height, 1, type, const_cast<char**>(co.data())));
  if (!ds) throw Error(err.message(path, "cannot create GeoTIFF"));
  double gt[6] = {grid.x0_m, grid.cell_m, 0.0, grid.y0_m, 0.0, -grid.cell_m};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs = gdal::grid_srs(grid);
  if (!options.crs_name.empty()) srs.SetProjCS(options.crs_name.c_str());
  ds->SetSpatialRef(&srs);
  for (const auto& [key, value] : options.metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
  GDALRasterBand* band = ds->GetRasterBand(1);
  if (options.nodata) band->SetNoDataValue(*options.nodata);
  if (!options.description.empty()) band->SetDescription(options.description.c_str());
  return ds;
}

void write_band(const std::filesystem::path& path, const GridSpec& grid, CellType cell_type, const RowFill& fill,
                const GeoTiffOptions& options) {
  const GDALDataType type = gdal_type(cell_type);
  // Written in place: callers that need all-or-nothing outputs hand in a
  // staged temporary path (report::OutputStage), which is never a file a
  // reader is looking at.
  gdal::ErrorCapture err;
  gdal::Dataset ds = create_geotiff(path, grid, type, options, err);
  GDALRasterBand* band = ds->GetRasterBand(1);
  // The overview levels, empty until write_overviews.
  const std::vector<int> levels =
      options.overviews && grid.cells() > kOverviewMinCells ? overview_factors(grid) : std::vector<int>{};
  if (!levels.empty() && ds->BuildOverviews("NONE", static_cast<int>(levels.size()), levels.data(), 0, nullptr,
                                            nullptr, nullptr) != CE_None)
    throw Error(err.message(path, "cannot build overviews"));
  const int cell_bytes = GDALGetDataTypeSizeBytes(type);
  OverviewImages overviews = overview_images(*band, cell_bytes);
  std::vector<unsigned char> rows(static_cast<std::size_t>(grid.width) * cell_bytes *
                                  static_cast<std::size_t>(std::min(kRowsPerBand, grid.height)));
  for (int r0 = 0; r0 < grid.height; r0 += kRowsPerBand) {
    const int n = std::min(kRowsPerBand, grid.height - r0);
    fill(r0, n, rows.data());
    if (!write_rows(*band, r0, n, rows.data(), type)) throw Error(err.message(path, "cannot write raster data"));
    take_rows(overviews, rows.data(), grid.width, r0, n);
  }
  if (!write_overviews(*band, overviews, type)) throw Error(err.message(path, "cannot write overviews"));
  // Closing flushes the last blocks; a failure reported then is a failed write.
  err.clear();
  ds.reset();
  if (err.failed()) throw Error(err.message(path, "cannot finish GeoTIFF"));
}

// Rows copied out of a whole array of `T`.
template <class T>
void write_array(const std::filesystem::path& path, const GridSpec& grid, std::span<const T> values, CellType type,
                 const GeoTiffOptions& options) {
  if (values.size() != grid.cells()) throw Error(path.string() + ": raster size does not match the grid");
  write_band(
      path, grid, type,
      [&](int row0, int rows, void* out) {
        std::memcpy(out, values.data() + static_cast<std::size_t>(row0) * grid.width,
                    static_cast<std::size_t>(rows) * grid.width * sizeof(T));
      },
      options);
}

}  // namespace

void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const float> values,
                   const GeoTiffOptions& options) {
  write_array(path, grid, values, CellType::float32, options);
}

void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const std::uint16_t> values,
                   const GeoTiffOptions& options) {
  write_array(path, grid, values, CellType::uint16, options);
}

void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const std::uint8_t> values,
                   const GeoTiffOptions& options) {
  write_array(path, grid, values, CellType::byte, options);
}

void write_geotiff_rows(const std::filesystem::path& path, const GridSpec& grid, CellType type, const RowFill& fill,
                        const GeoTiffOptions& options) {
  write_band(path, grid, type, fill, options);
}

double block_cache_bytes() {
  gdal::register_drivers();  // which sets the cap
  return static_cast<double>(GDALGetCacheMax64());
}

}  // namespace adcov::geo
