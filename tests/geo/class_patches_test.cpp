#include "adcov/geo/class_patches.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using adcov::geo::CellCorner;
using adcov::geo::class_patches;
using adcov::geo::ClassPatch;
using adcov::geo::CornerRing;

// A ring as a canonical string: its corners where it turns (collinear ones
// dropped, as GDALPolygonize writes them), run one way (GDAL's rings may run
// either), from its smallest corner. Two rings are the same boundary iff equal.
std::string canonical(std::vector<CellCorner> ring) {
  ring.pop_back();  // closed
  std::vector<CellCorner> turns;
  const std::size_t n = ring.size();
  for (std::size_t i = 0; i < n; ++i) {
    const CellCorner a = ring[(i + n - 1) % n], b = ring[i], c = ring[(i + 1) % n];
    if ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) != 0) turns.push_back(b);
  }
  long long area2 = 0;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const CellCorner a = turns[i], b = turns[(i + 1) % turns.size()];
    area2 += static_cast<long long>(a.x) * b.y - static_cast<long long>(b.x) * a.y;
  }
  if (area2 < 0) std::reverse(turns.begin(), turns.end());
  const auto first = std::min_element(turns.begin(), turns.end(), [](CellCorner p, CellCorner q) {
    return p.y != q.y ? p.y < q.y : p.x < q.x;
  });
  std::rotate(turns.begin(), first, turns.end());
  std::string s;
  for (const CellCorner& p : turns) {
    s += '(';
    s += std::to_string(p.x);
    s += ',';
    s += std::to_string(p.y);
    s += ')';
  }
  return s;
}

// A patch as its value, outer ring and sorted holes.
std::string canonical(const ClassPatch& p) {
  std::vector<std::string> holes;
  for (const CornerRing& h : p.holes) holes.push_back(canonical(h));
  std::sort(holes.begin(), holes.end());
  std::string s = std::to_string(p.value) + ": " + canonical(p.outer);
  for (const std::string& h : holes) s += " hole " + h;
  return s;
}

std::vector<std::string> ours(const std::vector<std::uint8_t>& v, int w, int h) {
  std::vector<std::string> out;
  for (const ClassPatch& p : class_patches(v, w, h)) out.push_back(canonical(p));
  std::sort(out.begin(), out.end());
  return out;
}

// GDALPolygonize of the band masked by itself, in corner units (geotransform
// x = col, y = row), each ring as a closed CornerRing.
std::vector<std::string> gdal(const std::vector<std::uint8_t>& v, int w, int h) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset> mem(
      GetGDALDriverManager()->GetDriverByName("MEM")->Create("", w, h, 1, GDT_Byte, nullptr));
  double gt[6] = {0, 1, 0, 0, 0, 1};
  mem->SetGeoTransform(gt);
  GDALRasterBand* band = mem->GetRasterBand(1);
  EXPECT_EQ(band->RasterIO(GF_Write, 0, 0, w, h, const_cast<std::uint8_t*>(v.data()), w, h,
                           GDT_Byte, 0, 0),
            CE_None);
  std::unique_ptr<GDALDataset> vec(
      GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = vec->CreateLayer("p", nullptr, wkbPolygon, nullptr);
  OGRFieldDefn field("value", OFTInteger);
  layer->CreateField(&field);
  EXPECT_EQ(GDALPolygonize(band, band, layer, 0, nullptr, nullptr, nullptr), CE_None);
  std::vector<std::string> out;
  layer->ResetReading();
  while (OGRFeature* f = layer->GetNextFeature()) {
    ClassPatch p;
    p.value = static_cast<std::uint8_t>(f->GetFieldAsInteger(0));
    const OGRPolygon* poly = f->GetGeometryRef()->toPolygon();
    bool outer = true;
    for (const OGRLinearRing* r : *poly) {
      CornerRing ring;
      for (const OGRPoint& q : *r)
        ring.push_back({static_cast<std::int32_t>(q.getX()), static_cast<std::int32_t>(q.getY())});
      if (outer)
        p.outer = ring;
      else
        p.holes.push_back(ring);
      outer = false;
    }
    out.push_back(canonical(p));
    OGRFeature::DestroyFeature(f);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(ClassPatches, OneCellIsACounterClockwiseSquare) {
  const std::vector<std::uint8_t> v{0, 0, 0, 0, 3, 0};
  const auto p = class_patches(v, 3, 2);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].value, 3);
  // From the top edge westwards: the cell on the left, counter-clockwise as drawn.
  EXPECT_EQ(p[0].outer, (CornerRing{{2, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 1}}));
  EXPECT_TRUE(p[0].holes.empty());
}

