#pragma once
/// \file
/// What `adcov site` produced (docs/siting.md): the batteries it placed, in
/// order, with each one's gain, and the sited scenario's coverage for the
/// map. Computed by run/siting_run.hpp, written by report/siting_outputs.hpp.

#include <cstdint>
#include <string>
#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/geo/geodesy.hpp"

namespace adcov::report {

/// What the greedy placement maximises (docs/siting.md, "Objectives").
enum class SitingObjective {
  area,          ///< km^2 covered at the altitude inside the protect polygons (or the region)
  interceptions  ///< mean interceptions per trial of the scenario's salvos
};

/// "area" | "interceptions".
const char* to_string(SitingObjective o);

/// One placed battery.
struct SitedBattery {
  int rank = 0;  ///< 1 for the first placed
  std::string id, system, op;
  geo::LonLat at;
  std::string candidate;  ///< where the site came from: "lattice" or "file:line"
  double gain = 0;        ///< objective added by this battery (km^2 or interceptions)
  double objective = 0;   ///< objective with this battery and every earlier one
};

struct SitingResult {
  SitingObjective objective = SitingObjective::area;
  double altitude_m = 0;        ///< coverage altitude of the area objective and of the map
  std::string target;           ///< "protect polygons" or "region"
  double target_km2 = 0;        ///< area of the target (cells inside it)
  int trials = 0;               ///< per candidate, interceptions objective only
  std::uint64_t seed = 0;       ///< of those trials (the same for every candidate)
  std::size_t candidates = 0;   ///< candidate sites
  std::size_t evaluated = 0;    ///< candidate evaluations (sites x systems x steps not skipped)
  double objective_before = 0;  ///< the scenario as given
  std::vector<SitedBattery> placed;
  /// `adcov coverage`'s figure for the sited scenario at altitude_m: the
  /// covered km^2 of the target (equals the last objective for `area`).
  double sited_covered_km2 = 0;
  double before_covered_km2 = 0;  ///< the same for the scenario as given
  /// The sited scenario's coverage at altitude_m (for the map) and, on its
  /// grid, 1 where the scenario as given already covered.
  coverage::CoverageResult sited_coverage;
  std::vector<std::uint8_t> covered_before;
  std::string sited_yaml;  ///< scenario_sited.yaml's text
};

}  // namespace adcov::report
