// The grid's transformations to WGS84 and to a DEM, given to PROJ as its own
// pipeline (gdal::grid_to_wgs84) instead of found in its database: the same
// numbers as the operation PROJ finds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::geo {
namespace {

struct Points {
  std::vector<double> x, y;
};

/// A lattice over a national-size grid, 600 km each way of its centre.
Points lattice() {
  Points p;
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j) p.x.push_back(-600e3 + i * 30011.7), p.y.push_back(-600e3 + j * 29987.3);
  return p;
}

Points moved(Points p, OGRCoordinateTransformation& t) {
  std::vector<int> ok(p.x.size(), 0);
  EXPECT_TRUE(t.Transform(static_cast<int>(p.x.size()), p.x.data(), p.y.data(), nullptr, nullptr, ok.data()));
  EXPECT_TRUE(std::all_of(ok.begin(), ok.end(), [](int v) { return v != 0; }));
  return p;
}

const GridSpec kGrid = make_grid_xy(Laea{{31.2, 48.4}}, -650e3, -650e3, 650e3, 650e3, 1000);

TEST(GridTransform, GridToWgs84IsTheOperationProjFinds) {
  const Points ours = moved(lattice(), *gdal::grid_to_wgs84(kGrid));
  const Points proj = moved(lattice(), *gdal::transform(gdal::grid_srs(kGrid), gdal::wgs84()));
  EXPECT_EQ(ours.x, proj.x);  // bit for bit
  EXPECT_EQ(ours.y, proj.y);
  // Lon/lat in that order, as geo::unproject gives them.
  const Points grid = lattice();
  for (std::size_t k = 0; k < grid.x.size(); ++k) {
    const LonLat ll = unproject(kGrid.projection, {grid.x[k], grid.y[k]});
    EXPECT_NEAR(ours.x[k], ll.lon_deg, 1e-9);
    EXPECT_NEAR(ours.y[k], ll.lat_deg, 1e-9);
  }
}

TEST(GridTransform, Wgs84ToGridIsTheOperationProjFinds) {
  const Points lonlat = moved(lattice(), *gdal::grid_to_wgs84(kGrid));
  const Points ours = moved(lonlat, *gdal::wgs84_to_grid(kGrid));
  const Points proj = moved(lonlat, *gdal::transform(gdal::wgs84(), gdal::grid_srs(kGrid)));
  EXPECT_EQ(ours.x, proj.x);  // bit for bit
  EXPECT_EQ(ours.y, proj.y);
  for (std::size_t k = 0; k < ours.x.size(); ++k) {
    const XY q = project(kGrid.projection, {lonlat.x[k], lonlat.y[k]});
    EXPECT_NEAR(ours.x[k], q.x_m, 1e-6);
    EXPECT_NEAR(ours.y[k], q.y_m, 1e-6);
  }
}

TEST(GridTransform, GridToAUtmDemIsWithinANanometreOfProjsOneOperation) {
  // Through WGS84 lon/lat in degrees: the radians-degrees-radians round trip
  // moves a point by a few ulps, nothing more.
  const OGRSpatialReference utm = gdal::srs("EPSG:32636");
  const Points ours = moved(lattice(), *gdal::grid_to_dem(kGrid, utm));
  const Points proj = moved(lattice(), *gdal::transform(gdal::grid_srs(kGrid), utm));
  for (std::size_t k = 0; k < ours.x.size(); ++k) {
    EXPECT_NEAR(ours.x[k], proj.x[k], 1e-8);
    EXPECT_NEAR(ours.y[k], proj.y[k], 1e-8);
  }
}

}  // namespace
}  // namespace adcov::geo
