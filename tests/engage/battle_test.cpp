// The battle's logic on hand-built windows (no terrain, no geometry):
// closed-form kill probabilities, exact counts for magazines and fire
// channels, and the assignment policy.
//
// Statistical tolerances: an estimate of a probability p from n independent
// Bernoulli draws has standard error sqrt(p (1-p) / n); the tests allow
// 5 standard errors (two-sided false-failure rate 6e-7 per check).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "adcov/engage/battle.hpp"

namespace adcov::engage {
namespace {

using model::ThreatClass;

/// A window of battery `b` from t_in to t_out (s since launch), ready at
/// t_ready, at constant slant range `slant_m`.
void add_window(PathWindows& p, std::uint32_t b, double t_in, double t_ready, double t_out,
                double slant_m) {
  Window w;
  w.battery = b;
  w.t_in_s = t_in;
  w.t_ready_s = t_ready;
  w.t_out_s = t_out;
  w.range_begin = static_cast<std::uint32_t>(p.ranges.size());
  p.ranges.push_back({static_cast<float>(t_in), static_cast<float>(slant_m)});
  p.ranges.push_back({static_cast<float>(t_out), static_cast<float>(slant_m)});
  w.range_end = static_cast<std::uint32_t>(p.ranges.size());
  // Slots: one per distinct battery, in order of first appearance.
  std::uint32_t slot = 0;
  bool found = false;
  for (const Window& o : p.windows)
    if (o.battery == b) slot = o.slot, found = true;
  if (!found) slot = p.slots++;
  w.slot = slot;
  p.windows.push_back(w);
  std::stable_sort(p.windows.begin(), p.windows.end(),
                   [](const Window& a, const Window& b) { return a.t_ready_s < b.t_ready_s; });
}

BattleBattery battery(double pk, int magazine = 1000, int channels = 1) {
  BattleBattery b;
  b.fire_channels = channels;
  b.magazine = magazine;
  b.reload_s = 0;
  b.interceptor_speed_mps = 1000;
  b.interceptor_cost_usd = 1000;
  b.pk = {pk, pk, pk};
  return b;
}

/// A plan with one salvo of `count` threats of class `cls`, launched every
/// `interval_s`, all flying `path` (duration 1000 s) to one target.
BattlePlan plan_with(std::vector<BattleBattery> batteries, PathWindows path, int count,
                     double interval_s, ThreatClass cls = ThreatClass::drone) {
  BattlePlan plan;
  plan.batteries = std::move(batteries);
  path.duration_s = 1000;
  plan.paths.push_back(std::move(path));
  BattleSalvo s;
  s.cls = cls;
  s.target_cdf = {1.0};
  s.target_ids = {0};
  plan.salvos.push_back(s);
  plan.targets = 1;
  for (int i = 0; i < count; ++i) plan.threats.push_back({i * interval_s, 0});
  return plan;
}

struct Totals {
  std::int64_t intercepted = 0, threats = 0;
  std::vector<std::int64_t> fired;
  double rate() const { return static_cast<double>(intercepted) / static_cast<double>(threats); }
};

Totals run_trials(const BattlePlan& plan, int trials, const BattleParams& params = {},
                  std::uint64_t seed = 7) {
  Totals t;
  t.fired.assign(plan.batteries.size(), 0);
  BattleScratch scratch;
  BattleTally tally;
  const std::vector<std::uint8_t> all(plan.batteries.size(), 1);
  for (int i = 0; i < trials; ++i) {
    run_battle(plan, TrialStream::of(seed, static_cast<std::uint64_t>(i)), all, params, scratch, tally);
    t.intercepted += tally.intercepted();
    t.threats += static_cast<std::int64_t>(plan.threats.size());
    for (std::size_t b = 0; b < t.fired.size(); ++b) t.fired[b] += tally.fired_by_battery[b];
  }
  return t;
}

/// 5 standard errors of a proportion p estimated from n draws.
double tol5(double p, std::int64_t n) { return 5.0 * std::sqrt(p * (1 - p) / static_cast<double>(n)); }

// Threats 100 s apart, each in the window for 50 s, a time of flight of 5 s:
// every threat is engaged once, alone; the draws are independent.
PathWindows single_window(std::uint32_t b = 0) {
  PathWindows p;
  add_window(p, b, 10, 10, 60, 5000);
  return p;
}

TEST(Battle, OneShotKillsWithPk) {
  const double pk = 0.3;
  const auto plan = plan_with({battery(pk)}, single_window(), 20, 100);
  const Totals t = run_trials(plan, 5000);  // n = 100000 threats, 5 sigma = 0.0072
  EXPECT_NEAR(t.rate(), pk, tol5(pk, t.threats));
  EXPECT_EQ(t.fired[0], t.threats);  // one interceptor per threat
}

TEST(Battle, SalvoOfKShotsKillsWithOneMinusMissToTheK) {
  const double pk = 0.3;
  auto b = battery(pk);
  b.shots_per_engagement = 3;
  const auto plan = plan_with({b}, single_window(), 20, 100);
  const Totals t = run_trials(plan, 5000);
  const double expect = 1 - std::pow(1 - pk, 3);  // 0.657
  EXPECT_NEAR(t.rate(), expect, tol5(expect, t.threats));
  EXPECT_EQ(t.fired[0], 3 * t.threats);
}

TEST(Battle, ShootLookShootGivesTwoChancesWhenTimeAllows) {
  const double pk = 0.4;
  auto b = battery(pk);
  b.max_engagements = 2;
  // tof 5 s; window 50 s: the second interceptor (fired at 15 s) arrives at 20 s.
  const auto plan = plan_with({b}, single_window(), 20, 100);
  const Totals t = run_trials(plan, 5000);
  const double expect = 1 - (1 - pk) * (1 - pk);  // 0.64
  EXPECT_NEAR(t.rate(), expect, tol5(expect, t.threats));
  // Interceptors: 1 + (1 - pk) per threat on average.
  const double fired_per_threat = static_cast<double>(t.fired[0]) / static_cast<double>(t.threats);
  EXPECT_NEAR(fired_per_threat, 2 - pk, tol5(pk, t.threats));
}

TEST(Battle, ShootLookShootGivesOneChanceWhenTheLookComesTooLate) {
  const double pk = 0.4;
  auto b = battery(pk);
  b.max_engagements = 2;
  // Window 10..18 s, tof 5 s: first hit at 15 s, a second would land at 20 s > 18 s.
  PathWindows p;
  add_window(p, 0, 10, 10, 18, 5000);
  const auto plan = plan_with({b}, p, 20, 100);
  const Totals t = run_trials(plan, 5000);
  EXPECT_NEAR(t.rate(), pk, tol5(pk, t.threats));
  EXPECT_EQ(t.fired[0], t.threats);  // the battery does not fire a shot that cannot arrive in time
}

TEST(Battle, LookTimeDelaysTheSecondShot) {
  auto b = battery(0.4);
  b.max_engagements = 2;
  PathWindows p;
  add_window(p, 0, 10, 10, 25, 5000);  // two engagements fit (hits at 15 and 20 s)...
  const auto plan = plan_with({b}, p, 20, 100);
  BattleParams slow;
  slow.look_s = 6;  // ...but not with a 6 s kill assessment (second hit at 15 + 6 + 5 = 26 s)
  const Totals fast = run_trials(plan, 2000);
  const Totals late = run_trials(plan, 2000, slow);
  EXPECT_NEAR(fast.rate(), 0.64, tol5(0.64, fast.threats));
  EXPECT_NEAR(late.rate(), 0.4, tol5(0.4, late.threats));
}

TEST(Battle, TwoBatteriesInSeriesCombineIndependently) {
  const double p1 = 0.3, p2 = 0.5;
  PathWindows p;
  add_window(p, 0, 10, 10, 40, 5000);
  add_window(p, 1, 50, 50, 90, 5000);
  auto b1 = battery(p1), b2 = battery(p2);
  b2.interceptor_cost_usd = 500;  // cheaper, but only reachable later: no effect on order
  const auto plan = plan_with({b1, b2}, p, 10, 100);
  const Totals t = run_trials(plan, 10000);
  const double expect = 1 - (1 - p1) * (1 - p2);  // 0.65
  EXPECT_NEAR(t.rate(), expect, tol5(expect, t.threats));
}

TEST(Battle, MagazineExhaustionGivesExactCount) {
  const auto plan = plan_with({battery(1.0, 5)}, single_window(), 8, 100);
  const Totals t = run_trials(plan, 10);
  EXPECT_EQ(t.intercepted, 5 * 10);
  EXPECT_EQ(t.fired[0], 5 * 10);
}

TEST(Battle, ReloadRefillsTheMagazineAfterReloadTime) {
  // Magazine 2, threats every 100 s (fired at 10, 110, 210, ...). Empty after
  // the shot at 110 s; full again at 110 + 150 = 260 s: threat 2 (window
  // 210..260 s) is missed, threats 3 and 4 are hit, empty again at 410 s,
  // full at 560 s: threat 5 (510..560) missed, threats 6 and 7 hit.
  auto b = battery(1.0, 2);
  b.reload_s = 150;
  const auto plan = plan_with({b}, single_window(), 8, 100);
  const Totals t = run_trials(plan, 3);
  EXPECT_EQ(t.intercepted, 6 * 3);
}

TEST(Battle, FireChannelsLimitSimultaneousEngagements) {
  // Three threats arrive together; window 0..10 s, tof 6 s. A channel that
  // fires at 0 s is free at 6 s, too late for another hit before 10 s.
  PathWindows p;
  add_window(p, 0, 0, 0, 10, 6000);
  for (int channels : {1, 2, 3, 4}) {
    const auto plan = plan_with({battery(1.0, 100, channels)}, p, 3, 0);
    const Totals t = run_trials(plan, 5);
    EXPECT_EQ(t.intercepted, std::min(channels, 3) * 5) << channels << " channels";
  }
}

TEST(Battle, ThreatThatLeavesBeforeTheInterceptorArrivesSurvives) {
  // tof 6 s but only 5 s of window after the reaction time: never fired at.
  PathWindows p;
  add_window(p, 0, 0, 5, 10, 6000);
  const auto plan = plan_with({battery(1.0)}, p, 4, 100);
  const Totals t = run_trials(plan, 5);
  EXPECT_EQ(t.intercepted, 0);
  EXPECT_EQ(t.fired[0], 0);
}

TEST(Battle, ZeroPkNeverIntercepts) {
  auto b = battery(1.0);
  b.pk.ballistic = 0;
  const auto plan = plan_with({b}, single_window(), 10, 100, ThreatClass::ballistic);
  const Totals t = run_trials(plan, 100);
  EXPECT_EQ(t.intercepted, 0);
  EXPECT_EQ(t.fired[0], 0);
}

TEST(Assignment, CheapestAdequateBatteryEngagesFirst) {
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 10, 10, 60, 5000);
  auto pricey = battery(1.0), cheap = battery(1.0);  // pk 1: the first engagement is the only one
  pricey.interceptor_cost_usd = 400000;
  cheap.interceptor_cost_usd = 50000;
  const auto plan = plan_with({pricey, cheap}, p, 10, 100);
  const Totals t = run_trials(plan, 10);
  EXPECT_EQ(t.fired[0], 0);
  EXPECT_EQ(t.fired[1], 100);
}

TEST(Assignment, InadequatePkLosesToAdequateEvenWhenCheaper) {
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 10, 10, 60, 5000);
  auto good = battery(1.0), poor = battery(0.2);
  good.interceptor_cost_usd = 400000;
  poor.interceptor_cost_usd = 5000;
  const auto plan = plan_with({good, poor}, p, 10, 100);
  const Totals t = run_trials(plan, 10);
  EXPECT_EQ(t.fired[0], 100);
  EXPECT_EQ(t.fired[1], 0);
}

