// Coverage maps on flat ground against closed-form answers.
#include "adcov/coverage/coverage_map.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <vector>

#include "adcov/coverage/battery_cover.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/error.hpp"
#include "fixtures.hpp"
#include "support/support.hpp"

namespace adcov::coverage {
namespace {

constexpr double kR = geo::kEarthRadiusM;
constexpr double kPi = std::numbers::pi;

// A region of about 200 x 200 km around (30, 50) at 250 m cells, or of
// 2.4 x `half_km` with cells of half_km/200 km.
model::Scenario one_radar(double k, double range_km, double height_m, double min_el = -10, double half_km = 100) {
  const double dlat = 1.2 * half_km / 111.2, dlon = dlat / std::cos(50 * geo::kDegToRad);
  model::Scenario s = test::flat_scenario({30 - dlon, 50 - dlat, 30 + dlon, 50 + dlat},
                                          half_km > 100 ? half_km * 1000 / 200 : 250.0, k);
  s.systems["radar"] = test::radar_system(range_km, height_m, min_el);
  s.batteries.push_back(test::battery("r1", "radar", {30.0, 50.0}));
  return s;
}

double covered_km2(const CoverageResult& r, std::size_t a) { return r.altitudes[a].region.covered_km2; }

struct HorizonCase {
  double k, antenna_m, target_m;
};

class RadarHorizon : public ::testing::TestWithParam<HorizonCase> {};

// docs/model.md, "Geometry": on flat ground the radar horizon is
// sqrt(2kRh_a) + sqrt(2kRh_t); with a range far beyond it the covered area at
// h_t is the disc of that radius. The disc's edge is resolved to a fraction
// of a 250 m cell and the discrete horizon is within 0.5 m of the exact one
// (visibility_test), so the area is well within 1 %.
TEST_P(RadarHorizon, CoveredAreaIsTheHorizonDisc) {
  const auto [k, ha, ht] = GetParam();
  const double radius = std::sqrt(2 * k * kR * ha) + std::sqrt(2 * k * kR * ht);
  // Range 1.5 x the horizon: "huge" for this test, without computing far beyond it.
  model::Scenario s = one_radar(k, 1.5e-3 * radius, ha, -10, std::max(100.0, 1e-3 * radius));
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {ht}});
  const double disc_km2 = kPi * radius * radius * 1e-6;
  EXPECT_NEAR(covered_km2(r, 0), disc_km2, 0.01 * disc_km2) << "radius " << radius;
}

INSTANTIATE_TEST_SUITE_P(FlatGround, RadarHorizon,
                         ::testing::Values(HorizonCase{1.0, 10, 50}, HorizonCase{4.0 / 3.0, 10, 50},
                                           HorizonCase{4.0 / 3.0, 30, 200}, HorizonCase{1.2, 5, 100},
                                           HorizonCase{4.0 / 3.0, 2000, 100}));

// A target beyond the radar's range is not seen: with no horizon in the way
// (a 5 km high antenna, a 5 km target) the covered area is the range disc
// pi r^2, and r scales with (rcs/rcs_ref)^(1/4) (radar equation).
TEST(Coverage, DetectionRangeScalesWithFourthRootOfRcs) {
  for (double rcs : {1.0, 0.1, 0.01}) {
    model::Scenario s = one_radar(4.0 / 3.0, 40, 5000);
    model::ThreatType threat;
    threat.id = "t";
    threat.cls = model::ThreatClass::drone;
    threat.rcs_m2 = rcs;
    s.threats["t"] = threat;
    s.coverage.threat = "t";
    const geo::TerrainGrid t = load_scenario_terrain(s);
    const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {5000}});
    // slant range = horizontal distance at equal heights up to the curvature
    // drop (<= 0.1 km at 40 km), so the disc radius is the detection range.
    const double range = 40000 * std::pow(rcs, 0.25);
    EXPECT_NEAR(covered_km2(r, 0), kPi * range * range * 1e-6, 0.01 * kPi * range * range * 1e-6) << rcs;
  }
}

// Engagement envelope: slant range in [min, max] gives an annulus.
TEST(Coverage, MinAndMaxRangeGiveAnAnnulus) {
  model::Scenario s = one_radar(4.0 / 3.0, 100, 5000);
  s.systems["radar"].engagement = {10.0, 30.0, 0.0, 20000.0};
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {5000}});
  const double want = kPi * (30000.0 * 30000.0 - 10000.0 * 10000.0) * 1e-6;
  EXPECT_NEAR(covered_km2(r, 0), want, 0.01 * want);
}

