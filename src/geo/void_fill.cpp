#include "void_fill.hpp"

#include <cstddef>

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
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < w; ++c)
      if (todo[at(c, r)] == 1 && has_known_neighbour(c, r)) {
        todo[at(c, r)] = 2;
        layer.push_back(at(c, r));
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
