#pragma once
/// \file
/// Where adcov finds the map data it ships (borders, sea, cities) at run
/// time, without build-time paths: $ADCOV_DATA_DIR, then `<exe dir>/../data`
/// (a build folder inside the source tree), then `<exe dir>/../share/adcov`
/// (an installed tree). See docs/outputs.md.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adcov/report/heatmap_png.hpp"

namespace adcov::report {

/// The folders searched, in order (only those that exist).
std::vector<std::filesystem::path> data_search_dirs();

/// The first `<dir>/<relative>` that exists among data_search_dirs(), e.g.
/// find_data_file("boundaries/ukraine_admin0_ne10m_dissolved.geojson").
std::optional<std::filesystem::path> find_data_file(const std::string& relative);

/// RenderOptions with the shipped borders, sea and cities. A file that is
/// not found keeps its bare relative name, so check_render_inputs() drops it
/// with a note that names it.
RenderOptions default_render_options();

}  // namespace adcov::report
