#pragma once
/// \file
/// Is a target at a point and height engageable by a battery? SPEC "Detection"
/// and "Engageable": visible (VisibilityWindow), slant range within
/// range_km * (rcs/rcs_ref)^(1/4), inside the engagement envelope, pk > 0.
/// A lookup, not a ray cast: the engagement simulator calls this per sample.

#include <string>
#include <vector>

#include "adcov/coverage/visibility.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::coverage {

/// Everything about one battery that lookups need, precomputed once.
struct BatteryGeometry {
  std::size_t battery_index = 0;   ///< into Scenario::batteries
  model::SystemType system;        ///< effective (overrides applied)
  model::OperatorGroup group = model::OperatorGroup::ukraine;
  geo::XY pos;                     ///< projected position
  VisibilityWindow vis;
};

/// The target being asked about.
struct TargetQuery {
  double rcs_m2 = 1;
  model::ThreatClass cls = model::ThreatClass::drone;
};

/// Detection range (m) of `sys` against a target of `rcs_m2`:
/// range_km * 1000 * (rcs / rcs_ref)^(1/4) (radar equation, R^4 law).
double detection_range_m(const model::SystemType& sys, double rcs_m2);

/// True if a target at projected point `p`, `h_agl_m` above the ground there,
/// is engageable by battery `b`. `grid` is the analysis grid and
/// `ground_at_p_m` the ground height at p (sea surface 0 at sea); k for slant
/// range in the curved-earth frame.
bool engageable(const BatteryGeometry& b, const geo::GridSpec& grid, geo::XY p, double h_agl_m,
                double ground_at_p_m, const TargetQuery& target, double k_factor);

/// Prepares every battery of the scenario (parallel over batteries with TBB;
/// results in battery order). reach = max(detection range for the widest
/// query, max_range_km). Throws InputError (with the battery's file:line:col
/// and coordinates) for a battery outside the terrain grid.
std::vector<BatteryGeometry> prepare_batteries(const model::Scenario& s,
                                               const geo::TerrainGrid& terrain);

}  // namespace adcov::coverage
