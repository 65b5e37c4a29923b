#pragma once
// Where a command writes when -o is not given (docs/outputs.md): out/<name>/
// for one scenario, out/<name>-sweep/ for a sweep; with -o and several
// scenarios, one sub-folder per scenario.

#include <cstddef>
#include <filesystem>
#include <string>

namespace adcov::app {

/// `out_flag` as given for one scenario, `out_flag/<name>` for several,
/// `out/<name><suffix>` without -o.
inline std::filesystem::path output_dir(const std::string& out_flag, const std::string& name,
                                        std::size_t scenario_count = 1, const std::string& suffix = "") {
  if (out_flag.empty()) return std::filesystem::path("out") / (name + suffix);
  if (scenario_count > 1) return std::filesystem::path(out_flag) / name;
  return out_flag;
}

}  // namespace adcov::app
