// Loading valid scenarios: every documented key lands in the structs (round trip of
// scenarios/example-full.yaml), defaults, and base: inheritance.

#include <gtest/gtest.h>

#include "adcov/model/library.hpp"
#include "model_test_util.hpp"

namespace {

using adcov::model::load_scenario;
using adcov::model::OperatorGroup;
using adcov::model::ThreatClass;
using adcov::test::kMinimal;
using adcov::test::source_path;
using adcov::test::TempDir;

TEST(ScenarioLoader, ExampleFullRoundTripsEveryKey) {
  const auto s = load_scenario(source_path("scenarios/example-full.yaml"));
  EXPECT_EQ(s.name, "example-full");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_TRUE(s.file.is_absolute());
  ASSERT_TRUE(s.terrain.flat_m.has_value());
  EXPECT_EQ(*s.terrain.flat_m, 150);
  EXPECT_TRUE(s.terrain.dem_files.empty());
  EXPECT_EQ(s.region.bbox.west, 29.5);
  EXPECT_EQ(s.region.bbox.south, 49.8);
  EXPECT_EQ(s.region.bbox.east, 31.5);
  EXPECT_EQ(s.region.bbox.north, 51.0);
  ASSERT_TRUE(s.region.protect.has_value());
  EXPECT_EQ(s.region.protect->filename(), "odesa_corridor.geojson");
  EXPECT_TRUE(s.region.protect->is_absolute());
  EXPECT_EQ(s.resolution_m, 250);
  EXPECT_EQ(s.k_factor, 1.25);

  // systems: a derived type with every key written.
  const auto& my = s.systems.at("my_sam");
  EXPECT_EQ(my.id, "my_sam");
  EXPECT_EQ(my.radar.range_km, 200);
  EXPECT_EQ(my.radar.height_m, 12);
  EXPECT_EQ(my.radar.min_elevation_deg, 0.2);
  EXPECT_EQ(my.radar.rcs_ref_m2, 2.0);
  EXPECT_EQ(my.engagement.min_range_km, 1.5);
  EXPECT_EQ(my.engagement.max_range_km, 35);
  EXPECT_EQ(my.engagement.min_alt_m, 25);
  EXPECT_EQ(my.engagement.max_alt_m, 18000);
  EXPECT_EQ(my.interceptor.speed_mps, 950);
  EXPECT_EQ(my.interceptor.cost_usd, 400000);
  EXPECT_EQ(my.magazine, 16);
  EXPECT_EQ(my.reload_s, 1200);
  EXPECT_EQ(my.fire_channels, 4);
  EXPECT_EQ(my.reaction_s, 12);
  EXPECT_EQ(my.pk.drone, 0.88);
  EXPECT_EQ(my.pk.cruise, 0.8);
  EXPECT_EQ(my.pk.ballistic, 0.0);
  EXPECT_EQ(my.doctrine.shots_per_engagement, 1);
  EXPECT_EQ(my.doctrine.max_engagements, 2);
  EXPECT_EQ(my.sources.at("radar.range_km"), "scenario");

  // A new type without base: unwritten keys keep the documented defaults.
  const auto& gun = s.systems.at("homemade_gun");
  EXPECT_EQ(gun.name, "Homemade 23 mm gun");
  EXPECT_EQ(gun.radar.rcs_ref_m2, 1.0);
  EXPECT_EQ(gun.fire_channels, 1);
  EXPECT_EQ(gun.pk.drone, 0.35);
  EXPECT_EQ(gun.pk.cruise, 0.0);

  ASSERT_EQ(s.batteries.size(), 5u);  // three shooters, an early-warning radar, an acoustic node
  const auto& b = s.batteries[0];
  EXPECT_EQ(b.id, "kyiv-1");
  EXPECT_EQ(b.system, "patriot_pac3");
  EXPECT_EQ(b.op.group, OperatorGroup::allied);
  EXPECT_EQ(b.op.detail, "DE");
  EXPECT_EQ(b.op.str(), "allied:DE");
  EXPECT_EQ(b.position.lon_deg, 30.52);
  EXPECT_EQ(b.position.lat_deg, 50.45);
  EXPECT_EQ(b.height_m, 12);
  EXPECT_EQ(b.magazine, 24);
  EXPECT_EQ(b.loc.line, 44);
  EXPECT_EQ(s.batteries[1].op.group, OperatorGroup::ukraine);
  EXPECT_FALSE(s.batteries[1].height_m.has_value());
  EXPECT_EQ(s.batteries[2].op.group, OperatorGroup::contractor);
  EXPECT_EQ(s.batteries[2].op.detail, "Acme-Defence");
  EXPECT_EQ(s.batteries[0].azimuth_deg, 60);
  EXPECT_EQ(s.batteries[3].azimuth_deg, 90);
  const adcov::model::SystemType& ew = s.systems.at("my_ew");
  EXPECT_EQ(ew.role, adcov::model::Role::sensor);
  EXPECT_EQ(ew.radar.scan_s, 6);
  EXPECT_EQ(ew.radar.sector_deg, 240);
  EXPECT_EQ(ew.radar.band, adcov::model::RadarBand::uhf);
  EXPECT_EQ(s.systems.at("my_mic").radar.kind, adcov::model::SensorKind::acoustic);
  EXPECT_EQ(s.systems.at("my_mic").radar.max_alt_m, 2000);
  EXPECT_TRUE(s.systems.at("homemade_gun").engage_on_remote);
  EXPECT_EQ(s.detection.model, adcov::model::DetectionModel::swerling1);
  EXPECT_EQ(s.c2.mode, adcov::model::C2Mode::integrated);
  EXPECT_EQ(s.c2.delay_s, 45);
  EXPECT_EQ(s.c2.remote_pk_factor, 0.85);
  const auto eff = adcov::model::effective_system(s, b);
  EXPECT_EQ(eff.radar.height_m, 12);
  EXPECT_EQ(eff.magazine, 24);

  const auto& slow = s.threats.at("slow_drone");
  EXPECT_EQ(slow.cls, ThreatClass::drone);
  EXPECT_EQ(slow.speed_mps, 45);
  EXPECT_EQ(slow.altitude_m, 120);
  EXPECT_EQ(slow.rcs_m2, 0.05);  // the front of { front: 0.05, side: 0.3, tail: 0.1 }
  ASSERT_TRUE(slow.rcs_aspects.has_value());
  EXPECT_EQ(slow.rcs_aspects->side_m2, 0.3);
  EXPECT_EQ(slow.rcs_band_factor[0], 4);  // vhf
  EXPECT_EQ(slow.cost_usd, 35000);
  EXPECT_FALSE(slow.decoy);
  EXPECT_TRUE(s.threats.at("fake_drone").decoy);
  EXPECT_EQ(s.threats.at("fake_drone").speed_mps, 40);

  ASSERT_EQ(s.salvos.size(), 3u);
  const auto& w1 = s.salvos[0];
  EXPECT_EQ(w1.id, "wave-1");
  EXPECT_EQ(w1.threat, "shahed136");
  EXPECT_EQ(w1.count, 60);
  ASSERT_TRUE(w1.launch.has_value());
  EXPECT_EQ(w1.launch->lon_deg, 36.2);
  EXPECT_FALSE(w1.launch_area.has_value());
  ASSERT_EQ(w1.targets.size(), 1u);
  EXPECT_EQ(w1.targets[0].weight, 1);
  ASSERT_EQ(w1.route.size(), 1u);
  EXPECT_EQ(w1.route[0].lon_deg, 33.0);
  EXPECT_EQ(w1.start_s, 0);
  EXPECT_EQ(w1.interval_s, 20);
  const auto& w2 = s.salvos[1];
  ASSERT_TRUE(w2.launch_area.has_value());
  EXPECT_EQ(w2.launch_area->center.lat_deg, 46.0);
  EXPECT_EQ(w2.launch_area->radius_km, 30);
  ASSERT_EQ(w2.targets.size(), 2u);
  EXPECT_EQ(w2.targets[0].weight, 2);
  EXPECT_EQ(w2.targets[1].weight, 1);
  EXPECT_EQ(w2.start_s, 600);

  EXPECT_EQ(s.coverage.altitudes_m, (std::vector<double>{50, 500, 3000}));
  EXPECT_FALSE(s.coverage.floor);
  EXPECT_EQ(s.coverage.threat, "slow_drone");
  EXPECT_EQ(s.simulation.trials, 500);

  ASSERT_EQ(s.sweep.size(), 4u);
  EXPECT_EQ(s.sweep[0].set, "batteries[kyiv-1].magazine");
  EXPECT_EQ(s.sweep[0].values, (std::vector<std::string>{"8", "16", "32"}));
  EXPECT_EQ(s.sweep[3].values, (std::vector<std::string>{"[50]", "[50, 500]"}));
  EXPECT_GT(s.sweep[0].loc.line, 0);
}

TEST(ScenarioLoader, ShippedScenariosLoad) {
  for (const char* f : {"scenarios/kyiv-night-raid.yaml", "scenarios/example-full.yaml"}) {
    SCOPED_TRACE(f);
    EXPECT_NO_THROW((void)load_scenario(source_path(f)));
  }
  const auto s = load_scenario(source_path("scenarios/kyiv-night-raid.yaml"));
  EXPECT_EQ(s.seed, 42u);
  ASSERT_EQ(s.terrain.dem_files.size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(s.terrain.dem_files[0]));
  EXPECT_EQ(s.terrain.dem_as_written[0], "../data/dem/etopo5_ukraine_10E-50E_38N-60N.tif");
  EXPECT_GE(s.batteries.size(), 10u);
  EXPECT_EQ(s.sweep.size(), 2u);
}

TEST(ScenarioLoader, DefaultsApplyWhenKeysAreAbsent) {
  TempDir dir;
  const auto s = load_scenario(dir.write("s.yaml", kMinimal));
  EXPECT_EQ(s.seed, 1u);
  EXPECT_DOUBLE_EQ(s.k_factor, 4.0 / 3.0);
  EXPECT_EQ(s.resolution_m, 500);
  EXPECT_EQ(s.simulation.trials, 1000);
  EXPECT_TRUE(s.coverage.floor);
  EXPECT_FALSE(s.coverage.threat.has_value());
  EXPECT_TRUE(s.batteries.empty());
  // The built-in library is always there.
  EXPECT_EQ(s.systems.size(), adcov::model::builtin_library().systems.size());
  EXPECT_EQ(s.threats.size(), adcov::model::builtin_library().threats.size());
}

TEST(ScenarioLoader, SensorNetworkKeysAndTheirDefaults) {
  TempDir dir;
  using namespace adcov::model;
  const auto d = load_scenario(dir.write("d.yaml", kMinimal));
  EXPECT_EQ(d.detection.model, DetectionModel::cookie_cutter);
  EXPECT_EQ(d.detection.pfa, 1e-6);
  EXPECT_EQ(d.detection.track_m, 2);
  EXPECT_EQ(d.detection.track_n, 3);
  EXPECT_EQ(d.c2.mode, C2Mode::autonomous);
  EXPECT_EQ(d.c2.delay_s, 30);
  EXPECT_EQ(d.c2.remote_pk_factor, 0.9);
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + R"(
detection: { model: swerling1, pfa: 1.0e-5, track: { m: 3, n: 5 } }
c2: { mode: integrated, delay_s: 12, remote_pk_factor: 0.7 }
systems:
  ew: { role: sensor, radar: { range_km: 200, height_m: 12, scan_s: 10, band: vhf, sector_deg: 120 } }
  mic: { role: sensor, radar: { range_km: 3, kind: acoustic, max_alt_m: 1500 } }
  sam: { base: nasams, engage_on_remote: false }
threats:
  d: { base: shahed136, rcs_m2: { front: 0.05, side: 0.5, tail: 0.15 }, rcs_band_factor: { vhf: 3 } }
batteries:
  - { id: e1, system: ew, position: [30, 50], azimuth_deg: 45 }
)"));
  EXPECT_EQ(s.detection.model, DetectionModel::swerling1);
  EXPECT_EQ(s.detection.pfa, 1e-5);
  EXPECT_EQ(s.detection.track_m, 3);
  EXPECT_EQ(s.detection.track_n, 5);
  EXPECT_EQ(s.c2.mode, C2Mode::integrated);
  EXPECT_EQ(s.c2.delay_s, 12);
  EXPECT_EQ(s.c2.remote_pk_factor, 0.7);
  const SystemType& ew = s.systems.at("ew");
  EXPECT_EQ(ew.role, Role::sensor);
  EXPECT_EQ(ew.radar.scan_s, 10);
  EXPECT_EQ(ew.radar.band, RadarBand::vhf);
  EXPECT_EQ(ew.radar.sector_deg, 120);
  EXPECT_EQ(s.systems.at("mic").radar.kind, SensorKind::acoustic);
  EXPECT_EQ(s.systems.at("mic").radar.max_alt_m, 1500);
  EXPECT_FALSE(s.systems.at("sam").engage_on_remote);
  EXPECT_EQ(s.batteries.at(0).azimuth_deg, 45);
  const ThreatType& t = s.threats.at("d");
  ASSERT_TRUE(t.rcs_aspects.has_value());
  EXPECT_EQ(t.rcs_m2, 0.05);  // the maps' RCS is the front one
  EXPECT_EQ(t.rcs_aspects->side_m2, 0.5);
  EXPECT_EQ(t.rcs_band_factor[static_cast<std::size_t>(RadarBand::vhf)], 3);
  EXPECT_EQ(t.rcs_band_factor[static_cast<std::size_t>(RadarBand::x)], 1);
}

