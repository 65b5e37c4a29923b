// Electronic warfare and decoys (docs/model.md, "Electronic warfare",
// "Decoys"): closed forms through the real battle on flat ground.
// Statistical tolerances: 5 standard errors (engage_fixtures.hpp tol5).

#include <gtest/gtest.h>

#include <cmath>

#include "adcov/engage/ew_zones.hpp"
#include "adcov/engage/simulation.hpp"
#include "engage_fixtures.hpp"

namespace adcov::engage {
namespace {

using model::ThreatClass;
using test::battery_at;
using test::kBattery;
using test::over_battery;
using test::run;
using test::sam;
using test::scenario_with;
using test::threat;
using test::tol5;

/// A GNSS-denial zone of radius 10 km centred on the drones' meridian at `lat`.
model::EwZone zone(const std::string& id, double lat, double strength) {
  model::EwZone z;
  z.id = id;
  z.center = {kBattery.lon_deg, lat};
  z.radius_km = 10;
  z.strength = strength;
  return z;
}

model::ThreatType susceptible_drone(double susceptibility) {
  auto t = threat("drone", ThreatClass::drone, 50, 100);
  t.gnss_susceptibility = susceptibility;
  return t;
}

TEST(EwZones, EntryIsWhereThePathFirstComesWithinTheRadius) {
  const auto t = susceptible_drone(0.5);
  const Trajectory tr = make_trajectory(t, {30.5, 49.6}, {}, {30.5, 51.4});
  const std::vector<model::EwZone> zones = {zone("far", 50.9, 1), zone("near", 50.0, 1), zone("off", 50.0, 1)};
  std::vector<model::EwZone> z = zones;
  z[2].center = {32.0, 50.0};  // 107 km east of the path: never entered
  const auto entries = zone_entries(tr, z);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].zone, 1u);  // by time: the near one first
  EXPECT_EQ(entries[1].zone, 0u);
  // Entry 10 km before the centre: (distance launch -> centre - 10 km) / speed, to 1 m of path.
  const double d_m = geo::distance_m({30.5, 49.6}, {30.5, 50.0});
  EXPECT_NEAR(entries[0].t_s, (d_m - 10000.0) / 50.0, 1.0 / 50.0 + 1e-9);
}

TEST(ElectronicWarfare, OneZoneLosesStrengthTimesSusceptibility) {
  const auto s = [] {
    auto sc = scenario_with({}, {}, {susceptible_drone(0.5)}, {over_battery("w", "drone", 20, 100)});
    sc.ew = {zone("z", 50.5, 0.8)};
    return sc;
  }();
  const int trials = 500;
  const auto r = run(s, trials);
  const double p = 0.8 * 0.5, n = trials * 20.0;
  EXPECT_NEAR(r.overall.lost_ew_rate, p, tol5(p, n));
  EXPECT_EQ(r.overall.interception_rate, 0.0);
  // Lost threats are not leakers: everything launched is lost or leaked.
  EXPECT_NEAR(r.overall.lost_ew_mean + r.overall.leaked_warheads_mean, 20.0, 1e-9);
  EXPECT_EQ(r.overall.neutralized_rate, r.overall.lost_ew_rate);
  double leaked = 0;
  for (const auto& l : r.leakers_by_target) leaked += l.mean;
  EXPECT_NEAR(leaked + r.overall.lost_ew_mean, 20.0, 1e-9);
}

TEST(ElectronicWarfare, TwoZonesInSeriesLoseOneMinusTheSquareOfTheSurvival) {
  auto s = scenario_with({}, {}, {susceptible_drone(0.6)}, {over_battery("w", "drone", 20, 100)});
  s.ew = {zone("z1", 50.0, 0.5), zone("z2", 51.0, 0.5)};
  const int trials = 500;
  const double p = 0.5 * 0.6, both = 1 - (1 - p) * (1 - p);
  EXPECT_NEAR(run(s, trials).overall.lost_ew_rate, both, tol5(both, trials * 20.0));
}

TEST(ElectronicWarfare, APathThatMissesTheZoneIsNeverLost) {
  auto s = scenario_with({}, {}, {susceptible_drone(1.0)}, {over_battery("w", "drone", 20, 100)});
  model::EwZone off = zone("off", 50.5, 1.0);
  off.center = {31.5, 50.5};  // 71 km east of the path, radius 10 km
  s.ew = {off};
  const auto r = run(s, 50);
  EXPECT_EQ(r.overall.lost_ew_mean, 0.0);
  EXPECT_EQ(r.overall.leaked_warheads_mean, 20.0);
}

