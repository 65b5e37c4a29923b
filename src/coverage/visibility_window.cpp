#include "visibility_window.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "adcov/error.hpp"

namespace adcov::coverage::detail {

WindowSetup setup_window(const geo::TerrainGrid& t, const Observer& o) {
  const geo::GridSpec& g = t.grid;
  // Centre-indexed. Position and edge each divided by the cell: the edge's
  // quotient is a whole number on grids of cells snapped to the projection
  // (make_grid_xy), so the difference is exact and its fraction the same in
  // every such grid (LineArgs::ob).
  const double pc = o.pos.x_m / g.cell_m - g.x0_m / g.cell_m - 0.5;
  const double pr = g.y0_m / g.cell_m - o.pos.y_m / g.cell_m - 0.5;
  const int oc = static_cast<int>(std::floor(pc + 0.5)), orow = static_cast<int>(std::floor(pr + 0.5));
  if (oc < 0 || orow < 0 || oc >= g.width || orow >= g.height) {
    const geo::LonLat ll = geo::unproject(g.projection, o.pos);
    throw InputError(fmt::format("radar at ({:.5f}, {:.5f}) is outside the terrain grid", ll.lon_deg, ll.lat_deg));
  }
  const double rc = std::max(o.reach_m, 0.0) / g.cell_m;
  WindowSetup w;
  w.col0 = std::max(0, static_cast<int>(std::ceil(pc - rc)));
  w.row0 = std::max(0, static_cast<int>(std::ceil(pr - rc)));
  const int col1 = std::min(g.width - 1, static_cast<int>(std::floor(pc + rc)));
  const int row1 = std::min(g.height - 1, static_cast<int>(std::floor(pr + rc)));
  w.col0 = std::min(w.col0, oc), w.row0 = std::min(w.row0, orow);
  w.width = std::max(col1, oc) - w.col0 + 1;
  w.height = std::max(row1, orow) - w.row0 + 1;
  w.ox = pc - w.col0;
  w.oy = pr - w.row0;
  w.own_col = oc - w.col0;
  w.own_row = orow - w.row0;
  w.antenna_z_m = static_cast<double>(t.at(oc, orow)) + o.antenna_agl_m;
  w.tan_min_el = std::tan(o.min_elevation_deg * geo::kDegToRad);
  return w;
}

}  // namespace adcov::coverage::detail
