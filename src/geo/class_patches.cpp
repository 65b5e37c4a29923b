// Patches of a class raster by boundary following (the crack-following of
// Rosenfeld & Kak, "Digital Picture Processing", 2nd ed., 1982, section 11.2):
// every ring has an edge along the top of one of its patch's cells, so the
// cells' top edges are scanned in row order and each unvisited one is
// followed round its ring. Which patch a ring bounds comes from a labelling
// of the rows' runs (union-find), so holes need no point-in-polygon test, and
// a corner where a patch touches itself diagonally is told from one where two
// patches of one value meet.
#include "adcov/geo/class_patches.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <stdexcept>

#include "adcov/geo/big_buffer.hpp"
#include "adcov/geo/word_scan.hpp"

namespace adcov::geo {
namespace {

// Directions along the cells' edges, corner y growing down the rows. Turning
// by +1 is clockwise on the screen, by +3 counter-clockwise.
enum Dir : int { kEast = 0, kSouth = 1, kWest = 2, kNorth = 3 };
constexpr int kDx[4] = {1, 0, -1, 0};
constexpr int kDy[4] = {0, 1, 0, -1};

struct Cells {
  std::span<const std::uint8_t> v;
  int width = 0, height = 0;
  int at(int row, int col) const {
    return row < 0 || col < 0 || row >= height || col >= width
               ? 0
               : v[static_cast<std::size_t>(row) * width + col];
  }
};

// The patch lies on one side of each directed edge (its inside): for a step
// in direction d ending at corner (x, y), the cell beyond the corner on the
// inside and the one beyond it on the outside.
struct Ahead {
  int inside_row, inside_col, outside_row, outside_col;
};
Ahead ahead(int d, int x, int y) {
  switch (d) {
    case kEast:
      return {y - 1, x, y, x};  // inside above
    case kSouth:
      return {y, x, y, x - 1};  // inside right (col x)
    case kWest:
      return {y, x - 1, y - 1, x - 1};  // inside below
    default:
      return {y - 1, x - 1, y - 1, x};  // north: inside left
  }
}

// The runs of equal nonzero cells of each row, labelled by union-find so that
// runs of one patch share a root.
struct Runs {
  std::vector<int> first;  ///< row r's runs are [first[r], first[r + 1])
  std::vector<int> col0;   ///< first column of each run
  std::vector<int> parent;

