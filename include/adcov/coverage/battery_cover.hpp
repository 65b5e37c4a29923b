#pragma once
/// \file
/// One battery's share of the coverage map at one altitude (docs/model.md,
/// "Coverage at altitude h"): the cells where it can engage the maps'
/// reference target, by the very rule and arithmetic of compute_coverage(),
/// so that sums of these sets agree with the maps cell for cell.
/// `adcov site` (docs/siting.md) computes one set per candidate site.

#include <cstdint>
#include <span>
#include <vector>

#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/terrain.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::coverage {

/// A system's envelope against the coverage maps' reference target
/// (coverage.threat, head-on RCS seen in its band; without one, its own
/// rcs_ref and any class it can kill), and whether it engages that target.
struct ReferenceEnvelope {
  SlantEnvelope env;
  bool can_kill = false;  ///< a shooter with pk > 0 for the target's class
  double rcs_m2 = 0;      ///< the reference target's RCS as this system's radar sees it
};

/// The maps' reference threat (coverage.threat), or null: each radar's own rcs_ref.
/// \throws InputError when coverage.threat names no threat of `s`.
const model::ThreatType* reference_threat(const model::Scenario& s);

/// The envelope of `sys` as the coverage maps use it.
/// \throws InputError when coverage.threat names no threat of `s`.
ReferenceEnvelope reference_envelope(const model::Scenario& s, const model::SystemType& sys);

/// The cells (row-major indices into terrain.grid, ascending) where `b`
/// can engage the reference target `altitude_m` above the ground, among the
/// cells with `mask[i] != 0` (mask has terrain.grid.cells() entries). Empty
/// when !ref.can_kill.
std::vector<std::uint32_t> engageable_cells(const model::Scenario& s,
                                            const geo::TerrainGrid& terrain,
                                            const BatteryGeometry& b, const ReferenceEnvelope& ref,
                                            double altitude_m, std::span<const std::uint8_t> mask);

}  // namespace adcov::coverage
