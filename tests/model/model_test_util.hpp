#pragma once
// Helpers for the model tests: load a YAML text from a temp folder and get
// its diagnostics.

#include <string>
#include <vector>

#include "adcov/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "support/support.hpp"

namespace adcov::test {

/// The first three lines of a valid scenario; tests append to it, so the
/// appended text starts on line 4.
inline const std::string kMinimal =
    "name: t\n"
    "terrain: {flat: 0}\n"
    "region: {bbox: [29, 49, 32, 51]}\n";

/// The diagnostics of loading `path`; empty when it loads.
inline std::vector<std::string> diagnostics_of(const std::filesystem::path& path) {
  try {
    (void)model::load_scenario(path);
  } catch (const InputError& e) {
    return e.messages();
  }
  return {};
}

inline std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& m : v) s += m + "\n";
  return s;
}

inline bool contains_line(const std::vector<std::string>& v, const std::string& line) {
  for (const auto& m : v)
    if (m == line) return true;
  return false;
}

}  // namespace adcov::test
