#pragma once
/// \file
/// summary.json (docs/outputs.md): the contract's keys plus documented extras
/// (docs/outputs.md). A summary may hold a coverage part, an engagement part
/// and an uncertainty part; writing one part keeps the other parts of the
/// summary already in the folder, so `adcov coverage` then `adcov simulate`
/// (or `adcov run` then `adcov uncertainty`) into one folder gives one
/// summary. Doubles are written in their shortest round-trip form.

#include <string>
#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/engage/simulation_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// Writes summary.json into `stage`. The parts given (non-null) replace the
/// same parts of the base summary: the one already staged in `stage`, else
/// `stage.dir()/summary.json` when it exists and names the same scenario.
/// Coverage part: "coverage", "floor", "terrain"; engagement part:
/// "engagement", "trials", "seed". `notes` are attached to the parts written
/// (each note is stored as "coverage: ..." or "engagement: ...").
/// \throws Error if the base summary cannot be read or the file written.
void write_summary(OutputStage& stage, const model::Scenario& s, const coverage::CoverageResult* cov,
                   const engage::SimulationResult* sim, const std::vector<std::string>& notes = {});

/// The summary text for the given parts merged over `base_json` (empty =
/// no base). The pure core of write_summary().
/// \throws Error if `base_json` is not valid JSON.
std::string summary_json(const std::string& base_json, const model::Scenario& s,
                         const coverage::CoverageResult* cov, const engage::SimulationResult* sim,
                         const std::vector<std::string>& notes = {});

/// Writes summary.json into `stage` with the uncertainty part, the
/// "uncertainty" block of `r`, merged over the base summary as
/// write_summary() does: every other key of the base is kept. The part has
/// no notes and leaves "seed" and "trials" (the engagement's) alone; the
/// block carries its own.
/// \throws Error if the base summary cannot be read or the file written.
void write_uncertainty_summary(OutputStage& stage, const model::Scenario& s, const UncertaintyResult& r);

/// The summary text with the uncertainty part of `r` merged over
/// `base_json` (empty = no base). The pure core of write_uncertainty_summary().
/// \throws Error if `base_json` is not valid JSON.
std::string uncertainty_summary_json(const std::string& base_json, const model::Scenario& s,
                                     const UncertaintyResult& r);

}  // namespace adcov::report
