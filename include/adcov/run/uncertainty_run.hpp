#pragma once
/// \file
/// `adcov uncertainty` (docs/uncertainty.md): the scenario's uncertain
/// parameters drawn by a Saltelli design (run/saltelli_design.hpp), one
/// Monte Carlo model run per design point, and the Sobol' indices of each
/// output rate (run/sobol_indices.hpp).
///
/// Every model run uses the scenario's seed for its trials (common random
/// numbers: two runs differ only by their parameters, which keeps the
/// indices' noise down), and all runs share one analysis grid, sized for the
/// longest reach the ranges allow. A run depends only on its design point,
/// so runs split across threads and MPI ranks (run i on rank i % P) with
/// identical outputs.

#include <cstdint>
#include <filesystem>
#include <optional>

#include "adcov/model/scenario.hpp"
#include "adcov/report/report_provenance.hpp"
#include "adcov/report/uncertainty_result.hpp"
#include "adcov/run/progress.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

struct UncertaintyOptions {
  std::optional<int> samples;         ///< overrides uncertainty.samples
  std::optional<int> trials;          ///< overrides uncertainty.trials
  std::optional<std::uint64_t> seed;  ///< overrides the scenario's seed (trials and design)
  int bootstrap = 1000;               ///< bootstrap resamples for the indices' intervals
  ProgressHooks progress;             ///< one stage, counting this rank's model runs
  report::ReportProvenance provenance;  ///< printed in report.html (version, command line)
};

/// The whole analysis on one process; on several ranks, the result on rank 0
/// and nullopt on the others. \throws InputError when the scenario has no
/// uncertain parameter or a drawn value does not apply.
std::optional<report::UncertaintyResult> run_uncertainty(const model::Scenario& s, const UncertaintyOptions& opt,
                                                         const Ranks& ranks = {});

/// `adcov uncertainty`: run_uncertainty, then its outputs into `out_dir`, all
/// or nothing (rank 0 only). nullopt on ranks other than 0.
std::optional<report::UncertaintyResult> uncertainty_into(const std::filesystem::path& out_dir,
                                                          const model::Scenario& s, const UncertaintyOptions& opt,
                                                          const Ranks& ranks = {});

}  // namespace adcov::run
