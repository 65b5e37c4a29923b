#pragma once
// GDAL at the edge of the report module (private): registration, RAII
// handles, and errors that name the file (STYLE 4, "GDAL at the edge").

#include <cpl_error.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <memory>
#include <string>

#include "adcov/geo/error.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::report::detail {

/// Registers GDAL's drivers once per process.
void ensure_gdal_registered();

/// Closes a dataset handle.
struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// Silences GDAL's default stderr printing while alive; the last message
/// stays available through CPLGetLastErrorMsg() for the exception we throw.
class QuietGdalErrors {
 public:
  QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdalErrors() { CPLPopErrorHandler(); }
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

/// Throws adcov::Error "<file>: <what>: <GDAL's last message>".
[[noreturn]] void throw_gdal(const std::filesystem::path& file, const std::string& what);

/// The grid's LAEA CRS (geo::proj_string) as a spatial reference with
/// traditional GIS axis order (x = easting).
OGRSpatialReference grid_srs(const geo::GridSpec& grid);

/// The driver named `name`. \throws Error if this GDAL lacks it.
GDALDriver* driver(const char* name);

}  // namespace adcov::report::detail
