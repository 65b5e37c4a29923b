#pragma once
// The parameter fields of system and threat types, read the same way from the
// built-in library and from a scenario's `systems:` / `threats:` overrides.

#include <string>
#include <vector>

#include "adcov/model/system.hpp"
#include "adcov/model/threat.hpp"
#include "model/yaml_reader.hpp"

namespace adcov::model::detail {

/// Keys a system map may hold besides its parameters.
enum class TypeContext { library, scenario };

/// Allowed top-level keys of a system map in the given context.
std::vector<std::string> system_keys(TypeContext ctx);
/// Allowed top-level keys of a threat map in the given context.
std::vector<std::string> threat_keys(TypeContext ctx);
/// The nested groups of a system map (radar, engagement, ...), for sweep paths.
const std::vector<std::string>& system_groups();

/// Whether a system parameter (dotted key, e.g. "magazine", "doctrine.max_engagements") is a whole number.
bool system_key_is_integer(const std::string& dotted_key);

/// Reads every parameter present in the system map `m` onto `sys` and returns
/// the dotted keys it set ("radar.range_km", "magazine"). Reports unknown keys
/// inside the groups, wrong types and out-of-range values.
std::vector<std::string> read_system_params(const MapReader& m, SystemType& sys);
/// Same for a threat map ("class", "speed_mps", ..., "decoy").
std::vector<std::string> read_threat_params(const MapReader& m, ThreatType& t);

/// Checks relations between fields after overrides (min_range_km <= max_range_km, ...).
void check_system_consistency(const SystemType& sys, const YAML::Mark& at, const std::string& item,
                              Diagnostics& d);

}  // namespace adcov::model::detail
