#pragma once
/// \file
/// New batteries added to a loaded scenario, and the scenario written back as
/// YAML (`adcov site`, docs/siting.md): the batteries go through the same
/// loader checks as the file's own, and the written file loads from any folder.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adcov/model/scenario.hpp"

namespace adcov::model {

/// One battery to append: what `batteries:` holds for it (no overrides).
struct NewBattery {
  std::string id;
  std::string system;
  std::string op = "ukraine";  ///< as written in YAML: ukraine, allied:<ISO>, contractor:<name>
  geo::LonLat position;
};

/// "" when `s` has system `name`; otherwise "unknown system 'x'" with the
/// loader's hint (" (did you mean 'iris_t_slm'?)").
std::string system_problem(const Scenario& s, std::string_view name);

/// "" when `text` is an operator the loader accepts (ukraine,
/// allied:<ISO code>, contractor:<name>); otherwise what is wrong.
std::string operator_problem(std::string_view text);

/// An id for a new battery, `<prefix>-<n>` with the smallest n >= `first`
/// that no battery of `s` nor any of `taken` uses.
std::string free_battery_id(const Scenario& s, const std::vector<std::string>& taken,
                            std::string_view prefix, int first);

/// A copy of `s` with `added` appended to `batteries:` in its YAML tree and
/// the scenario built again with every check of load_scenario(), so the
/// result is what loading the written file gives.
/// \throws InputError (the loader's messages) for a battery the loader
///         refuses; Error when `s` was not made by load_scenario().
Scenario with_batteries(const Scenario& s, const std::vector<NewBattery>& added);

/// The YAML text of the tree `s` was built from, with the relative paths
/// the loader resolves against the scenario's folder (terrain `dem:`,
/// region `protect:`) made absolute, so the text loads from any folder.
/// `header` (lines without '#') goes first as comments. Comments of the
/// original file are lost (yaml-cpp does not keep them).
/// \throws Error when `s` was not made by load_scenario().
std::string scenario_yaml_text(const Scenario& s, const std::string& header);

}  // namespace adcov::model
