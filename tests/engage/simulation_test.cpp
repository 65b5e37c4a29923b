// simulate() end to end on flat terrain built in code: closed forms through
// the real geometry (coverage::prepare_batteries + engageable), determinism
// across thread counts, paired operator-group reruns.
//
// Statistical tolerances: 5 standard errors of a binomial proportion,
// sqrt(p (1-p) / n) with n = trials x threats (independent draws: the threats
// are spaced so that no two compete for a fire channel).

#include "adcov/engage/simulation.hpp"

#include <gtest/gtest.h>

#include "engage_fixtures.hpp"
#include <tbb/global_control.h>

#include <cmath>

#include "adcov/error.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::engage {
namespace {

using model::ThreatClass;
using test::battery_at;
using test::flat_terrain;
using test::sam;
using test::threat;

using test::kBattery;
using test::over_battery;
using test::run;
using test::scenario_with;
using test::tol5;




TEST(Simulation, SingleShotInterceptsWithPk) {
  const double pk = 0.3;
  const auto s = scenario_with({sam("sam", 20, pk)}, {battery_at("b", "sam", kBattery)},
                               {threat("drone", ThreatClass::drone, 50, 100)},
                               {over_battery("w", "drone", 10, 1000)});
  const auto r = run(s, 3000);  // n = 30000, 5 sigma = 0.013
  EXPECT_EQ(r.overall.launched, 10);
  EXPECT_NEAR(r.overall.interception_rate, pk, tol5(pk, 30000));
  EXPECT_LE(r.overall.ci95_lo, r.overall.interception_rate);
  EXPECT_GE(r.overall.ci95_hi, r.overall.interception_rate);
  EXPECT_DOUBLE_EQ(r.interceptors_fired.at("sam"), 10.0);  // one shot per drone
  EXPECT_DOUBLE_EQ(r.cost_interceptors_mean_usd, 10 * 100000.0);
  EXPECT_DOUBLE_EQ(r.cost_threats_destroyed_mean_usd, r.overall.intercepted_mean * 50000.0);
  ASSERT_EQ(r.leakers_by_target.size(), 1u);
  EXPECT_NEAR(r.leakers_by_target[0].mean, 10 - r.overall.intercepted_mean, 1e-9);
  ASSERT_EQ(r.trial_outcomes.size(), 3000u);
  for (const TrialOutcome& o : r.trial_outcomes) EXPECT_EQ(o.intercepted + o.leaked, 10);
  EXPECT_EQ(r.by_class.count("drone"), 1u);
  EXPECT_EQ(r.by_threat.at("drone").launched, 10);
  EXPECT_EQ(r.by_salvo.at("w").launched, 10);
}

TEST(Simulation, ShotsPerEngagementAndShootLookShootCompound) {
  const double pk = 0.3;
  auto sys = sam("sam", 20, pk);
  sys.doctrine = {2, 2};  // two shots, look, two more: 1 - (1-p)^4
  const auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)},
                               {threat("drone", ThreatClass::drone, 50, 100)},
                               {over_battery("w", "drone", 10, 1000)});
  const auto r = run(s, 3000);
  const double expect = 1 - std::pow(1 - pk, 4);
  EXPECT_NEAR(r.overall.interception_rate, expect, tol5(expect, 30000));
}

TEST(Simulation, MagazineExhaustionGivesExactCount) {
  auto sys = sam("sam", 20, 1.0);
  sys.magazine = 5;  // no reload (reload_s = 0)
  const auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)},
                               {threat("drone", ThreatClass::drone, 50, 100)},
                               {over_battery("w", "drone", 8, 1000)});
  const auto r = run(s, 20);
  for (const TrialOutcome& o : r.trial_outcomes) {
    EXPECT_EQ(o.intercepted, 5);
    EXPECT_EQ(o.interceptors_fired, 5);
  }
}

TEST(Simulation, IntervalsTakeTheTrialAsTheUnit) {
  // Every trial intercepts exactly 5 of 8: no trial-to-trial variation, so
  // the rate's interval has zero width (a binomial over the 160 pooled
  // threats, as before issue 13, gave 0.55-0.70). 3 warheads leak in every
  // trial: percentiles 3, p_any_leak 1.
  auto sys = sam("sam", 20, 1.0);
  sys.magazine = 5;
  const auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)},
                               {threat("drone", ThreatClass::drone, 50, 100)},
                               {over_battery("w", "drone", 8, 1000)});
  const auto r = run(s, 20);
  EXPECT_EQ(r.overall.interception_rate, 0.625);
  EXPECT_EQ(r.overall.ci95_lo, 0.625);
  EXPECT_EQ(r.overall.ci95_hi, 0.625);
  EXPECT_EQ(r.by_class.at("drone").ci95_lo, 0.625);
  EXPECT_EQ(r.overall.neutralized_ci95_hi, 0.625);
  EXPECT_EQ(r.overall.leaked_warheads_p5, 3.0);
  EXPECT_EQ(r.overall.leaked_warheads_p95, 3.0);
  EXPECT_EQ(r.overall.p_any_leak, 1.0);
  EXPECT_EQ(r.overall.p_any_leak_ci95_hi, 1.0);
  EXPECT_LT(r.overall.p_any_leak_ci95_lo, 1.0);  // Wilson over 20 trials
}