TEST(ScenarioLoader, DemGlobAndListExpandRelativeToTheScenario) {
  TempDir dir;
  dir.write("dem/a.hgt", "x");
  dir.write("dem/b.hgt", "x");
  dir.write("dem/c.tif", "x");
  const auto s = load_scenario(dir.write(
      "sc/s.yaml", "name: t\nterrain:\n  dem: ['../dem/*.hgt', ../dem/c.tif]\nregion: {bbox: [29, 49, 32, 51]}\n"));
  ASSERT_EQ(s.terrain.dem_files.size(), 3u);
  EXPECT_EQ(s.terrain.dem_files[0].filename(), "a.hgt");
  EXPECT_EQ(s.terrain.dem_files[1].filename(), "b.hgt");
  EXPECT_EQ(s.terrain.dem_files[2], (dir.path / "dem/c.tif").lexically_normal());
  EXPECT_EQ(s.terrain.dem_as_written.size(), 2u);
}

TEST(ScenarioInheritance, PartialNestedOverrideKeepsTheRestOfTheBase) {
  TempDir dir;
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + "systems:\n  long_irist:\n    base: iris_t_slm\n"
                                                              "    radar: {range_km: 300}\n"));
  const auto& base = adcov::model::builtin_library().systems.at("iris_t_slm");
  const auto& t = s.systems.at("long_irist");
  EXPECT_EQ(t.radar.range_km, 300);
  EXPECT_EQ(t.radar.height_m, base.radar.height_m);
  EXPECT_EQ(t.engagement.max_range_km, base.engagement.max_range_km);
  EXPECT_EQ(t.pk.drone, base.pk.drone);
  EXPECT_EQ(t.magazine, base.magazine);
  EXPECT_EQ(t.name, "long_irist");
  EXPECT_EQ(t.sources.at("radar.range_km"), "scenario");
  EXPECT_EQ(t.sources.at("engagement.max_range_km"), base.sources.at("engagement.max_range_km"));
  // The built-in type itself is unchanged.
  EXPECT_EQ(s.systems.at("iris_t_slm").radar.range_km, base.radar.range_km);
}

