#include "adcov/report/output_names.hpp"

#include <string_view>

#include "adcov/model/value_rules.hpp"

namespace adcov::report {

// The model owns the label so that the scenario loader can refuse two
// altitudes that would share one file name (model::altitudes_problem).
std::string altitude_text(double altitude_m) { return model::altitude_label(altitude_m); }

std::string coverage_tif_name(double altitude_m) { return "coverage_" + altitude_text(altitude_m) + "m.tif"; }

std::string coverage_geojson_name(double altitude_m) {
  return "coverage_" + altitude_text(altitude_m) + "m.geojson";
}

std::string kml_layer_name(const std::string& geojson_name) {
  constexpr std::string_view kExt = ".geojson";
  const bool has = geojson_name.size() >= kExt.size() && geojson_name.ends_with(kExt);
  return has ? geojson_name.substr(0, geojson_name.size() - kExt.size()) : geojson_name;
}

std::string coverage_png_name(double altitude_m) { return "coverage_" + altitude_text(altitude_m) + "m.png"; }

std::string detection_tif_name(double altitude_m) { return "detection_" + altitude_text(altitude_m) + "m.tif"; }

std::string detection_png_name(double altitude_m) { return "detection_" + altitude_text(altitude_m) + "m.png"; }

}  // namespace adcov::report
