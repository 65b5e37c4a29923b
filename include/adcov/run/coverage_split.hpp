#pragma once
/// \file
/// The coverage maps of one scenario split across ranks (docs/engagement.md,
/// "Beyond one machine", "Coverage maps"): each rank folds a share of the
/// batteries, split by their windows' size for equal work
/// (coverage::fold_coverage), into its part of the maps; the parts go to
/// rank 0 (gather_work), which merges them and finishes the maps. Counts are
/// summed, operator-group bits or-ed and the floor is a minimum, so the maps
/// are the same bit for bit as one process folding every battery.

#include <optional>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

/// The finished maps on rank 0, nullopt elsewhere; on one process
/// coverage::compute_coverage with windows freed as they are folded.
/// \throws what compute_coverage throws (rank 0 also rethrows another
///         rank's failure).
std::optional<coverage::CoverageResult> coverage_split(const Ranks& ranks, const model::Scenario& s,
                                                       const geo::TerrainGrid& terrain,
                                                       const coverage::CoverageOptions& opt);

}  // namespace adcov::run
