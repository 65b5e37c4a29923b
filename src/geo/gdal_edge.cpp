#include "adcov/geo/gdal_edge.hpp"

#include <cmath>
#include <mutex>

#include "adcov/error.hpp"

namespace adcov::geo::gdal {

void register_drivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

ErrorCapture::ErrorCapture() { CPLPushErrorHandlerEx(&ErrorCapture::handler, this); }

ErrorCapture::~ErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL ErrorCapture::handler(CPLErr type, CPLErrorNum, const char* text) {
  if (type < CE_Failure) return;
  // The user data of the handler on top of this thread's stack: this capture.
  auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
  if (!self) return;
  self->failed_ = true;
  self->last_ = text ? text : "";
}

void ErrorCapture::clear() {
  failed_ = false;
  last_.clear();
}

std::string ErrorCapture::last() const { return last_.empty() ? std::string("unknown GDAL error") : last_; }

std::string ErrorCapture::message(const std::filesystem::path& file, const std::string& what) const {
  return file.string() + ": " + what + ": " + last();
}

namespace {

Dataset open(const std::filesystem::path& file, unsigned int kind, const char* what) {
  register_drivers();
  ErrorCapture err;
  Dataset ds(GDALDataset::Open(file.string().c_str(), kind | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
  if (!ds) throw InputError(err.message(file, what));
  return ds;
}

}  // namespace

Dataset open_raster(const std::filesystem::path& file) {
  Dataset ds = open(file, GDAL_OF_RASTER, "cannot open raster");
  if (ds->GetRasterCount() < 1) throw InputError(file.string() + ": raster has no bands");
  return ds;
}

Dataset open_vector(const std::filesystem::path& file) { return open(file, GDAL_OF_VECTOR, "cannot open vector file"); }

GDALDriver& driver(const char* name) {
  register_drivers();
  GDALDriver* d = GetGDALDriverManager()->GetDriverByName(name);
  if (!d) throw Error(std::string("this GDAL build has no ") + name + " driver");
  return *d;
}

OGRSpatialReference srs(const std::string& definition) {
  register_drivers();
  ErrorCapture err;
  OGRSpatialReference s;
  if (s.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
    throw Error("invalid spatial reference '" + definition + "': " + err.last());
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

OGRSpatialReference wgs84() { return srs("EPSG:4326"); }

// SetFromUserInput reads a "+proj=" string with importFromProj4, as the
// GeoTIFF writer always has: the CRS, and so the written bytes, do not change.
OGRSpatialReference grid_srs(const GridSpec& grid) { return srs(proj_string(grid.projection)); }

std::string wkt(const OGRSpatialReference& s) {
  char* text = nullptr;
  s.exportToWkt(&text);
  std::string out = text ? text : "";
  CPLFree(text);
  return out;
}

Transform transform(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  ErrorCapture err;
  Transform t(OGRCreateCoordinateTransformation(&from, &to));
  if (!t) throw Error("cannot create a coordinate transformation: " + err.last());
  return t;
}

Transform transform_to_wgs84(const std::filesystem::path& file, const OGRSpatialReference& from) {
  const OGRSpatialReference to = wgs84();
  ErrorCapture err;
  Transform t(OGRCreateCoordinateTransformation(&from, &to));
  if (t) return t;
  const char* name = from.GetName();
  OGRErr e = OGRERR_NONE;
  const double a = from.GetSemiMajor(&e);
  throw InputError(file.string() + ": the raster's coordinate reference system '" + (name && *name ? name : "unnamed") +
                   "'" + (e == OGRERR_NONE ? " (ellipsoid semi-major axis " + std::to_string(std::lround(a)) + " m)" : "") +
                   " cannot be related to WGS84 lon/lat on the Earth; reproject the DEM to an Earth CRS such as "
                   "EPSG:4326");
}

}  // namespace adcov::geo::gdal
