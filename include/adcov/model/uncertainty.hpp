#pragma once
/// \file
/// The uncertain parameters of a scenario (docs/scenario.md, "uncertainty:"):
/// the sweep paths `adcov uncertainty` draws, their ranges, and the value a
/// draw on [0, 1) gives each.

#include <string>
#include <vector>

#include "adcov/model/scenario.hpp"

namespace adcov::model {

/// One uncertain parameter, resolved.
struct UncertainParameter {
  std::string set;       ///< sweep path, e.g. "systems[patriot_pac3].pk.ballistic"
  double lo = 0, hi = 0;
  bool integer = false;  ///< a count (magazine, fire_channels, ...): drawn among the whole numbers lo..hi
};

/// `uncertainty.parameters` resolved: the list as written, or with
/// `parameters: library` every range of the system types the batteries field
/// (in battery order) and of the threat types the salvos launch (in salvo
/// order): "systems[<id>].<key>", "threats[<id>].<key>". A value the scenario
/// overrides is the scenario's, not an estimate, and has no range; a
/// zero-width range marks a fixed value (pk 0 against a class a system cannot
/// engage, a rotating radar's 360 deg) and is left out.
std::vector<UncertainParameter> uncertain_parameters(const Scenario& s);

/// Whether the value at sweep path `set` is a whole number (magazine,
/// fire_channels, doctrine counts, salvo count, track m and n).
bool integer_path(const std::string& set);

/// The value of `p` for a uniform draw `u` in [0, 1): lo + u (hi - lo), or for
/// a count the whole number lo + floor(u (hi - lo + 1)), at most hi.
double parameter_value(const UncertainParameter& p, double u);

}  // namespace adcov::model
