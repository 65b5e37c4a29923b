#pragma once
// The MPI transport of `adcov run | simulate | sweep` (SPEC "Scale: beyond one
// machine"; docs/engagement.md, "Beyond one machine"). Compiled in every
// build; without ADCOV_WITH_MPI (or with one rank) it is one process: rank 0
// of 1, engage::simulate and report::run_sweep.
//
// Trials: rank r runs [r N / P, (r+1) N / P) (engage::simulate_tallies), the
// encoded tallies go to rank 0 (MPI_Gatherv), which merges them in trial order
// and summarizes: the same SimulationResult as one process, bit for bit.
// Sweep points: round-robin (point i on rank i % P), rows gathered to rank 0.
// Only rank 0 writes files and prints; the other ranks' stdout goes to
// /dev/null. A failure on one rank inside a split travels with the gather, so
// rank 0 reports it instead of waiting forever.

#include <optional>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/sweep.hpp"

namespace adcov::app::mpi {

/// MPI_Init_thread (funneled: only the main thread talks MPI; TBB workers
/// never do) / MPI_Finalize. Silences stdout on ranks other than 0.
class Session {
 public:
  Session(int* argc, char*** argv);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

int rank();   ///< 0 without MPI
int size();   ///< 1 without MPI
inline bool writer() { return rank() == 0; }

/// This rank's share of the trials; the merged result on rank 0, nullopt on
/// the others. \throws what simulate() throws (rank 0 also rethrows another
/// rank's failure as Error).
std::optional<engage::SimulationResult> simulate(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                                 const std::vector<coverage::BatteryGeometry>& batteries,
                                                 const engage::SimulationOptions& opt);

/// This rank's sweep points; all points, in order, on rank 0 (terrain_loads
/// and visibility_passes summed over ranks), nullopt on the others.
std::optional<report::SweepResult> sweep(const model::Scenario& s, report::SweepOptions opt);

}  // namespace adcov::app::mpi