TEST(ScenarioInheritance, OverridingABuiltInByIdChangesOnlyTheWrittenKeys) {
  TempDir dir;
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + "systems:\n  nasams: {pk: {drone: 0.5}}\n"
                                                              "threats:\n  shahed136: {altitude_m: 300}\n"));
  const auto& lib = adcov::model::builtin_library();
  EXPECT_EQ(s.systems.at("nasams").pk.drone, 0.5);
  EXPECT_EQ(s.systems.at("nasams").pk.cruise, lib.systems.at("nasams").pk.cruise);
  EXPECT_EQ(s.systems.at("nasams").name, lib.systems.at("nasams").name);
  EXPECT_EQ(s.threats.at("shahed136").altitude_m, 300);
  EXPECT_EQ(s.threats.at("shahed136").speed_mps, lib.threats.at("shahed136").speed_mps);
}

// An overridden value is the scenario's choice: its library range (the estimate's band) goes with it.
TEST(ScenarioInheritance, AnOverrideDropsTheLibraryRange) {
  TempDir dir;
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + "systems:\n  nasams: {pk: {drone: 0.5}}\n"
                                                              "threats:\n  shahed136: {rcs_band_factor: {vhf: 2}}\n"));
  const auto& lib = adcov::model::builtin_library();
  ASSERT_TRUE(lib.systems.at("nasams").ranges.count("pk.drone"));
  EXPECT_FALSE(s.systems.at("nasams").ranges.count("pk.drone"));
  EXPECT_EQ(s.systems.at("nasams").ranges.at("pk.cruise"), lib.systems.at("nasams").ranges.at("pk.cruise"));
  ASSERT_TRUE(lib.threats.at("shahed136").ranges.count("rcs_band_factor.vhf"));
  EXPECT_FALSE(s.threats.at("shahed136").ranges.count("rcs_band_factor.vhf"));
  EXPECT_EQ(s.threats.at("shahed136").ranges.at("altitude_m"), lib.threats.at("shahed136").ranges.at("altitude_m"));
  // Untouched types keep every range.
  EXPECT_EQ(s.systems.at("gepard").ranges, lib.systems.at("gepard").ranges);
}

