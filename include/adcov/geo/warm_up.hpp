#pragma once
/// \file
/// GDAL's and PROJ's first-use costs, paid up front (no GDAL type here: the
/// command line calls it).

namespace adcov::geo {

/// Registers GDAL's drivers and makes a first coordinate transformation on
/// this thread (gdal::grid_to_wgs84), which opens PROJ's database to read
/// EPSG:4326 (PROJ keeps a context per thread): ~10 ms that every command
/// using a DEM pays once. Made while other start-up work runs on another
/// thread, it costs nothing.
void warm_up_gdal();

}  // namespace adcov::geo
