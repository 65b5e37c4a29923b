#include "adcov/report/geotiff.hpp"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/geo/raster_writer.hpp"
#include "adcov/report/cell_window.hpp"

namespace adcov::report {

namespace {

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

/// Rows [row0, row0 + rows) of window `w` of `grid` into `out` (rows of
/// w.width): value(v) of the source cell inside the region, `nodata`
/// outside. A row at a time through plain pointers, so the loops vectorise
/// (a call per cell through a check of in_region's size did not).
template <class Out, class In, class Value>
void masked_rows(const geo::GridSpec& grid, const CellWindow& w, std::span<const In> src,
                 std::span<const std::uint8_t> in_region, int row0, int rows, Out nodata, Out* out, Value value) {
  tbb::parallel_for(0, rows, [&](int r) {
    const std::size_t at = static_cast<std::size_t>(row0 + r + w.row0) * grid.width + w.col0;
    // So that the loops vectorise: restrict (a byte store could otherwise
    // alias the byte sources) and every source cell read, not only those
    // inside the region.
    // Locals, too: a byte store could change what a reference points to.
    const In* __restrict s = src.data() + at;
    Out* __restrict o = out + static_cast<std::size_t>(r) * w.width;
    const int width = w.width;
    const Out outside = nodata;
    const Value cell = value;
    if (in_region.empty()) {
      for (int c = 0; c < width; ++c) o[c] = cell(s[c]);
    } else {
      const std::uint8_t* __restrict in = in_region.data() + at;
      for (int c = 0; c < width; ++c) {
        const Out v = cell(s[c]);
        o[c] = in[c] != 0 ? v : outside;
      }
    }
  });
}

/// The largest count over the region's cells of window `w`.
template <class Count>
Count largest_in_region(std::span<const Count> count, std::span<const std::uint8_t> in_region,
                        const geo::GridSpec& grid, const CellWindow& w) {
  return tbb::parallel_reduce(
      tbb::blocked_range<int>(0, w.height), Count{0},
      [&](const tbb::blocked_range<int>& rows, Count most) {
        for (int r = rows.begin(); r != rows.end(); ++r) {
          const std::size_t at = static_cast<std::size_t>(r + w.row0) * grid.width + w.col0;
          const Count* s = count.data() + at;
          // Branch-free (the count masked by the region), so the loops
          // vectorise; a test per cell did not.
          Count m = 0;
          if (in_region.empty()) {
            for (int c = 0; c < w.width; ++c) m = std::max(m, s[c]);
          } else {
            const std::uint8_t* in = in_region.data() + at;
            for (int c = 0; c < w.width; ++c)
              m = std::max(m, static_cast<Count>(s[c] & static_cast<Count>(0u - (in[c] != 0))));
          }
          most = std::max(most, m);
        }
        return most;
      },
      [](Count a, Count b) { return std::max(a, b); });
}

template <class Count>
void write_counts(const std::filesystem::path& file, const geo::GridSpec& grid, std::span<const Count> count,
                  std::span<const std::uint8_t> in_region, const RasterTags& tags, const std::string& values) {
  check_sizes(file, grid, count.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  const geo::GridSpec g = crop(grid, w);
  const bool bytes = largest_in_region(count, in_region, grid, w) < kCountNodataByte;
  // The region's window, no-data outside the region, a band of rows at a time.
  const auto fill_as = [&]<class T>(T nodata) -> geo::RowFill {
    return [&, nodata](int row0, int rows, void* buf) {
      masked_rows(grid, w, count, in_region, row0, rows, nodata, static_cast<T*>(buf),
                  [](Count v) { return static_cast<T>(v); });
    };
  };
  if (bytes)
    geo::write_geotiff_rows(file, g, geo::CellType::byte, fill_as(kCountNodataByte),
                            options(g, kCountNodataByte, values, tags));
  else
    geo::write_geotiff_rows(file, g, geo::CellType::uint16, fill_as(kCountNodata),
                            options(g, kCountNodata, values, tags));
}

}  // namespace

std::string grid_crs_name(const geo::GridSpec& grid) {
  const geo::LonLat o = grid.projection.origin;
  return fmt::format("adcov LAEA centred on {:.4f}{} {:.4f}{}", std::abs(o.lon_deg), o.lon_deg < 0 ? 'W' : 'E',
                     std::abs(o.lat_deg), o.lat_deg < 0 ? 'S' : 'N');
}

void write_count_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         const coverage::CountMap& count, std::span<const std::uint8_t> in_region,
                         const RasterTags& tags, const std::string& values) {
  count.visit([&](auto cells) { write_counts(file, grid, cells, in_region, tags, values); });
}

void write_floor_geotiff(const std::filesystem::path& file, const geo::GridSpec& grid,
                         std::span<const float> floor_m, std::span<const std::uint8_t> in_region,
                         const RasterTags& tags) {
  check_sizes(file, grid, floor_m.size(), in_region);
  const CellWindow w = region_window(grid, in_region);
  const geo::GridSpec g = crop(grid, w);
  const geo::RowFill fill = [&](int row0, int rows, void* buf) {
    // Not finite (NaN: never covered) fails the comparison.
    masked_rows(grid, w, floor_m, in_region, row0, rows, kFloorNodata, static_cast<float*>(buf), [](float v) {
      return std::abs(v) <= std::numeric_limits<float>::max() ? v : kFloorNeverCovered;
    });
  };
  RasterTags t = tags;
  t.emplace_back("ADCOV_NEVER_COVERED", "-1");
  t.emplace_back("ADCOV_OUTSIDE_REGION", "-9999 (no-data)");
  geo::write_geotiff_rows(file, g, geo::CellType::float32, fill,
                          options(g, kFloorNodata, "coverage floor (m above ground)", t));
}

}  // namespace adcov::report