// Elevation floor: with min elevation e (and no terrain in the way) the
// lowest visible height at distance d on flat ground is
// h_a + d tan(e) + d^2/(2kR) (the ray at elevation e in the curved frame).
TEST(Coverage, FloorFollowsTheElevationFloor) {
  const double k = 4.0 / 3.0, ha = 20, e = 1.0;
  model::Scenario s = one_radar(k, 80, ha, e);
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {100}});
  const BatteryGeometry& b = r.batteries[0];
  for (double d = 5000; d < 75000; d += 5000) {
    const geo::XY p{b.pos.x_m + d, b.pos.y_m};
    const int c = static_cast<int>(std::floor(r.grid.col_of(p.x_m))), row = static_cast<int>(std::floor(r.grid.row_of(p.y_m)));
    const geo::XY q = r.grid.cell_center(c, row);
    const double dd = std::hypot(q.x_m - b.pos.x_m, q.y_m - b.pos.y_m);
    const double want = ha + dd * std::tan(e * geo::kDegToRad) + dd * dd / (2 * k * kR);
    // The sweep computes in float: 1e-4 relative covers its rounding.
    EXPECT_NEAR(r.floor_m[static_cast<std::size_t>(row) * r.grid.width + c], want, 1e-4 * want + 0.01) << d;
  }
}

// The floor along a flat radial beyond the horizon is (d - sqrt(2kRh_a))^2/(2kR).
TEST(Coverage, FloorAlongFlatRadialIsTheTangentRay) {
  const double k = 4.0 / 3.0, ha = 15;
  model::Scenario s = one_radar(k, 90, ha);
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {100}});
  const BatteryGeometry& b = r.batteries[0];
  const double dh = std::sqrt(2 * k * kR * ha);
  for (double d = 20000; d < 85000; d += 5000) {
    const int c = static_cast<int>(std::floor(r.grid.col_of(b.pos.x_m + d))), row = static_cast<int>(std::floor(r.grid.row_of(b.pos.y_m)));
    const geo::XY q = r.grid.cell_center(c, row);
    const double dd = std::hypot(q.x_m - b.pos.x_m, q.y_m - b.pos.y_m);
    const double want = dd <= dh ? 0.0 : (dd - dh) * (dd - dh) / (2 * k * kR);
    // Half a cell of horizon placement error, second order at the tangent point: < 0.5 m.
    EXPECT_NEAR(r.floor_m[static_cast<std::size_t>(row) * r.grid.width + c], want, 0.5) << d;
  }
}

model::Scenario three_groups() {
  model::Scenario s = test::flat_scenario({28.9, 49.3, 31.3, 50.7}, 500.0, 4.0 / 3.0);
  s.systems["radar"] = test::radar_system(40, 3000, -5);
  s.batteries.push_back(test::battery("u", "radar", {29.7, 50.0}, model::OperatorGroup::ukraine));
  s.batteries.push_back(test::battery("a", "radar", {30.2, 50.0}, model::OperatorGroup::allied));
  s.batteries.push_back(test::battery("c", "radar", {30.55, 50.1}, model::OperatorGroup::contractor));
  return s;
}

// Operator areas: each group's covered area is its disc; the marginal area is
// what only that group covers. Three 40 km discs overlapping pairwise.
TEST(Coverage, MarginalAreaIsWhatOnlyThatGroupCovers) {
  model::Scenario s = three_groups();
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {3000}});
  const AreaStats& a = r.altitudes[0].region;
  const double disc = kPi * 40.0 * 40.0;
  for (const char* g : {"ukraine", "allied", "contractor"}) EXPECT_NEAR(a.by_operator_km2.at(g), disc, 0.01 * disc) << g;
  double sum_marginal = 0, sum_by = 0;
  for (const auto& [g, km2] : a.marginal_by_operator_km2) {
    sum_marginal += km2;
    EXPECT_LT(km2, a.by_operator_km2.at(g));
  }
  for (const auto& [g, km2] : a.by_operator_km2) sum_by += km2;
  // Inclusion-exclusion: covered = sum(by) - (pairwise overlaps) + triple;
  // with the marginal areas the covered area splits exactly into "one group
  // only" + "two or more", so covered >= sum of marginals.
  EXPECT_GE(a.covered_km2, sum_marginal);
  EXPECT_LT(a.covered_km2, sum_by);
}