TEST(ClassPatches, EveryCornerOfAStraightEdgeIsKept) {
  const std::vector<std::uint8_t> v{1, 1, 1};
  const auto p = class_patches(v, 3, 1);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].outer,
            (CornerRing{{1, 0}, {0, 0}, {0, 1}, {1, 1}, {2, 1}, {3, 1}, {3, 0}, {2, 0}, {1, 0}}));
}

TEST(ClassPatches, ARingOfCellsHasAHoleRunningClockwise) {
  const std::vector<std::uint8_t> v{2, 2, 2,  //
                                    2, 0, 2,  //
                                    2, 2, 2};
  const auto p = class_patches(v, 3, 3);
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].holes.size(), 1u);
  // From the top edge of the cell below it, westwards: clockwise as drawn.
  EXPECT_EQ(p[0].holes[0], (CornerRing{{2, 2}, {1, 2}, {1, 1}, {2, 1}, {2, 2}}));
}

TEST(ClassPatches, CellsTouchingAtACornerAreTwoPatches) {
  const std::vector<std::uint8_t> v{1, 0,  //
                                    0, 1};
  const auto p = class_patches(v, 2, 2);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].outer.size(), 5u);
  EXPECT_EQ(p[1].outer.size(), 5u);
}

// One patch whose cells also touch at a corner, (1, 0) and (2, 1) at corner
// (1, 2): the 0 between them is a hole whose ring meets the outer ring at
// that corner, and neither ring passes a corner twice (as GDALPolygonize).
TEST(ClassPatches, ADiagonalTouchInsideOnePatchMakesAHoleMeetingTheOuterRing) {
  const std::vector<std::uint8_t> v{1, 1, 1,  //
                                    1, 0, 1,  //
                                    0, 1, 1};
  const auto p = class_patches(v, 3, 3);
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].holes.size(), 1u);
  for (const CornerRing& r : {p[0].outer, p[0].holes[0]}) {
    std::map<std::pair<int, int>, int> seen;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) ++seen[{r[i].x, r[i].y}];
    for (const auto& [corner, n] : seen) EXPECT_EQ(n, 1) << corner.first << "," << corner.second;
  }
  EXPECT_EQ(ours(v, 3, 3), gdal(v, 3, 3));
}

TEST(ClassPatches, NestedPatchesOfOneValueKeepTheirOwnHoles) {
  const std::vector<std::uint8_t> v{1, 1, 1, 1, 1, 1, 1,  //
                                    1, 0, 0, 0, 0, 0, 1,  //
                                    1, 0, 1, 1, 1, 0, 1,  //
                                    1, 0, 1, 0, 1, 0, 1,  //
                                    1, 0, 1, 1, 1, 0, 1,  //
                                    1, 0, 0, 0, 0, 0, 1,  //
                                    1, 1, 1, 1, 1, 1, 1};
  const auto p = class_patches(v, 7, 7);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].holes.size(), 1u);
  EXPECT_EQ(p[1].holes.size(), 1u);
  EXPECT_EQ(p[1].outer.front(), (CellCorner{3, 2}));
  EXPECT_EQ(ours(v, 7, 7), gdal(v, 7, 7));
}

// Random class rasters, blotchy like coverage: the same patches, ring for
// ring, as GDALPolygonize finds.
TEST(ClassPatches, SameRingsAsGdalPolygonizeOnRandomRasters) {
  std::mt19937 rng(14);
  for (int round = 0; round < 200; ++round) {
    const int w = 1 + static_cast<int>(rng() % 70), h = 1 + static_cast<int>(rng() % 50);
    const int values = 1 + static_cast<int>(rng() % 4);
    std::vector<std::uint8_t> v(static_cast<std::size_t>(w) * h);
    for (auto& x : v) x = static_cast<std::uint8_t>(rng() % (values + 1));
    for (int pass = 0; pass < static_cast<int>(rng() % 3);
         ++pass)  // smooth: each cell takes a neighbour's value
      for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
          if (rng() % 2) {
            const int rr = std::clamp(r + static_cast<int>(rng() % 3) - 1, 0, h - 1);
            const int cc = std::clamp(c + static_cast<int>(rng() % 3) - 1, 0, w - 1);
            v[static_cast<std::size_t>(r) * w + c] = v[static_cast<std::size_t>(rr) * w + cc];
          }
    ASSERT_EQ(ours(v, w, h), gdal(v, w, h)) << "round " << round << ", " << w << " x " << h;
  }
}

TEST(ClassPatches, RefusesValuesOfTheWrongSize) {
  const std::vector<std::uint8_t> v(5, 1);
  EXPECT_THROW(class_patches(v, 2, 2), std::invalid_argument);
  EXPECT_TRUE(class_patches({}, 0, 0).empty());
}
