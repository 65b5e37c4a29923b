#pragma once
/// \file
/// Terrain on the analysis grid: DEM files (any GDAL raster, mosaicked) or
/// flat ground, resampled to a GridSpec, voids filled, sea surface at 0 m.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "adcov/geo/grid.hpp"

namespace adcov::geo {

/// Where terrain comes from: DEM files (one mosaic) or `flat: z`.
struct DemSource {
  std::vector<std::filesystem::path> files;
  std::optional<double> flat_m;
};

/// Ground height for line of sight on the analysis grid, row-major.
/// Heights are metres above sea level; cells below sea level that are sea
/// (bathymetry) read 0 m: targets over the sea fly above the water.
struct TerrainGrid {
  GridSpec grid;
  std::vector<float> ground_m;
  std::int64_t voids_filled = 0;  ///< nodata cells filled from neighbours
  std::int64_t sea_cells = 0;     ///< cells set to the sea surface (0 m)
  std::string description;        ///< e.g. "ETOPO5 ... resampled to 1000 m (bilinear)"
  double source_resolution_m = 0; ///< native DEM cell size (0 for flat)

  std::span<const float> view() const { return ground_m; }
  float at(int col, int row) const { return ground_m[static_cast<std::size_t>(row) * grid.width + col]; }
};

/// Resamples the DEM mosaic (or flat ground) onto `grid`.
/// \throws InputError naming the file for unreadable rasters and giving the
///         coordinates when the grid extends outside the DEM's coverage.
TerrainGrid load_terrain(const DemSource& src, const GridSpec& grid);

}  // namespace adcov::geo
