#pragma once
// Filling holes in a raster from their neighbours (private to geo).

#include <cstdint>
#include <span>
#include <vector>

namespace adcov::geo::detail {

/// Fills every cell with `todo[i] == 1` layer by layer from the outside in
/// ("onion peeling"): each layer takes the mean of its already-known
/// 8-neighbours. Linear in cells and independent of traversal order, so the
/// result is deterministic. Cells that no known cell reaches through other
/// todo cells stay as they are and keep todo = 1. Returns the count filled.
std::int64_t fill_from_neighbours(std::span<float> v, int width, int height, std::vector<std::uint8_t>& todo);

}  // namespace adcov::geo::detail
