#include "adcov/geo/polygon_mask.hpp"

#include <gdal_alg.h>
#include <ogrsf_frmts.h>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"

namespace adcov::geo {

std::vector<std::uint8_t> rasterize_polygons(const std::filesystem::path& path, const GridSpec& grid) {
  gdal::Dataset vec = gdal::open_vector(path);
  std::vector<OGRLayerH> layers;
  for (OGRLayer* layer : vec->GetLayers()) layers.push_back(OGRLayer::ToHandle(layer));
  if (layers.empty()) throw InputError(path.string() + ": no layers with polygons");

  gdal::ErrorCapture err;
  gdal::Dataset ras(gdal::driver("MEM").Create("", grid.width, grid.height, 1, GDT_Byte, nullptr));
  if (!ras) throw Error(err.message(path, "cannot create the mask raster"));
  double gt[6] = {grid.x0_m, grid.cell_m, 0, grid.y0_m, 0, -grid.cell_m};
  ras->SetGeoTransform(gt);
  const OGRSpatialReference srs = gdal::grid_srs(grid);
  ras->SetSpatialRef(&srs);

  int band = 1;
  std::vector<double> burn(layers.size(), 1.0);
  // Cell centres decide (no ALL_TOUCHED): a cell counts when its centre is inside.
  if (GDALRasterizeLayers(GDALDataset::ToHandle(ras.get()), 1, &band, static_cast<int>(layers.size()),
                          layers.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) != CE_None)
    throw InputError(err.message(path, "cannot rasterize polygons"));
  std::vector<std::uint8_t> mask(grid.cells());
  if (ras->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.width, grid.height, mask.data(), grid.width, grid.height,
                                      GDT_Byte, 0, 0) != CE_None)
    throw Error(err.message(path, "cannot read the mask raster"));
  return mask;
}

}  // namespace adcov::geo
