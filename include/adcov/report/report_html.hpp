#pragma once
/// \file
/// report.html: one self-contained page a planner can mail around: the
/// scenario's question, the heatmaps and floor map (embedded as base64 PNG
/// data URIs), the interception tables, what each operator group adds, and
/// the assumptions that matter (terrain, k-factor, parameters that are
/// estimates).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/engage/simulation_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"

namespace adcov::report {

/// The leading comment block of the scenario file (its `#` lines before the
/// first key), without the `# ` markers; empty if the file has none or
/// cannot be read.
std::string scenario_header_comment(const std::filesystem::path& scenario_file);

/// The page for the given parts (either may be null). `read_output(name)`
/// returns the bytes of an output file (e.g. "coverage_500m.png"), or
/// nullopt when it does not exist (the image is then left out).
std::string report_html(const model::Scenario& s, const coverage::CoverageResult* cov,
                        const engage::SimulationResult* sim,
                        const std::function<std::optional<std::string>(const std::string&)>& read_output);

/// Stages report.html into `stage`, embedding the PNGs staged there (or,
/// failing that, already in the folder).
/// \throws Error if the file cannot be written.
void write_report_html(OutputStage& stage, const model::Scenario& s, const coverage::CoverageResult* cov,
                       const engage::SimulationResult* sim);

}  // namespace adcov::report
