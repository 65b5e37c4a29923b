#include "adcov/geo/polygon_mask.hpp"

#include <gdal_alg.h>
#include <cpl_conv.h>
#include <ogr_api.h>

#include "adcov/geo/error.hpp"
#include "gdal_util.hpp"

namespace adcov::geo {

std::vector<std::uint8_t> rasterize_polygons(const std::filesystem::path& path, const GridSpec& grid) {
  detail::ensure_gdal();
  detail::GdalErrors err;
  detail::Dataset vec(GDALOpenEx(path.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr));
  if (!vec) throw InputError(detail::gdal_message(path.string(), "cannot open polygons", err));
  const int nlayers = GDALDatasetGetLayerCount(vec.get());
  if (nlayers < 1) throw InputError(path.string() + ": no layers with polygons");
  std::vector<OGRLayerH> layers;
  for (int i = 0; i < nlayers; ++i) layers.push_back(GDALDatasetGetLayer(vec.get(), i));

  GDALDriverH mem = GDALGetDriverByName("MEM");
  detail::Dataset ras(GDALCreate(mem, "", grid.width, grid.height, 1, GDT_Byte, nullptr));
  if (!ras) throw Error(detail::gdal_message(path.string(), "cannot create the mask raster", err));
  double gt[6] = {grid.x0_m, grid.cell_m, 0, grid.y0_m, 0, -grid.cell_m};
  GDALSetGeoTransform(ras.get(), gt);
  auto srs = detail::make_srs(proj_string(grid.projection));
  char* wkt = nullptr;
  OSRExportToWkt(srs.get(), &wkt);
  GDALSetProjection(ras.get(), wkt);
  CPLFree(wkt);

  int band = 1;
  std::vector<double> burn(layers.size(), 1.0);
  // Cell centres decide (no ALL_TOUCHED): a cell counts when its centre is inside.
  if (GDALRasterizeLayers(ras.get(), 1, &band, static_cast<int>(layers.size()), layers.data(), nullptr, nullptr,
                          burn.data(), nullptr, nullptr, nullptr) != CE_None)
    throw InputError(detail::gdal_message(path.string(), "cannot rasterize polygons", err));
  std::vector<std::uint8_t> mask(grid.cells());
  if (GDALRasterIO(GDALGetRasterBand(ras.get(), 1), GF_Read, 0, 0, grid.width, grid.height, mask.data(), grid.width,
                   grid.height, GDT_Byte, 0, 0) != CE_None)
    throw Error(detail::gdal_message(path.string(), "cannot read the mask raster", err));
  return mask;
}

}  // namespace adcov::geo
