#pragma once
/// \file
/// The relief under the maps' colours: a Lambertian hillshade of the
/// scenario's ground heights, as a darkening factor per map cell.

#include <vector>

#include "adcov/geo/grid.hpp"
#include "adcov/geo/terrain.hpp"

namespace adcov::report {

/// How much of a cell's colour is kept, per cell of `view` (row-major): 1 on
/// flat ground and slopes facing the light (azimuth 315°, altitude 45°), down
/// to 1 - kHillshadeDarkening on slopes turned away from it. Slopes come from
/// the 3x3 Horn gradient of `terrain` at the cell's centre, exaggerated
/// kHillshadeZFactor times so that the gentle relief of a coarse DEM reads.
std::vector<float> hillshade(const geo::TerrainGrid& terrain, const geo::GridSpec& view);

/// The most a cell darkens: enough to read the relief, little enough that the
/// counts' colours and the light "not covered" stay readable.
inline constexpr double kHillshadeDarkening = 0.28;
/// Vertical exaggeration: ETOPO5 resampled to 1 km cells has slopes of a few
/// metres per kilometre on the plains.
inline constexpr double kHillshadeZFactor = 15.0;

}  // namespace adcov::report
