#pragma once
/// \file
/// `adcov bench`: the wall-clock time of each stage of a scenario's run on
/// this machine (terrain, per-battery visibility, coverage maps, Monte
/// Carlo with and without the operator-group reruns). The whole-process
/// comparisons with gdal_viewshed and gdalwarp live in bench/.

#include <cstddef>

#include "adcov/model/scenario.hpp"

namespace adcov::run {

struct StageTimings {
  int grid_width = 0, grid_height = 0;
  double terrain_s = 0;           ///< load + resample onto the grid
  std::size_t batteries = 0;
  std::size_t window_cells = 0;   ///< cells of all visibility windows
  double visibility_s = 0;
  std::size_t altitudes = 0;
  double coverage_s = 0;          ///< the coverage maps (all altitudes + floor)
  std::size_t routes = 0;          ///< least-exposure routes planned (salvo x target)
  double routes_s = 0;
  int trials = 0;
  long long threats_per_trial = 0;
  double trials_s = 0;            ///< without operator-group reruns
  std::size_t operator_groups = 0;
  double trials_with_groups_s = 0;
};

/// Runs each stage once, in order, and times it.
StageTimings time_stages(const model::Scenario& s, int trials);

}  // namespace adcov::run
