#pragma once
/// \file
/// What `adcov validate` can know of DEM files without reading them whole:
/// each opens, is georeferenced in an Earth CRS, has some valid elevation,
/// and which lon/lat points it covers (docs/terrain.md, "Checked up front").

#include <filesystem>
#include <vector>

#include "adcov/geo/geodesy.hpp"
#include "adcov/geo/lonlat_box.hpp"

namespace adcov::geo {

struct DemCheck {
  std::vector<bool> covered;  ///< per point: inside some file's raster rectangle
  LonLatBox lonlat;           ///< bounding box of all files, WGS84 degrees (for messages)
};

/// Opens every file (metadata, plus a sample of pixels for the validity
/// check) and tests `points` against their raster rectangles, exactly, in
/// each file's own CRS.
/// \throws InputError naming the file when one cannot be opened, is not
///         georeferenced or rotated, has a CRS not on the Earth, or when no
///         file holds any valid elevation ("has no valid elevation").
DemCheck check_dem(const std::vector<std::filesystem::path>& files, const std::vector<LonLat>& points);

/// How many DEM pixels geo::load_terrain reads for a grid of `area_m2`
/// square metres around latitude `lat_deg`: it reads the mosaic under the
/// grid at the DEM's own resolution (docs/coverage.md, "Terrain", step 2).
/// Estimated from the files' metadata alone (no pixel read, no coordinate
/// transformation): the area over the finest file's pixel, at most the
/// pixels of the files' bounding box. 0 without files.
/// \throws InputError naming a file that cannot be opened or is not
///         georeferenced.
double dem_window_pixels(const std::vector<std::filesystem::path>& files, double area_m2, double lat_deg);

}  // namespace adcov::geo