TEST(Assignment, HighEndInterceptorHoldsFireForADroneOthersCanReachLater) {
  // Battery 0 (high-end) sees the drone first; battery 1 (cheap) later.
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 100, 100, 150, 5000);
  auto patriot = battery(1.0), gun = battery(1.0);
  patriot.interceptor_cost_usd = 4.0e6;
  gun.interceptor_cost_usd = 5000;
  const auto plan = plan_with({patriot, gun}, p, 5, 200);
  const Totals t = run_trials(plan, 10);
  EXPECT_EQ(t.fired[0], 0);
  EXPECT_EQ(t.fired[1], 50);
  EXPECT_EQ(t.intercepted, 50);

  // first_available fires the first battery that can.
  BattleParams first;
  first.assignment.policy = AssignmentPolicy::first_available;
  const Totals f = run_trials(plan, 10, first);
  EXPECT_EQ(f.fired[0], 50);
  EXPECT_EQ(f.fired[1], 0);
}

TEST(Assignment, HighEndInterceptorFiresAtACruiseMissileWhenNothingElseCan) {
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 100, 100, 150, 5000);
  auto patriot = battery(1.0), gun = battery(1.0, 0);  // the gun has no ammunition
  patriot.interceptor_cost_usd = 4.0e6;
  gun.interceptor_cost_usd = 5000;
  const auto plan = plan_with({patriot, gun}, p, 5, 200, ThreatClass::cruise);
  const Totals t = run_trials(plan, 10);
  EXPECT_EQ(t.fired[0], 50);
  EXPECT_EQ(t.intercepted, 50);
}

