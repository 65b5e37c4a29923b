// The LAEA projection against its own inverse and against PROJ (via OSR).
#include "adcov/geo/grid.hpp"

#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include <cmath>

namespace adcov::geo {
namespace {

TEST(Laea, ForwardThenInverseReturnsThePoint) {
  const Laea p{{31.0, 48.5}};
  for (double dlon = -15; dlon <= 15; dlon += 2.5)
    for (double dlat = -10; dlat <= 10; dlat += 2.5) {
      const LonLat ll{31.0 + dlon, 48.5 + dlat};
      const LonLat back = unproject(p, project(p, ll));
      // Double-precision trig round trip: ~1e-15 rad, i.e. 1e-12 deg is generous.
      EXPECT_NEAR(back.lon_deg, ll.lon_deg, 1e-9);
      EXPECT_NEAR(back.lat_deg, ll.lat_deg, 1e-9);
    }
  const XY c = project(p, p.origin);
  EXPECT_NEAR(c.x_m, 0, 1e-9);
  EXPECT_NEAR(c.y_m, 0, 1e-9);
}

TEST(Laea, AgreesWithProjThroughProjString) {
  const Laea p{{22.25, 40.5}};
  OGRSpatialReferenceH ll = OSRNewSpatialReference(nullptr), la = OSRNewSpatialReference(nullptr);
  ASSERT_EQ(OSRSetFromUserInput(ll, "+proj=longlat +R=6371000 +no_defs"), OGRERR_NONE);
  ASSERT_EQ(OSRSetFromUserInput(la, proj_string(p).c_str()), OGRERR_NONE);
  OSRSetAxisMappingStrategy(ll, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(la, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH t = OCTNewCoordinateTransformation(ll, la);
  ASSERT_NE(t, nullptr);
  for (double dlon = -12; dlon <= 12; dlon += 3)
    for (double dlat = -8; dlat <= 8; dlat += 2) {
      double x = p.origin.lon_deg + dlon, y = p.origin.lat_deg + dlat;
      const XY ours = project(p, {x, y});
      ASSERT_TRUE(OCTTransform(t, 1, &x, &y, nullptr));
      // Same sphere, same formulas: agreement to PROJ's own rounding, far below a millimetre.
      EXPECT_NEAR(ours.x_m, x, 1e-3);
      EXPECT_NEAR(ours.y_m, y, 1e-3);
    }
  OCTDestroyCoordinateTransformation(t);
  OSRRelease(ll);
  OSRRelease(la);
}

TEST(Laea, CellsAreEqualArea) {
  // Equal-area: a small lon/lat quad has the same projected area as on the
  // sphere, R^2 dlon (sin lat2 - sin lat1), at any latitude.
  const Laea p{{30.0, 48.0}};
  for (double lat : {44.0, 48.0, 52.0}) {
    const double d = 0.01;
    const XY a = project(p, {33.0, lat}), b = project(p, {33.0 + d, lat}), c = project(p, {33.0 + d, lat + d}),
             e = project(p, {33.0, lat + d});
    const double area = 0.5 * std::abs((a.x_m * b.y_m - b.x_m * a.y_m) + (b.x_m * c.y_m - c.x_m * b.y_m) +
                                       (c.x_m * e.y_m - e.x_m * c.y_m) + (e.x_m * a.y_m - a.x_m * e.y_m));
    const double sphere = kEarthRadiusM * kEarthRadiusM * d * kDegToRad *
                          (std::sin((lat + d) * kDegToRad) - std::sin(lat * kDegToRad));
    // The quad's edges are slightly curved in the plane: 1e-5 relative at 0.01 deg.
    EXPECT_NEAR(area / sphere, 1.0, 1e-5) << lat;
  }
}

TEST(Grid, CoversTheBboxWithSnappedEdges) {
  const GridSpec g = make_grid(29.5, 49.8, 31.5, 51.0, 250.0, 1000.0);
  EXPECT_EQ(std::fmod(g.x0_m, 250.0), 0.0);
  EXPECT_EQ(std::fmod(g.y0_m, 250.0), 0.0);
  for (LonLat ll : {LonLat{29.5, 49.8}, LonLat{31.5, 51.0}, LonLat{29.5, 51.0}, LonLat{31.5, 49.8}}) {
    const XY q = project(g.projection, ll);
    EXPECT_GE(g.col_of(q.x_m), 4.0);  // the 1 km margin is 4 cells
    EXPECT_LE(g.col_of(q.x_m), g.width - 4.0);
    EXPECT_GE(g.row_of(q.y_m), 4.0);
    EXPECT_LE(g.row_of(q.y_m), g.height - 4.0);
  }
}

}  // namespace
}  // namespace adcov::geo
