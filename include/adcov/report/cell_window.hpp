#pragma once
/// \file
/// The part of the analysis grid the outputs show: the bounding rectangle of
/// the region's cells. The coverage grid may extend beyond the region (the
/// terrain is loaded with the batteries' reach around it); GeoTIFFs and maps
/// are cropped to this window so that they are not mostly no-data.

#include <cstdint>
#include <span>

#include "adcov/geo/grid.hpp"

namespace adcov::report {

/// A rectangle of grid cells.
struct CellWindow {
  int col0 = 0, row0 = 0;
  int width = 0, height = 0;
};

/// Bounding rectangle of the cells with in_region != 0; the whole grid when
/// `in_region` is empty or has no such cell.
CellWindow region_window(const geo::GridSpec& grid, std::span<const std::uint8_t> in_region);

/// The grid restricted to `w` (same projection and cell size).
geo::GridSpec crop(const geo::GridSpec& grid, const CellWindow& w);

}  // namespace adcov::report
