// The MPI split of the run layer, run on threads (thread_ranks.hpp): 1, 2 and
// 3 ranks give rank 0 the same numbers as one process, other ranks nothing;
// a failure on any rank reaches rank 0 with its kind; the wire codec
// round-trips exactly and refuses damaged buffers.

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <cstring>
#include <limits>

#include <mutex>
#include <optional>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/data_files.hpp"
#include "adcov/run/coverage_split.hpp"
#include "adcov/run/output_split.hpp"
#include "adcov/run/scenario_run.hpp"
#include "adcov/run/ranks.hpp"
#include "adcov/run/sweep_run.hpp"
#include "adcov/run/tallies_wire.hpp"
#include "adcov/run/trials_split.hpp"
#include "adcov/run/wire.hpp"
#include "support/support.hpp"
#include "thread_ranks.hpp"

namespace adcov {
namespace {

using test::with_thread_ranks;

model::Scenario kyiv() { return model::load_scenario(test::source_path("tests/golden/kyiv-night-raid/scenario.yaml")); }

void expect_same_rates(const engage::RateStats& a, const engage::RateStats& b) {
  EXPECT_EQ(a.launched, b.launched);
  EXPECT_EQ(a.intercepted_mean, b.intercepted_mean);
  EXPECT_EQ(a.interception_rate, b.interception_rate);
  EXPECT_EQ(a.ci95_lo, b.ci95_lo);
  EXPECT_EQ(a.ci95_hi, b.ci95_hi);
}

/// The Kyiv raid with a sensor network: a P-18, Swerling 1 tracks drawn per
/// trial and integrated C2 (remote windows, the paired autonomous rerun),
/// and a GNSS-denial zone (losses drawn per trial).
model::Scenario networked_kyiv() {
  model::Scenario s = kyiv();
  model::Battery ew;
  ew.id = "ew-p18";
  ew.system = "p18";
  ew.position = {30.3, 50.2};
  s.batteries.push_back(ew);
  s.detection.model = model::DetectionModel::swerling1;
  s.c2.mode = model::C2Mode::integrated;
  model::EwZone z;  // and a GNSS-denial zone over the city (issue 12)
  z.id = "pokrova";
  z.center = {30.52, 50.45};
  z.radius_km = 30;
  z.strength = 0.8;
  s.ew.push_back(z);
  return s;
}

/// The Kyiv raid with every drone and cruise salvo on a least-exposure
/// route (issue 16), planned by each rank for itself.
model::Scenario routed_kyiv() {
  model::Scenario s = kyiv();
  for (model::Salvo& v : s.salvos)
    if (s.threats.at(v.threat).cls != model::ThreatClass::ballistic)
      v.route_kind = model::RouteKind::least_exposure, v.route.clear();
  return s;
}

TEST(TrialsSplit, RanksGiveRankZeroTheOneProcessResult) {
  for (const model::Scenario& s : {kyiv(), networked_kyiv(), routed_kyiv()}) {
    SCOPED_TRACE(s.c2.mode == model::C2Mode::autonomous ? s.salvos[0].route_kind == model::RouteKind::least_exposure
                                                               ? "least-exposure routes" : "v1"
                                                         : "network");
    const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
    const auto batteries = coverage::prepare_batteries(s, terrain);
    engage::SimulationOptions opt;
    opt.trials = 31;  // not a multiple of 2 or 3: uneven shares
    opt.seed = 5;
    const engage::SimulationResult one = engage::simulate(s, terrain, batteries, opt);
    for (int size : {2, 3}) {
      std::mutex m;
      std::optional<engage::SimulationResult> on_zero;
      int others_empty = 0;
      with_thread_ranks(size, [&](const run::Ranks& ranks) {
        auto r = run::simulate_split(ranks, s, terrain, batteries, opt);
        std::lock_guard lock(m);
        if (ranks.writer()) on_zero = std::move(r);
        else others_empty += !r.has_value();
      });
      ASSERT_TRUE(on_zero) << size << " ranks";
      EXPECT_EQ(others_empty, size - 1);
      expect_same_rates(one.overall, on_zero->overall);
      for (const auto& [id, rate] : one.by_salvo) expect_same_rates(rate, on_zero->by_salvo.at(id));
      ASSERT_EQ(one.trial_outcomes.size(), on_zero->trial_outcomes.size());
      for (std::size_t i = 0; i < one.trial_outcomes.size(); ++i) {
        EXPECT_EQ(one.trial_outcomes[i].intercepted, on_zero->trial_outcomes[i].intercepted) << i;
        EXPECT_EQ(one.trial_outcomes[i].interceptor_cost_usd, on_zero->trial_outcomes[i].interceptor_cost_usd) << i;
      }
      EXPECT_EQ(one.interceptors_fired, on_zero->interceptors_fired);
      ASSERT_EQ(one.by_battery.size(), on_zero->by_battery.size());
      for (std::size_t b = 0; b < one.by_battery.size(); ++b) {
        EXPECT_EQ(one.by_battery[b].second.ran_dry_fraction, on_zero->by_battery[b].second.ran_dry_fraction);
        EXPECT_EQ(one.by_battery[b].second.ran_dry_median_s, on_zero->by_battery[b].second.ran_dry_median_s);
      }
      expect_same_rates(one.by_class.at("drone"), on_zero->by_class.at("drone"));
      EXPECT_EQ(one.overall.lost_ew_mean, on_zero->overall.lost_ew_mean);
      EXPECT_EQ(one.overall.leaked_warheads_mean, on_zero->overall.leaked_warheads_mean);
      ASSERT_EQ(one.network.has_value(), on_zero->network.has_value());
      if (one.network) expect_same_rates(one.network->autonomous_overall, on_zero->network->autonomous_overall);
    }
  }
}

TEST(SweepSplit, TwoRanksGiveTheSameRowsInOrder) {
  const model::Scenario s = kyiv();
  run::SweepOptions opt;
  opt.trials = 4;
  const report::SweepResult one = *run::run_sweep(s, opt);
  ASSERT_EQ(one.points.size(), 9u);
  EXPECT_EQ(one.terrain_loads, 1);
  std::optional<report::SweepResult> on_zero;
  with_thread_ranks(2, [&](const run::Ranks& ranks) {
    auto r = run::run_sweep(s, opt, ranks);
    if (ranks.writer()) on_zero = std::move(r);
  });
  ASSERT_TRUE(on_zero);
  ASSERT_EQ(on_zero->points.size(), one.points.size());
  EXPECT_EQ(on_zero->terrain_loads, 2);  // one per rank
  for (std::size_t i = 0; i < one.points.size(); ++i) {
    EXPECT_EQ(on_zero->points[i].index, i);
    EXPECT_EQ(on_zero->points[i].values, one.points[i].values);
    expect_same_rates(one.points[i].overall, on_zero->points[i].overall);
    EXPECT_EQ(one.points[i].covered_fraction, on_zero->points[i].covered_fraction);
  }
}

TEST(GatherWork, AnotherRanksInputErrorIsRethrownOnRankZero) {
  std::mutex m;
  std::vector<std::string> seen;
  with_thread_ranks(2, [&](const run::Ranks& ranks) {
    try {
      run::gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
        if (ranks.rank == 1) throw InputError(std::vector<std::string>{"a.yaml:3:1: bad", "a.yaml:4:2: worse"});
        buf.push_back(42);
      });
      std::lock_guard lock(m);
      seen.push_back("rank " + std::to_string(ranks.rank) + " returned");
    } catch (const InputError& e) {
      std::lock_guard lock(m);
      seen.push_back("rank " + std::to_string(ranks.rank) + " InputError " + e.messages().at(1));
    }
  });
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"rank 0 InputError a.yaml:4:2: worse",
                                            "rank 1 InputError a.yaml:4:2: worse"}));
}