TEST(Simulation, IntervalFollowsTheSpreadOfThePerTrialRates) {
  // Independent shots (threats 1000 s apart): the per-trial count is
  // binomial(10, pk), so the trial-unit interval's half-width is close to
  // t sqrt(pk (1 - pk) / (10 T)); p_any_leak = 1 - pk^10.
  const double pk = 0.7;
  const auto s = scenario_with({sam("sam", 20, pk)}, {battery_at("b", "sam", kBattery)},
                               {threat("drone", ThreatClass::drone, 50, 100)},
                               {over_battery("w", "drone", 10, 1000)});
  const auto r = run(s, 2000);
  const double half = 0.5 * (r.overall.ci95_hi - r.overall.ci95_lo);
  EXPECT_NEAR(half, 1.961 * std::sqrt(pk * (1 - pk) / 20000), 0.1 * half);
  EXPECT_NEAR(r.overall.p_any_leak, 1 - std::pow(pk, 10), 0.02);  // 5 sigma of 2000 trials = 0.005
  double mean_leaked = 0;
  for (const TrialOutcome& o : r.trial_outcomes) mean_leaked += o.leaked_warheads;
  EXPECT_NEAR(r.overall.leaked_warheads_mean, mean_leaked / 2000, 1e-12);
  EXPECT_LE(r.overall.leaked_warheads_p5, r.overall.leaked_warheads_p50);
  EXPECT_LE(r.overall.leaked_warheads_p50, r.overall.leaked_warheads_p95);
  EXPECT_EQ(r.overall.leaked_warheads_p50, 3.0);  // binomial(10, 0.3) median
}

TEST(Simulation, BallisticThreatWithZeroPkIsNeverIntercepted) {
  auto sys = sam("sam", 60, 1.0);
  sys.pk.ballistic = 0;
  model::Salvo sv = over_battery("b", "iskander", 20, 30);
  sv.targets = {{kBattery, 1.0}};
  const auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)},
                               {threat("iskander", ThreatClass::ballistic, 2000, 50000)}, {sv});
  const auto r = run(s, 50);
  EXPECT_EQ(r.overall.intercepted_mean, 0.0);
  EXPECT_EQ(r.by_class.at("ballistic").interception_rate, 0.0);
  EXPECT_EQ(r.interceptors_fired.at("sam"), 0.0);
}

TEST(Simulation, BallisticThreatIsEngagedInItsTerminalPhase) {
  // Launched 100 km south, apogee 50 km: below the 25 km ceiling only in the
  // last ~15 % of its flight (4 H x (1 - x) <= 25 km for x >= 0.854), i.e.
  // within ~15 km of the target, where the battery stands.
  auto sys = sam("sam", 60, 1.0);
  model::Salvo sv = over_battery("b", "iskander", 5, 60);
  sv.targets = {{kBattery, 1.0}};
  const auto s = scenario_with({sys}, {battery_at("b", "sam", kBattery)},
                               {threat("iskander", ThreatClass::ballistic, 1500, 50000)}, {sv});
  const auto r = run(s, 20);
  EXPECT_EQ(r.overall.interception_rate, 1.0);
}

TEST(Simulation, ReactionTimeLetsAFastThreatEscapeASmallEnvelope) {
  // Envelope and radar 5 km: a straight pass over the battery spends 10 km
  // inside. Reaction 15 s: a 50 m/s drone stays 200 s (intercepted, pk 1);
  // a 1000 m/s missile stays 10 s and leaves before anything can be fired.
  auto sys = sam("sam", 5, 1.0);
  sys.reaction_s = 15;
  sys.interceptor.speed_mps = 500;
  const auto s = scenario_with(
      {sys}, {battery_at("b", "sam", kBattery)},
      {threat("slow", ThreatClass::drone, 50, 100), threat("fast", ThreatClass::cruise, 1000, 100)},
      {over_battery("slow", "slow", 5, 1000), over_battery("fast", "fast", 5, 1000)});
  const auto r = run(s, 10);
  EXPECT_EQ(r.by_salvo.at("slow").interception_rate, 1.0);
  EXPECT_EQ(r.by_salvo.at("fast").interception_rate, 0.0);
  // Without reaction time the fast missile is met head-on within its 10 s.
  auto quick = s;
  quick.systems["sam"].reaction_s = 0;
  EXPECT_EQ(run(quick, 10).by_salvo.at("fast").interception_rate, 1.0);
}