TEST(Coverage, BitIdenticalForOneAndTwoThreads) {
  model::Scenario s = three_groups();
  s.terrain.flat_m = 100.0;
  const geo::TerrainGrid t = load_scenario_terrain(s);
  auto run = [&](int threads) {
    tbb::global_control cap(tbb::global_control::max_allowed_parallelism, threads);
    return compute_coverage(s, t, {.altitudes_m = {50, 500, 3000}});
  };
  const CoverageResult a = run(1), b = run(2);
  ASSERT_EQ(a.altitudes.size(), b.altitudes.size());
  for (std::size_t i = 0; i < a.altitudes.size(); ++i) {
    EXPECT_EQ(a.altitudes[i].count, b.altitudes[i].count);
    EXPECT_EQ(a.altitudes[i].region.covered_km2, b.altitudes[i].region.covered_km2);
    EXPECT_EQ(a.altitudes[i].region.marginal_by_operator_km2, b.altitudes[i].region.marginal_by_operator_km2);
  }
  ASSERT_EQ(a.floor_m.size(), b.floor_m.size());
  EXPECT_EQ(0, std::memcmp(a.floor_m.data(), b.floor_m.data(), a.floor_m.size() * sizeof(float)));
  for (std::size_t i = 0; i < a.batteries.size(); ++i)
    EXPECT_EQ(a.batteries[i].vis.min_visible_h_m, b.batteries[i].vis.min_visible_h_m);
}

// The counts are held a byte a cell up to 255 batteries and two bytes past
// that (CountMap): n batteries on one site count n at a cell all of them
// reach, however many, with the same areas either way.
TEST(Coverage, CountsOfManyBatteriesAreExact) {
  double covered_km2_of_255 = 0;
  for (const std::size_t n : {std::size_t{255}, std::size_t{300}}) {
    model::Scenario s = one_radar(4.0 / 3.0, 5, 10, -10, 10);
    for (std::size_t b = 1; b < n; ++b) s.batteries.push_back(test::battery(fmt::format("r{}", b + 1), "radar", {30.0, 50.0}));
    const geo::TerrainGrid t = load_scenario_terrain(s);
    const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {500}, .keep_windows = false});
    const CountMap& count = r.altitudes[0].count;
    EXPECT_EQ(count.wide(), n > 255);
    const geo::XY at = r.batteries[0].pos;
    const std::size_t i = static_cast<std::size_t>(std::floor(r.grid.row_of(at.y_m))) * r.grid.width +
                          static_cast<std::size_t>(std::floor(r.grid.col_of(at.x_m + 2000)));
    EXPECT_EQ(count[i], n);
    if (n == 255) covered_km2_of_255 = covered_km2(r, 0);
    EXPECT_GT(covered_km2(r, 0), 0);
    EXPECT_EQ(covered_km2(r, 0), covered_km2_of_255);
  }
}

// adcov coverage's windows (keep_windows false) reach only as far as the
// maps ask (their envelopes' ranges), not battery_reach_m, which a salvo of a
// large-RCS threat widens for the engagements: the maps are the same as from
// windows of the full reach, bit for bit.
TEST(Coverage, StreamedWindowsReachOnlyWhatTheMapsAsk) {
  model::Scenario s = one_radar(4.0 / 3.0, 40, 30, -10, 120);
  model::ThreatType small, big;
  small.id = "small", small.cls = model::ThreatClass::drone, small.rcs_m2 = 0.01;
  big.id = "big", big.cls = model::ThreatClass::cruise, big.rcs_m2 = 100;
  s.threats = {{"small", small}, {"big", big}};
  s.coverage.threat = "small";
  model::Salvo v;
  v.id = "v", v.threat = "big", v.count = 1;
  s.salvos.push_back(v);
  s.coverage.floor = true;
  // The maps' detection range is 40 km x 0.01^(1/4) = 12.6 km; the reach for the big threat 126 km.
  ASSERT_GT(battery_reach_m(s, s.systems.at("radar")), 100000);
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult full = compute_coverage(s, t, {.altitudes_m = {50, 500}});
  const CoverageResult streamed = compute_coverage(s, t, {.altitudes_m = {50, 500}, .keep_windows = false});
  ASSERT_GT(full.batteries[0].vis.width, 400);  // the full reach, 126 km at 600 m cells (clipped to the grid)
  for (std::size_t a = 0; a < 2; ++a) {
    EXPECT_GT(full.altitudes[a].region.covered_km2, 0) << a;
    EXPECT_EQ(full.altitudes[a].count, streamed.altitudes[a].count) << a;
    EXPECT_EQ(full.altitudes[a].region.covered_km2, streamed.altitudes[a].region.covered_km2) << a;
  }
  ASSERT_EQ(full.floor_m.size(), streamed.floor_m.size());
  EXPECT_EQ(0, std::memcmp(full.floor_m.data(), streamed.floor_m.data(), full.floor_m.size() * sizeof(float)));
}

