#pragma once
/// \file
/// Loading and validating scenario YAML with compiler-quality diagnostics.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "adcov/model/scenario.hpp"

namespace adcov::model {

/// Limits of a scenario file (docs/scenario.md, "Limits"), refused by the
/// loader before any work: a scenario that reaches one of them is a typo or
/// an attack, not a study, and would otherwise allocate without bound.
inline constexpr std::uintmax_t kMaxScenarioFileBytes = std::uintmax_t{16} << 20;  ///< 16 MiB
inline constexpr int kMaxBatteries = 10000;           ///< entries of `batteries:`
inline constexpr int kMaxSalvoCount = 1000000;        ///< `count:` of one salvo
inline constexpr int kMaxTrials = 10000000;           ///< `simulation.trials`
inline constexpr std::uint64_t kMaxSweepPoints = 1000000;  ///< product of the sweep axes' value counts
inline constexpr int kMaxUncertaintySamples = 65536;       ///< `uncertainty.samples`
inline constexpr int kMaxUncertaintyTrials = 1000000;      ///< `uncertainty.trials`

/// Points of the scenario's sweep (the product of its axes' value counts;
/// 1 without a sweep), saturated at UINT64_MAX instead of overflowing.
std::uint64_t sweep_point_count(const Scenario& s);

/// Reads, validates and resolves a scenario file.
/// Every problem of the file is reported, each as
/// `file:line:col: <item>: <what is wrong>` with a "did you mean" hint for
/// near-miss names.
/// \throws InputError listing all diagnostics (exit code 2).
/// Example: `auto s = load_scenario("scenarios/kyiv-night-raid.yaml");`
Scenario load_scenario(const std::filesystem::path& file);

/// The grid cell sizes the model accepts (resolution_m, `--resolution`), in m:
/// below 1 m no DEM has data, above 100 km a cell is larger than most regions.
inline constexpr double kMinResolutionM = 1;
inline constexpr double kMaxResolutionM = 100000;
/// How far (great circle) the region's edges may lie from its centre: the
/// LAEA grid's scale error 1 - cos(c/2) stays under 1.3 % (docs/scenario.md).
inline constexpr double kMaxRegionRadiusKm = 2000;
/// How far outside the region a battery or a target may lie: forward sensors
/// and offshore targets sit a few tens of km out (Odesa's 36 km), the grid
/// reaches beyond the region by the batteries' reach; a swapped [lat, lon]
/// lands thousands of km away (docs/scenario.md, "Positions").
inline constexpr double kMaxSiteOutsideRegionKm = 200;
/// How far from the region a launch may lie: farther than any threat of the
/// library flies (Kh-101, about 2,500-2,800 km); launches from Russia into
/// Ukraine lie 300-1,300 km out in the bundled scenarios.
inline constexpr double kMaxLaunchDistanceKm = 3000;
/// The longest scenario name or id: names become file and folder names.
inline constexpr std::size_t kMaxNameLength = 100;

/// load_scenario() on YAML `text` already read from `file`: `file` names the
/// diagnostics and its folder resolves relative paths (DEMs, zones); the file
/// itself is not read. load_scenario() reads the file and calls this; the
/// scenario fuzz harness (tests/fuzz/) feeds it bytes.
/// \throws InputError listing all diagnostics (exit code 2).
Scenario load_scenario_text(const std::string& text, const std::filesystem::path& file);

/// Returns a copy of `s` with the sweep path `set` (docs/scenario.md, "sweep:", e.g.
/// "batteries[kyiv-1].magazine", "systems[iris_t_slm].pk.drone",
/// "coverage.altitudes_m") set to `value_yaml` (YAML flow text), re-validated.
/// Works on the YAML tree `s` was loaded from (Scenario::source): the value is
/// written into a copy of the tree and the scenario is built again with the
/// same checks as load_scenario(), so inheritance (base:) sees swept values
/// and applying several axes in turn composes. Safe to call from several
/// threads on the same `s`. Paths and values: docs/scenario.md.
/// \throws InputError `<axis file:line:col>: sweep '<set>' = <value>: <problem>`
///         for a bad path or value; Error when `s` was not made by load_scenario().
Scenario apply_sweep_value(const Scenario& s, const SweepAxis& axis, const std::string& value_yaml);

/// One sweep path and the YAML flow text of its value.
struct SweepSetting {
  std::string set;
  std::string value_yaml;
};

/// apply_sweep_value() for several paths at once: one copy of the tree, every
/// value written, one build (what `adcov uncertainty` does for each model
/// run). Messages start with `where` (e.g. "uncertainty run 12").
/// \throws InputError naming the paths and values, as apply_sweep_value().
Scenario apply_sweep_values(const Scenario& s, const std::vector<SweepSetting>& values, const std::string& where);

}  // namespace adcov::model