TEST(Simulation, TwoBatteriesInSeriesAndOperatorEffects) {
  // Two batteries 60 km apart on the path (20 km envelopes: no overlap), of
  // different groups; a contractor battery far off the path never engages.
  const double p1 = 0.3, p2 = 0.5;
  const auto s = scenario_with(
      {sam("a", 20, p1), sam("b", 20, p2), sam("c", 20, 0.9)},
      {battery_at("ua", "a", {kBattery.lon_deg, 50.2}, model::OperatorGroup::ukraine),
       battery_at("de", "b", {kBattery.lon_deg, 50.8}, model::OperatorGroup::allied),
       battery_at("pmc", "c", {31.8, 49.7}, model::OperatorGroup::contractor)},
      {threat("drone", ThreatClass::drone, 50, 100)}, {over_battery("w", "drone", 10, 3000)});
  const auto r = run(s, 3000);
  const double expect = 1 - (1 - p1) * (1 - p2);
  EXPECT_NEAR(r.overall.interception_rate, expect, tol5(expect, 30000));
  ASSERT_EQ(r.by_operator.size(), 3u);
  const auto& ua = r.by_operator.at("ukraine");
  const auto& de = r.by_operator.at("allied");
  const auto& pmc = r.by_operator.at("contractor");
  // Interceptions split between groups, and sum to the total.
  EXPECT_NEAR(ua.interceptions_mean + de.interceptions_mean + pmc.interceptions_mean,
              r.overall.intercepted_mean, 1e-9);
  EXPECT_NEAR(ua.interceptions_mean / 10, p1, tol5(p1, 30000));
  // Without the allied battery only the first remains: rate p1.
  EXPECT_NEAR(de.rate_without, p1, tol5(p1, 30000));
  EXPECT_NEAR(ua.rate_without, p2, tol5(p2, 30000));
  // Paired draws: the contractor battery never fires, so removing it changes nothing, exactly.
  EXPECT_EQ(pmc.interceptions_mean, 0.0);
  EXPECT_EQ(pmc.rate_without, r.overall.interception_rate);
  EXPECT_EQ(pmc.marginal_interceptions, 0.0);
  // Marginal interceptions are the paired difference of means.
  EXPECT_NEAR(de.marginal_interceptions,
              r.overall.intercepted_mean - de.rate_without * r.overall.launched, 1e-9);
}

TEST(Simulation, LeakersSplitBetweenWeightedTargets) {
  model::Salvo sv = over_battery("w", "drone", 20, 10);
  sv.targets = {{{30.0, 51.3}, 3.0}, {{31.0, 51.3}, 1.0}};
  const auto s = scenario_with({sam("sam", 20, 0.0001)}, {battery_at("b", "sam", {31.9, 49.6})},
                               {threat("drone", ThreatClass::drone, 50, 100)}, {sv});
  const auto r = run(s, 2000);  // undefended: every drone leaks; n = 40000 target draws
  ASSERT_EQ(r.leakers_by_target.size(), 2u);
  EXPECT_NEAR(r.leakers_by_target[0].mean / 20, 0.75, tol5(0.75, 40000));
  EXPECT_NEAR(r.leakers_by_target[0].mean + r.leakers_by_target[1].mean, 20.0, 1e-9);
}

model::Scenario mixed_raid() {
  auto a = sam("a", 20, 0.5);
  a.doctrine = {1, 2};
  a.fire_channels = 1;
  a.magazine = 6;
  a.reload_s = 300;
  auto b = sam("b", 25, 0.6);
  b.interceptor.cost_usd = 3.0e6;
  auto c = sam("c", 10, 0.4);
  c.doctrine = {2, 1};
  c.interceptor.cost_usd = 20000;
  model::Salvo s1 = over_battery("area", "drone", 30, 5);
  s1.launch.reset();
  s1.launch_area = model::LaunchArea{{30.4, 49.6}, 20};
  s1.targets = {{{30.5, 51.3}, 2.0}, {{30.7, 51.2}, 1.0}};
  model::Salvo s2 = over_battery("cm", "kh101", 6, 20);
  s2.route = {{30.2, 50.3}};
  return scenario_with(
      {a, b, c},
      {battery_at("ua", "a", {30.5, 50.4}, model::OperatorGroup::ukraine),
       battery_at("de", "b", {30.45, 50.6}, model::OperatorGroup::allied),
       battery_at("pmc", "c", {30.52, 50.9}, model::OperatorGroup::contractor)},
      {threat("drone", ThreatClass::drone, 50, 100), threat("kh101", ThreatClass::cruise, 250, 50)},
      {s1, s2});
}