// engageable() is the same test as the maps use, so the two agree cell by cell.
TEST(Engageable, AgreesWithTheCoverageCounts) {
  model::Scenario s = three_groups();
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {3000}});
  std::int64_t mismatches = 0;
  for (int row = 0; row < r.grid.height; row += 7)
    for (int c = 0; c < r.grid.width; c += 7) {
      const std::size_t i = static_cast<std::size_t>(row) * r.grid.width + c;
      if (!r.in_region[i]) continue;
      int n = 0;
      for (const BatteryGeometry& b : r.batteries)
        n += engageable(b, r.grid, r.grid.cell_center(c, row), 3000, t.ground_m[i], {1.0, model::ThreatClass::drone},
                        s.k_factor);
      mismatches += n != r.altitudes[0].count[i];
    }
  EXPECT_EQ(mismatches, 0);
}

// The precomputed lookup (the engage module's per-sample path) gives the
// same answer as engageable() for every battery, class, point and height.
TEST(Engageable, PrecomputedLookupAgreesWithEngageable) {
  model::Scenario s = three_groups();
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const std::vector<BatteryGeometry> bats = prepare_batteries(s, t);
  const geo::GridSpec& g = t.grid;
  std::int64_t checked = 0, yes = 0;
  for (const TargetQuery q : {TargetQuery{1.0, model::ThreatClass::drone}, TargetQuery{0.1, model::ThreatClass::cruise},
                              TargetQuery{0.5, model::ThreatClass::ballistic}})
    for (const BatteryGeometry& b : bats) {
      const EngageLookup lookup = engage_lookup(b, q);
      for (int row = 0; row < g.height; row += 5)
        for (int c = 0; c < g.width; c += 5) {
          const std::size_t i = static_cast<std::size_t>(row) * g.width + c;
          for (double h : {50.0, 500.0, 3000.0, 12000.0}) {
            const bool want = engageable(b, g, g.cell_center(c, row), h, t.ground_m[i], q, s.k_factor);
            ASSERT_EQ(engageable(lookup, g, g.cell_center(c, row), h, t.ground_m[i], s.k_factor), want)
                << "row " << row << " col " << c << " h " << h;
            ++checked, yes += want;
          }
        }
    }
  EXPECT_GT(yes, 0);
  EXPECT_LT(yes, checked);
}

// A battery at sea (ground below 0 m reads as the sea surface) and a flying
// patrol (antenna thousands of metres up) use the same model: the patrol's
// horizon against a 100 m target is sqrt(2kR 3000) + sqrt(2kR 100) ~ 267 km.
TEST(Coverage, FlyingPatrolSeesToItsHorizon) {
  model::Scenario s = test::flat_scenario({26.0, 47.5, 34.0, 52.5}, 500.0, 4.0 / 3.0);
  s.terrain.flat_m = -50.0;  // sea
  s.systems["awacs"] = test::radar_system(400, 3000, -10);
  s.batteries.push_back(test::battery("p", "awacs", {30.0, 50.0}));
  const geo::TerrainGrid t = load_scenario_terrain(s);
  EXPECT_GT(t.sea_cells, 0);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {100}});
  const double radius = std::sqrt(2 * 4.0 / 3.0 * kR * 3000) + std::sqrt(2 * 4.0 / 3.0 * kR * 100);
  const double disc = kPi * radius * radius * 1e-6;
  EXPECT_NEAR(covered_km2(r, 0), disc, 0.01 * disc);
}

