#pragma once
/// \file
/// The built-in library of system and threat types (`adcov library`).
/// It is data: data/library.yaml, compiled into the binary. Every parameter
/// carries a source key (docs/library.md) or the word "estimate".

#include <map>
#include <string>

#include "adcov/model/system.hpp"
#include "adcov/model/threat.hpp"

namespace adcov::model {

struct Library {
  std::map<std::string, SystemType> systems;
  std::map<std::string, ThreatType> threats;
  /// Source key -> citation (title and address) from the library's `sources:`.
  std::map<std::string, std::string> citations;
};

/// The built-in library, parsed once (function-local static; thread-safe).
/// Throws Error if the embedded YAML is broken (a build defect, not user input).
const Library& builtin_library();

}  // namespace adcov::model