TEST(Wire, RoundTripsExactlyAndRefusesDamage) {
  std::vector<std::int64_t> buf;
  run::WireWriter w{buf};
  w.f64(0.1);
  w.str("Kharkiv \xd0\xa5");  // 10 bytes: two words
  w.i64s({1, -2, 3});
  run::WireReader r{buf.data(), buf.size(), "test"};
  EXPECT_EQ(r.f64(), 0.1);
  EXPECT_EQ(r.str(), "Kharkiv \xd0\xa5");
  EXPECT_EQ(r.i64s(), (std::vector<std::int64_t>{1, -2, 3}));
  r.expect_end();
  run::WireReader short_read{buf.data(), buf.size() - 1, "test"};
  short_read.f64();
  short_read.str();
  EXPECT_THROW(short_read.i64s(), Error);
  const std::vector<std::int64_t> huge{1'000'000};
  run::WireReader bad_len{huge.data(), huge.size(), "test"};
  EXPECT_THROW(bad_len.str(), Error);
}

TEST(TalliesWire, RoundTripsAndRejectsForeignBuffers) {
  engage::SimulationTallies t;
  t.seed = 77;
  t.first_trial = 5;
  t.trials = 2;
  t.intercepted_by_salvo = {3, 4};
  t.fired_by_battery = {9};
  t.ran_dry_by_battery = {1};
  t.intercepted_autonomous_by_salvo = {2, 3};
  t.ran_dry_s = {std::numeric_limits<float>::quiet_NaN(), 1234.5f};
  t.trial_outcomes = {{1, 2, 3, 1.5e6, 0.25}, {4, 5, 6, 0.1, 7.0}};
  t.salvo_trials = {{1, 0, 2}, {0, 3, 1}, {4, 0, 0}, {2, 1, 1}};
  t.autonomous_trials = {1, 0, 2, 1};
  std::vector<std::int64_t> buf;
  run::encode_tallies(t, buf);
  const engage::SimulationTallies back = run::decode_tallies(buf.data(), buf.size());
  std::vector<std::int64_t> again;
  run::encode_tallies(back, again);
  EXPECT_EQ(again, buf);
  EXPECT_EQ(back.trial_outcomes[1].interceptor_cost_usd, 0.1);
  EXPECT_TRUE(std::isnan(back.ran_dry_s[0]));
  EXPECT_EQ(back.ran_dry_s[1], 1234.5f);
  EXPECT_EQ(back.intercepted_autonomous_by_salvo, t.intercepted_autonomous_by_salvo);
  EXPECT_EQ(back.autonomous_trials, t.autonomous_trials);
  ASSERT_EQ(back.salvo_trials.size(), 4u);
  EXPECT_EQ(back.salvo_trials[1].lost, 3);
  EXPECT_EQ(back.salvo_trials[3].leaked, 1);
  EXPECT_THROW(run::decode_tallies(buf.data(), buf.size() - 1), Error);
  buf[0] = 0;
  EXPECT_THROW(run::decode_tallies(buf.data(), buf.size()), Error);
}

}  // namespace
}  // namespace adcov