// Issue 14: adcov coverage's memory estimate counts the count, group,
// detection and floor-key arrays only in the 4 KiB pages under the
// batteries' map reach (the folds write no other cell): at least the disc's
// cells, at most its rows each a page wider on both sides; a battery whose
// disc lies off the maps adds nothing.
TEST(Coverage, MemoryEstimateCountsTheMapPagesTheBatteriesReach) {
  model::Scenario s = test::flat_scenario({29.3, 49.2, 32.9, 51.1}, 100, 4.0 / 3.0);
  s.systems["r"] = test::radar_system(40, 10, -10);
  s.coverage.altitudes_m = {100, 500};
  s.coverage.floor = true;
  EXPECT_EQ(estimate_coverage_memory(s, 1).reached_bytes, 0.0);
  s.batteries.push_back(test::battery("in", "r", {31.1, 50.15}));
  const double reached = estimate_coverage_memory(s, 1).reached_bytes;
  // Per altitude a count and group bits (a byte each) and a detection count; the floor's keys (4 bytes).
  const int byte_arrays = 2 * (wants_detection_maps(s) ? 3 : 2);
  const double bytes_per_cell = byte_arrays + 4.0;
  const double r = map_window_reach_m(s, s.systems["r"], 100) / 100;
  EXPECT_GT(r, 300);
  EXPECT_GE(reached, bytes_per_cell * kPi * r * r);
  EXPECT_LE(reached, (2 * r + 4) * ((2 * r + 4) * bytes_per_cell + 2 * 4096.0 * (byte_arrays + 1)));
  s.batteries.push_back(test::battery("off", "r", {36.5, 50.15}));  // 250 km east of the region
  EXPECT_EQ(estimate_coverage_memory(s, 1).reached_bytes, reached);
}

// Too many discs to mark quickly (10,000 batteries on a 10 m grid): the
// estimate counts the whole arrays rather than take long.
TEST(Coverage, MemoryEstimateCountsWholeMapsPastItsWorkLimit) {
  model::Scenario s = test::flat_scenario({29.3, 49.2, 32.9, 51.1}, 10, 4.0 / 3.0);
  s.systems["r"] = test::radar_system(40, 10, -10);
  s.coverage.altitudes_m = {100, 500};
  s.coverage.floor = true;
  for (int i = 0; i < 10000; ++i)
    s.batteries.push_back(
        test::battery(fmt::format("b{}", i), "r", {29.5 + 0.032 * (i % 100), 49.4 + 0.015 * (i / 100)}));
  const MemoryEstimate e = estimate_coverage_memory(s, 1);
  const int byte_arrays = 2 * (wants_detection_maps(s) ? 3 : 2);
  EXPECT_EQ(e.reached_bytes, e.map_cells * (byte_arrays + 4.0));
}

// Issue 14: the fold keeps the floor as keys (0 for +inf, so untouched pages
// stay the zero page; the larger key the lower floor, so MPI shares merge by
// max). Every float but NaN comes back bit for bit, and the order holds
// across signs, zeros and infinities.
TEST(Coverage, FloorKeysKeepEveryFloatAndReverseTheOrder) {
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> up{-inf, -1e30f, -2.5f, -std::numeric_limits<float>::denorm_min(), -0.0f, 0.0f,
                              std::numeric_limits<float>::denorm_min(), 1e-3f, 50.0f, 50.000004f, 3000.0f,
                              std::numeric_limits<float>::max(), inf};
  EXPECT_EQ(floor_key(inf), 0u);
  for (std::size_t i = 0; i < up.size(); ++i) {
    const float back = floor_of_key(floor_key(up[i]));
    EXPECT_EQ(std::memcmp(&back, &up[i], sizeof(float)), 0) << up[i];
    if (i > 0) {
      EXPECT_GT(floor_key(up[i - 1]), floor_key(up[i])) << up[i - 1] << " " << up[i];
    }
  }
}

