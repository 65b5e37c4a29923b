#pragma once
// summary.json's "uncertainty" block (private to report: nlohmann-json stays
// out of the public headers; summary_json.hpp writes it into the summary).

#include <nlohmann/json.hpp>

#include "adcov/report/uncertainty_result.hpp"

namespace adcov::report {

/// The block as docs/outputs.md lists it: the contract's "runs",
/// "parameters", "by_output" and "sensitivity", then the extras "samples",
/// "trials_per_run", "seed" and "ranges". Ordered: keys stay in that order,
/// outputs in r.outputs order and indices by ST, largest first.
nlohmann::ordered_json uncertainty_json(const UncertaintyResult& r);

}  // namespace adcov::report
