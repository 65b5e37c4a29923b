#pragma once
/// \file
/// The patches of a class raster as polygons: every 4-connected set of cells
/// of one nonzero value, as an outer ring and its holes along the cells'
/// edges. What GDALPolygonize makes of a band masked by itself (the same
/// rings, the same 4-connectivity), without its per-pixel polygon
/// bookkeeping: the national coverage maps at 100 m are 136 M cells, and
/// polygonizing them cost more than computing them.

#include <cstdint>
#include <span>
#include <vector>

namespace adcov::geo {

/// A corner of the cells: corner (x, y) is the top-left corner of cell
/// (row y, column x); the raster's corners run from (0, 0) to (width, height).
struct CellCorner {
  std::int32_t x = 0, y = 0;
  bool operator==(const CellCorner&) const = default;
};

/// A closed ring of corners (the last equals the first), with every corner it
/// passes: a straight edge n cells long has n + 1 corners, so a ring is
/// already densified at one cell.
using CornerRing = std::vector<CellCorner>;

/// One patch: its value, its outer ring (counter-clockwise as drawn, rows
/// running south: the patch on the ring's left) and its holes (clockwise).
struct ClassPatch {
  std::uint8_t value = 0;
  CornerRing outer;
  std::vector<CornerRing> holes;
};

/// The patches of `values` (row-major, width x height; 0 is no patch), in
/// the order of their first cell in rows top to bottom, left to right; each
/// patch's holes in the order that scan meets their bottom edges. At a corner where a patch's cells
/// touch only diagonally the boundary turns around the cell it is on, so cells that touch at a
/// corner only are two patches (4-connectivity) and no ring crosses itself. Memory: a byte per
/// corner and 16 bytes per run of equal cells in a row, besides the rings.
std::vector<ClassPatch> class_patches(std::span<const std::uint8_t> values, int width, int height);

}  // namespace adcov::geo
