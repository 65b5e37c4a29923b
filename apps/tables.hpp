#pragma once
/// The human summary tables printed on stdout (docs/outputs.md, "stdout and stderr"). Plain text, fixed-width columns, one table per function.

#include <string>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"

namespace adcov::app {

/// Coverage per altitude: covered km2, fraction of the region, and the
/// marginal km2 each operator group adds (lost without it); a second block
/// for the protect zones when present. Ends with a newline.
std::string coverage_table(const coverage::CoverageResult& r);

/// Engagement: overall, per class, per threat type and per salvo: launched,
/// mean intercepted, interception rate and its 95 % interval; then
/// interceptors fired per system, costs and what each operator group adds.
/// Ends with a newline.
std::string engagement_table(const engage::SimulationResult& r);

}  // namespace adcov::app
