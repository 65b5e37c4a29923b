// Threat paths: great-circle legs, constant ground speed, height profiles.

#include "adcov/engage/trajectory.hpp"

#include <gtest/gtest.h>

#include <string>

#include "adcov/error.hpp"

namespace adcov::engage {
namespace {

model::ThreatType threat(model::ThreatClass cls, double speed, double alt) {
  model::ThreatType t;
  t.id = "t";
  t.cls = cls;
  t.speed_mps = speed;
  t.altitude_m = alt;
  return t;
}

TEST(Trajectory, FollowsWaypointsAtConstantGroundSpeed) {
  const geo::LonLat a{30, 50}, w{31, 50}, b{31, 51};
  const Trajectory tr = make_trajectory(threat(model::ThreatClass::drone, 50, 100), a, {w}, b);
  const double leg1 = geo::distance_m(a, w), leg2 = geo::distance_m(w, b);
  EXPECT_DOUBLE_EQ(tr.length_m(), leg1 + leg2);
  EXPECT_DOUBLE_EQ(tr.duration_s(), (leg1 + leg2) / 50);
  // At the waypoint's distance the position is the waypoint (1 mm).
  EXPECT_NEAR(geo::distance_m(position_at(tr, leg1), w), 0.0, 1e-3);
  EXPECT_NEAR(geo::distance_m(position_at(tr, 0), a), 0.0, 1e-3);
  EXPECT_NEAR(geo::distance_m(position_at(tr, tr.length_m()), b), 0.0, 1e-3);
  // Halfway along the second leg: the great-circle midpoint of w and b.
  EXPECT_NEAR(geo::distance_m(position_at(tr, leg1 + leg2 / 2), geo::interpolate(w, b, 0.5)), 0.0,
              1e-3);
}

TEST(Trajectory, DronesAndCruiseMissilesHoldTheirHeightAboveGround) {
  const Trajectory tr =
      make_trajectory(threat(model::ThreatClass::cruise, 250, 60), {30, 50}, {}, {31, 50});
  for (double f : {0.0, 0.3, 1.0}) EXPECT_EQ(height_agl_m(tr, f * tr.length_m()), 60.0);
}

TEST(Trajectory, BallisticArcPeaksAtApogeeMidway) {
  const Trajectory tr =
      make_trajectory(threat(model::ThreatClass::ballistic, 2000, 50000), {36, 50}, {}, {31, 50});
  const double L = tr.length_m();
  EXPECT_EQ(height_agl_m(tr, 0), 0.0);
  EXPECT_EQ(height_agl_m(tr, L), 0.0);
  EXPECT_DOUBLE_EQ(height_agl_m(tr, L / 2), 50000.0);
  // h = 4 H x (1 - x): at x = 0.9, 0.36 H.
  EXPECT_NEAR(height_agl_m(tr, 0.9 * L), 0.36 * 50000, 1e-6);
}

// Bad input, so InputError (exit code 2), with a message naming the threat.
TEST(Trajectory, RejectsZeroSpeedAsInputErrorNamingTheThreat) {
  try {
    make_trajectory(threat(model::ThreatClass::drone, 0, 100), {30, 50}, {}, {31, 50});
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("threat 't'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace adcov::engage
