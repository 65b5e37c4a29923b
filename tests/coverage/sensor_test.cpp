// Sensors in the coverage module (docs/coverage.md, "Sectors", "Acoustic
// sensors", "Detection maps") against closed-form answers on flat ground.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "adcov/coverage/coverage_map.hpp"
#include "fixtures.hpp"

namespace adcov::coverage {
namespace {

constexpr double kR = geo::kEarthRadiusM;

// A region around (31, 50): one degree east of the grid's central meridian
// (30.5), where grid north is ~0.4 deg off true north.
model::Scenario sector_scenario(double sector_deg, double azimuth_deg) {
  model::Scenario s = test::flat_scenario({30.3, 49.6, 31.7, 50.4}, 250.0, 4.0 / 3.0);
  s.systems["radar"] = test::radar_system(40, 30, -5);
  s.systems["radar"].radar.sector_deg = sector_deg;
  s.batteries.push_back(test::battery("r", "radar", {31.0, 50.0}));
  s.batteries.back().azimuth_deg = azimuth_deg;
  return s;
}

float vis_toward(const BatteryGeometry& b, const geo::TerrainGrid& t, geo::LonLat from, double bearing_deg,
                 double dist_m) {
  const geo::XY p = geo::project(t.grid.projection, geo::destination(from, bearing_deg, dist_m));
  return b.vis.at(static_cast<int>(std::floor(t.grid.col_of(p.x_m))),
                  static_cast<int>(std::floor(t.grid.row_of(p.y_m))));
}

// A 90 deg sector facing east sees bearings 45..135 (true): a cell due east
// yes, due west no, 46 deg off the axis (bearing 44 or 136) no, 44 deg off
// (46 or 134) yes. At 30 km a 250 m cell spans 0.5 deg, well inside the
// 2 deg between the cases; the grid convergence here (~0.4 deg) would not
// flip them, the ring test below checks it.
TEST(Sector, NinetyDegreesFacingEastSeesEastNotWestNorNorth) {
  const model::Scenario s = sector_scenario(90, 90);
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const auto bs = prepare_batteries(s, t);
  const geo::LonLat at = s.batteries[0].position;
  EXPECT_LT(vis_toward(bs[0], t, at, 90, 10000), kNeverVisible);
  EXPECT_EQ(vis_toward(bs[0], t, at, 270, 10000), kNeverVisible);
  EXPECT_EQ(vis_toward(bs[0], t, at, 0, 10000), kNeverVisible);
  EXPECT_EQ(vis_toward(bs[0], t, at, 44, 30000), kNeverVisible);
  EXPECT_EQ(vis_toward(bs[0], t, at, 136, 30000), kNeverVisible);
  EXPECT_LT(vis_toward(bs[0], t, at, 46, 30000), kNeverVisible);
  EXPECT_LT(vis_toward(bs[0], t, at, 134, 30000), kNeverVisible);
  // The battery's own cell stays visible.
  const int c = static_cast<int>(std::floor(t.grid.col_of(bs[0].pos.x_m)));
  const int r = static_cast<int>(std::floor(t.grid.row_of(bs[0].pos.y_m)));
  EXPECT_LT(bs[0].vis.at(c, r), kNeverVisible);
}

// Every cell of a 20 km ring: visible iff the TRUE bearing of its centre
// lies within the sector (cells within 0.05 deg of an edge skipped). Ignoring
// the grid convergence (~0.4 deg here) would misclassify a band of cells.
TEST(Sector, EdgesFollowTrueNorthNotGridNorth) {
  const model::Scenario s = sector_scenario(60, 10);
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const auto bs = prepare_batteries(s, t);
  const BatteryGeometry& b = bs[0];
  int checked = 0;
  for (int r = b.vis.row0; r < b.vis.row0 + b.vis.height; ++r)
    for (int c = b.vis.col0; c < b.vis.col0 + b.vis.width; ++c) {
      const geo::XY p = t.grid.cell_center(c, r);
      const double d = std::hypot(p.x_m - b.pos.x_m, p.y_m - b.pos.y_m);
      if (std::abs(d - 20000) > 125) continue;
      const double bearing = geo::bearing_deg(s.batteries[0].position, geo::unproject(t.grid.projection, p));
      const double off = std::abs(std::remainder(bearing - 10, 360.0));
      if (std::abs(off - 30) < 0.05) continue;
      EXPECT_EQ(b.vis.at(c, r) < kNeverVisible, off <= 30) << bearing;
      ++checked;
    }
  EXPECT_GT(checked, 300);
}

// mask_sector decides most cells by a cosine and only those within 1e-6 deg
// of an edge by the bearing's atan2: cell for cell it must be the atan2 rule
// itself, also for edges that run exactly through cell centres (a 90 deg
// sector on grid north, where diagonal cells sit on the edges), hair-thin and
// nearly full sectors.
TEST(Sector, MaskIsTheBearingRuleCellByCell) {
  geo::GridSpec grid;
  grid.projection = geo::Laea{{30.5, 50.0}};
  grid.cell_m = 100;
  grid.width = grid.height = 201;
  grid.x0_m = -10050, grid.y0_m = 10050;
  const geo::XY pos{0, 0};  // the centre of cell (100, 100)
  const geo::LonLat ll = geo::unproject(grid.projection, pos);
  const geo::XY north = geo::project(grid.projection, geo::destination(ll, 0.0, 1000.0));
  const double convergence = std::atan2(north.x_m - pos.x_m, north.y_m - pos.y_m) / geo::kDegToRad;
  int masked = 0, kept = 0;
  for (const auto& [sector, azimuth] : std::vector<std::pair<double, double>>{
           {90, -convergence}, {90, 45 - convergence}, {1, 10}, {0.001, 200}, {359.9, 0}, {180, 90}, {60, 10}}) {
    VisibilityWindow v;
    v.col0 = v.row0 = 0, v.width = v.height = 201;
    v.min_visible_h_m.assign(201 * 201, 5.0f);
    mask_sector(v, grid, pos, azimuth, sector);
    for (int r = 0; r < 201; ++r)
      for (int c = 0; c < 201; ++c) {
        if (r == 100 && c == 100) continue;  // the battery's own cell stays
        const geo::XY p = grid.cell_center(c, r);
        const double bearing = std::atan2(p.x_m - pos.x_m, p.y_m - pos.y_m) / geo::kDegToRad;
        const bool out = std::abs(std::remainder(bearing - convergence - azimuth, 360.0)) > 0.5 * sector;
        ASSERT_EQ(v.at(c, r) == kNeverVisible, out) << sector << " " << azimuth << " cell " << c << "," << r;
        (out ? masked : kept) += 1;
      }
  }
  EXPECT_GT(masked, 100000);
  EXPECT_GT(kept, 50000);
}

// sector_deg 360 (any azimuth) leaves the window as the sweep computed it, bit for bit.
TEST(Sector, FullCircleLeavesTheWindowBitIdentical) {
  const model::Scenario s = sector_scenario(360, 123);
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const auto bs = prepare_batteries(s, t);
  Observer o;
  o.pos = bs[0].pos;
  o.antenna_agl_m = 30;
  o.reach_m = battery_reach_m(s, bs[0].system);
  o.min_elevation_deg = -5;
  const VisibilityWindow v = compute_visibility(t, o, s.k_factor);
  ASSERT_EQ(v.min_visible_h_m.size(), bs[0].vis.min_visible_h_m.size());
  EXPECT_EQ(v.col0, bs[0].vis.col0);
  EXPECT_EQ(v.row0, bs[0].vis.row0);
  EXPECT_EQ(0, std::memcmp(v.min_visible_h_m.data(), bs[0].vis.min_visible_h_m.data(),
                           v.min_visible_h_m.size() * sizeof(float)));
}

model::SystemType acoustic_system(double range_km, double max_alt_m) {
  model::SystemType a;
  a.id = "ears";
  a.name = "acoustic node";
  a.role = model::Role::sensor;
  a.radar.kind = model::SensorKind::acoustic;
  a.radar.range_km = range_km;
  a.radar.height_m = 2;
  a.radar.max_alt_m = max_alt_m;
  a.pk = {0.9, 0.9, 0.9};  // ignored: a sensor never engages
  return a;
}

// 40 x 40 km of flat ground at 0 m around (30, 50) with a 1 km high ridge
// 2..2.4 km east of the centre, running north-south; 200 m cells.
struct Ridge {
  model::Scenario s = test::flat_scenario({29.0, 49.0, 31.0, 51.0}, 200.0, 4.0 / 3.0);
  geo::TerrainGrid t = test::flat_terrain({30.0, 50.0}, 200, 200.0);
  Ridge() {
    for (int r = 0; r < t.grid.height; ++r)
      for (int c = 0; c < t.grid.width; ++c) {
        const double x = t.grid.cell_center(c, r).x_m;
        if (x > 2000 && x < 2400) t.ground_m[static_cast<std::size_t>(r) * t.grid.width + c] = 1000.0f;
      }
  }
  std::uint16_t detected(const CoverageResult& res, std::size_t a, double x_m) const {
    const int c = static_cast<int>(std::floor(t.grid.col_of(x_m))), r = static_cast<int>(std::floor(t.grid.row_of(0)));
    return res.altitudes[a].detected[static_cast<std::size_t>(r) * t.grid.width + c];
  }
};

// An acoustic node hears a drone behind a ridge a radar cannot see past,
// within range_km and up to max_alt_m, and never engages.
TEST(Acoustic, HearsADroneBehindARidgeBelowItsCeiling) {
  Ridge f;
  f.s.systems["ears"] = acoustic_system(12, 1000);
  f.s.systems["radar"] = test::radar_system(15, 10, -5);
  f.s.systems["radar"].role = model::Role::sensor;
  f.s.batteries.push_back(test::battery("a", "ears", {30.0, 50.0}));
  ASSERT_TRUE(wants_detection_maps(f.s));
  const CoverageResult r = compute_coverage(f.s, f.t, {.altitudes_m = {50, 900, 1100}});
  EXPECT_EQ(battery_reach_m(f.s, r.batteries[0].system), 12000);
  EXPECT_EQ(f.detected(r, 0, 6000), 1);    // behind the ridge, 50 m
  EXPECT_EQ(f.detected(r, 1, 6000), 1);    // 900 m
  EXPECT_EQ(f.detected(r, 2, 6000), 0);    // above max_alt
  EXPECT_EQ(f.detected(r, 0, 11500), 1);   // within 12 km
  EXPECT_EQ(f.detected(r, 0, -12500), 0);  // beyond
  for (const auto& a : r.altitudes)
    for (std::size_t i = 0; i < a.count.size(); ++i) ASSERT_EQ(a.count[i], 0);  // sensors never engage
  EXPECT_EQ(r.altitudes[0].region.covered_km2, 0);

  // A radar in its place does not see behind the ridge at 50 m.
  f.s.batteries[0].system = "radar";
  const CoverageResult rr = compute_coverage(f.s, f.t, {.altitudes_m = {50}});
  EXPECT_EQ(f.detected(rr, 0, 6000), 0);
  EXPECT_EQ(f.detected(rr, 0, -6000), 1);
}

// An acoustic node hears drones only: against a cruise missile it counts nowhere.
TEST(Acoustic, HearsDronesOnly) {
  Ridge f;
  f.s.systems["ears"] = acoustic_system(12, 1000);
  f.s.batteries.push_back(test::battery("a", "ears", {30.0, 50.0}));
  for (auto cls : {model::ThreatClass::drone, model::ThreatClass::cruise}) {
    model::ThreatType th;
    th.id = "t";
    th.cls = cls;
    th.rcs_m2 = 0.5;
    f.s.threats["t"] = th;
    f.s.coverage.threat = "t";
    const CoverageResult r = compute_coverage(f.s, f.t, {.altitudes_m = {50}});
    EXPECT_EQ(f.detected(r, 0, 6000), cls == model::ThreatClass::drone ? 1 : 0);
  }
}

// Three radars (two sensor units, one shooter) on flat ground: the detection
// count at each of 3 altitudes is the number whose horizon
// sqrt(2kRh_a) + sqrt(2kRh_t) and slant range both reach the cell (and
// whose -10 deg elevation floor is below the target, which matters only next
// to the 100 m mast). Cells within 300 m (horizontal) of an edge are skipped.
TEST(Detection, CountOnFlatGroundIsTheRadarsWhoseHorizonAndRangeReach) {
  const double k = 4.0 / 3.0;
  model::Scenario s = test::flat_scenario({29.3, 49.6, 30.7, 50.4}, 250.0, k);
  s.systems["ew"] = test::radar_system(60, 20, -10);
  s.systems["ew"].role = model::Role::sensor;
  s.systems["tall"] = test::radar_system(35, 100, -10);
  s.systems["tall"].role = model::Role::sensor;
  s.systems["shooter"] = test::radar_system(45, 5, -10);
  s.batteries.push_back(test::battery("e", "ew", {29.8, 50.0}));
  s.batteries.push_back(test::battery("t", "tall", {30.2, 50.1}));
  s.batteries.push_back(test::battery("s", "shooter", {30.0, 49.85}));
  const double alts[3] = {50, 300, 2000};
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const CoverageResult r = compute_coverage(s, t, {.altitudes_m = {alts[0], alts[1], alts[2]}});
  std::int64_t checked = 0, skipped = 0;
  for (std::size_t a = 0; a < 3; ++a) {
    // The result's grid: the terrain grid's window over the region (CoverageOptions::crop_to_region).
    ASSERT_EQ(r.altitudes[a].detected.size(), r.grid.cells());
    std::int64_t detected_cells = 0;
    for (int row = 0; row < r.grid.height; ++row)
      for (int c = 0; c < r.grid.width; ++c) {
        const std::size_t i = static_cast<std::size_t>(row) * r.grid.width + c;
        if (!r.in_region[i]) continue;
        detected_cells += r.altitudes[a].detected[i] > 0;
        const geo::XY p = r.grid.cell_center(c, row);
        int want = 0;
        bool near_edge = false;
        for (const auto& b : r.batteries) {
          const double ha = b.system.radar.height_m, range = b.system.radar.range_km * 1000;
          const double d = std::hypot(p.x_m - b.pos.x_m, p.y_m - b.pos.y_m);
          const double horizon = std::sqrt(2 * k * kR * ha) + std::sqrt(2 * k * kR * alts[a]);
          // Slant range in the curved-earth frame (docs/model.md, "Geometry").
          const double dz = alts[a] - d * d / (2 * k * kR) - ha;
          const double slant = std::hypot(d, dz);
          // The elevation floor (-10 deg) matters only right under the antenna.
          const double floor_h = ha + d * std::tan(-10 * geo::kDegToRad) + d * d / (2 * k * kR);
          near_edge |= std::abs(d - horizon) < 300 || std::abs(slant - range) < 300 || std::abs(alts[a] - floor_h) < 60;
          want += d <= horizon && slant <= range && alts[a] >= floor_h;
        }
        if (near_edge) {
          ++skipped;
          continue;
        }
        ++checked;
        ASSERT_EQ(r.altitudes[a].detected[i], want) << "alt " << alts[a] << " cell " << c << "," << row;
      }
    const double cell_km2 = t.grid.cell_m * t.grid.cell_m * 1e-6;
    ASSERT_TRUE(r.altitudes[a].region.detected_km2.has_value());
    EXPECT_DOUBLE_EQ(*r.altitudes[a].region.detected_km2, static_cast<double>(detected_cells) * cell_km2);
    // Only the shooter covers: detection reaches at least as far.
    EXPECT_GE(*r.altitudes[a].region.detected_km2, r.altitudes[a].region.covered_km2);
  }
  EXPECT_GT(checked, 20 * skipped);
}

// Detection maps only with a sensor unit or c2 not autonomous; the
// engagement counts are the same bit for bit either way.
TEST(Detection, ComputedOnlyWithASensorOrNetworkedC2) {
  model::Scenario s = test::flat_scenario({29.7, 49.8, 30.3, 50.2}, 500.0, 4.0 / 3.0);
  s.systems["radar"] = test::radar_system(30, 20);
  s.batteries.push_back(test::battery("r", "radar", {30.0, 50.0}));
  const geo::TerrainGrid t = load_scenario_terrain(s);
  EXPECT_FALSE(wants_detection_maps(s));
  const CoverageResult plain = compute_coverage(s, t, {.altitudes_m = {100}});
  EXPECT_TRUE(plain.altitudes[0].detected.empty());
  EXPECT_FALSE(plain.altitudes[0].region.detected_km2.has_value());

  for (auto mode : {model::C2Mode::cued, model::C2Mode::integrated}) {
    model::Scenario c = s;
    c.c2.mode = mode;
    EXPECT_TRUE(wants_detection_maps(c));
    const CoverageResult r = compute_coverage(c, t, {.altitudes_m = {100}});
    EXPECT_EQ(r.altitudes[0].detected.size(), r.grid.cells());
    ASSERT_TRUE(r.altitudes[0].region.detected_km2.has_value());
    EXPECT_EQ(r.altitudes[0].count, plain.altitudes[0].count);
    EXPECT_EQ(r.altitudes[0].region.covered_km2, plain.altitudes[0].region.covered_km2);
    EXPECT_EQ(r.floor_m.size(), plain.floor_m.size());
    EXPECT_EQ(0, std::memcmp(r.floor_m.data(), plain.floor_m.data(), r.floor_m.size() * sizeof(float)));
  }

  model::Scenario with_sensor = s;
  with_sensor.systems["ew"] = test::radar_system(30, 20);
  with_sensor.systems["ew"].role = model::Role::sensor;
  with_sensor.batteries.push_back(test::battery("e", "ew", {30.1, 50.0}));
  EXPECT_TRUE(wants_detection_maps(with_sensor));
}

// The coverage maps use the head-on RCS the radar's band sees: a band factor
// of 16 doubles the detection range ((16)^(1/4)), so the disc's area x4.
TEST(Detection, BandFactorScalesTheRangeSeenByThatBand) {
  model::Scenario s = test::flat_scenario({29.2, 49.5, 30.8, 50.5}, 250.0, 4.0 / 3.0);
  s.systems["radar"] = test::radar_system(20, 5000, -10);
  s.systems["radar"].engagement.max_range_km = 100;
  s.systems["radar"].radar.band = model::RadarBand::x;
  s.batteries.push_back(test::battery("r", "radar", {30.0, 50.0}));
  model::ThreatType th;
  th.id = "t";
  th.cls = model::ThreatClass::drone;
  th.rcs_m2 = 1;
  s.threats["t"] = th;
  s.coverage.threat = "t";
  const geo::TerrainGrid t = load_scenario_terrain(s);
  const double base = compute_coverage(s, t, {.altitudes_m = {5000}}).altitudes[0].region.covered_km2;
  s.threats["t"].rcs_band_factor[static_cast<std::size_t>(model::RadarBand::x)] = 16;
  s.threats["t"].rcs_band_factor[static_cast<std::size_t>(model::RadarBand::s)] = 1000;  // another band: no effect
  const geo::TerrainGrid t2 = load_scenario_terrain(s);
  const double scaled = compute_coverage(s, t2, {.altitudes_m = {5000}}).altitudes[0].region.covered_km2;
  EXPECT_NEAR(scaled / base, 4.0, 0.04);
}

}  // namespace
}  // namespace adcov::coverage
