#pragma once
/// \file
/// Exposure: how fast the defence kills a threat per metre flown, cell by
/// cell of the analysis grid (docs/engagement.md, "Least-exposure routes").
///
/// A battery that can engage the threat's class kills a threat crossing its
/// engagement zone straight through the middle with probability
///   P = 1 - (1 - pk)^(shots x n),
/// n = the engagements the crossing allows: min(max_engagements,
/// floor((t_cross - reaction_s) / t_fly)), at least 1 (0 when the threat is
/// through before the first launch), t_cross = D / v the time to cross the
/// zone's diameter D = 2 x engagement.max_range_km at the threat's speed v,
/// t_fly = (D / 4) / interceptor speed the time of flight to a target at half
/// range. The first engagement is charged on entering the zone, the others
/// spread along D:
///   entry = -shots x ln(1 - pk) nepers (one engagement, however short the
///           chord: a cued battery fires as soon as the threat is in reach),
///   lambda = (-ln(1 - P) - entry) / D per metre inside the zone,
/// on the cells where the battery can engage the threat at its height
/// (engage_interval, the rule of the coverage maps). A path's kill
/// probability is 1 - exp(-(sum of entries + sum of lambda x metres)):
/// independent engagements, and a crossing through the middle costs exactly
/// -ln(1 - P). Magazines, C2, detection and EW are left out: this is the
/// defence's reach, the quantity a planner of the raid would avoid, not a
/// simulation of it.

#include <cstdint>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

/// Bit z of a ZoneSet: inside the zone of the field's z-th shooter.
using ZoneSet = std::uint64_t;
/// Shooters beyond the 64th have no zone bit: their entry charge is spread
/// along their diameter with the rest.
inline constexpr std::size_t kMaxZones = 64;

/// The exposure of every cell of `grid` against one threat type.
struct ExposureField {
  geo::GridSpec grid;
  std::vector<float> rate_per_m;  ///< lambda summed over the zones holding the cell, row-major
  std::vector<ZoneSet> zones;     ///< the zones holding each cell
  std::vector<double> entry;      ///< nepers charged on entering zone z

  /// The rate at projected point `p`; 0 off the grid.
  double at(geo::XY p) const;
  /// The zones holding projected point `p`; none off the grid.
  ZoneSet zones_at(geo::XY p) const;
  /// Nepers charged for entering the zones of `entered`.
  double entry_of(ZoneSet entered) const;
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
