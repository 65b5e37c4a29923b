#pragma once
/// \file
/// What a DEM raster holds, for `adcov info` (size, CRS, resolution, bounds,
/// value range, voids), read through GDAL.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "adcov/geo/lonlat_box.hpp"

namespace adcov::geo {

struct RasterInfo {
  std::filesystem::path path;
  std::string driver;             ///< GDAL short name, e.g. "GTiff", "SRTMHGT"
  int width = 0, height = 0, bands = 0;
  std::string data_type;          ///< band 1, e.g. "Int16"
  std::string crs_name;           ///< e.g. "WGS 84"
  std::optional<int> epsg;        ///< when the CRS has an EPSG code
  bool geographic = false;        ///< lon/lat degrees
  double res_x = 0, res_y = 0;    ///< pixel size in CRS units (degrees or metres), positive
  double res_x_m = 0, res_y_m = 0;  ///< ground size of the centre pixel in metres (great circle)
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;  ///< bounds in CRS units
  LonLatBox lonlat;               ///< bounds in WGS84 degrees
  std::optional<double> nodata;   ///< band 1 nodata value
  double min = 0, max = 0;        ///< band 1 range over valid cells (NaN if none)
  std::int64_t void_count = 0;    ///< band 1 voids: nodata, NaN, +-inf, beyond [kMinGroundM, kMaxGroundM]
  /// True when min, max and void_count come from a sample (rasters of more
  /// than kExactStatsCells cells): void_count is then an estimate.
  bool approximate = false;
  std::int64_t sampled_cells = 0;  ///< cells read for the statistics
};

/// Rasters up to this many cells get exact statistics (every cell read, a
/// second or two); larger ones a sample of at most kStatsSampleCells cells,
/// read through GDAL's downsampling (overviews where the file has them), so
/// `adcov info` stays fast on any declared size (docs/terrain.md).
inline constexpr double kExactStatsCells = 1e8;
inline constexpr int kStatsSampleSide = 2048;

/// Reads the metadata and scans band 1 once for its range and voids (all of
/// it up to kExactStatsCells cells, a sample above).
/// \throws InputError naming the file when it cannot be opened or read.
RasterInfo describe_raster(const std::filesystem::path& path);

/// A human-readable multi-line description (what `adcov info` prints).
std::string format_raster_info(const RasterInfo& info);

}  // namespace adcov::geo
