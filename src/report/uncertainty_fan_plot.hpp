#pragma once
// uncertainty_fan.png (private to report): the spread of each output rate
// over the parameters' ranges, one row per output ("overall" on top): every
// A and B run as a dot, the p5-p95 box, the median and the mean.

#include "adcov/model/scenario.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// 1000 px wide; 140 px plus 70 px per output (at least one) high.
Picture render_uncertainty_fan(const model::Scenario& s, const UncertaintyResult& r);

}  // namespace adcov::report
