#pragma once
/// \file
/// Polygons (GeoJSON, Shapefile, any OGR vector) rasterized onto the analysis grid.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "adcov/geo/grid.hpp"

namespace adcov::geo {

/// 1 for every cell of `grid` whose centre lies inside any polygon of any
/// layer of `path` (reprojected from the layer's CRS; lon/lat when it has
/// none), else 0. Row-major, grid.cells() long.
/// \throws InputError naming the file when it cannot be read or rasterized.
std::vector<std::uint8_t> rasterize_polygons(const std::filesystem::path& path, const GridSpec& grid);

}  // namespace adcov::geo
