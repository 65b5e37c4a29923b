#pragma once
// Where a model run of UncertaintyResult sits in the Saltelli design (private
// to report): for each base sample j the runs are A_j, B_j, then AB_j^(i) (A_j
// with parameter i taken from B_j) for i = 1..k, so a sample spans k + 2 runs.

#include <cstddef>
#include <string>

#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// The base sample j (0-based) of run `run`.
inline std::size_t run_sample(const UncertaintyResult& r, std::size_t run) { return run / (r.parameters.size() + 2); }

/// "A", "B", or "AB_<i>" with i the 1-based index of the parameter taken from
/// B (the i-th parameter column of uncertainty.csv).
inline std::string run_matrix(const UncertaintyResult& r, std::size_t run) {
  const std::size_t m = run % (r.parameters.size() + 2);
  return m == 0 ? "A" : m == 1 ? "B" : "AB_" + std::to_string(m - 1);
}

/// Whether `run` is one of A or B: the 2N independent draws over the
/// parameters' ranges that the spread (by_output) is taken over.
inline bool run_is_independent(const UncertaintyResult& r, std::size_t run) {
  return run % (r.parameters.size() + 2) < 2;
}

}  // namespace adcov::report