// A scenario's type may give ranges of its own, for any numeric parameter; they replace inherited ones.
TEST(ScenarioInheritance, AScenarioTypeMayGiveItsOwnRanges) {
  TempDir dir;
  const auto s = load_scenario(dir.write(
      "s.yaml", kMinimal + "systems:\n  my: {base: nasams, pk: {drone: 0.5}, radar: {range_km: 90},\n"
                           "       ranges: {pk.drone: [0.4, 0.6], radar.range_km: [80, 100], magazine: [12, 24]}}\n"
                           "threats:\n  d: {base: shahed136, rcs_m2: {front: 0.05, side: 0.5, tail: 0.15},\n"
                           "       ranges: {rcs_m2.side: [0.2, 0.8], rcs_band_factor.uhf: [1, 2]}}\n"));
  const auto& my = s.systems.at("my");
  EXPECT_EQ(my.ranges.at("pk.drone"), (std::array<double, 2>{0.4, 0.6}));
  EXPECT_EQ(my.ranges.at("radar.range_km"), (std::array<double, 2>{80, 100}));
  EXPECT_EQ(my.ranges.at("magazine"), (std::array<double, 2>{12, 24}));
  EXPECT_EQ(my.ranges.at("pk.cruise"), adcov::model::builtin_library().systems.at("nasams").ranges.at("pk.cruise"));
  const auto& d = s.threats.at("d");
  EXPECT_EQ(d.ranges.at("rcs_m2.side"), (std::array<double, 2>{0.2, 0.8}));
  EXPECT_EQ(d.ranges.at("rcs_band_factor.uhf"), (std::array<double, 2>{1, 2}));
  EXPECT_FALSE(d.ranges.count("rcs_m2"));  // the library's one-number band went with the written rcs_m2
}

