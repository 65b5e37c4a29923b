#include "adcov/geo/raster_info.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/terrain.hpp"

namespace adcov::geo {

namespace {

/// Ground size of the centre pixel in metres: its corners to lon/lat, then
/// great-circle distances on the model's sphere (docs/model.md, "Geometry") (true metres for any CRS,
/// Mercator included). Zero when the corners do not transform.
void centre_pixel_size(RasterInfo& info, const OGRSpatialReference& srs, const double gt[6]) {
  const gdal::Transform t = gdal::transform(srs, gdal::wgs84());
  const double cx = gt[0] + gt[1] * (info.width / 2), cy = gt[3] + gt[5] * (info.height / 2);
  double x[3] = {cx, cx + gt[1], cx}, y[3] = {cy, cy, cy + gt[5]};
  int ok[3] = {0, 0, 0};
  t->Transform(3, x, y, nullptr, ok);
  if (!(ok[0] && ok[1] && ok[2])) return;
  info.res_x_m = distance_m({x[0], y[0]}, {x[1], y[1]});
  info.res_y_m = distance_m({x[0], y[0]}, {x[2], y[2]});
}

/// One pass over band 1 in strips of rows: the range of valid values and the
/// voids (nodata, NaN, +-inf and heights outside [kMinGroundM, kMaxGroundM]).
void scan_values(RasterInfo& info, GDALRasterBand& band) {
  int has_nodata = 0;
  const double nd = band.GetNoDataValue(&has_nodata);
  if (has_nodata) info.nodata = nd;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  const int strip = std::max(1, static_cast<int>((1 << 22) / std::max(1, info.width)));
  std::vector<double> buf(static_cast<std::size_t>(info.width) * strip);
  gdal::ErrorCapture err;
  for (int y = 0; y < info.height; y += strip) {
    const int rows = std::min(strip, info.height - y);
    if (band.RasterIO(GF_Read, 0, y, info.width, rows, buf.data(), info.width, rows, GDT_Float64, 0, 0) != CE_None)
      throw InputError(err.message(info.path, "cannot read raster"));
    for (std::size_t i = 0; i < static_cast<std::size_t>(info.width) * rows; ++i) {
      const double v = buf[i];
      if (!plausible_elevation(v) || (has_nodata && v == nd)) {  // as load_terrain's voids
        ++info.void_count;
        continue;
      }
      lo = std::min(lo, v), hi = std::max(hi, v);
    }
  }
  info.min = lo <= hi ? lo : std::numeric_limits<double>::quiet_NaN();
  info.max = lo <= hi ? hi : std::numeric_limits<double>::quiet_NaN();
}

/// The same from a nearest-neighbour sample of at most kStatsSampleSide^2
/// cells spread over the whole raster (GDAL reads overviews when it has them);
/// the void count is scaled up to the whole raster.
void sample_values(RasterInfo& info, GDALRasterBand& band) {
  int has_nodata = 0;
  const double nd = band.GetNoDataValue(&has_nodata);
  if (has_nodata) info.nodata = nd;
  const double scale = std::max(info.width, info.height) / static_cast<double>(kStatsSampleSide);
  const int sw = std::clamp(static_cast<int>(info.width / scale), 1, info.width);
  const int sh = std::clamp(static_cast<int>(info.height / scale), 1, info.height);
  std::vector<double> buf(static_cast<std::size_t>(sw) * sh);
  GDALRasterIOExtraArg extra;
  INIT_RASTERIO_EXTRA_ARG(extra);
  extra.eResampleAlg = GRIORA_NearestNeighbour;
  gdal::ErrorCapture err;
  if (band.RasterIO(GF_Read, 0, 0, info.width, info.height, buf.data(), sw, sh, GDT_Float64, 0, 0, &extra) != CE_None)
    throw InputError(err.message(info.path, "cannot read raster"));
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  std::int64_t voids = 0;
  for (const double v : buf) {
    if (std::isnan(v) || (has_nodata && v == nd)) {
      ++voids;
      continue;
    }
    lo = std::min(lo, v), hi = std::max(hi, v);
  }
  const double cells = static_cast<double>(info.width) * info.height;
  info.approximate = true;
  info.sampled_cells = static_cast<std::int64_t>(buf.size());
  info.void_count = static_cast<std::int64_t>(std::llround(cells * voids / static_cast<double>(buf.size())));
  info.min = lo <= hi ? lo : std::numeric_limits<double>::quiet_NaN();
  info.max = lo <= hi ? hi : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

RasterInfo describe_raster(const std::filesystem::path& path) {
  RasterInfo info;
  info.path = path;
  const gdal::Dataset ds = gdal::open_raster(path);
  info.driver = ds->GetDriver()->GetDescription();
  info.width = ds->GetRasterXSize();
  info.height = ds->GetRasterYSize();
  info.bands = ds->GetRasterCount();
  GDALRasterBand* band = ds->GetRasterBand(1);
  info.data_type = GDALGetDataTypeName(band->GetRasterDataType());
  double gt[6];
  if (ds->GetGeoTransform(gt) != CE_None) throw InputError(path.string() + ": raster has no geotransform");
  const char* wkt = ds->GetProjectionRef();
  if (!wkt || !*wkt) throw InputError(path.string() + ": raster has no coordinate reference system");
  OGRSpatialReference srs = gdal::srs(wkt);
  gdal::check_extent(path, gt, info.width, info.height, srs);
  info.crs_name = srs.GetName() ? srs.GetName() : "";
  srs.AutoIdentifyEPSG();
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth && code && std::string(auth) == "EPSG") info.epsg = std::atoi(code);
  info.geographic = srs.IsGeographic();
  info.res_x = std::abs(gt[1]);
  info.res_y = std::abs(gt[5]);
  info.xmin = std::min(gt[0], gt[0] + gt[1] * info.width);
  info.xmax = std::max(gt[0], gt[0] + gt[1] * info.width);
  info.ymin = std::min(gt[3], gt[3] + gt[5] * info.height);
  info.ymax = std::max(gt[3], gt[3] + gt[5] * info.height);
  info.lonlat = dem_footprint({path}, Laea{{0.0, 0.0}}).lonlat;
  centre_pixel_size(info, srs, gt);
  if (static_cast<double>(info.width) * info.height > kExactStatsCells) {
    sample_values(info, *band);
  } else {
    scan_values(info, *band);
    info.sampled_cells = static_cast<std::int64_t>(info.width) * info.height;
  }
  return info;
}

std::string format_raster_info(const RasterInfo& i) {
  std::string s = fmt::format("{}\n", i.path.string());
  auto out = std::back_inserter(s);
  fmt::format_to(out, "  driver      {}, {} band{}, {}\n", i.driver, i.bands, i.bands == 1 ? "" : "s", i.data_type);
  fmt::format_to(out, "  size        {} x {} cells\n", i.width, i.height);
  fmt::format_to(out, "  crs         {}{}\n", i.crs_name, i.epsg ? fmt::format(" (EPSG:{})", *i.epsg) : "");
  if (i.geographic)
    fmt::format_to(out, "  resolution  {:.6g} x {:.6g} deg = {:.1f} x {:.1f} m at the centre latitude\n", i.res_x,
                   i.res_y, i.res_x_m, i.res_y_m);
  else
    fmt::format_to(out, "  resolution  {:.6g} x {:.6g} CRS units = {:.1f} x {:.1f} m on the ground at the centre\n",
                   i.res_x, i.res_y, i.res_x_m, i.res_y_m);
  fmt::format_to(out, "  bounds      x {:.6f} .. {:.6f}, y {:.6f} .. {:.6f}\n", i.xmin, i.xmax, i.ymin, i.ymax);
  fmt::format_to(out, "  lon/lat     lon {:.5f} .. {:.5f}, lat {:.5f} .. {:.5f}\n", i.lonlat.west, i.lonlat.east,
                 i.lonlat.south, i.lonlat.north);
  const std::string approx = i.approximate ? "~" : "";
  fmt::format_to(out, "  values      min {}{:.6g}, max {}{:.6g}{}\n", approx, i.min, approx, i.max,
                 i.approximate ? fmt::format(" (sampled {} cells: over {:.0e} cells, statistics are estimated)",
                                             i.sampled_cells, kExactStatsCells)
                               : "");
  if (i.nodata)
    fmt::format_to(out, "  voids       {}{} cells (nodata {:.10g})\n", approx, i.void_count, *i.nodata);
  else
    fmt::format_to(out, "  voids       {}{} cells (no nodata value)\n", approx, i.void_count);
  return s;
}

}  // namespace adcov::geo
