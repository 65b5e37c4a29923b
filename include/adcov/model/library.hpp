#pragma once
/// \file
/// The built-in library of system and threat types (`adcov library`).
/// It is data: data/library.yaml, compiled into the binary. Every parameter
/// carries a source key (docs/library.md) or the word "estimate".

#include <map>
#include <string>
#include <vector>

#include "adcov/model/system.hpp"
#include "adcov/model/threat.hpp"

namespace adcov::model {

struct Library {
  std::map<std::string, SystemType> systems;
  std::map<std::string, ThreatType> threats;
  /// Source key -> citation (title and address) from the library's `sources:`.
  std::map<std::string, std::string> citations;
};

/// Every parameter key of a system type, dotted as in YAML and as used in
/// SystemType::sources: "radar.range_km", ..., "magazine", ..., "pk.drone", ...,
/// then the words: "role", "radar.band", "radar.kind", "engage_on_remote".
const std::vector<std::string>& system_parameter_keys();

/// The parameter keys a library entry of `s`'s role and sensor kind must
/// write and source: a sensor only its radar's (and `role`), an acoustic
/// node no rcs_ref, elevation floor or band but `radar.max_alt_m`.
std::vector<std::string> library_parameter_keys(const SystemType& s);

/// Every parameter key of a threat type: "class", "speed_mps", "altitude_m",
/// "rcs_m2", "cost_usd" ("decoy" is optional and sourced only where set).
const std::vector<std::string>& threat_parameter_keys();

/// The built-in library, parsed once (function-local static; thread-safe).
/// Throws Error if the embedded YAML is broken (a build defect, not user input).
const Library& builtin_library();

/// Parses a library text in data/library.yaml's format, with every rule the
/// built-in library obeys (all parameters written and sourced, a `why:` and,
/// for numbers, a `ranges:` entry per estimate). Throws InputError with every
/// problem as `file:line:col: item: message`. builtin_library() uses it; the
/// tests feed it broken texts.
Library parse_library(const std::string& yaml, const std::string& file);

}  // namespace adcov::model