// Issue 14: the region mask skips the cells of blocks that lie wholly inside
// the region; it must give the same bits as testing every cell's centre.
// A wide box (curved parallels in LAEA) with a radar 150 km out east (the
// grid grows past the region), at a cell size whose blocks are 20 cells.
TEST(Coverage, RegionMaskIsTheCellByCellTest) {
  for (double cell_m : {100.0, 1300.0}) {
    model::Scenario s = test::flat_scenario({29.3, 49.2, 32.9, 51.1}, cell_m, 4.0 / 3.0);
    s.systems["r"] = test::radar_system(40, 10, -10);
    s.batteries.push_back(test::battery("far", "r", {35.0, 50.0}));
    const geo::TerrainGrid t = load_scenario_terrain(s);
    const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {100}});
    const geo::GridSpec& g = r.grid;
    const geo::LonLatBox& bb = s.region.bbox;
    std::size_t differ = 0, inside = 0;
    for (int row = 0; row < g.height; ++row)
      for (int col = 0; col < g.width; ++col) {
        const geo::LonLat ll = geo::unproject(g.projection, g.cell_center(col, row));
        const bool in = ll.lon_deg >= bb.west && ll.lon_deg <= bb.east && ll.lat_deg >= bb.south &&
                        ll.lat_deg <= bb.north;
        inside += in;
        differ += in != (r.in_region[static_cast<std::size_t>(row) * g.width + col] != 0);
      }
    EXPECT_EQ(differ, 0u) << cell_m << " m cells";
    EXPECT_GT(inside, 0u);
    EXPECT_LT(inside, g.cells());
  }
}

}  // namespace
}  // namespace adcov::coverage

namespace adcov::coverage {
namespace {

model::Scenario on_srtm_tile() {
  model::Scenario s = test::flat_scenario({21.3, 40.3, 21.7, 40.7}, 250.0, 4.0 / 3.0);
  s.terrain.flat_m.reset();
  s.terrain.dem_files = {test::source_path("data/dem/srtm3_fixture_greece_not_ukraine/N40E021.hgt")};
  s.systems["radar"] = test::radar_system(30, 10);
  return s;
}

// The maps fold a window row at a time, two cells at once (interval_row.hpp):
// on real terrain, with a minimum range and an engagement ceiling, the floor
// is the least engageable height of any battery and the counts are the
// batteries whose interval holds the altitude, as engage_interval gives them
// cell by cell: the same floats, bit for bit.
TEST(Coverage, FoldIsEngageIntervalCellByCell) {
  model::Scenario s = on_srtm_tile();
  s.systems["near"] = test::radar_system(25, 15);
  s.systems["near"].engagement = {6.0, 22.0, 30.0, 4000.0};
  s.batteries.push_back(test::battery("a", "radar", {21.45, 40.5}));
  s.batteries.push_back(test::battery("b", "near", {21.55, 40.45}));
  s.batteries.push_back(test::battery("c", "radar", {21.52, 40.6}, model::OperatorGroup::allied));
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {50, 500}});
  ASSERT_FALSE(r.floor_m.empty());
  // The maps cover the region's rectangle of the terrain grid; distances are
  // taken on the terrain grid, as the fold takes them.
  const int col0 = static_cast<int>(std::lround((r.grid.x0_m - t.grid.x0_m) / t.grid.cell_m));
  const int row0 = static_cast<int>(std::lround((t.grid.y0_m - r.grid.y0_m) / t.grid.cell_m));
  std::int64_t checked = 0;
  for (int rr = 0; rr < r.grid.height; ++rr)
    for (int rc = 0; rc < r.grid.width; ++rc) {
      const std::size_t i = static_cast<std::size_t>(rr) * r.grid.width + rc;
      if (!r.in_region[i]) continue;
      const int row = rr + row0, c = rc + col0;
      const std::size_t ti = static_cast<std::size_t>(row) * t.grid.width + c;
      float floor = std::numeric_limits<float>::infinity();
      int n50 = 0, n500 = 0;
      for (const BatteryGeometry& b : r.batteries) {
        const VisibilityWindow& v = b.vis;
        const int wr = row - v.row0, wc = c - v.col0;
        if (wr < 0 || wc < 0 || wr >= v.height || wc >= v.width) continue;
        const float vis = v.min_visible_h_m[static_cast<std::size_t>(wr) * v.width + wc];
        const double dx = t.grid.cell_center(c, row).x_m - b.pos.x_m, dy = t.grid.cell_center(0, row).y_m - b.pos.y_m;
        const HeightInterval iv = engage_interval(reference_envelope(s, b.system).env, vis,
                                                  std::sqrt(dx * dx + dy * dy), t.ground_m[ti], v.antenna_z_m,
                                                  s.k_factor);
        if (iv.empty()) continue;
        floor = std::min(floor, static_cast<float>(iv.lo_m));
        n50 += iv.lo_m <= 50 && 50 <= iv.hi_m;
        n500 += iv.lo_m <= 500 && 500 <= iv.hi_m;
      }
      if (!(floor < std::numeric_limits<float>::infinity())) floor = std::numeric_limits<float>::quiet_NaN();
      const bool same_floor =
          std::memcmp(&floor, &r.floor_m[i], sizeof floor) == 0 || (std::isnan(floor) && std::isnan(r.floor_m[i]));
      ASSERT_TRUE(same_floor) << "cell " << c << ", " << row << ": " << floor << " against " << r.floor_m[i];
      ASSERT_EQ(r.altitudes[0].count[i], n50) << "cell " << c << ", " << row;
      ASSERT_EQ(r.altitudes[1].count[i], n500) << "cell " << c << ", " << row;
      ++checked;
    }
  EXPECT_GT(checked, 15000);
}

