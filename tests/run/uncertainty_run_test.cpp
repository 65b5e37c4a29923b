// adcov uncertainty's run layer on a one-battery raid over flat ground: a
// parameter the rate does not depend on gets total index 0 exactly (common
// random numbers make its runs identical), the one it does depend on carries
// the variance; identical results for 1 and 2 threads and for 1 and 2 ranks
// (thread_ranks.hpp).

#include "adcov/run/uncertainty_run.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <fstream>
#include <optional>

#include "adcov/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "support/support.hpp"
#include "thread_ranks.hpp"

namespace adcov {
namespace {

// Drones 600 s apart fly over one Gepard: each meets it alone, so the rate
// is a function of its Pk (and of nothing else drawn here).
const char* const kRaid = R"(name: one-gun
seed: 5
terrain: {flat: 100}
region: {bbox: [30.0, 50.0, 31.0, 51.0]}
resolution_m: 500
batteries:
  - { id: g, system: gepard, position: [30.5, 50.5] }
salvos:
  - { id: w, threat: shahed136, count: 6, launch: [30.5, 49.0], target: [30.5, 52.0], interval_s: 600 }
uncertainty:
  samples: 16
  trials: 20
  parameters:
    - { set: "systems[gepard].pk.drone", range: [0.2, 0.8] }
    - { set: "systems[gepard].interceptor.cost_usd", range: [1000, 50000] }
    - { set: "systems[gepard].magazine", range: [300, 400] }
)";

struct Raid {
  test::TempDir dir;
  model::Scenario s;
  Raid() {
    std::ofstream(dir.path / "raid.yaml") << kRaid;
    s = model::load_scenario(dir.path / "raid.yaml");
  }
};

void expect_same(const report::UncertaintyResult& a, const report::UncertaintyResult& b) {
  EXPECT_EQ(a.values, b.values);
  EXPECT_EQ(a.rates, b.rates);
  for (const auto& [out, rows] : a.sensitivity) {
    const auto& other = b.sensitivity.at(out);
    ASSERT_EQ(rows.size(), other.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].parameter, other[i].parameter);
      EXPECT_EQ(rows[i].st, other[i].st);
      EXPECT_EQ(rows[i].s1_lo, other[i].s1_lo);
    }
  }
}

TEST(UncertaintyRun, TheParameterTheRateFollowsCarriesItsVariance) {
  const Raid raid;
  const auto r = run::run_uncertainty(raid.s, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rates.size(), 16u * (3 + 2));
  EXPECT_EQ(r->outputs, (std::vector<std::string>{"overall", "drone"}));
  const auto& rows = r->sensitivity.at("overall");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].parameter, "systems[gepard].pk.drone");
  EXPECT_GT(rows[0].st, 0.9);
  EXPECT_GT(rows[0].s1, 0.8);
  for (std::size_t i = 1; i < 3; ++i) {
    // Same trials (seed), same Pk: the runs that change only the cost or a
    // magazine the six drones never empty give the same rate to the bit.
    EXPECT_EQ(rows[i].st, 0.0) << rows[i].parameter;
    EXPECT_EQ(rows[i].s1, 0.0) << rows[i].parameter;
  }
  const report::OutputSpread& o = r->by_output.at("overall");
  EXPECT_LT(o.p5, o.p50);
  EXPECT_LT(o.p50, o.p95);
  for (const auto& v : r->values) {
    EXPECT_GE(v[0], 0.2);
    EXPECT_LE(v[0], 0.8);
    EXPECT_EQ(v[2], std::floor(v[2]));  // a magazine is a whole number
  }
}

TEST(UncertaintyRun, SameResultsForOneAndTwoThreadsAndRanks) {
  const Raid raid;
  std::optional<report::UncertaintyResult> one;
  {
    tbb::global_control cap(tbb::global_control::max_allowed_parallelism, 1);
    one = run::run_uncertainty(raid.s, {});
  }
  const auto two = run::run_uncertainty(raid.s, {});
  ASSERT_TRUE(one && two);
  expect_same(*one, *two);
  std::optional<report::UncertaintyResult> on_zero;
  test::with_thread_ranks(2, [&](const run::Ranks& ranks) {
    auto r = run::run_uncertainty(raid.s, {}, ranks);
    if (ranks.writer()) on_zero = std::move(r);
    else EXPECT_FALSE(r);
  });
  ASSERT_TRUE(on_zero);
  expect_same(*one, *on_zero);
}

TEST(UncertaintyRun, AScenarioWithoutUncertainParametersIsAnInputError) {
  test::TempDir dir;
  std::ofstream(dir.path / "x.yaml") << "name: x\nterrain: {flat: 0}\nregion: {bbox: [30, 50, 31, 51]}\n";
  const model::Scenario s = model::load_scenario(dir.path / "x.yaml");
  EXPECT_THROW(run::run_uncertainty(s, {}), InputError);
}

}  // namespace
}  // namespace adcov
