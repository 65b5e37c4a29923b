// adcov validate FILE...: every diagnostic of every file on stderr, "FILE: ok"
// on stdout for each valid one, with its grid and estimated peak memory; exit 2
// when any file is invalid or would not fit in memory, naming then what
// `coverage` alone, which holds far less, would need.

#include <tbb/global_control.h>

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
      // The memory check of run, simulate and sweep (docs/commands.md, "Memory check"); a refusal adds
      // coverage's own estimate (all cores, as `adcov coverage` runs by default).
      const coverage::MemoryEstimate e = coverage::estimate_memory(s, true);
      const auto threads = static_cast<int>(
          tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
      const std::string coverage_alone = run::byte_text(coverage::estimate_coverage_memory(s, threads).total_bytes);
      run::check_memory(f, e, "adcov coverage alone would need an estimated " + coverage_alone);
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
