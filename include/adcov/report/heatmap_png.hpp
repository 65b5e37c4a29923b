#pragma once
/// \file
/// The maps a planner reads at a glance (docs/outputs.md, "Heatmaps"):
/// coverage_<h>m.png and floor.png. The data layer is upscaled
/// nearest-neighbour; Ukraine's border and oblast borders, the sea tint, a
/// graticule, cities, battery markers by operator group, a scale bar and a
/// legend panel are drawn around it with Cairo and Pango. GDAL reads the
/// vectors and projects them into the grid's LAEA CRS.

#include <cstddef>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/color_scales.hpp"
#include "adcov/report/map_layout.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/render_options.hpp"

namespace adcov::report {

/// The heatmap of `r.altitudes[altitude_index]`.
/// \throws Error if a vector file exists but GDAL cannot read it.
Picture render_count_map(const model::Scenario& s, const coverage::CoverageResult& r,
                         std::size_t altitude_index, const RenderOptions& opt);

/// The detection map of `r.altitudes[altitude_index]` (detection_<h>m.png):
/// sensors detecting the reference target per cell. Its `detected` must not
/// be empty.
Picture render_detection_map(const model::Scenario& s, const coverage::CoverageResult& r,
                             std::size_t altitude_index, const RenderOptions& opt);

/// The coverage-floor map (r.floor_m must not be empty).
Picture render_floor_map(const model::Scenario& s, const coverage::CoverageResult& r, const RenderOptions& opt);

}  // namespace adcov::report
