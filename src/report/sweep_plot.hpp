#pragma once
// The sweep plot (private to report): interception rate with its 95 % band,
// warheads through and interceptor cost per night, in three panels against
// the first swept parameter, one line per value of the second.

#include "adcov/model/scenario.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/sweep_result.hpp"

namespace adcov::report {

/// Renders the plot. Numeric first-axis values are placed to scale; other
/// values (lists, names) are placed evenly in sweep order.
Picture render_sweep_plot(const model::Scenario& s, const SweepResult& r);

}  // namespace adcov::report
