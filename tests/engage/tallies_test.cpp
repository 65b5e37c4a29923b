// simulate_tallies / merge_tallies / summarize: the tallies of disjoint trial
// ranges (what MPI ranks compute) merge into exactly the result of one run.

#include "adcov/engage/tallies.hpp"

#include <gtest/gtest.h>

#include "engage_fixtures.hpp"

#include "adcov/error.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::engage {
namespace {

using model::ThreatClass;
using test::battery_at;
using test::flat_terrain;
using test::sam;
using test::threat;


/// Three batteries of three groups, one firing a costly interceptor; a drone
/// salvo from a launch area to two weighted targets and a routed cruise salvo.
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
  model::Salvo s1;
  s1.id = "area";
  s1.threat = "drone";
  s1.count = 30;
  s1.interval_s = 5;
  s1.launch_area = model::LaunchArea{{30.4, 49.6}, 20};
  s1.targets = {{{30.5, 51.3}, 2.0}, {{30.7, 51.2}, 1.0}};
  model::Salvo s2;
  s2.id = "cm";
  s2.threat = "kh101";
  s2.count = 6;
  s2.interval_s = 20;
  s2.launch = geo::LonLat{30.5, 49.6};
  s2.targets = {{{30.5, 51.4}, 1.0}};
  s2.route = {{30.2, 50.3}};
  model::Scenario s;
  s.name = "test";
  s.resolution_m = 500;
  for (auto& x : {a, b, c}) s.systems[x.id] = x;
  for (auto& x : {threat("drone", ThreatClass::drone, 50, 100), threat("kh101", ThreatClass::cruise, 250, 50)})
    s.threats[x.id] = x;
  s.batteries = {battery_at("ua", "a", {30.5, 50.4}, model::OperatorGroup::ukraine),
                 battery_at("de", "b", {30.45, 50.6}, model::OperatorGroup::allied),
                 battery_at("pmc", "c", {30.52, 50.9}, model::OperatorGroup::contractor)};
  s.salvos = {s1, s2};
  return s;
}

void expect_same(const RateStats& a, const RateStats& b) {
  EXPECT_EQ(a.launched, b.launched);
  EXPECT_EQ(a.intercepted_mean, b.intercepted_mean);
  EXPECT_EQ(a.interception_rate, b.interception_rate);
  EXPECT_EQ(a.ci95_lo, b.ci95_lo);
  EXPECT_EQ(a.ci95_hi, b.ci95_hi);
}

/// Every field, compared exactly (EXPECT_EQ on doubles: bit-identical values).
void expect_identical(const SimulationResult& a, const SimulationResult& b) {
  EXPECT_EQ(a.trials, b.trials);
  EXPECT_EQ(a.seed, b.seed);
  expect_same(a.overall, b.overall);
  auto same_map = [](const std::map<std::string, RateStats>& x, const std::map<std::string, RateStats>& y) {
    ASSERT_EQ(x.size(), y.size());
    for (const auto& [k, v] : x) expect_same(v, y.at(k));
  };
  same_map(a.by_salvo, b.by_salvo);
  same_map(a.by_threat, b.by_threat);
  same_map(a.by_class, b.by_class);
  ASSERT_EQ(a.leakers_by_target.size(), b.leakers_by_target.size());
  for (std::size_t i = 0; i < a.leakers_by_target.size(); ++i) {
    EXPECT_EQ(a.leakers_by_target[i].at, b.leakers_by_target[i].at);
    EXPECT_EQ(a.leakers_by_target[i].mean, b.leakers_by_target[i].mean);
  }
  EXPECT_EQ(a.interceptors_fired, b.interceptors_fired);
  EXPECT_EQ(a.cost_interceptors_mean_usd, b.cost_interceptors_mean_usd);
  EXPECT_EQ(a.cost_threats_destroyed_mean_usd, b.cost_threats_destroyed_mean_usd);
  ASSERT_EQ(a.by_operator.size(), b.by_operator.size());
  for (const auto& [k, v] : a.by_operator) {
    const OperatorEffect& w = b.by_operator.at(k);
    EXPECT_EQ(v.interceptions_mean, w.interceptions_mean);
    EXPECT_EQ(v.rate_without, w.rate_without);
    EXPECT_EQ(v.ci95_lo_without, w.ci95_lo_without);
    EXPECT_EQ(v.ci95_hi_without, w.ci95_hi_without);
    EXPECT_EQ(v.marginal_interceptions, w.marginal_interceptions);
  }
  for (const auto* r : {&a.overall, &a.by_class.begin()->second}) {
    const RateStats& q = r == &a.overall ? b.overall : b.by_class.at(a.by_class.begin()->first);
    EXPECT_EQ(r->ci95_lo, q.ci95_lo);
    EXPECT_EQ(r->ci95_hi, q.ci95_hi);
    EXPECT_EQ(r->neutralized_ci95_lo, q.neutralized_ci95_lo);
    EXPECT_EQ(r->leaked_warheads_p95, q.leaked_warheads_p95);
    EXPECT_EQ(r->p_any_leak, q.p_any_leak);
    EXPECT_EQ(r->p_any_leak_ci95_lo, q.p_any_leak_ci95_lo);
  }
  ASSERT_EQ(a.trial_outcomes.size(), b.trial_outcomes.size());
  for (std::size_t i = 0; i < a.trial_outcomes.size(); ++i) {
    const TrialOutcome &x = a.trial_outcomes[i], &y = b.trial_outcomes[i];
    EXPECT_EQ(x.intercepted, y.intercepted) << "trial " << i;
    EXPECT_EQ(x.leaked, y.leaked) << "trial " << i;
    EXPECT_EQ(x.interceptors_fired, y.interceptors_fired) << "trial " << i;
    EXPECT_EQ(x.interceptor_cost_usd, y.interceptor_cost_usd) << "trial " << i;
    EXPECT_EQ(x.threats_destroyed_cost_usd, y.threats_destroyed_cost_usd) << "trial " << i;
  }
}

