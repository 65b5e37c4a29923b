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

}  // namespace adcov::model
