#include "gdal_util.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>

#include <mutex>

#include "adcov/geo/error.hpp"

namespace adcov::geo::detail {

namespace {
thread_local GdalErrors* t_current = nullptr;
}

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrors::GdalErrors() : outer_(t_current) {
  t_current = this;
  CPLPushErrorHandler(&GdalErrors::handler);
}

GdalErrors::~GdalErrors() {
  CPLPopErrorHandler();
  t_current = outer_;
}

void CPL_STDCALL GdalErrors::handler(CPLErr cls, CPLErrorNum, const char* msg) {
  // Warnings (e.g. TIFF tag notes) are not failures; keep only errors.
  if (cls >= CE_Failure && t_current) t_current->last_ = msg ? msg : "";
}

std::string GdalErrors::last() const { return last_.empty() ? std::string("unknown GDAL error") : last_; }

std::string gdal_message(const std::string& file, const std::string& what, const GdalErrors& e) {
  return file + ": " + what + ": " + e.last();
}

Dataset open_raster(const std::filesystem::path& file) {
  ensure_gdal();
  GdalErrors err;
  Dataset ds(GDALOpenEx(file.string().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr));
  if (!ds) throw InputError(gdal_message(file.string(), "cannot open raster", err));
  if (GDALGetRasterCount(ds.get()) < 1) throw InputError(file.string() + ": raster has no bands");
  return ds;
}

Srs make_srs(const std::string& definition) {
  ensure_gdal();
  GdalErrors err;
  Srs srs(OSRNewSpatialReference(nullptr));
  if (OSRSetFromUserInput(srs.get(), definition.c_str()) != OGRERR_NONE)
    throw Error("invalid spatial reference '" + definition + "': " + err.last());
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

Srs wgs84() { return make_srs("EPSG:4326"); }

Transform make_transform(OGRSpatialReferenceH from, OGRSpatialReferenceH to) {
  GdalErrors err;
  Transform t(OCTNewCoordinateTransformation(from, to));
  if (!t) throw Error("cannot create a coordinate transformation: " + err.last());
  return t;
}

}  // namespace adcov::geo::detail
