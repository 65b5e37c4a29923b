#include "adcov/report/geotiff.hpp"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
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

geo::GeoTiffOptions options(const geo::GridSpec& grid, double nodata, const std::string& values,
                            const RasterTags& tags) {
  geo::GeoTiffOptions o;
  o.nodata = nodata;
  o.description = values;
  o.layout = geo::TiffLayout::tiled_deflate;
  o.crs_name = grid_crs_name(grid);
  o.metadata = tags;
  o.metadata.emplace_back("ADCOV_VERSION", ADCOV_VERSION);
  o.metadata.emplace_back("ADCOV_VALUES", values);
  o.overviews = true;
  return o;
}

/// The largest count over the region's cells of window `w`.
std::uint16_t largest_in_region(std::span<const std::uint16_t> count, std::span<const std::uint8_t> in_region,
                                const geo::GridSpec& grid, const CellWindow& w) {
  return tbb::parallel_reduce(
      tbb::blocked_range<int>(0, w.height), std::uint16_t{0},
      [&](const tbb::blocked_range<int>& rows, std::uint16_t most) {
        for (int r = rows.begin(); r != rows.end(); ++r)
          for (int c = 0; c < w.width; ++c) {
            const std::size_t i = static_cast<std::size_t>(r + w.row0) * grid.width + (c + w.col0);
            if (inside(in_region, i)) most = std::max(most, count[i]);
          }
        return most;
      },
      [](std::uint16_t a, std::uint16_t b) { return std::max(a, b); });
}

}  // namespace

std::string grid_crs_name(const geo::GridSpec& grid) {
  const geo::LonLat o = grid.projection.origin;
  return fmt::format("adcov LAEA centred on {:.4f}{} {:.4f}{}", std::abs(o.lon_deg), o.lon_deg < 0 ? 'W' : 'E',
                     std::abs(o.lat_deg), o.lat_deg < 0 ? 'S' : 'N');
}

void write_count_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const std::uint16_t> count,
                         std::span<const std::uint8_t> in_region, const RasterTags& tags,
                         const std::string& values) {
  check_sizes(file, grid, count.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  const geo::GridSpec g = crop(grid, w);
  const bool bytes = largest_in_region(count, in_region, grid, w) < kCountNodataByte;
  // The region's window, no-data outside the region, a band of rows at a time.
  const auto fill_as = [&]<class T>(T nodata) -> geo::RowFill {
    return [&, nodata](int row0, int rows, void* buf) {
      auto* out = static_cast<T*>(buf);
      tbb::parallel_for(0, rows, [&](int r) {
        for (int c = 0; c < w.width; ++c) {
          const std::size_t i = static_cast<std::size_t>(row0 + r + w.row0) * grid.width + (c + w.col0);
          out[static_cast<std::size_t>(r) * w.width + c] = inside(in_region, i) ? static_cast<T>(count[i]) : nodata;
        }
      });
    };
  };
  if (bytes)
    geo::write_geotiff_rows(file, g, geo::CellType::byte, fill_as(kCountNodataByte),
                            options(g, kCountNodataByte, values, tags));
  else
    geo::write_geotiff_rows(file, g, geo::CellType::uint16, fill_as(kCountNodata), options(g, kCountNodata, values, tags));
}

void write_floor_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const float> floor_m, std::span<const std::uint8_t> in_region,
                         const RasterTags& tags) {
  check_sizes(file, grid, floor_m.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  const geo::GridSpec g = crop(grid, w);
  const geo::RowFill fill = [&](int row0, int rows, void* buf) {
    auto* out = static_cast<float*>(buf);
    tbb::parallel_for(0, rows, [&](int r) {
      for (int c = 0; c < w.width; ++c) {
        const std::size_t i = static_cast<std::size_t>(row0 + r + w.row0) * grid.width + (c + w.col0);
        const float v = floor_m[i];
        out[static_cast<std::size_t>(r) * w.width + c] =
            !inside(in_region, i) ? kFloorNodata : std::isfinite(v) ? v : kFloorNeverCovered;
      }
    });
  };
  RasterTags t = tags;
  t.emplace_back("ADCOV_NEVER_COVERED", "-1");
  t.emplace_back("ADCOV_OUTSIDE_REGION", "-9999 (no-data)");
  geo::write_geotiff_rows(file, g, geo::CellType::float32, fill,
                          options(g, kFloorNodata, "coverage floor (m above ground)", t));
}

}  // namespace adcov::report
