#pragma once
// tornado.png (private to report): the Sobol' indices of the overall
// interception rate, one row per parameter (the 10 with the largest total
// index, largest on top): the total index ST and the first-order index S1
// as bars side by side, each with its 95 % bootstrap interval.

#include <cstddef>

#include "adcov/model/scenario.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// At most this many parameters are drawn (sensitivity.csv has them all).
inline constexpr std::size_t kTornadoRows = 10;

/// 1000 px wide; 140 px plus 44 px per parameter drawn (at least one) high.
Picture render_tornado_plot(const model::Scenario& s, const UncertaintyResult& r);

}  // namespace adcov::report
