#pragma once
/// \file
/// What the coverage computation produced (docs/model.md, "Coverage at altitude h",
/// "Coverage floor", "Operator contribution"): the data the report writers
/// read, apart from the computation (coverage/coverage_map.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adcov/coverage/count_map.hpp"
#include "adcov/coverage/engageability.hpp"
#include "adcov/geo/big_buffer.hpp"
#include "adcov/geo/grid.hpp"

namespace adcov::coverage {

/// Areas for one altitude (or one protect zone at that altitude).
struct AreaStats {
  double region_km2 = 0;
  double covered_km2 = 0;
  double covered_fraction = 0;
  std::map<std::string, double> by_operator_km2;           ///< "ukraine" | "allied" | "contractor"
  std::map<std::string, double> marginal_by_operator_km2;  ///< lost without that group
  /// Area where at least one sensor detects the reference target
  /// (docs/coverage.md, "Detection maps"); only when detection maps are wanted.
  std::optional<double> detected_km2;
};

struct AltitudeCoverage {
  double altitude_m = 0;
  /// Batteries able to engage per grid cell; 0 outside the region as well,
  /// see CoverageResult::in_region for the mask.
  CountMap count;
  /// Sensors (sensor units and shooters' own radars) that detect the
  /// reference target per grid cell, 0 outside the region; empty unless
  /// wants_detection_maps() (docs/coverage.md, "Detection maps").
  CountMap detected;
  AreaStats region;
  std::optional<AreaStats> protect;  ///< inside the protect polygons, when given
};

struct CoverageResult {
  geo::GridSpec grid;
  std::vector<std::uint8_t> in_region;        ///< 1 inside the scenario region (bbox)
  std::vector<std::uint8_t> in_protect;       ///< 1 inside protect polygons; empty if none
  std::vector<AltitudeCoverage> altitudes;
  geo::ZeroedVector<float> floor_m;           ///< NaN where never covered or outside region; empty if floor off
  std::vector<BatteryGeometry> batteries;
  std::int64_t voids_filled = 0;
  std::string terrain_description;
  double terrain_source_resolution_m = 0;  ///< native DEM cell size (0 for flat ground)
};

}  // namespace adcov::coverage