TEST(ScenarioInheritance, ChainsResolveInAnyOrder) {
  TempDir dir;
  // c is written before its base b, which derives from a built-in.
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + "systems:\n"
                                                              "  c: {base: b, magazine: 3}\n"
                                                              "  b: {base: gepard, radar: {range_km: 20}}\n"
                                                              "batteries:\n  - {id: x, system: c, position: [30, 50]}\n"));
  const auto& c = s.systems.at("c");
  EXPECT_EQ(c.magazine, 3);
  EXPECT_EQ(c.radar.range_km, 20);
  EXPECT_EQ(c.engagement.max_range_km, adcov::model::builtin_library().systems.at("gepard").engagement.max_range_km);
}

TEST(ScenarioInheritance, ThreatBaseCarriesClassAndDecoyFlag) {
  TempDir dir;
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + "threats:\n  cheap: {base: gerbera, cost_usd: 1000}\n"));
  EXPECT_TRUE(s.threats.at("cheap").decoy);
  EXPECT_EQ(s.threats.at("cheap").cls, ThreatClass::drone);
  EXPECT_EQ(s.threats.at("cheap").cost_usd, 1000);
}

}  // namespace

TEST(ScenarioLoader, TargetsMayBeNamed) {
  TempDir dir;
  const auto s = load_scenario(dir.write("s.yaml", kMinimal + R"(salvos:
  - id: w
    threat: shahed136
    count: 2
    launch: [31.5, 50.5]
    targets:
      - { at: [30.5, 50.4], weight: 2, name: "Kyiv centre" }
      - { at: [30.6, 50.3] }
)"));
  ASSERT_EQ(s.salvos.at(0).targets.size(), 2u);
  EXPECT_EQ(s.salvos[0].targets[0].name, "Kyiv centre");
  EXPECT_EQ(s.salvos[0].targets[1].name, "");
}

TEST(ScenarioLoader, HillshadeIsOnUnlessTurnedOff) {
  TempDir dir;
  EXPECT_TRUE(load_scenario(dir.write("a.yaml", kMinimal)).coverage.hillshade);
  EXPECT_FALSE(load_scenario(dir.write("b.yaml", kMinimal + "coverage: {hillshade: false}\n")).coverage.hillshade);
}

TEST(ScenarioLoader, LeastExposureRouteAndItsDetourLimit) {
  adcov::test::TempDir dir;
  const auto path = dir.write(
      "s.yaml", adcov::test::kMinimal +
                    "salvos:\n"
                    "  - {id: a, threat: shahed136, count: 1, launch: [33, 51], target: [30, 50], route: least_exposure}\n"
                    "  - {id: b, threat: kh101, count: 1, launch: [33, 51], target: [30, 50], route: least_exposure,\n"
                    "     max_detour: 1.2}\n"
                    "  - {id: c, threat: shahed136, count: 1, launch: [33, 51], target: [30, 50], route: [[31, 50]]}\n");
  const adcov::model::Scenario s = adcov::model::load_scenario(path);
  EXPECT_EQ(s.salvos[0].route_kind, adcov::model::RouteKind::least_exposure);
  EXPECT_EQ(s.salvos[0].max_detour, 1.5);  // SPEC default
  EXPECT_TRUE(s.salvos[0].route.empty());
  EXPECT_TRUE(s.salvos[0].planned.empty());  // planned against the defence at run time
  EXPECT_EQ(s.salvos[1].max_detour, 1.2);
  EXPECT_EQ(s.salvos[2].route_kind, adcov::model::RouteKind::waypoints);
  ASSERT_EQ(s.salvos[2].route.size(), 1u);
}
