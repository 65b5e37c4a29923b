#pragma once
/// \file
/// Where a threat's path enters each electronic-warfare zone (docs/model.md,
/// "Electronic warfare"): computed once per path, like the windows; the
/// battle draws each entry's loss per trial.

#include <cstdint>
#include <vector>

#include "adcov/engage/trajectory.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

/// The first entry of a path into one zone.
struct ZoneEntry {
  std::uint32_t zone = 0;  ///< index into Scenario::ew
  double t_s = 0;          ///< s since launch (0 when the launch point lies inside)
};

/// The first entry of `tr` into each zone of `zones` that it enters, by
/// time. A point is inside when its great-circle distance from the centre
/// is at most radius_km. The path is sampled every `step_m` metres and each
/// entry refined by bisection to 1 m of path.
std::vector<ZoneEntry> zone_entries(const Trajectory& tr, const std::vector<model::EwZone>& zones,
                                    double step_m = 250.0);

}  // namespace adcov::engage
