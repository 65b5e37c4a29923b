#pragma once
// Room for labels on a map (private to report): the boxes that city names,
// target names and battery labels have taken, so that a later label never
// covers an earlier one. Cities go first, so nothing hides a city's name.

#include <algorithm>
#include <optional>
#include <vector>

#include "adcov/report/map_layout.hpp"

namespace adcov::report {

/// A box on the canvas, in pixels.
struct Box {
  double x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct LabelSpace {
  Box map;                 ///< labels stay inside the map area
  std::vector<Box> taken;  ///< labels placed so far

  bool inside(const Box& b) const { return b.x0 >= map.x0 && b.y0 >= map.y0 && b.x1 <= map.x1 && b.y1 <= map.y1; }
  bool free(const Box& b) const {
    return inside(b) && std::none_of(taken.begin(), taken.end(), [&](const Box& o) { return o.overlaps(b); });
  }
  /// The first of `candidates` that is free (and takes it), or nullopt when all collide.
  std::optional<Box> take_first(const std::vector<Box>& candidates) {
    for (const Box& b : candidates)
      if (free(b)) {
        taken.push_back(b);
        return b;
      }
    return std::nullopt;
  }
};

/// An empty space over the map area of `layout`.
inline LabelSpace label_space(const MapLayout& layout) {
  return {{double(layout.map_x), double(layout.map_y), double(layout.map_x + layout.map_w),
           double(layout.map_y + layout.map_h)},
          {}};
}

/// The spots for a w x h label around a symbol at `c` with radius `r`: right,
/// left, above, below, then the four diagonals.
inline std::vector<Box> label_spots(CanvasPoint c, double r, double w, double h) {
  const double g = r + 3;
  const CanvasPoint tl[] = {{c.x + g, c.y - h / 2},     {c.x - g - w, c.y - h / 2}, {c.x - w / 2, c.y - g - h},
                            {c.x - w / 2, c.y + g},     {c.x + g - 2, c.y - g - h + 3}, {c.x - g - w + 2, c.y - g - h + 3},
                            {c.x + g - 2, c.y + g - 3}, {c.x - g - w + 2, c.y + g - 3}};
  std::vector<Box> out;
  for (const CanvasPoint& p : tl) out.push_back({p.x, p.y, p.x + w, p.y + h});
  return out;
}

}  // namespace adcov::report
