#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/warm_up.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "adcov/error.hpp"
#include "adcov/geo/geodesy.hpp"

namespace adcov::geo::gdal {

void register_drivers() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // GDAL's block cache, by default 5 % of RAM, fills with the tiles a
    // GeoTIFF writer hands it and with the base tiles BuildOverviews reads
    // back: a national 100 m floor raster sat in it whole, 0.6 GB of peak
    // memory for no time saved (docs/benchmarks.md). The writers need a row
    // of tiles per file, the DEM reads go a window at a time. A user's
    // GDAL_CACHEMAX still decides.
    if (!CPLGetConfigOption("GDAL_CACHEMAX", nullptr))
      GDALSetCacheMax64(std::min<GIntBig>(GDALGetCacheMax64(), kBlockCacheBytes));
  });
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
  // A CRS read from a file (WKT) that names an EPSG code of another kind (a
  // GeoTIFF whose geographic key is 4342, EST97 geocentric) makes PROJ 9.1
  // dereference null when a transformation from it is created (gdalinfo
  // crashes too; found by tests/fuzz/dem_fuzz.cpp): refused here, before any.
  const char* auth = s.GetAuthorityName(nullptr);
  const char* code = s.GetAuthorityCode(nullptr);
  if (definition.rfind("EPSG:", 0) != 0 && auth && code && std::string(auth) == "EPSG") {
    OGRSpatialReference db;
    if (db.importFromEPSG(std::atoi(code)) == OGRERR_NONE &&
        (db.IsGeographic() != s.IsGeographic() || db.IsProjected() != s.IsProjected() ||
         db.IsGeocentric() != s.IsGeocentric()))
      throw InputError(fmt::format("coordinate reference system '{}' names EPSG:{}, which is '{}', a CRS of "
                                   "another kind (broken CRS tags?)",
                                   s.GetName() ? s.GetName() : "", code, db.GetName() ? db.GetName() : ""));
  }
  return s;
}

