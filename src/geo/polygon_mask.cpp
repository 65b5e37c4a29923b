#include "adcov/geo/polygon_mask.hpp"

#include <gdal_alg.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"

namespace adcov::geo {

std::vector<std::uint8_t> rasterize_polygons(const std::filesystem::path& path, const GridSpec& grid) {
  gdal::Dataset vec = gdal::open_vector(path);
  if (vec->GetLayerCount() == 0) throw InputError(path.string() + ": no layers with polygons");
  gdal::ErrorCapture err;
  // Each layer's geometries taken to the grid through WGS84 (gdal::to_grid),
  // where PROJ shifts a datum: GDAL's own reprojection onto the grid's
  // sphere relates a layer by lon/lat alone, which left a Pulkovo 1942
  // layer ~120 m off. A geometry PROJ cannot take there is left out, as
  // GDAL left it out.
  std::vector<std::unique_ptr<OGRGeometry>> geometries;
  for (OGRLayer* layer : vec->GetLayers()) {
    const gdal::Transform to_grid = gdal::to_grid(gdal::layer_srs(*layer), grid);
    layer->ResetReading();
    while (OGRFeature* f = layer->GetNextFeature()) {
      const std::unique_ptr<OGRFeature> feature(f);
      if (const OGRGeometry* g = f->GetGeometryRef()) {
        std::unique_ptr<OGRGeometry> in_grid(g->clone());
        if (in_grid->transform(to_grid.get()) == OGRERR_NONE) geometries.push_back(std::move(in_grid));
      }
    }
  }

  gdal::Dataset ras(gdal::driver("MEM").Create("", grid.width, grid.height, 1, GDT_Byte, nullptr));
  if (!ras) throw Error(err.message(path, "cannot create the mask raster"));
  double gt[6] = {grid.x0_m, grid.cell_m, 0, grid.y0_m, 0, -grid.cell_m};
  ras->SetGeoTransform(gt);

  int band = 1;
  std::vector<OGRGeometryH> handles;
  for (const auto& g : geometries) handles.push_back(OGRGeometry::ToHandle(g.get()));
  std::vector<double> burn(handles.size(), 1.0);
  // Cell centres decide (no ALL_TOUCHED): a cell counts when its centre is inside.
  if (!handles.empty() &&
      GDALRasterizeGeometries(GDALDataset::ToHandle(ras.get()), 1, &band, static_cast<int>(handles.size()),
                              handles.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) != CE_None)
    throw InputError(err.message(path, "cannot rasterize polygons"));
  std::vector<std::uint8_t> mask(grid.cells());
  if (ras->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.width, grid.height, mask.data(), grid.width, grid.height,
                                      GDT_Byte, 0, 0) != CE_None)
    throw Error(err.message(path, "cannot read the mask raster"));
  return mask;
}

}  // namespace adcov::geo
