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

#include "adcov/geo/big_buffer.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/geo/lonlat_box.hpp"

namespace adcov::geo {

/// The range of elevations that can be real ground, in metres: the deepest
/// sea floor (Challenger Deep, about -10,935 m) and the highest summit
/// (Everest, 8,849 m) with a margin. A DEM cell outside it, or not finite
/// (NaN, +-inf), is a void: filled from its neighbours like nodata and
/// counted in TerrainGrid::voids_filled (and in RasterInfo::void_count).
inline constexpr double kMinGroundM = -12000.0;
inline constexpr double kMaxGroundM = 9000.0;

/// True for a DEM value that can be ground: finite and within
/// [kMinGroundM, kMaxGroundM] (false for NaN).
constexpr bool plausible_elevation(double z) { return z >= kMinGroundM && z <= kMaxGroundM; }

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
  ZeroedVector<float> ground_m;  ///< fresh pages, filled in parallel (fill_big)
  std::int64_t voids_filled = 0;  ///< nodata, NaN and implausible cells filled from neighbours
  std::int64_t sea_cells = 0;     ///< cells set to the sea surface (0 m)
  std::string description;        ///< e.g. "ETOPO5 ... resampled to 1000 m (bilinear)"
  double source_resolution_m = 0; ///< native DEM cell size (0 for flat)
  /// Cells outside the DEM's coverage (only with TerrainOptions::allow_outside):
  /// filled from the nearest DEM cells so lines of sight can cross them; 1 = outside.
  /// Empty when every cell lies on the DEM.
  std::vector<std::uint8_t> outside_dem;
  std::int64_t outside_dem_cells = 0;

  std::span<const float> view() const { return ground_m; }
  float at(int col, int row) const { return ground_m[static_cast<std::size_t>(row) * grid.width + col]; }
};

/// How load_terrain treats grid cells that the DEM does not cover.
struct TerrainOptions {
  /// false: such a cell is an InputError. true: it is filled from the nearest
  /// DEM cells and flagged in TerrainGrid::outside_dem (the caller checks that
  /// no battery or region cell lies there).
  bool allow_outside = false;
};

/// Resamples the DEM mosaic (or flat ground) onto `grid`: the files become one
/// in-memory VRT, voids (nodata, NaN, +-inf or beyond [kMinGroundM,
/// kMaxGroundM]) are filled from their neighbours in the DEM's
/// own cells (counted in voids_filled), the result is resampled bilinearly
/// onto the LAEA grid (a cell's height depends on where it lies, not on the
/// grid around it: docs/coverage.md, "Terrain"), and heights below 0 m are
/// set to the sea surface, 0 m (counted in sea_cells; land below sea level
/// is thus also treated as 0 m).
/// A single-file DEM already on the grid (same CRS, cell size and edges, e.g.
/// one written by write_geotiff) without voids under the grid is read
/// straight into it, in parallel, with the same result.
/// \throws InputError naming the file for unreadable rasters and giving the
///         coordinates when the grid extends outside the DEM's coverage.
TerrainGrid load_terrain(const DemSource& src, const GridSpec& grid, const TerrainOptions& opt = {});

/// Where the DEM files lie, from their metadata only (no pixels read).
struct DemFootprint {
  LonLatBox lonlat;     ///< bounding box of the mosaic in WGS84 degrees
  ProjectedBox grid;    ///< bounding box of the mosaic in the given LAEA projection
};

/// The footprint of `files` seen from projection `p`.
/// \throws InputError naming the file when one cannot be opened or has no CRS.
DemFootprint dem_footprint(const std::vector<std::filesystem::path>& files, const Laea& p);

}  // namespace adcov::geo