TEST(ElectronicWarfare, ABatteryBehindTheZoneSeesOnlyTheSurvivors) {
  // A zone 60 km before a pk-1 SAM: every drone the zone does not take, the
  // SAM kills; none leaks, and the interceptions are exactly the survivors.
  auto sys = sam("sam", 20, 1.0);
  sys.doctrine.max_engagements = 1;
  auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)}, {susceptible_drone(0.5)},
                         {over_battery("w", "drone", 20, 100)});
  s.ew = {zone("z", 49.95, 1.0)};
  const int trials = 400;
  const auto r = run(s, trials);
  EXPECT_NEAR(r.overall.lost_ew_rate, 0.5, tol5(0.5, trials * 20.0));
  EXPECT_NEAR(r.overall.intercepted_mean + r.overall.lost_ew_mean, 20.0, 1e-9);
  EXPECT_EQ(r.overall.leaked_warheads_mean, 0.0);
  EXPECT_EQ(r.overall.neutralized_rate, 1.0);
  // Only survivors drew fire: one interceptor each.
  EXPECT_NEAR(r.interceptors_fired.at("sam"), r.overall.intercepted_mean, 1e-9);
}

TEST(ElectronicWarfare, ALostThreatIsNeverAKillOrALeaker) {
  // The zone covers the SAM and the target: every drone is lost on entry,
  // 10 km out, before any interceptor (launched at 20 km) arrives. The shots
  // are spent; nothing is killed and nothing leaks.
  auto sys = sam("sam", 20, 1.0);
  sys.interceptor.speed_mps = 50;  // slow enough to arrive after the loss
  auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)}, {susceptible_drone(1.0)},
                         {over_battery("w", "drone", 5, 1000)});
  s.salvos[0].targets = {{kBattery, 1.0}};
  s.ew = {zone("z", kBattery.lat_deg, 1.0)};
  const auto r = run(s, 20);
  EXPECT_EQ(r.overall.lost_ew_mean, 5.0);
  EXPECT_EQ(r.overall.intercepted_mean, 0.0);
  EXPECT_EQ(r.overall.leaked_warheads_mean, 0.0);
  EXPECT_GT(r.interceptors_fired.at("sam"), 0.0);  // fired before the loss, spent
  for (const auto& l : r.leakers_by_target) EXPECT_EQ(l.mean, 0.0);
}

TEST(Decoys, ADecoyIsNotEngagedAfterItsDiscriminationTime) {
  // A decoy crossing a 20 km SAM (400 s in the envelope, tracked on entry).
  // Never discriminated: engaged and killed (pk 1). Recognised at once: never
  // engaged. Recognised after 600 s: the windows close first, as never.
  auto sys = sam("sam", 20, 1.0);
  sys.doctrine.max_engagements = 1;
  auto decoy = threat("gerbera", ThreatClass::drone, 50, 100);
  decoy.decoy = true;
  auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)}, {decoy}, {over_battery("w", "gerbera", 5, 1000)});
  const auto never = run(s, 10);
  EXPECT_EQ(never.overall.interception_rate, 1.0);
  EXPECT_EQ(never.overall.interceptors_on_decoys_mean, 5.0);
  EXPECT_EQ(never.overall.leaked_warheads_mean, 0.0);  // decoys carry none
  s.systems["sam"].decoy_discrimination_s = 0.0;
  const auto at_once = run(s, 10);
  EXPECT_EQ(at_once.overall.interception_rate, 0.0);
  EXPECT_EQ(at_once.overall.interceptors_on_decoys_mean, 0.0);
  EXPECT_EQ(at_once.overall.leaked_warheads_mean, 0.0);
  // With a 60 s reaction the SAM is ready 60 s after its track: recognising
  // the decoy 30 s after the track stops it first, 90 s after does not.
  s.systems["sam"].reaction_s = 60;
  s.systems["sam"].decoy_discrimination_s = 30.0;
  EXPECT_EQ(run(s, 10).overall.interception_rate, 0.0);
  s.systems["sam"].decoy_discrimination_s = 90.0;
  EXPECT_EQ(run(s, 10).overall.interception_rate, 1.0);
}

TEST(Decoys, UnderIntegratedARecognisedDecoyIsRecognisedNetworkWide) {
  // Battery a (first on the path) recognises decoys at once; battery b
  // (further on, never discriminates alone) engages them autonomously but
  // not under integrated C2, where a's recognition is everyone's.
  auto fast = sam("fast", 20, 1.0);
  fast.decoy_discrimination_s = 0.0;
  auto slow = sam("slow", 20, 1.0);
  auto decoy = threat("gerbera", ThreatClass::drone, 50, 100);
  decoy.decoy = true;
  auto s = scenario_with({fast, slow}, {battery_at("a", "fast", {30.5, 50.0}), battery_at("b", "slow", kBattery)},
                         {decoy}, {over_battery("w", "gerbera", 5, 1000)});
  EXPECT_EQ(run(s, 10).overall.interception_rate, 1.0);
  s.c2.mode = model::C2Mode::integrated;
  EXPECT_EQ(run(s, 10).overall.interception_rate, 0.0);
}

}  // namespace
}  // namespace adcov::engage
