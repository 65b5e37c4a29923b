#pragma once
/// \file
/// The memory check every computing command makes before any work
/// (docs/commands.md, "Memory check"): the scenario's estimated peak memory
/// (coverage/memory_estimate.hpp) against the memory available.

#include <optional>
#include <string>

#include "adcov/coverage/memory_estimate.hpp"

namespace adcov::run {

struct MemoryAvailable {
  double bytes = 0;
  std::string source;  ///< "MemAvailable" or "ADCOV_MEMORY_LIMIT_MB"
};

/// $ADCOV_MEMORY_LIMIT_MB (MiB, for tests and shared machines) when set, else
/// MemAvailable of /proc/meminfo; nullopt when neither is known (no check).
/// \throws InputError when ADCOV_MEMORY_LIMIT_MB is not a whole number > 0.
std::optional<MemoryAvailable> memory_available();

/// "1.5 GiB", "45.2 MiB", "512 B".
std::string byte_text(double bytes);

/// "grid 812 x 640 = 519680 cells at 1000 m, estimated peak memory 45.2 MiB"
std::string estimate_text(const coverage::MemoryEstimate& e);

/// Throws InputError naming `file` (as the user gave it), the estimate, its
/// parts, the memory available and how to lower it, when the estimate exceeds
/// the memory available. `also`, when not empty, is added after the ways to
/// lower it (validate: what `adcov coverage` alone would need).
void check_memory(const std::string& file, const coverage::MemoryEstimate& e, const std::string& also = "");

}  // namespace adcov::run
