#include "void_fill.hpp"

#include <cstddef>

#include "adcov/geo/word_scan.hpp"

namespace adcov::geo::detail {

std::int64_t fill_from_neighbours(std::span<float> v, int w, int h, std::vector<std::uint8_t>& todo) {
  const auto at = [w](int c, int r) { return static_cast<std::size_t>(r) * w + c; };
  // 0 = known, 1 = to fill, 2 = queued for the current layer.
  std::vector<std::size_t> layer, next;
  auto has_known_neighbour = [&](int c, int r) {
    for (int dr = -1; dr <= 1; ++dr)
      for (int dc = -1; dc <= 1; ++dc) {
        const int cc = c + dc, rr = r + dr;
        if ((dc || dr) && cc >= 0 && rr >= 0 && cc < w && rr < h && todo[at(cc, rr)] == 0) return true;
      }
    return false;
  };
  // The first layer: cells to fill beside a known one, in index order,
  // stepping over the known cells (most of a raster) a word at a time.
  const std::span<const std::uint8_t> cells(todo);
  for (std::size_t i = skip_nothing(cells, 0, std::uint8_t{0}); i < cells.size();
       i = skip_nothing(cells, i + 1, std::uint8_t{0}))
    if (todo[i] == 1 && has_known_neighbour(static_cast<int>(i % w), static_cast<int>(i / w))) {
      todo[i] = 2;
      layer.push_back(i);
    }
  std::int64_t filled = 0;
  std::vector<float> values;
  while (!layer.empty()) {
    values.resize(layer.size());
    for (std::size_t k = 0; k < layer.size(); ++k) {
      const int c = static_cast<int>(layer[k] % w), r = static_cast<int>(layer[k] / w);
      double sum = 0;
      int n = 0;
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const int cc = c + dc, rr = r + dr;
          if ((dc || dr) && cc >= 0 && rr >= 0 && cc < w && rr < h && todo[at(cc, rr)] == 0) {
            sum += v[at(cc, rr)];
            ++n;
          }
        }
      values[k] = static_cast<float>(sum / n);
    }
    for (std::size_t k = 0; k < layer.size(); ++k) {
      v[layer[k]] = values[k];
      todo[layer[k]] = 0;
    }
    filled += static_cast<std::int64_t>(layer.size());
    next.clear();
    for (const std::size_t i : layer) {
      const int c = static_cast<int>(i % w), r = static_cast<int>(i / w);
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const int cc = c + dc, rr = r + dr;
          if (cc >= 0 && rr >= 0 && cc < w && rr < h && todo[at(cc, rr)] == 1) {
            todo[at(cc, rr)] = 2;
            next.push_back(at(cc, rr));
          }
        }
    }
    layer.swap(next);
  }
  return filled;
}

}  // namespace adcov::geo::detail