OGRSpatialReference layer_srs(OGRLayer& layer) {
  OGRSpatialReference s;
  if (const OGRSpatialReference* own = layer.GetSpatialRef()) s = *own;
  else s.SetWellKnownGeogCS("WGS84");
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

OGRSpatialReference wgs84() { return srs("EPSG:4326"); }

OGRSpatialReference grid_srs(const GridSpec& grid) {
  // geo::proj_string's CRS, its sphere's datum and ellipsoid named by their
  // EPSG codes: "Not specified (based on Authalic Sphere)" and "Sphere"
  // (R = 6371000 m, adcov's Earth). Left unnamed ("unknown"), they made
  // GDAL's GeoTIFF writer search PROJ's database for a datum of that name
  // whenever it closed a file: 8 ms a GeoTIFF, 20-30 ms the first on a
  // thread. Written out here, names as in PROJ's database, not set on an
  // imported CRS: SetAuthority has PROJ look the codes up (12 ms the first
  // time on a thread), and so does a name in WKT1's underscored spelling
  // (9-11 ms). PROJ relates the grid to other CRSs as before (by lon/lat:
  // EPSG has no shift for that datum).
  const Laea& p = grid.projection;
  return srs(fmt::format(
      R"wkt(PROJCS["unknown",GEOGCS["unknown",DATUM["Not specified (based on Authalic Sphere)",)wkt"
      R"wkt(SPHEROID["Sphere",{:.0f},0,AUTHORITY["EPSG","7035"]],AUTHORITY["EPSG","6035"]],)wkt"
      R"wkt(PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],)wkt"
      R"wkt(UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]]],)wkt"
      R"wkt(PROJECTION["Lambert_Azimuthal_Equal_Area"],PARAMETER["latitude_of_center",{:.12g}],)wkt"
      R"wkt(PARAMETER["longitude_of_center",{:.12g}],PARAMETER["false_easting",0],PARAMETER["false_northing",0],)wkt"
      R"wkt(UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH]])wkt",
      kEarthRadiusM, p.origin.lat_deg, p.origin.lon_deg));
}

bool is_grid_crs(const OGRSpatialReference& s, const GridSpec& grid) {
  char* text = nullptr;
  const bool same = s.exportToProj4(&text) == OGRERR_NONE && text && proj_string(grid.projection) == text;
  CPLFree(text);
  return same;
}

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

namespace {

/// Two transformations one after the other (grid -> WGS84 -> DEM): a point
/// one of them fails on has failed.
class ChainedTransform final : public OGRCoordinateTransformation {
 public:
  ChainedTransform(gdal::Transform first, gdal::Transform second)
      : first_(std::move(first)), second_(std::move(second)) {}
  OGRSpatialReference* GetSourceCS() override { return first_->GetSourceCS(); }
  OGRSpatialReference* GetTargetCS() override { return second_->GetTargetCS(); }
  int Transform(int n, double* x, double* y, double* z, double* t, int* success) override {
    std::vector<int> ok(static_cast<std::size_t>(std::max(n, 0)), 1);
    first_->Transform(n, x, y, z, t, ok.data());
    const int all = second_->Transform(n, x, y, z, t, success);
    bool every = all != 0;
    for (int i = 0; i < n; ++i) {
      const bool good = ok[static_cast<std::size_t>(i)] && (!success || success[i]);
      if (success) success[i] = good;
      every = every && good;
    }
    return every;
  }
  OGRCoordinateTransformation* Clone() const override {
    gdal::Transform a(first_->Clone()), b(second_->Clone());
    return a && b ? new ChainedTransform(std::move(a), std::move(b)) : nullptr;
  }
  OGRCoordinateTransformation* GetInverse() const override {
    gdal::Transform a(second_->GetInverse()), b(first_->GetInverse());
    return a && b ? new ChainedTransform(std::move(a), std::move(b)) : nullptr;
  }

 private:
  gdal::Transform first_, second_;
};

/// The grid's LAEA between it and WGS84 (`to_grid`: from WGS84 to the grid),
/// given to PROJ as the pipeline PROJ itself finds for it ("Inverse of
/// unknown + Ballpark geographic offset from unknown to WGS 84", and its
/// reverse, step for step: the same bits), lat/lon as EPSG:4326 has its
/// axes; GDAL turns them to and from lon/lat (OAMS_TRADITIONAL_GIS_ORDER).
Transform laea_operation(const GridSpec& grid, bool to_grid) {
  const std::string laea = proj_string(grid.projection);
  OGRCoordinateTransformationOptions operation;
  operation.SetCoordinateOperation(
      (to_grid ? fmt::format("+proj=pipeline +step +proj=axisswap +order=2,1 "
                             "+step +proj=unitconvert +xy_in=deg +xy_out=rad +step {}",
                             laea)
               : fmt::format("+proj=pipeline +step +inv {} +step +proj=unitconvert +xy_in=rad +xy_out=deg "
                             "+step +proj=axisswap +order=2,1",
                             laea))
          .c_str(),
      false);
  const OGRSpatialReference grid_crs = grid_srs(grid), lonlat = wgs84();
  ErrorCapture err;
  Transform t(to_grid ? OGRCreateCoordinateTransformation(&lonlat, &grid_crs, operation)
                      : OGRCreateCoordinateTransformation(&grid_crs, &lonlat, operation));
  if (!t) throw Error("cannot create a coordinate transformation: " + err.last());
  return t;
}

}  // namespace

Transform grid_to_wgs84(const GridSpec& grid) { return laea_operation(grid, false); }

Transform wgs84_to_grid(const GridSpec& grid) { return laea_operation(grid, true); }

Transform to_grid(const OGRSpatialReference& from, const GridSpec& grid) {
  return Transform(new ChainedTransform(transform(from, wgs84()), wgs84_to_grid(grid)));
}

Transform grid_to_dem(const GridSpec& grid, const OGRSpatialReference& dem) {
  return Transform(new ChainedTransform(grid_to_wgs84(grid), transform(wgs84(), dem)));
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

void check_extent(const std::filesystem::path& file, const double gt[6], int width, int height,
                  const OGRSpatialReference& srs) {
  double xmax = 0, ymax = 0;
  bool finite = true;
  for (const double px : {0.0, static_cast<double>(width)})
    for (const double py : {0.0, static_cast<double>(height)}) {
      const double x = gt[0] + px * gt[1] + py * gt[2], y = gt[3] + px * gt[4] + py * gt[5];
      finite = finite && std::isfinite(x) && std::isfinite(y);
      xmax = std::max(xmax, std::abs(x)), ymax = std::max(ymax, std::abs(y));
    }
  if (!finite) throw InputError(file.string() + ": raster extent is not finite (broken geotransform)");
  if (srs.IsGeographic()) {
    if (xmax > 540 || ymax > 91)
      throw InputError(fmt::format("{}: raster extent reaches longitude {:g} and latitude {:g} degrees: it lies "
                                   "off the Earth (broken geotransform?)", file.string(), xmax, ymax));
    return;
  }
  const double unit_m = srs.GetLinearUnits();
  const double reach_m = std::max(xmax, ymax) * (unit_m > 0 ? unit_m : 1.0);
  if (!(reach_m <= 1e8))
    throw InputError(fmt::format("{}: raster extent reaches {:g} m from its CRS origin: it lies off the Earth "
                                 "(broken geotransform?)", file.string(), reach_m));
}

}  // namespace adcov::geo::gdal

namespace adcov::geo {

void warm_up_gdal() {
  gdal::register_drivers();
  const GridSpec grid = make_grid_xy(Laea{{30.0, 49.0}}, -1000, -1000, 1000, 1000, 1000);  // any grid of ours
  const gdal::Transform first = gdal::grid_to_wgs84(grid);
}

}  // namespace adcov::geo
