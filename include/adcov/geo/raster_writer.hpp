#pragma once
/// \file
/// The one GeoTIFF writer: a single band over a GridSpec (the whole analysis
/// grid or a window of it), georeferenced in the grid's LAEA CRS
/// (geo::proj_string). Written in place: outputs that must appear whole
/// are written to a staged temporary (report::OutputStage) and renamed.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "adcov/geo/grid.hpp"

namespace adcov::geo {

/// How the band is stored.
enum class TiffLayout {
  /// Strips, uncompressed: what gdal_viewshed writes (bench comparisons,
  /// DEMs written on the grid to be read back by load_terrain).
  strips,
  /// 256 x 256 tiles (GeoTIFF's default tile size, a multiple of 16 as TIFF
  /// requires), DEFLATE with horizontal differencing (PREDICTOR=2, for floats
  /// too: the floating-point predictor packs them a little tighter at twice
  /// the time). The report's rasters, as QGIS likes them.
  tiled_deflate,
};

/// The band's metadata and layout.
struct GeoTiffOptions {
  std::optional<double> nodata;  ///< the band's no-data value; none when empty
  std::string description;       ///< the band's description; none when empty
  TiffLayout layout = TiffLayout::strips;
  /// The CRS's name (PROJCS) in place of PROJ's "unknown"; none when empty.
  std::string crs_name;
  /// Dataset metadata items (GDAL_METADATA TIFF tag), e.g. {"ALTITUDE_M", "50"}.
  std::vector<std::pair<std::string, std::string>> metadata;
  /// Builds internal overviews (nearest neighbour, so classes stay classes;
  /// every factor 4 down to 128-255 pixels across) when the raster has more
  /// than kOverviewMinCells cells.
  bool overviews = false;
};

/// Rasters larger than this get overviews when asked (GeoTiffOptions::overviews).
inline constexpr std::size_t kOverviewMinCells = 4'000'000;

/// Writes `values` (row-major, grid.cells() of them) as band 1 of a GeoTIFF
/// over `grid`, as Float32, UInt16 or Byte after the span's element type.
/// \throws Error naming `path` when the size does not match the grid or GDAL
///         cannot write the file.
void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const float> values,
                   const GeoTiffOptions& options = {});
void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const std::uint16_t> values,
                   const GeoTiffOptions& options = {});
void write_geotiff(const std::filesystem::path& path, const GridSpec& grid, std::span<const std::uint8_t> values,
                   const GeoTiffOptions& options = {});

/// The element type of a raster written row by row (write_geotiff_rows).
enum class CellType { float32, uint16, byte };

/// Fills rows [row0, row0 + rows) of the raster, row-major, into `out`
/// (rows x grid.width cells of the CellType).
using RowFill = std::function<void(int row0, int rows, void* out)>;

/// write_geotiff() with the cells produced a band of rows at a time (256,
/// one row of tiles): a writer that masks or converts its values never holds
/// a full-grid copy of them. The same file, byte for byte, as write_geotiff()
/// of the whole array.
void write_geotiff_rows(const std::filesystem::path& path, const GridSpec& grid, CellType type, const RowFill& fill,
                        const GeoTiffOptions& options = {});

/// The most GDAL's block cache holds (gdal::kBlockCacheBytes, or
/// GDAL_CACHEMAX when set): every raster written passes through it.
double block_cache_bytes();

}  // namespace adcov::geo
