#pragma once
/// \file
/// The scenario loader's rules for the values the command line can also set
/// (coverage.altitudes_m, resolution_m, simulation.trials, seed), one value at
/// a time, so `adcov coverage --altitude` and friends refuse exactly what the
/// YAML refuses, in the same words. Each returns "" when the value is allowed,
/// else the problem, which the caller prefixes with the value's name:
/// "must be >= 0, got -1", "must be a finite number >= 0, got nan".

#include <cstdint>
#include <string>
#include <vector>

namespace adcov::model {

/// One entry of coverage.altitudes_m (metres above ground).
std::string altitude_problem(double altitude_m);
/// resolution_m (grid cell size in metres).
std::string resolution_problem(double resolution_m);
/// simulation.trials.
std::string trials_problem(long long trials);
/// seed, as written ("42"): a whole number >= 0; sets `seed` when allowed.
/// "-1" is refused rather than wrapped to 2^64 - 1.
std::string seed_problem(const std::string& text, std::uint64_t& seed);

/// The altitude as written in output file names and titles, without trailing
/// zeros: 50 -> "50", 12.5 -> "12.5" (rounded to millimetres).
std::string altitude_label(double altitude_m);

/// A list of altitudes (each already allowed by altitude_problem) in which two
/// would write the same output files: "50 is listed twice", or "1.2344 and
/// 1.2345 name the same output files (altitudes are named to the millimetre:
/// 1.234)". "" when each altitude has its own name.
std::string altitudes_problem(const std::vector<double>& altitudes_m);

}  // namespace adcov::model