namespace adcov {
namespace {

// Issue 14: `adcov coverage` splits the batteries across ranks; rank 0's
// maps are the one process's, bit for bit (counts, detection counts, floor,
// every area), for 2 and 3 ranks, with operator groups and sensors.
void expect_same_maps(const coverage::CoverageResult& one, const coverage::CoverageResult& got, int rank) {
  ASSERT_EQ(one.altitudes.size(), got.altitudes.size()) << "rank " << rank;
  for (std::size_t a = 0; a < one.altitudes.size(); ++a) {
    EXPECT_EQ(one.altitudes[a].count, got.altitudes[a].count) << rank << " " << a;
    EXPECT_EQ(one.altitudes[a].detected, got.altitudes[a].detected) << rank << " " << a;
    EXPECT_EQ(one.altitudes[a].region.covered_km2, got.altitudes[a].region.covered_km2) << rank << " " << a;
    EXPECT_EQ(one.altitudes[a].region.marginal_by_operator_km2, got.altitudes[a].region.marginal_by_operator_km2);
    EXPECT_EQ(one.altitudes[a].region.detected_km2, got.altitudes[a].region.detected_km2);
  }
  ASSERT_EQ(one.floor_m.size(), got.floor_m.size());
  EXPECT_EQ(0, std::memcmp(one.floor_m.data(), got.floor_m.data(), one.floor_m.size() * sizeof(float))) << rank;
  EXPECT_EQ(one.batteries.size(), got.batteries.size());
}

// Every rank gets the merged maps: each writes some of the files (output_split).
TEST(CoverageSplit, EveryRankGetsTheOneProcessMaps) {
  const model::Scenario s = networked_kyiv();
  const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
  const coverage::CoverageResult one = coverage::compute_coverage(s, terrain, {});
  coverage::CoverageOptions streamed;
  streamed.keep_windows = false;
  for (int size : {2, 3}) {
    std::mutex m;
    std::vector<std::optional<coverage::CoverageResult>> got(static_cast<std::size_t>(size));
    with_thread_ranks(size, [&](const run::Ranks& ranks) {
      auto r = coverage::finish_coverage(run::coverage_split(ranks, s, terrain, streamed));
      std::lock_guard lock(m);
      got[static_cast<std::size_t>(ranks.rank)] = std::move(r);
    });
    for (int r = 0; r < size; ++r) {
      ASSERT_TRUE(got[static_cast<std::size_t>(r)]) << size << " ranks, rank " << r;
      expect_same_maps(one, *got[static_cast<std::size_t>(r)], r);
    }
  }
}

TEST(OutputSplit, JobsGoLargestFirstToTheLeastLoadedRank) {
  std::vector<report::OutputJob> jobs;
  for (double cost : {3, 3, 3, 2, 2, 2, 4}) jobs.push_back({{}, cost, {}});
  // Rank 0 starts at 1 (it writes the layers, KML and summary last): the
  // floor (4) goes to rank 1, then each next largest to the lower total, ties to the lower rank.
  EXPECT_EQ(run::assign_jobs(jobs, 2, 1), (std::vector<int>{0, 0, 1, 0, 1, 0, 1}));
  EXPECT_EQ(run::assign_jobs(jobs, 1, 1), (std::vector<int>(7, 0)));
  EXPECT_EQ(run::assign_jobs(jobs, 3, 1), (std::vector<int>{2, 0, 2, 0, 1, 0, 1}));
}

std::map<std::string, std::string> folder_bytes(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    files[e.path().filename().string()] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return files;
}

// `adcov coverage` on 2 and 3 ranks: every rank writes some of the map jobs
// into rank 0's folder; the folder holds exactly the one-process files, byte
// for byte, and no temporaries.
TEST(OutputSplit, RanksWriteTheOneProcessFolder) {
  const model::Scenario s = networked_kyiv();
  test::TempDir tmp;
  run::ScenarioRunOptions opt;
  opt.render = report::default_render_options();
  ASSERT_TRUE(run::run_coverage(s, tmp.path / "one", opt));
  const auto one = folder_bytes(tmp.path / "one");
  ASSERT_GT(one.size(), 20u);  // 3 altitudes' maps, detection maps, floor, layers, KML, summary
  for (int size : {2, 3}) {
    const std::filesystem::path dir = tmp.path / ("ranks" + std::to_string(size));
    std::atomic<int> written{0};
    with_thread_ranks(size, [&](const run::Ranks& ranks) {
      run::ScenarioRunOptions o = opt;
      o.ranks = ranks;
      const auto out = run::run_coverage(s, dir, o);
      EXPECT_EQ(out.has_value(), ranks.writer()) << "rank " << ranks.rank;
      if (out) written = static_cast<int>(out->files.size());
    });
    EXPECT_EQ(written, static_cast<int>(one.size())) << size << " ranks";
    const auto got = folder_bytes(dir);
    ASSERT_EQ(got.size(), one.size()) << size << " ranks";
    for (const auto& [name, bytes] : one) EXPECT_TRUE(got.count(name) && got.at(name) == bytes) << size << ": " << name;
  }
}

// Regression: under mpirun, a folder another run holds stopped rank 0 at
// once while the other ranks waited for it in the first gather, forever.
TEST(OutputSplit, AFolderAnotherRunHoldsStopsEveryRank) {
  test::TempDir tmp;
  const report::OutputStage other_run(tmp.path);  // holds the folder's lock
  std::atomic<int> refused{0};
  with_thread_ranks(2, [&](const run::Ranks& ranks) {
    run::ScenarioRunOptions o;
    o.ranks = ranks;
    try {
      run::run_coverage(networked_kyiv(), tmp.path, o);
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), tmp.path.string() +
                                           ": another adcov process is writing to this output folder; wait for it "
                                           "to finish or choose another folder with -o");
      ++refused;
    }
  });
  EXPECT_EQ(refused, 2);
}

}  // namespace
}  // namespace adcov
