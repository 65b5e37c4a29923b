#pragma once
/// \file
/// The analysis grid: a square-celled raster in a spherical Lambert azimuthal
/// equal-area (LAEA) projection centred on the scenario region.
///
/// Why LAEA: cell areas are exact (equal-area), so km^2 are honest at every
/// latitude; distances and directions from the centre have a scale error of
/// 1 - cos(c/2) (c = angular distance), 0.13 % at 800 km, far below the
/// uncertainty of radar ranges. The sphere is the model's (R = 6371 km, docs/model.md), so the
/// projection and the great-circle geometry agree. Snyder, "Map Projections -
/// A Working Manual", USGS PP 1395 (1987), eqs. (24-2)-(24-4), (24-16)-(24-18).

#include <cstddef>
#include <string>

#include "adcov/geo/geodesy.hpp"
#include "adcov/geo/lonlat_box.hpp"

namespace adcov::geo {

/// Projected coordinates in metres.
struct XY {
  double x_m = 0, y_m = 0;
};

/// Spherical LAEA about `origin` (sphere of kEarthRadiusM).
struct Laea {
  LonLat origin;
};

/// Forward projection (Snyder 24-2..24-4).
XY project(const Laea& p, LonLat ll);
/// Inverse projection (Snyder 24-16..24-18).
LonLat unproject(const Laea& p, XY xy);
/// PROJ string: "+proj=laea +lat_0=.. +lon_0=.. +x_0=0 +y_0=0 +R=6371000 +units=m +no_defs".
std::string proj_string(const Laea& p);

/// A north-up grid of square cells. Cell (col,row) has its centre at
/// (x0_m + (col + 0.5) cell_m, y0_m - (row + 0.5) cell_m). Row-major storage.
struct GridSpec {
  Laea projection;
  double x0_m = 0;  ///< west edge
  double y0_m = 0;  ///< north edge
  double cell_m = 0;
  int width = 0, height = 0;

  std::size_t cells() const { return static_cast<std::size_t>(width) * height; }
  XY cell_center(int col, int row) const {
    return {x0_m + (col + 0.5) * cell_m, y0_m - (row + 0.5) * cell_m};
  }
  /// Fractional column/row of a projected point (cell centres at .5).
  double col_of(double x_m) const { return (x_m - x0_m) / cell_m; }
  double row_of(double y_m) const { return (y0_m - y_m) / cell_m; }
};

/// An axis-aligned rectangle in projected metres.
struct ProjectedBox {
  double xmin_m = 0, ymin_m = 0, xmax_m = 0, ymax_m = 0;
};

/// The projected bounding rectangle of a lon/lat box (degrees), from 64
/// samples along each edge.
ProjectedBox projected_box(const Laea& p, double west, double south, double east, double north);

/// The lon/lat extent of a projected rectangle, from `samples` + 1 points
/// along each edge (LAEA bends the edges; a rectangle has its extremes of
/// lon and lat there): projected_box the other way.
LonLatBox lonlat_box(const Laea& p, const ProjectedBox& b, int samples = 64);

/// The projected rectangle a grid covers, cell edges included.
ProjectedBox grid_box(const GridSpec& g);

/// A grid of `cell_m` cells covering the projected rectangle; edges snapped
/// outward to multiples of cell_m so grids of one projection share cell edges.
GridSpec make_grid_xy(const Laea& p, double xmin_m, double ymin_m, double xmax_m, double ymax_m,
                      double cell_m);

/// A grid in LAEA centred on the bbox centre that covers the bbox (west,
/// south, east, north in degrees) grown by `margin_m` on every side.
GridSpec make_grid(double west, double south, double east, double north, double cell_m,
                   double margin_m = 0);

}  // namespace adcov::geo
