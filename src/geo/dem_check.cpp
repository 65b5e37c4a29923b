// Up-front DEM checks for `adcov validate` (dem_check.hpp): metadata and a
// bounded sample of pixels, never a whole read.
#include "adcov/geo/dem_check.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/terrain.hpp"

namespace adcov::geo {

namespace {

/// Above this many cells a "no valid pixel in the sample" is not confirmed by
/// reading every cell (a second at most): the run reports it instead.
constexpr double kExactValidityCells = 2.5e7;

/// Whether band 1 holds any valid (not nodata, not NaN) value: GDAL's sampled
/// min/max first, every cell when the sample finds none and the file is small.
/// A pixel that cannot be read (a truncated file) is an InputError now, not
/// in the run.
bool has_valid_elevation(const std::filesystem::path& file, GDALDataset& ds) {
  GDALRasterBand* band = ds.GetRasterBand(1);
  double minmax[2];
  // "no valid pixels found" is an answer; any other failure is a read error.
  const auto answer = [&](int approx) {
    gdal::ErrorCapture err;
    if (band->ComputeRasterMinMax(approx, minmax) == CE_None) return true;
    if (err.failed() && err.last().find("no valid pixels") == std::string::npos)
      throw InputError(err.message(file, "cannot read the DEM"));
    return false;
  };
  if (answer(TRUE)) return true;
  if (static_cast<double>(ds.GetRasterXSize()) * ds.GetRasterYSize() > kExactValidityCells) return true;
  return answer(FALSE);
}

}  // namespace

DemCheck check_dem(const std::vector<std::filesystem::path>& files, const std::vector<LonLat>& points) {
  DemCheck out;
  out.covered.assign(points.size(), false);
  bool any_valid = false;
  for (const auto& f : files) {
    const gdal::Dataset ds = gdal::open_raster(f);
    const char* wkt = ds->GetProjectionRef();
    if (!wkt || !*wkt) throw InputError(f.string() + ": raster has no coordinate reference system");
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None)
      throw InputError(f.string() + ": raster has no geotransform (not georeferenced)");
    if (gt[2] != 0 || gt[4] != 0) throw InputError(f.string() + ": rotated rasters are not supported");
    const OGRSpatialReference srs = gdal::srs(wkt);
    (void)gdal::transform_to_wgs84(f, srs);
    const gdal::Transform to_file = gdal::transform(gdal::wgs84(), srs);
    std::vector<double> x(points.size()), y(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) x[i] = points[i].lon_deg, y[i] = points[i].lat_deg;
    std::vector<int> ok(points.size(), 0);
    if (!points.empty()) to_file->Transform(points.size(), x.data(), y.data(), nullptr, ok.data());
    const double w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (!ok[i]) continue;
      const double px = (x[i] - gt[0]) / gt[1], py = (y[i] - gt[3]) / gt[5];
      if (px >= 0 && px <= w && py >= 0 && py <= h) out.covered[i] = true;
    }
    if (has_valid_elevation(f, *ds)) any_valid = true;  // every file read: a broken one is found too
  }
  if (!files.empty() && !any_valid)
    throw InputError((files.size() == 1 ? files[0].string() : files[0].string() + " and the other DEM files") +
                     ": has no valid elevation (every cell is nodata)");
  out.lonlat = dem_footprint(files, Laea{{0.0, 0.0}}).lonlat;
  return out;
}

double dem_window_pixels(const std::vector<std::filesystem::path>& files, double area_m2, double lat_deg) {
  if (files.empty()) return 0;
  // The ground area of one square unit of a geographic CRS (a degree by a
  // degree at lat_deg, on the model's sphere) or of a projected one.
  const double m_per_deg = kEarthRadiusM * std::numbers::pi / 180.0;
  const double cos_lat = std::max(0.01, std::cos(lat_deg * std::numbers::pi / 180.0));
  double finest_m2 = INFINITY;  // a pixel's ground area
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY, unit_m2 = 1;
  for (const auto& f : files) {
    const gdal::Dataset ds = gdal::open_raster(f);
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None)
      throw InputError(f.string() + ": raster has no geotransform (not georeferenced)");
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    const double unit_m = srs && !srs->IsGeographic() ? srs->GetLinearUnits() : 1.0;
    unit_m2 = srs && srs->IsGeographic() ? m_per_deg * m_per_deg * cos_lat : unit_m * unit_m;
    finest_m2 = std::min(finest_m2, std::abs(gt[1] * gt[5]) * unit_m2);
    const double w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    x0 = std::min({x0, gt[0], gt[0] + w * gt[1]}), x1 = std::max({x1, gt[0], gt[0] + w * gt[1]});
    y0 = std::min({y0, gt[3], gt[3] + h * gt[5]}), y1 = std::max({y1, gt[3], gt[3] + h * gt[5]});
  }
  if (!(finest_m2 > 0) || !std::isfinite(finest_m2)) return 0;
  // The files of one mosaic share a CRS (GDALBuildVRT -strict): the pixels
  // of their bounding box bound the window.
  const double box_pixels = (x1 - x0) * (y1 - y0) * unit_m2 / finest_m2;
  return std::min(area_m2 / finest_m2, box_pixels);
}

}  // namespace adcov::geo
