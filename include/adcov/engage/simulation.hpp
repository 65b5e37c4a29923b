#pragma once
/// \file
/// Monte Carlo engagement of a scenario's salvos against its batteries
/// (docs/model.md, "Engagement"). Trial i draws from a stream seeded by (seed, i), so
/// results are bit-identical for any thread count. The model, the event
/// engine, the assignment policy and the statistics: docs/engagement.md.

#include <cstdint>
#include <functional>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/assignment.hpp"
#include "adcov/engage/simulation_result.hpp"
#include "adcov/engage/windows.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

struct SimulationOptions {
  int trials = 1000;
  std::uint64_t seed = 1;
  bool operator_effects = true;  ///< also rerun without each operator group (paired draws)
  /// Called with (trials done, total) from worker threads; may be empty.
  std::function<void(std::int64_t, std::int64_t)> progress;
  /// Index of the first trial: trials first_trial .. first_trial+trials-1 are
  /// run (their streams do not depend on this split), so one trial can be
  /// replayed (trials = 1) and ranks can split the trials.
  std::int64_t first_trial = 0;
  /// Weapon-target assignment policy (assignment.hpp).
  AssignmentParams assignment;
  /// Kill assessment after an interceptor arrives, s (0: known on arrival).
  double look_s = 0;
  /// Launch points drawn per salvo with a launch_area (the path-variant pool,
  /// drawn once from `seed`; each trial picks one per threat).
  int launch_variants = 32;
  /// Path sampling for the engageability windows.
  WindowParams windows;
  /// Ground tracks shared with other simulate() calls on the same terrain
  /// (adcov uncertainty's model runs); null: each path is projected anew.
  GroundTrackCache* tracks = nullptr;
};

/// Runs the Monte Carlo. `batteries` from coverage::prepare_batteries over
/// `terrain`, in any subset or order (results name systems and operator
/// groups through each BatteryGeometry). Path samples outside the terrain
/// grid are not engageable (no terrain, no visibility there), so launch points
/// may lie far outside the region.
/// simulate() = summarize(simulate_tallies()) (tallies.hpp), which splits
/// the trials over processes with the same result.
/// \throws InputError for a salvo with an unknown threat type, no target,
///         a count < 0 or a threat speed <= 0.
SimulationResult simulate(const model::Scenario& s, const geo::TerrainGrid& terrain,
                          const std::vector<coverage::BatteryGeometry>& batteries,
                          const SimulationOptions& opt);

}  // namespace adcov::engage
