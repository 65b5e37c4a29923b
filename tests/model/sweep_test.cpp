// apply_sweep_value(): every sweepable path, composition of axes, and errors.

#include <gtest/gtest.h>

#include "adcov/model/library.hpp"
#include "model_test_util.hpp"

namespace {

using adcov::InputError;
using adcov::model::apply_sweep_value;
using adcov::model::load_scenario;
using adcov::model::Scenario;
using adcov::model::SweepAxis;
using adcov::test::kMinimal;
using adcov::test::source_path;
using adcov::test::TempDir;

SweepAxis axis(const std::string& set) {
  SweepAxis a;
  a.set = set;
  a.loc = {"s.yaml", 9, 3};
  return a;
}

const Scenario& example() {
  static const Scenario s = load_scenario(source_path("scenarios/example-full.yaml"));
  return s;
}

TEST(SweepValue, SetsABatteryKey) {
  const auto s = apply_sweep_value(example(), axis("batteries[kyiv-1].magazine"), "8");
  EXPECT_EQ(s.batteries[0].magazine, 8);
  EXPECT_EQ(example().batteries[0].magazine, 24) << "the original is untouched";
  EXPECT_EQ(s.name, example().name);
  EXPECT_EQ(s.file, example().file);
}

TEST(SweepValue, SetsASalvoKey) {
  const auto s = apply_sweep_value(example(), axis("salvos[wave-1].count"), "120");
  EXPECT_EQ(s.salvos[0].count, 120);
  const auto r = apply_sweep_value(example(), axis("salvos[wave-2].launch_area.radius_km"), "5");
  EXPECT_EQ(r.salvos[1].launch_area->radius_km, 5);
}

TEST(SweepValue, SetsADottedSystemKeyOfABuiltInType) {
  const auto s = apply_sweep_value(example(), axis("systems[iris_t_slm].pk.drone"), "0.5");
  const auto& lib = adcov::model::builtin_library().systems.at("iris_t_slm");
  EXPECT_EQ(s.systems.at("iris_t_slm").pk.drone, 0.5);
  EXPECT_EQ(s.systems.at("iris_t_slm").pk.cruise, lib.pk.cruise);
  EXPECT_EQ(s.systems.at("iris_t_slm").radar.range_km, lib.radar.range_km);
}

TEST(SweepValue, SweptBaseTypeReachesDerivedTypes) {
  // my_sam derives from iris_t_slm but sets its own pk; its radar height is its own too,
  // so sweep the base's reload time, which my_sam overrides, and the base's
  // notes-free key min_range: my_sam overrides that as well. Use a fresh scenario.
  TempDir dir;
  const auto s0 = load_scenario(dir.write("s.yaml", kMinimal + "systems:\n  d: {base: nasams, magazine: 4}\n"));
  const auto s = apply_sweep_value(s0, axis("systems[nasams].radar.range_km"), "120");
  EXPECT_EQ(s.systems.at("nasams").radar.range_km, 120);
  EXPECT_EQ(s.systems.at("d").radar.range_km, 120);
  EXPECT_EQ(s.systems.at("d").magazine, 4);
}

TEST(SweepValue, SetsThreatAndTopLevelPaths) {
  auto s = apply_sweep_value(example(), axis("threats[shahed136].speed_mps"), "60");
  EXPECT_EQ(s.threats.at("shahed136").speed_mps, 60);
  EXPECT_EQ(s.threats.at("shahed136").altitude_m, 200) << "the file's own override stays";
  s = apply_sweep_value(example(), axis("coverage.altitudes_m"), "[100, 200]");
  EXPECT_EQ(s.coverage.altitudes_m, (std::vector<double>{100, 200}));
  s = apply_sweep_value(example(), axis("simulation.trials"), "50");
  EXPECT_EQ(s.simulation.trials, 50);
  s = apply_sweep_value(example(), axis("resolution_m"), "1000");
  EXPECT_EQ(s.resolution_m, 1000);
  s = apply_sweep_value(example(), axis("earth.k_factor"), "1");
  EXPECT_EQ(s.k_factor, 1);
  s = apply_sweep_value(example(), axis("seed"), "99");
  EXPECT_EQ(s.seed, 99u);
}

TEST(SweepValue, CreatesMissingSections) {
  TempDir dir;
  const auto s0 = load_scenario(dir.write("s.yaml", kMinimal));
  const auto s = apply_sweep_value(s0, axis("simulation.trials"), "7");
  EXPECT_EQ(s.simulation.trials, 7);
}

TEST(SweepValue, AxesCompose) {
  const auto a = apply_sweep_value(example(), axis("batteries[kyiv-1].magazine"), "8");
  const auto b = apply_sweep_value(a, axis("salvos[wave-1].count"), "30");
  EXPECT_EQ(b.batteries[0].magazine, 8);
  EXPECT_EQ(b.salvos[0].count, 30);
}

TEST(SweepValue, EveryValueOfTheExampleApplies) {
  for (const auto& ax : example().sweep)
    for (const auto& v : ax.values) EXPECT_NO_THROW((void)apply_sweep_value(example(), ax, v)) << ax.set << " = " << v;
}

TEST(SweepValue, BadValueIsAnInputErrorAtTheAxis) {
  try {
    (void)apply_sweep_value(example(), axis("systems[my_sam].pk.drone"), "1.5");
    FAIL() << "no throw";
  } catch (const InputError& e) {
    ASSERT_EQ(e.messages().size(), 1u);
    EXPECT_EQ(e.messages()[0],
              "s.yaml:9:3: sweep 'systems[my_sam].pk.drone' = 1.5: system 'my_sam': pk.drone must be in [0, 1], got 1.5");
  }
}

TEST(SweepValue, UnknownIdGetsAHint) {
  try {
    (void)apply_sweep_value(example(), axis("batteries[kyiv-3].magazine"), "8");
    FAIL() << "no throw";
  } catch (const InputError& e) {
    EXPECT_EQ(e.messages()[0],
              "s.yaml:9:3: sweep 'batteries[kyiv-3].magazine': unknown battery 'kyiv-3' (did you mean 'kyiv-1' or "
              "'kyiv-2'?)");
  }
}

TEST(SweepValue, MalformedPathsAndValuesAreInputErrors) {
  for (const char* p : {"batteries[kyiv-1", "batteries[].magazine", "batteries[kyiv-1]", "batteries.magazine",
                        "nonsense", "coverage..floor", "systems[nasams].radar.rnage_km"})
    EXPECT_THROW((void)apply_sweep_value(example(), axis(p), "1"), InputError) << p;
  EXPECT_THROW((void)apply_sweep_value(example(), axis("seed"), "[1, "), InputError);
}

TEST(SweepValue, HandBuiltScenarioIsAnError) {
  EXPECT_THROW((void)apply_sweep_value(Scenario{}, axis("seed"), "1"), adcov::Error);
}

}  // namespace
