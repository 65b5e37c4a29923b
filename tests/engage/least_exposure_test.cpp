// Least-exposure routes on flat ground (docs/engagement.md, "Least-exposure
// routes"): one engagement disc astride the straight line is flown round
// when the detour limit allows and through when it does not, and the
// Monte Carlo's interception rate follows (about 0, about pk); routes never
// break the limit; the same routes for any thread count.

#include "adcov/engage/least_exposure.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <numbers>

#include "engage_fixtures.hpp"

namespace adcov::engage {
namespace {

using model::ThreatClass;
using test::battery_at;
using test::flat_terrain;
using test::kBattery;
using test::over_battery;
using test::sam;
using test::scenario_with;
using test::threat;
using test::tol5;

constexpr double kPk = 0.9;
constexpr double kRangeKm = 20;

// A drone salvo flying over one SAM (range 20 km, pk 0.9, one shot, one
// engagement) from 100 km south of it to 100 km north, with a route to plan.
model::Scenario disc_astride(double max_detour) {
  model::Salvo w = over_battery("w", "drone", 10, 1000);
  w.route_kind = model::RouteKind::least_exposure;
  w.max_detour = max_detour;
  return scenario_with({sam("sam", kRangeKm, kPk)}, {battery_at("b", "sam", kBattery)},
                       {threat("drone", ThreatClass::drone, 50, 100)}, {w});
}

model::Scenario planned(model::Scenario s) {
  const geo::TerrainGrid t = flat_terrain();
  plan_routes(s, t, coverage::prepare_batteries(s, t));
  return s;
}

// The closest the route of salvo 0 comes to the battery, sampled every 100 m.
double closest_approach_m(const model::Scenario& s) {
  const model::Salvo& v = s.salvos[0];
  std::vector<geo::LonLat> pts{*v.launch};
  pts.insert(pts.end(), v.planned[0].waypoints.begin(), v.planned[0].waypoints.end());
  pts.push_back(v.targets[0].at);
  double best = 1e300;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const int n = static_cast<int>(geo::distance_m(pts[i - 1], pts[i]) / 100) + 1;
    for (int k = 0; k <= n; ++k)
      best = std::min(best, geo::distance_m(kBattery, geo::interpolate(pts[i - 1], pts[i], double(k) / n)));
  }
  return best;
}

TEST(LeastExposure, CrossingKillProbabilityCountsShotsAndEngagements) {
  auto sys = sam("sam", kRangeKm, 0.3);
  const auto drone = threat("drone", ThreatClass::drone, 50, 100);
  EXPECT_NEAR(crossing_kill_probability(sys, drone), 0.3, 1e-15);
  sys.doctrine = {2, 2};  // 40 km at 50 m/s is 800 s, time of flight 10 s: both engagements fit
  EXPECT_NEAR(crossing_kill_probability(sys, drone), 1 - std::pow(0.7, 4), 1e-15);
  sys.reaction_s = 801;  // through before the first launch
  EXPECT_EQ(crossing_kill_probability(sys, drone), 0);
  sys.reaction_s = 0;
  sys.role = model::Role::sensor;
  EXPECT_EQ(crossing_kill_probability(sys, drone), 0);
}

TEST(LeastExposure, FieldChargesTheFirstEngagementOnEntryAndTheRestAlongTheZone) {
  model::Scenario s = disc_astride(1.5);
  s.systems["sam"].pk = {0.3, 0.3, 0.3};
  s.systems["sam"].doctrine = {1, 3};  // 40 km at 50 m/s is 800 s, time of flight 10 s: three engagements fit
  const geo::TerrainGrid t = flat_terrain();
  const ExposureField f = exposure_field(s, s.threats.at("drone"), t, coverage::prepare_batteries(s, t));
  const geo::XY b = geo::project(t.grid.projection, kBattery);
  ASSERT_EQ(f.entry.size(), 1u);
  EXPECT_NEAR(f.entry[0], -std::log(0.7), 1e-12);  // the first engagement
  const double rate = -2 * std::log(0.7) / (2 * kRangeKm * 1000);  // the other two, along the diameter
  EXPECT_NEAR(f.at(b), rate, rate * 1e-6);
  EXPECT_NEAR(f.at({b.x_m + 15000, b.y_m}), rate, rate * 1e-6);
  EXPECT_EQ(f.zones_at({b.x_m + 15000, b.y_m}), ZoneSet{1});
  EXPECT_EQ(f.at({b.x_m + 25000, b.y_m}), 0);
  EXPECT_EQ(f.zones_at({b.x_m + 25000, b.y_m}), ZoneSet{0});
  // Straight through the middle: the crossing's kill probability, 1 - 0.7^3.
  const geo::LonLat from = *s.salvos[0].launch, to = s.salvos[0].targets[0].at;
  EXPECT_NEAR(route_kill_probability(f, {from, to}), 1 - std::pow(0.7, 3), 0.01);
}

TEST(LeastExposure, AChordThroughTheZoneEdgeStillCostsOneEngagement) {
  // One engagement per crossing (the fixture's doctrine): all of it is charged on entry, so a chord 15 km off
  // the battery (26 km inside the zone, 9 minutes for a drone) costs pk, as the trials find, not a share of it.
  const model::Scenario s = disc_astride(1.5);
  const geo::TerrainGrid t = flat_terrain();
  const ExposureField f = exposure_field(s, s.threats.at("drone"), t, coverage::prepare_batteries(s, t));
  EXPECT_NEAR(f.entry.at(0), -std::log(1 - kPk), 1e-12);
  EXPECT_EQ(f.at(geo::project(t.grid.projection, kBattery)), 0);
  const double dlon = 15000 / (geo::kEarthRadiusM * std::cos(kBattery.lat_deg * std::numbers::pi / 180)) * 180 / std::numbers::pi;
  const geo::LonLat from{kBattery.lon_deg + dlon, 49.6}, to{kBattery.lon_deg + dlon, 51.4};
  EXPECT_NEAR(route_kill_probability(f, {from, to}), kPk, 1e-9);
  model::Scenario chord = s;
  chord.salvos[0].route_kind = model::RouteKind::waypoints;
  chord.salvos[0].launch = from;
  chord.salvos[0].targets[0].at = to;
  const SimulationResult sim = test::run(chord, 3000);
  EXPECT_NEAR(sim.overall.interception_rate, kPk, tol5(kPk, 30000));
}

TEST(LeastExposure, GoesRoundTheDiscWhenTheDetourAllowsAndNothingIsIntercepted) {
  const model::Scenario s = planned(disc_astride(1.5));
  const model::PlannedRoute& r = s.salvos[0].planned.at(0);
  EXPECT_FALSE(r.waypoints.empty());
  EXPECT_LT(r.kill_probability, 0.01);
  EXPECT_GE(closest_approach_m(s), kRangeKm * 1000 - 500);  // outside the disc, to a cell
  EXPECT_LE(r.length_m, 1.5 * r.great_circle_m);
  EXPECT_LT(r.length_m, 1.1 * r.great_circle_m);  // and no wider than it must be
  const SimulationResult sim = test::run(s, 500);
  EXPECT_LT(sim.overall.interception_rate, 0.01);
}

TEST(LeastExposure, FliesThroughWhenTheDetourDoesNotAllowAndPkIsIntercepted) {
  const model::Scenario s = planned(disc_astride(1.0));
  const model::PlannedRoute& r = s.salvos[0].planned.at(0);
  EXPECT_TRUE(r.waypoints.empty());  // the great circle
  EXPECT_NEAR(r.kill_probability, kPk, 0.01);
  const SimulationResult sim = test::run(s, 3000);  // n = 30000, 5 sigma = 0.009
  EXPECT_NEAR(sim.overall.interception_rate, kPk, tol5(kPk, 30000));
}

TEST(LeastExposure, NeverLongerThanTheDetourLimit) {
  for (double detour : {1.0, 1.002, 1.005, 1.01, 1.02, 1.1, 1.5, 3.0}) {
    const model::Scenario s = planned(disc_astride(detour));
    const model::PlannedRoute& r = s.salvos[0].planned.at(0);
    EXPECT_LE(r.length_m, detour * r.great_circle_m * (1 + 1e-12)) << "max_detour " << detour;
    EXPECT_NEAR(r.great_circle_m, geo::distance_m(*s.salvos[0].launch, s.salvos[0].targets[0].at), 1e-6);
  }
}

TEST(LeastExposure, TighterLimitsNeverLowerTheKillProbability) {
  double last = 1;
  for (double detour : {1.0, 1.002, 1.005, 1.01, 1.02, 1.5}) {
    const double p = planned(disc_astride(detour)).salvos[0].planned.at(0).kill_probability;
    EXPECT_LE(p, last + 1e-9) << "max_detour " << detour;
    last = p;
  }
}

TEST(LeastExposure, TheSameRoutesForAnyThreadCount) {
  model::Scenario s = disc_astride(1.3);
  s.systems["sam"].engagement.max_range_km = 35;
  s.batteries.push_back(battery_at("b2", "sam", {30.2, 50.2}));
  s.salvos[0].targets.push_back({{30.9, 51.3}, 1.0});
  model::Salvo w2 = s.salvos[0];
  w2.id = "w2";
  w2.launch = geo::LonLat{29.6, 49.7};
  s.salvos.push_back(w2);
  const auto plan_with = [&](int threads) {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
    return planned(s);
  };
  const model::Scenario one = plan_with(1), two = plan_with(2);
  for (std::size_t i = 0; i < one.salvos.size(); ++i) {
    ASSERT_EQ(one.salvos[i].planned.size(), 2u);
    for (std::size_t j = 0; j < 2; ++j) {
      const auto& a = one.salvos[i].planned[j];
      const auto& b = two.salvos[i].planned[j];
      EXPECT_EQ(a.kill_probability, b.kill_probability);
      ASSERT_EQ(a.waypoints.size(), b.waypoints.size());
      for (std::size_t k = 0; k < a.waypoints.size(); ++k) {
        EXPECT_EQ(a.waypoints[k].lon_deg, b.waypoints[k].lon_deg);
        EXPECT_EQ(a.waypoints[k].lat_deg, b.waypoints[k].lat_deg);
      }
    }
  }
}

}  // namespace
}  // namespace adcov::engage
