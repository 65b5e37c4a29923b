#pragma once
// One map page (private to report): the title band, the map with its data
// layer and the layers around it, and the legend panel. The count and floor
// maps differ only in the cells' colours, their words and their legends.

#include <cstddef>
#include <functional>
#include <string>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/map_layout.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/render_options.hpp"
#include "map_legend.hpp"

namespace adcov::report {

struct MapContent {
  std::function<Rgba(std::size_t cell)> cell_color;  ///< a region cell's colour (index in r.grid)
  std::string title, subtitle;
  std::function<void(MapLegend&)> legend;  ///< the map's own legend lines, above the common ones
  /// Drawn on the map area (clipped to it) under the battery markers and labels; may be empty.
  std::function<void(cairo_t*, const MapLayout&)> overlay{};
};

/// Draws the page. Cells that show nothing (outside the region, or
/// kNotCoveredColor) take the sea tint where the sea is.
/// \throws Error if a vector file exists but GDAL cannot read it.
Picture draw_map_page(const model::Scenario& s, const coverage::CoverageResult& r, const RenderOptions& opt,
                      const MapContent& content);

}  // namespace adcov::report
