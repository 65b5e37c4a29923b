#pragma once
/// \file
/// File names in an output folder (docs/outputs.md; docs/outputs.md).

#include <string>

namespace adcov::report {

inline constexpr const char* kSummaryFile = "summary.json";
inline constexpr const char* kFloorTif = "floor.tif";
inline constexpr const char* kFloorPng = "floor.png";
inline constexpr const char* kTrialsCsv = "trials.csv";
inline constexpr const char* kReportHtml = "report.html";
// Vector files (docs/outputs.md, "Vector files").
inline constexpr const char* kBatteriesGeojson = "batteries.geojson";
inline constexpr const char* kTargetsGeojson = "targets.geojson";
inline constexpr const char* kLaunchAreasGeojson = "launch_areas.geojson";
inline constexpr const char* kRoutesGeojson = "routes.geojson";
inline constexpr const char* kEwZonesGeojson = "ew_zones.geojson";
inline constexpr const char* kKmlFile = "adcov.kml";
// adcov uncertainty (docs/outputs.md, "uncertainty.csv" and below).
inline constexpr const char* kUncertaintyCsv = "uncertainty.csv";
inline constexpr const char* kSensitivityCsv = "sensitivity.csv";
inline constexpr const char* kTornadoPng = "tornado.png";
inline constexpr const char* kUncertaintyFanPng = "uncertainty_fan.png";

/// The altitude as written in file names and titles, without trailing
/// zeros: 50 -> "50", 12.5 -> "12.5" (rounded to millimetres).
std::string altitude_text(double altitude_m);

/// "coverage_<h>m.tif", e.g. coverage_tif_name(500) == "coverage_500m.tif".
std::string coverage_tif_name(double altitude_m);

/// "coverage_<h>m.geojson": the covered classes as polygons.
std::string coverage_geojson_name(double altitude_m);

/// A GeoJSON file's layer name in the KML: the name without ".geojson"
/// ("coverage_50m.geojson" -> "coverage_50m").
std::string kml_layer_name(const std::string& geojson_name);

/// "coverage_<h>m.png".
std::string coverage_png_name(double altitude_m);

/// "detection_<h>m.tif" (only when the coverage result has detection counts).
std::string detection_tif_name(double altitude_m);

/// "detection_<h>m.png".
std::string detection_png_name(double altitude_m);

}  // namespace adcov::report
