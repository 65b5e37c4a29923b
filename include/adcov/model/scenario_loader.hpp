#pragma once
/// \file
/// Loading and validating scenario YAML with compiler-quality diagnostics.

#include <filesystem>
#include <string>

#include "adcov/model/scenario.hpp"

namespace adcov::model {

/// Reads, validates and resolves a scenario file.
/// Every problem of the file is reported, each as
/// `file:line:col: <item>: <what is wrong>` with a "did you mean" hint for
/// near-miss names.
/// \throws InputError listing all diagnostics (exit code 2).
/// Example: `auto s = load_scenario("scenarios/kyiv-night-raid.yaml");`
Scenario load_scenario(const std::filesystem::path& file);

/// Returns a copy of `s` with the sweep path `set` (SPEC "sweep:", e.g.
/// "batteries[kyiv-1].magazine", "systems[iris_t_slm].pk.drone",
/// "coverage.altitudes_m") set to `value_yaml` (YAML flow text), re-validated.
/// \throws InputError naming the axis location for a bad path or value.
Scenario apply_sweep_value(const Scenario& s, const SweepAxis& axis, const std::string& value_yaml);

}  // namespace adcov::model
