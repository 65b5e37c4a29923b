#pragma once
/// \file
/// trials.csv (docs/outputs.md): one row per Monte Carlo trial, in trial order.

#include <filesystem>
#include <string>

#include "adcov/engage/simulation_result.hpp"

namespace adcov::report {

/// The CSV header line (without newline).
inline constexpr const char* kTrialsCsvHeader =
    "trial,intercepted,leaked,interceptors_fired,interceptor_cost_usd,threats_destroyed_cost_usd,lost_ew,"
    "leaked_warheads";

/// The whole file: header, then one row per r.trial_outcomes entry (trial =
/// 0-based index, the index to replay). Costs in their shortest exact form.
std::string trials_csv(const engage::SimulationResult& r);

/// Writes trials_csv(r) to `file`. \throws Error naming the file on failure.
void write_trials_csv(const std::filesystem::path& file, const engage::SimulationResult& r);

}  // namespace adcov::report
