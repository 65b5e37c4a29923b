#include "adcov/report/geotiff.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/raster_writer.hpp"
#include "adcov/report/cell_window.hpp"

namespace adcov::report {

namespace {

bool inside(std::span<const std::uint8_t> in_region, std::size_t i) {
  return in_region.empty() || in_region[i] != 0;
}

void check_sizes(const std::filesystem::path& file, const geo::GridSpec& grid, std::size_t n,
                 std::span<const std::uint8_t> in_region) {
  if (n != grid.cells() || (!in_region.empty() && in_region.size() != grid.cells()))
    throw Error(file.string() + ": raster size does not match the grid (" +
                std::to_string(grid.width) + " x " + std::to_string(grid.height) + ")");
}

}  // namespace

void write_count_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const std::uint16_t> count,
                         std::span<const std::uint8_t> in_region) {
  check_sizes(file, grid, count.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  std::vector<std::uint16_t> out(static_cast<std::size_t>(w.width) * w.height);
  for (int r = 0; r < w.height; ++r)
    for (int c = 0; c < w.width; ++c) {
      const std::size_t i = static_cast<std::size_t>(r + w.row0) * grid.width + (c + w.col0);
      out[static_cast<std::size_t>(r) * w.width + c] = inside(in_region, i) ? count[i] : kCountNodata;
    }
  geo::write_geotiff(file, crop(grid, w), std::span<const std::uint16_t>(out),
                     {kCountNodata, "batteries able to engage", geo::TiffLayout::tiled_deflate});
}

void write_floor_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const float> floor_m, std::span<const std::uint8_t> in_region) {
  check_sizes(file, grid, floor_m.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  std::vector<float> out(static_cast<std::size_t>(w.width) * w.height);
  for (int r = 0; r < w.height; ++r)
    for (int c = 0; c < w.width; ++c) {
      const std::size_t i = static_cast<std::size_t>(r + w.row0) * grid.width + (c + w.col0);
      const float v = floor_m[i];
      out[static_cast<std::size_t>(r) * w.width + c] =
          inside(in_region, i) && std::isfinite(v) ? v : kFloorNodata;
    }
  geo::write_geotiff(file, crop(grid, w), std::span<const float>(out),
                     {kFloorNodata, "coverage floor (m above ground)", geo::TiffLayout::tiled_deflate});
}

}  // namespace adcov::report
