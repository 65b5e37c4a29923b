#pragma once
/// \file
/// GeoTIFF outputs (docs/outputs.md, "floor.tif"): georeferenced in
/// the grid's LAEA CRS (geo::proj_string), tiled, DEFLATE-compressed,
/// cropped to the region's bounding rectangle (cell_window.hpp).

#include <cstdint>
#include <filesystem>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "adcov/coverage/count_map.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::report {

/// No-data value of the count rasters written as UInt16: cells outside the region.
inline constexpr std::uint16_t kCountNodata = std::numeric_limits<std::uint16_t>::max();
/// No-data value of the count rasters written as Byte (every count below it).
inline constexpr std::uint8_t kCountNodataByte = std::numeric_limits<std::uint8_t>::max();
/// No-data value of the floor raster (Float32): outside the region.
inline constexpr float kFloorNodata = -9999.0f;
/// Floor raster value of region cells that no altitude covers (a value, not
/// no-data, so "never covered" and "outside the region" stay apart).
inline constexpr float kFloorNeverCovered = -1.0f;

/// Dataset metadata items written into a GeoTIFF (docs/outputs.md, "GeoTIFF
/// tags"), e.g. {"ADCOV_SCENARIO", "kyiv-night-raid"}. The writers add
/// ADCOV_VERSION and ADCOV_VALUES themselves.
using RasterTags = std::vector<std::pair<std::string, std::string>>;

/// "adcov LAEA centred on 30.5000E 50.4500N": the name the rasters give the
/// grid's CRS.
std::string grid_crs_name(const geo::GridSpec& grid);

/// Writes band 1 = `count` (row-major over `grid`) with no-data where
/// in_region is 0: as Byte (no-data kCountNodataByte) when every count in the
/// region is below 255, which halves what is compressed and stored; as UInt16
/// (no-data kCountNodata) otherwise. `in_region` may be empty (all inside).
/// \throws Error naming `file` if GDAL cannot write it.
/// The file is the same whichever width `count` is held in.
void write_count_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         const coverage::CountMap& count, std::span<const std::uint8_t> in_region,
                         const RasterTags& tags = {}, const std::string& values = "batteries able to engage");

/// Writes band 1 = `floor_m` (metres above ground) as Float32 with
/// kFloorNodata where in_region is 0 and kFloorNeverCovered where the value
/// is not finite (NaN = never covered). \throws Error naming `file` if GDAL
/// cannot write it.
void write_floor_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const float> floor_m, std::span<const std::uint8_t> in_region,
                         const RasterTags& tags = {});

}  // namespace adcov::report