// `adcov coverage` grids the region and the batteries' cells only
// (TerrainExtent::region), not every battery's reach: a region cell's
// visibility is swept from cells between it and the radar. Its maps must be
// those of the full grid bit for bit, also from batteries outside the
// region; before the sweep took the observer as a whole cell and a fraction
// (LineArgs::ob), the floor differed in its last bits where a window was
// clipped differently.
TEST(ScenarioTerrain, RegionExtentGivesTheCoverageOfTheFullReach) {
  model::Scenario s = on_srtm_tile();
  s.resolution_m = 60;  // windows ~1,000 cells across, where the old rounding showed
  s.batteries.push_back(test::battery("inside", "radar", {21.45, 40.5}));
  s.batteries.push_back(test::battery("west", "radar", {21.12, 40.55}, model::OperatorGroup::allied));
  s.batteries.push_back(test::battery("north-east", "radar", {21.85, 40.85}));
  const geo::TerrainGrid full = load_scenario_terrain(s, TerrainExtent::reach);
  const geo::TerrainGrid part = load_scenario_terrain(s, TerrainExtent::region);
  EXPECT_LT(part.grid.cells() * 10, full.grid.cells() * 6);
  const CoverageOptions opt{.altitudes_m = {50, 500}};
  const CoverageResult a = compute_coverage(s, full, opt), b = compute_coverage(s, part, opt);
  ASSERT_EQ(a.grid.x0_m, b.grid.x0_m);
  ASSERT_EQ(a.grid.y0_m, b.grid.y0_m);
  ASSERT_EQ(a.grid.cells(), b.grid.cells());
  for (std::size_t k = 0; k < a.altitudes.size(); ++k) EXPECT_TRUE(a.altitudes[k].count == b.altitudes[k].count);
  EXPECT_GT(b.altitudes[1].region.by_operator_km2.at("allied"), 10.0);  // the battery west of the region
  ASSERT_EQ(a.floor_m.size(), b.floor_m.size());
  EXPECT_EQ(std::memcmp(a.floor_m.data(), b.floor_m.data(), a.floor_m.size() * sizeof(float)), 0);
}

TEST(ScenarioTerrain, BatteryOutsideTheDemIsAnInputErrorWithCoordinates) {
  model::Scenario s = on_srtm_tile();
  s.batteries.push_back(test::battery("far-away", "radar", {30.0, 50.0}));
  s.batteries.back().loc = {"x.yaml", 12, 5};
  try {
    const geo::TerrainGrid t = load_scenario_terrain(s);
    prepare_batteries(s, t);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("x.yaml:12:5: battery 'far-away' at (30.00000, 50.00000) is outside"),
              std::string::npos)
        << e.what();
  }
}

TEST(ScenarioTerrain, RegionOutsideTheDemIsAnInputErrorWithCoordinates) {
  model::Scenario s = on_srtm_tile();
  s.region.bbox = {21.8, 40.3, 22.3, 40.7};  // crosses the tile's east edge at 22 E
  s.region.loc = {"x.yaml", 4, 3};
  s.batteries.push_back(test::battery("b", "radar", {21.5, 40.5}));
  try {
    load_scenario_terrain(s);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("x.yaml:4:3: region [21.8, 40.3, 22.3, 40.7] extends outside the DEM: no elevation at (22."),
              std::string::npos)
        << m;
  }
}

TEST(ScenarioTerrain, MarginIsCappedToTheDem) {
  model::Scenario s = on_srtm_tile();
  s.batteries.push_back(test::battery("b", "radar", {21.1, 40.5}));  // its 30 km reach crosses 21 E
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {100}});
  EXPECT_GT(r.altitudes[0].region.covered_km2, 0);
}

}  // namespace
}  // namespace adcov::coverage
