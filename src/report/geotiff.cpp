#include "adcov/report/geotiff.hpp"

#include <cmath>
#include <vector>

#include "adcov/report/cell_window.hpp"
#include "gdal_support.hpp"

namespace adcov::report {

namespace {

// Writes a one-band raster of `values` (already cropped to `g`).
template <typename T>
void write_band(const std::filesystem::path& file, const geo::GridSpec& g, GDALDataType type,
                const std::vector<T>& values, double nodata, const char* predictor,
                const char* description) {
  detail::QuietGdalErrors quiet;
  GDALDriver* gtiff = detail::driver("GTiff");
  // 256-pixel tiles (GeoTIFF default tile size, a multiple of 16 as TIFF
  // requires); the predictor makes DEFLATE effective on smooth fields.
  const char* options[] = {"TILED=YES", "COMPRESS=DEFLATE", predictor, "BLOCKXSIZE=256",
                           "BLOCKYSIZE=256", nullptr};
  detail::DatasetPtr ds(gtiff->Create(file.string().c_str(), g.width, g.height, 1, type,
                                      const_cast<char**>(options)));
  if (!ds) detail::throw_gdal(file, "cannot create GeoTIFF");
  double gt[6] = {g.x0_m, g.cell_m, 0.0, g.y0_m, 0.0, -g.cell_m};
  ds->SetGeoTransform(gt);
  const OGRSpatialReference srs = detail::grid_srs(g);
  ds->SetSpatialRef(&srs);
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->SetNoDataValue(nodata);
  band->SetDescription(description);
  if (band->RasterIO(GF_Write, 0, 0, g.width, g.height, const_cast<T*>(values.data()), g.width,
                     g.height, type, 0, 0) != CE_None)
    detail::throw_gdal(file, "cannot write raster data");
  // Closing flushes the last tiles; an error reported then is a failed write.
  CPLErrorReset();
  ds.reset();
  if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
    detail::throw_gdal(file, "cannot finish GeoTIFF");
}

bool inside(std::span<const std::uint8_t> in_region, std::size_t i) {
  return in_region.empty() || in_region[i] != 0;
}

void check_sizes(const std::filesystem::path& file, const geo::GridSpec& grid, std::size_t n,
                 std::span<const std::uint8_t> in_region) {
  if (n != grid.cells() || (!in_region.empty() && in_region.size() != grid.cells()))
    throw Error(file.string() + ": raster size does not match the grid (" +
                std::to_string(grid.width) + " x " + std::to_string(grid.height) + ")");
}

}  // namespace

void write_count_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const std::uint16_t> count,
                         std::span<const std::uint8_t> in_region) {
  check_sizes(file, grid, count.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  std::vector<std::uint16_t> out(static_cast<std::size_t>(w.width) * w.height);
  for (int r = 0; r < w.height; ++r)
    for (int c = 0; c < w.width; ++c) {
      const std::size_t i = static_cast<std::size_t>(r + w.row0) * grid.width + (c + w.col0);
      out[static_cast<std::size_t>(r) * w.width + c] = inside(in_region, i) ? count[i] : kCountNodata;
    }
  write_band(file, crop(grid, w), GDT_UInt16, out, kCountNodata, "PREDICTOR=2",
             "batteries able to engage");
}

void write_floor_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const float> floor_m, std::span<const std::uint8_t> in_region) {
  check_sizes(file, grid, floor_m.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  std::vector<float> out(static_cast<std::size_t>(w.width) * w.height);
  for (int r = 0; r < w.height; ++r)
    for (int c = 0; c < w.width; ++c) {
      const std::size_t i = static_cast<std::size_t>(r + w.row0) * grid.width + (c + w.col0);
      const float v = floor_m[i];
      out[static_cast<std::size_t>(r) * w.width + c] =
          inside(in_region, i) && std::isfinite(v) ? v : kFloorNodata;
    }
  write_band(file, crop(grid, w), GDT_Float32, out, kFloorNodata, "PREDICTOR=3",
             "coverage floor (m above ground)");
}

}  // namespace adcov::report
