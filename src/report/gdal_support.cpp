#include "gdal_support.hpp"

#include <mutex>

namespace adcov::report::detail {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

void throw_gdal(const std::filesystem::path& file, const std::string& what) {
  std::string msg = file.string() + ": " + what;
  const char* gdal_msg = CPLGetLastErrorMsg();
  if (gdal_msg && *gdal_msg) msg += std::string(": ") + gdal_msg;
  throw Error(msg);
}

OGRSpatialReference grid_srs(const geo::GridSpec& grid) {
  OGRSpatialReference srs;
  const std::string proj = geo::proj_string(grid.projection);
  if (srs.importFromProj4(proj.c_str()) != OGRERR_NONE)
    throw Error("cannot build the grid CRS from '" + proj + "'");
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

GDALDriver* driver(const char* name) {
  ensure_gdal_registered();
  auto* d = GetGDALDriverManager()->GetDriverByName(name);
  if (!d) throw Error(std::string("this GDAL build has no ") + name + " driver");
  return d;
}

}  // namespace adcov::report::detail
