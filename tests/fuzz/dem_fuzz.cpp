// libFuzzer harness: the input bytes are a DEM raster file (GeoTIFF, Arc/Info
// ASCII grid, or anything else GDAL recognises by content), put in GDAL's
// in-memory file system and read by geo::describe_raster() (`adcov info`) and
// geo::load_terrain() onto a small analysis grid over the raster. InputError
// and Error are the expected answers to bad input; any other exception,
// crash, leak, hang or undefined behaviour is a finding.
// Run through scripts/fuzz.sh; corpus in tests/fuzz/corpus/dem/.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>

#include "adcov/error.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/geo/raster_info.hpp"
#include "adcov/geo/terrain.hpp"

namespace {

constexpr const char* kPath = "/vsimem/fuzz/dem.tif";
// Rasters are read whole (describe_raster scans band 1): the harness keeps
// them small so that one input never allocates or scans without bound.
constexpr double kMaxPixels = 1 << 18;
constexpr int kMaxGridCells = 32 * 32;

bool small_enough() {
  GDALDataset* ds = GDALDataset::Open(kPath, GDAL_OF_RASTER | GDAL_OF_READONLY);
  if (!ds) return false;
  const double pixels = static_cast<double>(ds->GetRasterXSize()) * ds->GetRasterYSize();
  const bool ok = pixels <= kMaxPixels && ds->GetRasterCount() <= 16;
  GDALClose(ds);
  return ok;
}

/// A grid of at most kMaxGridCells over the raster's footprint (a region
/// that the product would accept: valid latitudes, under 20 degrees wide).
bool grid_over(const adcov::geo::LonLatBox& b, adcov::geo::GridSpec& g) {
  const double w = b.west, s = b.south, e = b.east, n = b.north;
  if (!(std::isfinite(w) && std::isfinite(s) && std::isfinite(e) && std::isfinite(n))) return false;
  if (!(w < e && s < n && s > -85 && n < 85 && w >= -180 && e <= 180 && e - w < 20 && n - s < 20)) return false;
  double cell = 1000;
  for (int i = 0; i < 8; ++i) {
    g = adcov::geo::make_grid(w, s, e, n, cell);
    if (g.cells() <= kMaxGridCells) return true;
    cell *= std::sqrt(static_cast<double>(g.cells()) / kMaxGridCells) * 1.01;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  CPLSetConfigOption("GDAL_CACHEMAX", "64");
  CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
  CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  VSILFILE* f = VSIFileFromMemBuffer(kPath, const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE);
  if (!f) return 0;
  VSIFCloseL(f);
  if (small_enough()) {
    try {
      const adcov::geo::RasterInfo info = adcov::geo::describe_raster(kPath);
      adcov::geo::GridSpec grid;
      if (grid_over(info.lonlat, grid)) {
        adcov::geo::TerrainOptions opt;
        opt.allow_outside = size % 2 == 1;
        (void)adcov::geo::load_terrain({{kPath}, {}}, grid, opt);
      }
    } catch (const adcov::InputError&) {
      // Expected: an unreadable or unusable raster (exit 2).
    } catch (const adcov::Error&) {
      // Expected: a read failure (exit 1).
    }
  }
  VSIUnlink(kPath);
  return 0;
}
