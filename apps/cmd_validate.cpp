// adcov validate FILE...: every diagnostic of every file on stderr, "FILE: ok"
// on stdout for each valid one, with its grid and estimated peak memory; exit 2
// when any file is invalid or would not fit in memory.

#include <cstdio>
#include <string>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/error.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/run/memory_check.hpp"
#include "commands.hpp"

namespace adcov::app {

int cmd_validate(const std::vector<std::string>& files) {
  bool all_ok = true;
  for (const auto& f : files) {
    try {
      const model::Scenario s = model::load_scenario(f);
      // The memory check of run, coverage, simulate and sweep (docs/commands.md, "Memory check").
      const coverage::MemoryEstimate e = coverage::estimate_memory(s, true);
      run::check_memory(f, e);
      // The DEM too, from its metadata: run must not fail on what validate could see.
      coverage::check_scenario_terrain(s);
      const std::string line = f + ": ok (" + run::estimate_text(e) + ")\n";
      std::fwrite(line.data(), 1, line.size(), stdout);
    } catch (const InputError& e) {
      all_ok = false;
      // One write per message, so output from parallel runs never interleaves mid-line.
      for (const auto& m : e.messages()) {
        const std::string line = m + "\n";
        std::fwrite(line.data(), 1, line.size(), stderr);
      }
    }
  }
  std::fflush(stdout);
  return all_ok ? 0 : 2;
}

}  // namespace adcov::app
