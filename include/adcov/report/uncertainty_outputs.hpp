#pragma once
/// \file
/// The outputs of `adcov uncertainty` (docs/outputs.md, "uncertainty.csv"
/// and after): uncertainty.csv, sensitivity.csv, tornado.png,
/// uncertainty_fan.png, summary.json's "uncertainty" block and report.html's
/// Uncertainty section.

#include <string>

#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/report_provenance.hpp"
#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// uncertainty.csv text: header `run,matrix,sample,<parameter sets...>,
/// rate_<output>...`, one row per model run in run order: `run` the 0-based
/// run index, `matrix` "A", "B" or "AB_<i>" (A with the i-th parameter,
/// 1-based, taken from B), `sample` the 0-based base sample, then the
/// parameter values and the interception rate of each output. Numbers in
/// their shortest round-trip form (number_text.hpp); sweep paths holding a
/// comma or quote are quoted.
std::string uncertainty_csv(const UncertaintyResult& r);

/// sensitivity.csv text: header `output,parameter,S1,S1_lo,S1_hi,ST,ST_lo,
/// ST_hi`, rows by output in r.outputs order, then by ST, largest first.
std::string sensitivity_csv(const UncertaintyResult& r);

/// Stages uncertainty.csv, sensitivity.csv, tornado.png (Sobol' indices of
/// the overall rate), uncertainty_fan.png (the spread of each output over
/// the A and B runs), summary.json with its uncertainty part (merged over
/// the summary staged or in the folder) and report.html (the scenario header
/// and the Uncertainty section).
/// \throws Error if a file cannot be written.
void write_uncertainty_outputs(OutputStage& stage, const model::Scenario& s, const UncertaintyResult& r,
                               const ReportProvenance& provenance = {});

}  // namespace adcov::report
