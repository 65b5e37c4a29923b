#pragma once
/// \file
/// What `adcov uncertainty` produced (docs/outputs.md, "Uncertainty"): the
/// model runs of a Saltelli design over the uncertain parameters, the spread
/// of each output rate over them and the Sobol' indices of each parameter.
/// The data the uncertainty writers turn into uncertainty.csv,
/// sensitivity.csv, tornado.png, summary.json's "uncertainty" block and the
/// report section; computed by run/uncertainty_run.hpp.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace adcov::report {

/// One uncertain parameter: a sweep path and the range its value is drawn
/// from (uniformly).
struct UncertainParameter {
  std::string set;     ///< sweep path, e.g. "systems[patriot_pac3].pk.ballistic"
  double lo = 0, hi = 0;
  bool integer = false;  ///< drawn values are rounded to whole numbers (magazine, fire_channels, ...)
};

/// The spread of one output rate over the model runs.
struct OutputSpread {
  double mean = 0, p5 = 0, p50 = 0, p95 = 0;
};

/// Sobol' indices of one parameter for one output, with 95 % bootstrap
/// intervals.
struct SensitivityIndex {
  std::string parameter;  ///< the sweep path
  double s1 = 0, s1_lo = 0, s1_hi = 0;  ///< first-order index
  double st = 0, st_lo = 0, st_hi = 0;  ///< total index
};

struct UncertaintyResult {
  std::size_t samples = 0;  ///< base sample size N
  int trials = 0;           ///< Monte Carlo trials per model run
  std::uint64_t seed = 0;   ///< trial seed shared by every run (common random numbers) and design seed
  std::vector<UncertainParameter> parameters;
  /// Output names: "overall", then the threat classes present ("drone",
  /// "cruise", "ballistic"), in that order.
  std::vector<std::string> outputs;
  /// One row per model run, in run order (for each base sample j: A_j, B_j,
  /// then A_j with parameter i from B_j, i = 1..k): the parameter values
  /// (parameters.size()) and the interception rate of each output
  /// (outputs.size()).
  std::vector<std::vector<double>> values;
  std::vector<std::vector<double>> rates;
  /// Spread of each output over the runs of matrices A and B (the 2N
  /// independent draws), by output name.
  std::map<std::string, OutputSpread> by_output;
  /// Indices by output name, sorted by ST, largest first.
  std::map<std::string, std::vector<SensitivityIndex>> sensitivity;
};

}  // namespace adcov::report