  int root(int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(int a, int b) {
    a = root(a), b = root(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  /// The run holding cell (row, col), which must be nonzero.
  int of(int row, int col) const {
    const auto b = col0.begin() + first[row], e = col0.begin() + first[row + 1];
    return static_cast<int>(std::upper_bound(b, e, col) - col0.begin()) - 1;
  }
};

// The first column from `col` on whose cell is not 0, or `width`: a word
// of cells at a time, since most of a coverage map is 0 (the national 100 m
// polygons spent a third of their time stepping over zeros a cell at a time).
int skip_zeros(const std::uint8_t* row, int col, int width) {
  return static_cast<int>(skip_nothing(std::span<const std::uint8_t>(row, static_cast<std::size_t>(width)),
                                       static_cast<std::size_t>(col), std::uint8_t{0}));
}

Runs label_runs(const Cells& c) {
  Runs runs;
  std::vector<int> col1;  // one past each run's last column
  std::vector<std::uint8_t> value;
  runs.first.reserve(static_cast<std::size_t>(c.height) + 1);
  for (int r = 0; r < c.height; ++r) {
    runs.first.push_back(static_cast<int>(runs.col0.size()));
    const std::uint8_t* row = c.v.data() + static_cast<std::size_t>(r) * c.width;
    for (int col = 0; col < c.width;) {
      const std::uint8_t k = row[col];
      int end = col + 1;
      if (!k)
        end = skip_zeros(row, end, c.width);
      else
        while (end < c.width && row[end] == k) ++end;
      if (k) {
        runs.col0.push_back(col), col1.push_back(end), value.push_back(k);
        runs.parent.push_back(static_cast<int>(runs.parent.size()));
      }
      col = end;
    }
  }
  runs.first.push_back(static_cast<int>(runs.col0.size()));
  for (int r = 1; r < c.height; ++r) {  // join overlapping runs of one value in consecutive rows
    int i = runs.first[r - 1], j = runs.first[r];
    while (i < runs.first[r] && j < runs.first[r + 1]) {
      if (value[i] == value[j] && runs.col0[i] < col1[j] && runs.col0[j] < col1[i]) runs.join(i, j);
      if (col1[i] <= col1[j])
        ++i;
      else
        ++j;
    }
  }
  return runs;
}

// Twice the ring's signed area in corner units, y down: < 0 for an outer ring.
long long area2(const CornerRing& ring) {
  long long a = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    a += static_cast<long long>(ring[i].x) * ring[i + 1].y -
         static_cast<long long>(ring[i + 1].x) * ring[i].y;
  return a;
}

// Follows the ring of patch `comp` (value k) from the step leaving `start`
// in direction d0, marking each step's bit (1 << d) at the corner it leaves.
// Ahead of each corner: a cell of the patch on the outside, turn towards it
// (away from the inside); else one on the inside, straight on; else turn
// round the inside cell. The outside cell ahead is diagonal to the inside
// cell behind when the inside one ahead is not in the patch: then it is
// followed only if it is of the same patch (connected elsewhere), as
// GDALPolygonize does, so that a patch's cells touching at a corner give an
// outer ring and a hole meeting there, and cells of two patches meeting at a
// corner stay apart (4-connectivity). No ring then passes a corner twice.
CornerRing follow(const Cells& c, Runs& runs, int comp, std::uint8_t k, CellCorner start, int d0,
                  geo::ZeroedVector<std::uint8_t>& visited) {
  const std::size_t stride = static_cast<std::size_t>(c.width) + 1;
  CornerRing ring{start};
  CellCorner p = start;
  int d = d0;
  do {
    visited[static_cast<std::size_t>(p.y) * stride + p.x] |= static_cast<std::uint8_t>(1u << d);
    p = {p.x + kDx[d], p.y + kDy[d]};
    ring.push_back(p);
    const Ahead a = ahead(d, p.x, p.y);
    const bool in_ahead = c.at(a.inside_row, a.inside_col) == k;
    bool out_ahead = c.at(a.outside_row, a.outside_col) == k;
    if (out_ahead &&
        !in_ahead)  // a diagonal touch: the same patch, or another one of the same value?
      out_ahead = runs.root(runs.of(a.outside_row, a.outside_col)) == comp;
    if (out_ahead)
      d = (d + 1) % 4;
    else if (!in_ahead)
      d = (d + 3) % 4;
  } while (!(p == start && d == d0));
  return ring;
}

}  // namespace

std::vector<ClassPatch> class_patches(std::span<const std::uint8_t> values, int width, int height) {
  if (width < 0 || height < 0 ||
      values.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height))
    throw std::invalid_argument("class_patches: values do not match width x height");
  const Cells c{values, width, height};
  Runs runs = label_runs(c);
  std::vector<int> patch_of(runs.parent.size(), -1);  // by root run
  // Fresh zero pages: only the corners on rings are written, so a sparse
  // coverage's marks hold memory where its boundaries are.
  const std::size_t corners = (static_cast<std::size_t>(width) + 1) * (static_cast<std::size_t>(height) + 1);
  geo::ZeroedVector<std::uint8_t> visited(corners);
  std::vector<ClassPatch> patches;
  for (int r = 0; r < height; ++r) {
    const std::uint8_t* row = values.data() + static_cast<std::size_t>(r) * width;
    for (int col = skip_zeros(row, 0, width); col < width; col = skip_zeros(row, col + 1, width)) {
      const std::uint8_t k = row[col];
      if (c.at(r - 1, col) == k) continue;
      // The cell's top edge, followed westwards (the cell below it inside).
      const CellCorner start{col + 1, r};
      if (visited[static_cast<std::size_t>(r) * (width + 1) + col + 1] & (1u << kWest)) continue;
      const int comp = runs.root(runs.of(r, col));
      CornerRing ring = follow(c, runs, comp, k, start, kWest, visited);
      int& p = patch_of[comp];
      // A patch's first ring met is its outer ring: its top row's top edges are on it.
      if (p < 0) {
        p = static_cast<int>(patches.size());
        patches.push_back({k, std::move(ring), {}});
      } else {
        patches[p].holes.push_back(std::move(ring));
      }
    }
  }
  for (const ClassPatch& p : patches)  // the orientation the docs promise
    if (area2(p.outer) >= 0 || std::any_of(p.holes.begin(), p.holes.end(),
                                           [](const CornerRing& h) { return area2(h) <= 0; }))
      throw std::logic_error("class_patches: a ring of the wrong orientation");
  return patches;
}

}  // namespace adcov::geo