void expect_same(const RateStats& a, const RateStats& b) {
  EXPECT_EQ(a.launched, b.launched);
  EXPECT_EQ(a.intercepted_mean, b.intercepted_mean);
  EXPECT_EQ(a.interception_rate, b.interception_rate);
  EXPECT_EQ(a.ci95_lo, b.ci95_lo);
  EXPECT_EQ(a.ci95_hi, b.ci95_hi);
}

void expect_same(const SimulationResult& a, const SimulationResult& b) {
  expect_same(a.overall, b.overall);
  ASSERT_EQ(a.by_salvo.size(), b.by_salvo.size());
  for (const auto& [k, v] : a.by_salvo) expect_same(v, b.by_salvo.at(k));
  for (const auto& [k, v] : a.by_threat) expect_same(v, b.by_threat.at(k));
  for (const auto& [k, v] : a.by_class) expect_same(v, b.by_class.at(k));
  ASSERT_EQ(a.leakers_by_target.size(), b.leakers_by_target.size());
  for (std::size_t i = 0; i < a.leakers_by_target.size(); ++i)
    EXPECT_EQ(a.leakers_by_target[i].mean, b.leakers_by_target[i].mean);
  EXPECT_EQ(a.interceptors_fired, b.interceptors_fired);
  EXPECT_EQ(a.cost_interceptors_mean_usd, b.cost_interceptors_mean_usd);
  EXPECT_EQ(a.cost_threats_destroyed_mean_usd, b.cost_threats_destroyed_mean_usd);
  for (const auto& [k, v] : a.by_operator) {
    EXPECT_EQ(v.interceptions_mean, b.by_operator.at(k).interceptions_mean);
    EXPECT_EQ(v.rate_without, b.by_operator.at(k).rate_without);
  }
  ASSERT_EQ(a.trial_outcomes.size(), b.trial_outcomes.size());
  for (std::size_t i = 0; i < a.trial_outcomes.size(); ++i) {
    EXPECT_EQ(a.trial_outcomes[i].intercepted, b.trial_outcomes[i].intercepted);
    EXPECT_EQ(a.trial_outcomes[i].interceptors_fired, b.trial_outcomes[i].interceptors_fired);
    EXPECT_EQ(a.trial_outcomes[i].interceptor_cost_usd, b.trial_outcomes[i].interceptor_cost_usd);
  }
}

TEST(Simulation, SameSeedGivesIdenticalResultsForOneAndTwoThreads) {
  const auto s = mixed_raid();
  SimulationResult one, two;
  {
    tbb::global_control gc(tbb::global_control::max_allowed_parallelism, 1);
    one = run(s, 400, 42);
  }
  {
    tbb::global_control gc(tbb::global_control::max_allowed_parallelism, 2);
    two = run(s, 400, 42);
  }
  expect_same(one, two);
  EXPECT_GT(one.overall.intercepted_mean, 0.0);
  EXPECT_LT(one.overall.interception_rate, 1.0);
}

TEST(Simulation, AnotherSeedGivesOtherNumbers) {
  const auto s = mixed_raid();
  const auto a = run(s, 400, 42), b = run(s, 400, 43);
  EXPECT_NE(a.overall.intercepted_mean, b.overall.intercepted_mean);
  int differing = 0;
  for (std::size_t i = 0; i < a.trial_outcomes.size(); ++i)
    differing += a.trial_outcomes[i].intercepted != b.trial_outcomes[i].intercepted;
  EXPECT_GT(differing, 100);
}

TEST(Simulation, OneTrialCanBeReplayedAlone) {
  const auto s = mixed_raid();
  const auto all = run(s, 50, 9);
  SimulationOptions one;
  one.first_trial = 37;
  const auto r = run(s, 1, 9, one);
  EXPECT_EQ(r.trial_outcomes[0].intercepted, all.trial_outcomes[37].intercepted);
  EXPECT_EQ(r.trial_outcomes[0].interceptors_fired, all.trial_outcomes[37].interceptors_fired);
}

TEST(Simulation, UnknownThreatIsAnInputError) {
  auto s = scenario_with({sam("sam", 20, 0.5)}, {battery_at("b", "sam", kBattery)},
                         {threat("drone", ThreatClass::drone, 50, 100)},
                         {over_battery("w", "shahed999", 1, 0)});
  s.salvos[0].loc = {"x.yaml", 14, 7};
  try {
    run(s, 1);
    FAIL() << "no throw";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "x.yaml:14:7: salvo 'w': unknown threat 'shahed999'");
  }
}

}  // namespace
}  // namespace adcov::engage
