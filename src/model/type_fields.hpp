#pragma once
// The parameter fields of system and threat types, read the same way from the
// built-in library and from a scenario's `systems:` / `threats:` overrides.

#include <array>
#include <map>
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

/// One numeric parameter a `ranges:` map may name: its key ("pk.drone", "rcs_band_factor.vhf"), the parameter
/// whose source it shares ("rcs_band_factor"), its value, and the rule the value, and so each range end, obeys.
struct RangedParam {
  std::string key;
  std::string param;
  double value = 0;
  Range rule;
  bool whole = false;  ///< a count: the range ends are whole numbers too
};

/// A word-valued parameter ("radar.band", `decoy_discrimination_s: never`) and its word: it takes no range.
struct WordParam {
  std::string key;
  std::string word;
};

/// The parameters of one type that a `ranges:` map may name.
struct RangeKeys {
  std::vector<RangedParam> numeric;
  std::vector<WordParam> words;
};

/// The parameters among `params` (dotted keys, as library_parameter_keys) of `s`, split into numbers and words.
RangeKeys system_range_keys(const SystemType& s, const std::vector<std::string>& params);
/// Same for a threat: "rcs_band_factor" gives one key per band in `bands` ("rcs_band_factor.vhf"), "rcs_m2"
/// with aspects gives "rcs_m2.front", "rcs_m2.side" and "rcs_m2.tail".
RangeKeys threat_range_keys(const ThreatType& t, const std::vector<std::string>& params,
                            const std::vector<std::string>& bands);
/// Every parameter of a resolved type (each band of rcs_band_factor): what a scenario's `ranges:` may name.
RangeKeys range_keys(const SystemType& s);
RangeKeys range_keys(const ThreatType& t);

/// True when a `sources:` text names "estimate", alone or beside source keys ("P3, estimate").
bool is_estimate(const std::string& source);

/// Reads `ranges:` of the type map `m`: `key: [lo, hi]` with lo <= value <= hi, each end a value the
/// parameter itself may take. With `sources` (the library) every numeric estimate needs a range and nothing
/// else may have one; without (a scenario's type) any numeric parameter may have one, none must.
std::map<std::string, std::array<double, 2>> read_ranges(const MapReader& m, const RangeKeys& keys,
                                                         const std::map<std::string, std::string>* sources);

/// Checks relations between fields after overrides (min_range_km <= max_range_km, ...).
void check_system_consistency(const SystemType& sys, const YAML::Mark& at, const std::string& item,
                              Diagnostics& d);

}  // namespace adcov::model::detail