TEST(Assignment, HighEndInterceptorNeverEngagesDronesUnlessAllowed) {
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 100, 100, 150, 5000);
  auto patriot = battery(1.0), gun = battery(1.0, 0);  // the gun has no ammunition
  patriot.interceptor_cost_usd = 4.0e6;
  gun.interceptor_cost_usd = 5000;
  const auto plan = plan_with({patriot, gun}, p, 5, 200);  // drones
  const Totals held = run_trials(plan, 10);
  EXPECT_EQ(held.fired[0], 0);
  EXPECT_EQ(held.intercepted, 0);

  BattleParams last_resort;
  last_resort.assignment.high_end_engages_drones = true;
  const Totals t = run_trials(plan, 10, last_resort);
  EXPECT_EQ(t.fired[0], 50);
  EXPECT_EQ(t.intercepted, 50);
}

TEST(Assignment, HighEndInterceptorTakesBallisticThreatsFirst) {
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 10, 10, 60, 5000);
  auto patriot = battery(1.0), other = battery(1.0);  // pk 1: one engagement per threat
  patriot.interceptor_cost_usd = 4.0e6;
  other.interceptor_cost_usd = 1.0e6 - 1;
  // Both adequate: the cheaper one fires, also at a ballistic missile (the
  // reservation only keeps high-end rounds away from drones and cruise missiles).
  const auto plan = plan_with({patriot, other}, p, 5, 200, ThreatClass::ballistic);
  const Totals t = run_trials(plan, 10);
  EXPECT_EQ(t.fired[1], t.fired[0] + t.fired[1]);
  // With the other battery inadequate, the high-end one fires at ballistic threats.
  auto weak = other;
  weak.pk = {0.1, 0.1, 0.1};
  const auto plan2 = plan_with({patriot, weak}, p, 5, 200, ThreatClass::ballistic);
  const Totals t2 = run_trials(plan2, 10);
  EXPECT_EQ(t2.fired[0], 50);
  EXPECT_EQ(t2.fired[1], 0);
}

