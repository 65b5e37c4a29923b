#pragma once
/// \file
/// report.html: one self-contained page a planner can mail around: the
/// scenario's question, the heatmaps and floor map (embedded as base64 PNG
/// data URIs), the interception tables, what each operator group adds, the
/// uncertainty over the parameters' ranges (from `adcov uncertainty`), and
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
#include "adcov/report/report_provenance.hpp"
#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// The leading comment block of the scenario file (its `#` lines before the
/// first key), without the `# ` markers; empty if the file has none or
/// cannot be read.
std::string scenario_header_comment(const std::filesystem::path& scenario_file);

/// The page for the given parts (any may be null). `read_output(name)`
/// returns the bytes of an output file (e.g. "coverage_500m.png"), or
/// nullopt when it does not exist (the image is then left out). With `unc`
/// the page has an Uncertainty section (headline, tornado.png,
/// uncertainty_fan.png, the spread and index tables). `provenance` goes in
/// the header and footer lines (class "provenance", the page's only lines
/// that differ between runs of the same inputs).
std::string report_html(const model::Scenario& s, const coverage::CoverageResult* cov,
                        const engage::SimulationResult* sim,
                        const std::function<std::optional<std::string>(const std::string&)>& read_output,
                        const UncertaintyResult* unc = nullptr, const ReportProvenance& provenance = {});

/// Stages report.html into `stage`, embedding the PNGs staged there (or,
/// failing that, already in the folder).
/// \throws Error if the file cannot be written.
void write_report_html(OutputStage& stage, const model::Scenario& s, const coverage::CoverageResult* cov,
                       const engage::SimulationResult* sim, const UncertaintyResult* unc = nullptr,
                       const ReportProvenance& provenance = {});

}  // namespace adcov::report
