#pragma once
/// \file
/// The sweep's outputs: sweep.csv and sweep.png.

#include <string>

#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/sweep_result.hpp"

namespace adcov::report {

/// sweep.csv text: one row per point: the axis values, launched, intercepted
/// mean, interception rate, ci95_lo, ci95_hi, then covered_fraction_<h>m for
/// every altitude seen in the sweep (empty where a point lacks it).
std::string sweep_csv(const SweepResult& r);

/// Stages sweep.csv and sweep.png (interception rate with its 95 % band
/// against the first axis, one line per value of the second axis).
void write_sweep_outputs(OutputStage& stage, const model::Scenario& s, const SweepResult& r);

}  // namespace adcov::report
