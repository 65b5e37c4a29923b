#pragma once
/// \file
/// The coverage maps of one scenario split across ranks (docs/engagement.md,
/// "Beyond one machine", "Coverage maps"): each rank folds a share of the
/// batteries, split by their windows' size for equal work
/// (coverage::fold_coverage), into its part of the maps; the parts go to
/// rank 0 (gather_work), which sends all of them back to every rank
/// (broadcast_work), and each rank merges the others' parts into its own, so
/// every rank has the maps and can write some of the files
/// (run/output_split.hpp). The ranks encode and merge at the same time: on
/// the national baseline at 250 m, 2 ranks of one thread, this took 2.6 s
/// where rank 0 merging and sending the merged maps back took 3.0-3.6 s.
/// Counts are summed, operator-group bits or-ed and the floor is a minimum,
/// so the maps are the same bit for bit as one process folding every battery.

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

/// The maps of every battery, folded and merged but not finished
/// (coverage::finish_coverage makes them the result), the same on every rank;
/// on one process coverage::fold_coverage of every battery. Left unfinished
/// so that the caller can free the terrain first: finishing writes the whole
/// floor.
/// \throws what fold_coverage throws (rank 0 also rethrows another
///         rank's failure; the others then throw Error).
coverage::CoverageFold coverage_split(const Ranks& ranks, const model::Scenario& s, const geo::TerrainGrid& terrain,
                                      const coverage::CoverageOptions& opt);

}  // namespace adcov::run
