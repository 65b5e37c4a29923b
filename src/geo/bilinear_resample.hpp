#pragma once
// Bilinear resampling of a DEM window onto the analysis grid (private to geo;
// step 4 of docs/coverage.md, "Terrain").

#include <ogr_spatialref.h>

#include <span>

#include "adcov/geo/grid.hpp"

namespace adcov::geo::detail {

/// A north-up raster in memory: row-major heights, NaN where there are none
/// (voids left unfilled, gaps between tiles, beyond the DEM). Pixel (i, j)
/// spans x in [x0 + (col0 + i) dx, x0 + (col0 + i + 1) dx) of its CRS, and
/// likewise in y: a window at (col0, row0) of a larger raster whose pixel
/// (0, 0) has its corner at (x0, y0). Interpolation works in the larger
/// raster's pixel coordinates, so a cell's height does not depend on the
/// window that holds it.
struct SourceWindow {
  std::span<const float> z;
  int width = 0, height = 0;
  int col0 = 0, row0 = 0;
  double x0 = 0, dx = 0, y0 = 0, dy = 0;  ///< the larger raster's geotransform (dy < 0 north-up)
};

/// Writes every cell of `grid` into `out` (grid.cells() floats): the bilinear
/// interpolation of the four source pixels around the cell centre, the
/// weights of pixels without a height (NaN or beyond the window) shared out
/// among the others; NaN when the centre lies beyond the window or none of
/// the four has a height. Where each cell centre falls in the source CRS is
/// the exact transformation (PROJ) at a lattice of anchor cells every
/// anchor_step() cells, interpolated bilinearly between them (as GDAL's
/// warper approximates its transformer, but on a lattice fixed to the
/// projection's cell edges): a cell's height is a function of where it lies,
/// the same in any grid of the projection with the same cells, and for any
/// thread count. Parallel over rows; `grid_to_src` (grid CRS to the
/// source's) is cloned for each task, not used itself: a clone costs
/// nothing, where creating a transformation makes PROJ search its database
/// for the operation again (~8 ms from a LAEA grid to a UTM DEM).
void resample_bilinear(const SourceWindow& src, const OGRCoordinateTransformation& grid_to_src,
                       const GridSpec& grid, std::span<float> out);

/// The height at pixel coordinates (px, py) of the larger raster: the
/// bilinear interpolation of the four pixels around it, the weights of those
/// without a height shared out among the others; NaN beyond the window or
/// when none of the four has a height.
float sample_bilinear(const SourceWindow& src, double px, double py);

/// out[i] = sample_bilinear(src, px[i], py[i]) for i < n, four cells at a
/// time with AVX2 (bilinear_resample_avx2.cpp), the same floats bit for bit:
/// the same double operations in the same order, none fused. Only for a CPU
/// with AVX2 (resample_bilinear checks).
void sample_row_avx2(const SourceWindow& src, const double* px, const double* py, int n, float* out);

/// Cells between exactly transformed anchors: 16, but anchors at most 2 km
/// apart (every cell of grids coarser than 2 km). Linear interpolation over
/// a span L of a mapping curved on the scale of the Earth's radius R is off
/// by about L^2 / (8 R): 8 cm for 2 km, 5 mm for the 480 m of a 30 m grid.
/// GDAL's warper allows 1/8 of a source pixel by default: 1.1 km on ETOPO5.
int anchor_step(double cell_m);

}  // namespace adcov::geo::detail