TEST(Assignment, OneBatteryEngagesAThreatAtATime) {
  // Two batteries with free channels see one threat (pk 0.5 each, one
  // engagement each). Battery 0 fires first; battery 1 fires only after a
  // miss, so it fires in half the trials, not in all of them.
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  add_window(p, 1, 10, 10, 60, 5000);
  const auto plan = plan_with({battery(0.5), battery(0.5)}, p, 1, 0);
  const int n = 4000;
  const Totals t = run_trials(plan, n);
  EXPECT_EQ(t.fired[0], n);
  EXPECT_NEAR(static_cast<double>(t.fired[1]) / n, 0.5, tol5(0.5, n));
  EXPECT_NEAR(t.rate(), 0.75, tol5(0.75, n));
}

TEST(Battle, RemovingABatteryLeavesOtherDrawsUnchanged) {
  // Battery 1 never sees the threats; removing it must not change any outcome.
  PathWindows p;
  add_window(p, 0, 10, 10, 60, 5000);
  auto plan = plan_with({battery(0.5), battery(0.5)}, p, 20, 100);
  BattleScratch scratch;
  BattleTally a, b;
  const std::vector<std::uint8_t> all{1, 1}, without{1, 0};
  for (int i = 0; i < 50; ++i) {
    const auto rng = TrialStream::of(11, static_cast<std::uint64_t>(i));
    run_battle(plan, rng, all, {}, scratch, a);
    run_battle(plan, rng, without, {}, scratch, b);
    EXPECT_EQ(a.intercepted_by_salvo, b.intercepted_by_salvo);
  }
}

}  // namespace
}  // namespace adcov::engage
