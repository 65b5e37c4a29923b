#pragma once
/// \file
/// What a sweep produced: one row per parameter combination (the data the
/// sweep writers turn into sweep.csv and sweep.png).

#include <cstddef>
#include <string>
#include <vector>

#include "adcov/engage/simulation_result.hpp"

namespace adcov::report {

/// One parameter combination and its results.
struct SweepPoint {
  std::size_t index = 0;            ///< position in the full row-major product
  std::vector<std::string> values;  ///< one YAML value per axis, in axis order
  engage::RateStats overall;
  double interceptor_cost_mean_usd = 0;   ///< interceptors fired per trial (one night), USD
  std::vector<double> altitudes_m;        ///< coverage altitudes of this point
  std::vector<double> covered_fraction;   ///< per altitude, of the region
};

struct SweepResult {
  std::vector<std::string> axes;  ///< the `set:` paths
  std::vector<SweepPoint> points; ///< row-major: the last axis varies fastest (by index)
  int terrain_loads = 0;          ///< how often terrain was loaded (reuse check)
  int visibility_passes = 0;      ///< how often batteries' visibility was computed
};

}  // namespace adcov::report
