#include <gtest/gtest.h>

#include <cpl_json.h>

#include <fstream>
#include <limits>
#include <sstream>

#include "adcov/report/summary_json.hpp"
#include "adcov/error.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;
using Type = CPLJSONObject::Type;

namespace {

CPLJSONObject parse(const std::string& text) {
  CPLJSONDocument doc;
  EXPECT_TRUE(doc.LoadMemory(text)) << text;
  return doc.GetRoot();
}

bool is_number(const CPLJSONObject& o) {
  return o.GetType() == Type::Double || o.GetType() == Type::Integer || o.GetType() == Type::Long;
}
bool is_int(const CPLJSONObject& o) { return o.GetType() == Type::Integer || o.GetType() == Type::Long; }

void expect_rate(const CPLJSONObject& r, const std::string& where) {
  ASSERT_TRUE(r.IsValid()) << where;
  EXPECT_TRUE(is_int(r.GetObj("launched"))) << where;
  EXPECT_TRUE(is_number(r.GetObj("intercepted_mean"))) << where;
  EXPECT_TRUE(is_number(r.GetObj("interception_rate"))) << where;
  const CPLJSONArray ci = r.GetArray("ci95");
  ASSERT_TRUE(ci.IsValid()) << where;
  EXPECT_EQ(ci.Size(), 2) << where;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(SummaryJson, HasEverySpecKeyWithTheRightType) {
  const auto s = test::synthetic_scenario();
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  const CPLJSONObject root = parse(report::summary_json("", s, &cov, &sim));

  EXPECT_EQ(root.GetObj("scenario").GetType(), Type::String);
  EXPECT_EQ(root.GetString("scenario"), "synthetic-test");
  EXPECT_TRUE(is_int(root.GetObj("seed")));
  EXPECT_EQ(root.GetLong("seed"), 42);
  EXPECT_TRUE(is_int(root.GetObj("trials")));
  EXPECT_EQ(root.GetInteger("trials"), 5);

  const CPLJSONArray coverage = root.GetArray("coverage");
  ASSERT_TRUE(coverage.IsValid());
  ASSERT_EQ(coverage.Size(), 2);
  for (int i = 0; i < coverage.Size(); ++i) {
    const CPLJSONObject c = coverage[i];
    for (const char* k : {"altitude_m", "region_km2", "covered_km2", "covered_fraction"})
      EXPECT_TRUE(is_number(c.GetObj(k))) << k;
    EXPECT_EQ(c.GetObj("file").GetType(), Type::String);
    EXPECT_EQ(c.GetObj("by_operator").GetType(), Type::Object);
    EXPECT_EQ(c.GetObj("marginal_by_operator").GetType(), Type::Object);
    EXPECT_TRUE(is_number(c.GetObj("by_operator/ukraine")));
    EXPECT_EQ(c.GetObj("protect").GetType(), Type::Object);
    EXPECT_TRUE(is_number(c.GetObj("protect/covered_fraction")));
  }
  EXPECT_EQ(coverage[0].GetString("file"), "coverage_50m.tif");
  EXPECT_EQ(coverage[1].GetString("file"), "coverage_12.5m.tif");
  EXPECT_EQ(root.GetString("floor/file"), "floor.tif");

  const CPLJSONObject e = root.GetObj("engagement");
  ASSERT_EQ(e.GetType(), Type::Object);
  expect_rate(e.GetObj("overall"), "overall");
  expect_rate(e.GetObj("by_threat/shahed136"), "by_threat");
  expect_rate(e.GetObj("by_class/drone"), "by_class");
  expect_rate(e.GetObj("by_salvo/wave-1"), "by_salvo");
  const CPLJSONArray leak = e.GetArray("leakers_by_target");
  ASSERT_EQ(leak.Size(), 1);
  EXPECT_EQ(leak[0].GetArray("at").Size(), 2);
  EXPECT_TRUE(is_number(leak[0].GetObj("mean")));
  EXPECT_TRUE(is_number(e.GetObj("interceptors_fired/iris_t_slm")));
  EXPECT_TRUE(is_number(e.GetObj("cost_usd/interceptors")));
  EXPECT_TRUE(is_number(e.GetObj("cost_usd/threats_destroyed")));
  // Issue 12: every rate block says what EW took; overall and classes what got through.
  for (const char* block : {"overall", "by_threat/shahed136", "by_class/drone", "by_salvo/wave-1"}) {
    const CPLJSONObject b = e.GetObj(block);
    for (const char* k : {"lost_ew_mean", "lost_ew_rate", "neutralized_rate"}) EXPECT_TRUE(is_number(b.GetObj(k))) << block << k;
    EXPECT_EQ(b.GetArray("neutralized_ci95").Size(), 2) << block;
  }
  for (const char* block : {"overall", "by_class/drone"})
    for (const char* k : {"leaked_warheads_mean", "interceptors_on_decoys_mean"})
      EXPECT_TRUE(is_number(e.GetObj(block).GetObj(k))) << block << k;
  EXPECT_FALSE(e.GetObj("by_salvo/wave-1/leaked_warheads_mean").IsValid());
  // engagement.by_battery (issue 11): a battery that never ran dry has a null median.
  EXPECT_EQ(e.GetDouble("by_battery/kyiv-1/fired_mean"), 30.1);
  EXPECT_EQ(e.GetDouble("by_battery/kyiv-1/kills_mean"), 25.5);
  EXPECT_EQ(e.GetDouble("by_battery/kyiv-1/ran_dry_fraction"), 0.4);
  EXPECT_EQ(e.GetDouble("by_battery/kyiv-1/ran_dry_median_s"), 5400.0);
  EXPECT_EQ(e.GetObj("by_battery/kyiv-2/ran_dry_median_s").GetType(), Type::Null);
  EXPECT_FALSE(e.GetObj("network").IsValid());  // autonomous: no paired rerun to show
  EXPECT_EQ(root.GetObj("terrain").GetType(), Type::Object);
  EXPECT_EQ(root.GetObj("notes").GetType(), Type::Array);
}

TEST(SummaryJson, NetworkShowsTheAutonomousRatesBeside) {
  const auto s = test::synthetic_scenario();
  auto sim = test::synthetic_simulation();
  engage::NetworkEffect n;
  n.mode = "cued";
  n.autonomous_overall = {60, 35.0, 35.0 / 60, 0.5, 0.66};
  n.autonomous_by_class["drone"] = n.autonomous_overall;
  n.added_interceptions_mean = 6.2;
  sim.network = n;
  const CPLJSONObject e = parse(report::summary_json("", s, nullptr, &sim)).GetObj("engagement");
  EXPECT_EQ(e.GetString("network/c2_mode"), "cued");
  expect_rate(e.GetObj("network/autonomous/overall"), "network");
  expect_rate(e.GetObj("network/autonomous/by_class/drone"), "network");
  EXPECT_EQ(e.GetDouble("network/added_interceptions_mean"), 6.2);
}

TEST(SummaryJson, DoublesReadBackBitForBit) {
  const auto s = test::synthetic_scenario();
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  const CPLJSONObject root = parse(report::summary_json("", s, &cov, &sim));
  EXPECT_EQ(root.GetDouble("engagement/cost_usd/interceptors"), sim.cost_interceptors_mean_usd);
  EXPECT_EQ(root.GetArray("coverage")[0].GetDouble("covered_fraction"), cov.altitudes[0].region.covered_fraction);
  EXPECT_EQ(root.GetArray("coverage")[0].GetDouble("marginal_by_operator/contractor"), 1.0 / 3.0);
  EXPECT_EQ(root.GetArray("engagement/overall/ci95")[1].ToDouble(), 0.77);
}

TEST(SummaryJson, CoverageThenEngagementMergeIntoOneSummary) {
  const auto s = test::synthetic_scenario();
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  test::TempDir tmp;
  {
    report::OutputStage stage(tmp.path);
    report::write_summary(stage, s, &cov, nullptr, {"oblast border file missing"});
    stage.commit();
  }
  CPLJSONObject first = parse(slurp(tmp.path / "summary.json"));
  EXPECT_TRUE(first.GetObj("coverage").IsValid());
  EXPECT_FALSE(first.GetObj("engagement").IsValid());
  EXPECT_EQ(first.GetInteger("trials"), 0);
  EXPECT_EQ(first.GetLong("seed"), 7);  // the scenario's seed until a simulation runs
  {
    report::OutputStage stage(tmp.path);
    report::write_summary(stage, s, nullptr, &sim);
    stage.commit();
  }
  CPLJSONObject both = parse(slurp(tmp.path / "summary.json"));
  EXPECT_EQ(both.GetArray("coverage").Size(), 2);
  EXPECT_EQ(both.GetString("floor/file"), "floor.tif");
  EXPECT_TRUE(both.GetObj("engagement/overall").IsValid());
  EXPECT_EQ(both.GetInteger("trials"), 5);
  EXPECT_EQ(both.GetLong("seed"), 42);
  ASSERT_EQ(both.GetArray("notes").Size(), 1);
  EXPECT_EQ(both.GetArray("notes")[0].ToString(), "coverage: oblast border file missing");

  // Rerunning coverage replaces only the coverage part (and its notes).
  auto cov2 = cov;
  cov2.altitudes.resize(1);
  cov2.floor_m.clear();
  {
    report::OutputStage stage(tmp.path);
    report::write_summary(stage, s, &cov2, nullptr);
    stage.commit();
  }
  CPLJSONObject again = parse(slurp(tmp.path / "summary.json"));
  EXPECT_EQ(again.GetArray("coverage").Size(), 1);
  EXPECT_FALSE(again.GetObj("floor").IsValid());
  EXPECT_TRUE(again.GetObj("engagement/overall").IsValid());
  EXPECT_EQ(again.GetInteger("trials"), 5);
  EXPECT_EQ(again.GetArray("notes").Size(), 0);
}

TEST(SummaryJson, StagedSummaryIsTheBaseWithinOneRun) {
  const auto s = test::synthetic_scenario();
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  test::TempDir tmp;
  report::OutputStage stage(tmp.path);
  report::write_summary(stage, s, &cov, nullptr);
  report::write_summary(stage, s, nullptr, &sim);
  stage.commit();
  const CPLJSONObject root = parse(slurp(tmp.path / "summary.json"));
  EXPECT_TRUE(root.GetObj("coverage").IsValid());
  EXPECT_TRUE(root.GetObj("engagement").IsValid());
}

TEST(SummaryJson, AnotherScenariosSummaryIsReplacedNotMerged) {
  const auto s = test::synthetic_scenario();
  const auto sim = test::synthetic_simulation();
  const std::string other = R"({"scenario": "other", "seed": 1, "trials": 3, "coverage": []})";
  const CPLJSONObject root = parse(report::summary_json(other, s, nullptr, &sim));
  EXPECT_FALSE(root.GetObj("coverage").IsValid());
  EXPECT_THROW(report::summary_json("{not json", s, nullptr, &sim), adcov::Error);
}

// JSON integers stay integers and whole doubles keep their ".0" (docs/outputs.md).
TEST(SummaryJson, WholeDoublesKeepThePointIntegersDoNot) {
  const auto s = test::synthetic_scenario();
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  const std::string text = report::summary_json("", s, &cov, &sim);
  EXPECT_NE(text.find("\"seed\": 42,"), std::string::npos);
  EXPECT_NE(text.find("\"trials\": 5,"), std::string::npos);
  EXPECT_NE(text.find("\"altitude_m\": 50.0,"), std::string::npos);
  EXPECT_NE(text.find("\"region_km2\": 6300.0,"), std::string::npos);
  EXPECT_NE(text.find("\"threats_destroyed\": 2000000.0"), std::string::npos);
  EXPECT_NE(text.find("\"interceptors\": 0.30000000000000004,"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
}

TEST(SummaryJson, NonFiniteNumbersAreNull) {
  const auto s = test::synthetic_scenario();
  auto sim = test::synthetic_simulation();
  sim.overall.interception_rate = std::numeric_limits<double>::quiet_NaN();
  sim.overall.ci95_hi = std::numeric_limits<double>::infinity();
  const CPLJSONObject root = parse(report::summary_json("", s, nullptr, &sim));
  EXPECT_EQ(root.GetObj("engagement/overall/interception_rate").GetType(), Type::Null);
  EXPECT_EQ(root.GetArray("engagement/overall/ci95")[1].GetType(), Type::Null);
}

TEST(SummaryJson, KeysOfOtherToolsSurviveAfterOurs) {
  const auto s = test::synthetic_scenario();
  const auto sim = test::synthetic_simulation();
  const std::string base = R"({"zeta": [1, 2.5], "scenario": "synthetic-test", "alpha": {"k": "v"}})";
  const std::string text = report::summary_json(base, s, nullptr, &sim);
  const auto notes = text.find("\"notes\""), zeta = text.find("\"zeta\""), alpha = text.find("\"alpha\"");
  ASSERT_NE(zeta, std::string::npos);
  ASSERT_NE(alpha, std::string::npos);
  EXPECT_LT(notes, zeta);
  EXPECT_LT(zeta, alpha);  // in the base's order, not sorted
  const CPLJSONObject root = parse(text);
  EXPECT_EQ(root.GetArray("zeta")[1].ToDouble(), 2.5);
  EXPECT_EQ(root.GetString("alpha/k"), "v");
  EXPECT_THROW(report::summary_json("[1, 2]", s, nullptr, &sim), adcov::Error);
}
