#pragma once
/// \file
/// The GDAL edge (after PDAL's
/// pdal/private/gdal/ErrorHandler.hpp and Raster.hpp): driver registration,
/// one way to capture GDAL's errors, RAII handles of GDAL's C++ API, and the
/// spatial references adcov uses.
///
/// Included by .cpp files of geo and report only, never by another header:
/// it is the one adcov header that names GDAL types (the modules that include
/// it link GDAL themselves). What leaves those .cpp files is an adcov
/// exception whose message names the file: "file: what: GDAL's message".

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <memory>
#include <string>

#include "adcov/geo/grid.hpp"

namespace adcov::geo::gdal {

/// The most GDAL's block cache holds once register_drivers() has run, unless
/// GDAL_CACHEMAX says otherwise (GDAL's own default is 5 % of RAM).
inline constexpr long long kBlockCacheBytes = 64LL << 20;

/// Registers GDAL's drivers once per process (thread-safe), and caps the
/// block cache at kBlockCacheBytes; every opener below calls it.
void register_drivers();

/// RAII: while alive, GDAL errors raised on this thread come here instead of
/// GDAL's default stderr printer (CPL keeps one handler stack per thread), and
/// the last failure is kept for the exception. Warnings (e.g. TIFF tag notes)
/// are not failures and are dropped. Scopes nest.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  /// Whether a CE_Failure or CE_Fatal was raised since construction or clear().
  bool failed() const { return failed_; }
  /// Forgets the failures so far (e.g. before closing a dataset, whose flush
  /// can fail on its own).
  void clear();
  /// GDAL's last failure message, or "unknown GDAL error" when it gave none.
  std::string last() const;
  /// "file: what: last()": the text of the InputError or Error to throw.
  std::string message(const std::filesystem::path& file, const std::string& what) const;

 private:
  static void CPL_STDCALL handler(CPLErr type, CPLErrorNum number, const char* text);
  std::string last_;
  bool failed_ = false;
};

/// Closes a dataset (flushing what it has written).
struct DatasetClose {
  void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetClose>;

/// Destroys a coordinate transformation.
struct TransformDestroy {
  void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using Transform = std::unique_ptr<OGRCoordinateTransformation, TransformDestroy>;

/// Opens a raster read-only. \throws InputError "file: cannot open raster: ..."
/// or "file: raster has no bands".
Dataset open_raster(const std::filesystem::path& file);

/// Opens a vector file read-only. \throws InputError "file: cannot open vector file: ...".
Dataset open_vector(const std::filesystem::path& file);

/// The CRS of a vector layer in GIS axis order (lon/lat, as GeoJSON holds
/// them whatever the CRS definition's axis order says); WGS84 when it has
/// none (GeoJSON without a "crs" member).
OGRSpatialReference layer_srs(OGRLayer& layer);

/// The driver named `name` ("GTiff", "MEM", "PNG"). \throws Error if this GDAL lacks it.
GDALDriver& driver(const char* name);

/// A spatial reference from WKT, a PROJ string or "EPSG:n", in traditional
/// GIS axis order (x = easting or longitude). \throws Error when GDAL cannot parse it,
/// InputError when a WKT names an EPSG code of another kind (PROJ 9.1 crashes on it).
OGRSpatialReference srs(const std::string& definition);

/// Lon/lat WGS84 (EPSG:4326) in GIS axis order.
OGRSpatialReference wgs84();

/// The grid's spherical LAEA CRS (geo::proj_string) in GIS axis order, its
/// datum and ellipsoid named by EPSG code (6035, 7035).
OGRSpatialReference grid_srs(const GridSpec& grid);

/// Whether `s` is the CRS of `grid`: the same PROJ string (projection,
/// sphere, units), whatever its datum is called. adcov's GeoTIFFs name it
/// by its EPSG code, read back as "Not specified (based on Authalic
/// Sphere)"; those of adcov before it, "unknown". IsSame tells them apart.
bool is_grid_crs(const OGRSpatialReference& s, const GridSpec& grid);

/// `srs` as WKT (GDAL's default WKT1), as dataset projections are stored.
std::string wkt(const OGRSpatialReference& srs);

/// A transformation between two reference systems. \throws Error.
Transform transform(const OGRSpatialReference& from, const OGRSpatialReference& to);

/// The transformation from the analysis grid's CRS (grid_srs) to WGS84
/// lon/lat: the grid's LAEA inverted on its sphere, whose datum PROJ does not
/// know, so that PROJ relates it to WGS84 by lon/lat alone (a "ballpark"
/// operation; adcov's lon/lat are WGS84's, docs/model.md). Given to PROJ as
/// that operation: left to find it, PROJ searches its database (15-20 ms a
/// time, 8 ms to a UTM DEM). \throws Error.
Transform grid_to_wgs84(const GridSpec& grid);

/// The transformation from WGS84 lon/lat to the grid's CRS: grid_to_wgs84
/// reversed. \throws Error.
Transform wgs84_to_grid(const GridSpec& grid);

/// The transformation from `from` to the grid's CRS: PROJ's to WGS84, which
/// shifts the datum of a CRS on another one (a Pulkovo 1942 layer: ~120 m
/// in Ukraine, dropped by a ballpark operation to the grid), then
/// wgs84_to_grid. For vector layers (protect zones, map layers). \throws Error.
Transform to_grid(const OGRSpatialReference& from, const GridSpec& grid);

/// The transformation from the analysis grid's CRS to a DEM's: grid_to_wgs84,
/// then PROJ's from WGS84 to the DEM's CRS, which shifts the datum of a DEM
/// on another one (Pulkovo 1942, the datum of Soviet-era SK-42 maps: ~120 m
/// in Ukraine, dropped by a ballpark operation from the grid). \throws Error.
Transform grid_to_dem(const GridSpec& grid, const OGRSpatialReference& dem);

/// The transformation from the CRS of raster `file` to WGS84 lon/lat.
/// \throws InputError in one line naming the file and the CRS (not PROJ's
///         WKT dump) when there is none: a CRS of another body (Mars), or
///         one PROJ cannot relate to the Earth.
Transform transform_to_wgs84(const std::filesystem::path& file, const OGRSpatialReference& from);

/// Refuses a raster whose corners (geotransform `gt`, `width` x `height`
/// pixels, CRS `srs`) are not finite or lie off the Earth: beyond 1e8 m (2.5
/// times its circumference) from the origin of a projected CRS, beyond 540
/// degrees of longitude or 91 of latitude in a geographic one. PROJ may not
/// return from transforming such coordinates (PROJ 9.1: x = 1e18 m in
/// EPSG:3857 to lon/lat never ends; found by tests/fuzz/dem_fuzz.cpp).
/// \throws InputError "file: raster extent ... lies off the Earth (...)".
void check_extent(const std::filesystem::path& file, const double gt[6], int width, int height,
                  const OGRSpatialReference& srs);

}  // namespace adcov::geo::gdal
