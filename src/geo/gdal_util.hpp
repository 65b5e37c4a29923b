#pragma once
// Private GDAL helpers for the geo module (PDAL's private/gdal/ErrorHandler):
// every GDAL call that can fail runs inside a GdalErrors scope, which
// captures CPL error messages, so failures become an InputError or Error
// that names the file. No GDAL type leaves src/geo.

#include <gdal.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <memory>
#include <string>

namespace adcov::geo::detail {

/// Registers the GDAL drivers once (thread-safe).
void ensure_gdal();

/// RAII: collects GDAL error messages raised on this thread while alive.
class GdalErrors {
 public:
  GdalErrors();
  ~GdalErrors();
  GdalErrors(const GdalErrors&) = delete;
  GdalErrors& operator=(const GdalErrors&) = delete;
  /// The last CE_Failure/CE_Fatal message, or "unknown GDAL error".
  std::string last() const;

 private:
  static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum num, const char* msg);
  std::string last_;
  GdalErrors* outer_ = nullptr;
};

/// `what` naming `file`, with GDAL's message: "file: what: GDAL message".
std::string gdal_message(const std::string& file, const std::string& what, const GdalErrors& e);

struct DatasetClose {
  void operator()(GDALDatasetH h) const { if (h) GDALClose(h); }
};
using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetClose>;

struct SrsRelease {
  void operator()(OGRSpatialReferenceH h) const { if (h) OSRRelease(h); }
};
using Srs = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsRelease>;

struct TransformDestroy {
  void operator()(OGRCoordinateTransformationH h) const { if (h) OCTDestroyCoordinateTransformation(h); }
};
using Transform = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroy>;

/// Opens a raster read-only. \throws InputError "file: cannot open raster: ..."
Dataset open_raster(const std::filesystem::path& file);

/// A spatial reference from WKT / PROJ / "EPSG:n", in lon/lat (GIS) axis order.
/// \throws Error when GDAL cannot parse it.
Srs make_srs(const std::string& definition);

/// lon/lat WGS84 (EPSG:4326, GIS axis order).
Srs wgs84();

/// A transformation between two reference systems. \throws Error.
Transform make_transform(OGRSpatialReferenceH from, OGRSpatialReferenceH to);

}  // namespace adcov::geo::detail
