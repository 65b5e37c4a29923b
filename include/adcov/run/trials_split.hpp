#pragma once
/// \file
/// The Monte Carlo trials of one simulation split across ranks: rank r runs
/// trials [r N / P, (r+1) N / P) (engage::simulate_tallies), its tallies go
/// to rank 0 (run/tallies_wire.hpp), which merges them in trial order and
/// summarizes: the same SimulationResult as one process, bit for bit,
/// because trial t's draws depend only on (seed, t).

#include <optional>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::run {

/// This rank's share of the trials; the merged result on rank 0, nullopt on
/// the others. On one process: engage::simulate. \throws what simulate()
/// throws (rank 0 also rethrows another rank's failure).
std::optional<engage::SimulationResult> simulate_split(const Ranks& ranks, const model::Scenario& s,
                                                       const geo::TerrainGrid& terrain,
                                                       const std::vector<coverage::BatteryGeometry>& batteries,
                                                       const engage::SimulationOptions& opt);

}  // namespace adcov::run