struct Fixture {
  model::Scenario s = mixed_raid();
  geo::TerrainGrid terrain = flat_terrain();
  std::vector<coverage::BatteryGeometry> bats = coverage::prepare_batteries(s, terrain);

  SimulationOptions opts(std::int64_t first, int trials, bool effects = true) const {
    SimulationOptions o;
    o.seed = 77;
    o.first_trial = first;
    o.trials = trials;
    o.operator_effects = effects;
    return o;
  }
  SimulationTallies slice(std::int64_t first, int trials, bool effects = true) const {
    return simulate_tallies(s, terrain, bats, opts(first, trials, effects));
  }
};

TEST(Tallies, SimulateIsSummarizeOfTallies) {
  const Fixture f;
  const SimulationOptions o = f.opts(0, 100);
  expect_identical(simulate(f.s, f.terrain, f.bats, o), summarize(f.s, f.bats, o, f.slice(0, 100)));
}

TEST(Tallies, TwoRangesMergeIntoOneRunExactly) {
  const Fixture f;
  const int n = 203;  // not a multiple of the 16-trial blocks
  for (bool effects : {true, false}) {
    const SimulationOptions o = f.opts(0, n, effects);
    const SimulationResult one = simulate(f.s, f.terrain, f.bats, o);
    for (int k : {0, 1, 50, 101, 202, n}) {
      SCOPED_TRACE("k = " + std::to_string(k));
      // Given out of order: merge sorts by first trial.
      const SimulationTallies merged =
          merge_tallies({f.slice(k, n - k, effects), f.slice(0, k, effects)});
      EXPECT_EQ(merged.first_trial, 0);
      EXPECT_EQ(merged.trials, n);
      expect_identical(one, summarize(f.s, f.bats, o, merged));
    }
  }
  EXPECT_GT(simulate(f.s, f.terrain, f.bats, f.opts(0, n)).overall.intercepted_mean, 0.0);
}

TEST(Tallies, MergeRejectsGapsOverlapsAndOtherSeeds) {
  const Fixture f;
  EXPECT_THROW(merge_tallies({}), Error);
  EXPECT_THROW(merge_tallies({f.slice(0, 10), f.slice(11, 5)}), Error);  // gap
  EXPECT_THROW(merge_tallies({f.slice(0, 10), f.slice(9, 5)}), Error);   // overlap
  SimulationTallies other = f.slice(10, 5);
  other.seed = 78;
  EXPECT_THROW(merge_tallies({f.slice(0, 10), other}), Error);
  // Tallies without operator reruns do not fit a summary with them.
  EXPECT_THROW(summarize(f.s, f.bats, f.opts(0, 10), f.slice(0, 10, false)), Error);
}

}  // namespace
}  // namespace adcov::engage
