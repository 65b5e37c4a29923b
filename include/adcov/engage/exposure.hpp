#pragma once
/// \file
/// Exposure: how fast the defence kills a threat per metre flown, cell by
/// cell of the analysis grid (docs/engagement.md, "Least-exposure routes").
///
/// A battery that can engage the threat's class kills a threat crossing its
/// engagement zone straight through the middle with probability
///   P = 1 - (1 - pk)^(shots x n),
/// n = the engagements the crossing allows: min(max_engagements,
/// floor((t_cross - reaction_s) / t_fly)), t_cross = D / v the time to cross
/// the zone's diameter D = 2 x the slant envelope's max range at the threat's
/// speed v, t_fly = (D / 4) / interceptor speed the time of flight to a
/// target at half range. Spread evenly along D, that is a hazard rate
///   lambda = -ln(1 - P) / D per metre
/// inside every cell where the battery can engage the threat at its height
/// (engage_interval, the rule of the coverage maps). Rates of several
/// batteries add (independent engagements), so a path's kill probability is
/// 1 - exp(-sum of lambda x metres flown). Magazines, C2, detection and EW
/// are left out: this is the defence's reach, the quantity a planner of the
/// raid would avoid, not a simulation of it.

#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

/// The hazard rate per metre of every cell of `grid` against one threat type.
struct ExposureField {
  geo::GridSpec grid;
  std::vector<float> rate_per_m;  ///< row-major; 0 where nothing engages

  /// The rate at projected point `p`; 0 off the grid.
  double at(geo::XY p) const;
};

/// Kill probability of one straight crossing through the middle of the zone
/// of a battery of `sys` against `threat` (P above); 0 for a sensor or a
/// class it cannot kill.
double crossing_kill_probability(const model::SystemType& sys, const model::ThreatType& threat);

/// The field of `threat` flying at its altitude_m above ground against
/// `batteries` (coverage::prepare_batteries over `terrain`). Rows in
/// parallel, each cell's rates summed in battery order: the same bits for
/// any thread count.
ExposureField exposure_field(const model::Scenario& s, const model::ThreatType& threat,
                             const geo::TerrainGrid& terrain, const std::vector<coverage::BatteryGeometry>& batteries);

}  // namespace adcov::engage
