#include "adcov/report/outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "adcov/report/geotiff.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/qgis_style.hpp"
#include "adcov/report/summary_json.hpp"
#include "adcov/report/text_file.hpp"
#include "adcov/report/trials_csv.hpp"
#include "adcov/report/vector_outputs.hpp"

namespace adcov::report {

namespace {

// What a GeoTIFF was computed from (docs/outputs.md, "GeoTIFF tags").
RasterTags raster_tags(const model::Scenario& s, std::optional<double> altitude_m) {
  RasterTags t{{"ADCOV_SCENARIO", s.name}};
  if (altitude_m) t.emplace_back("ADCOV_ALTITUDE_M", altitude_text(*altitude_m));
  t.emplace_back("ADCOV_REFERENCE_THREAT",
                 s.coverage.threat ? *s.coverage.threat : "each radar's rcs_ref, engageable by every system");
  return t;
}

// "coverage_50m.tif" -> "coverage_50m.qml": QGIS loads it as the default style.
std::string style_name(const std::string& tif) { return tif.substr(0, tif.size() - 4) + ".qml"; }

}  // namespace

WrittenOutputs write_coverage_outputs(OutputStage& stage, const model::Scenario& s,
                                      const coverage::CoverageResult& r, RenderOptions opt) {
  WrittenOutputs w;
  w.notes = check_render_inputs(opt);
  // A coarse DEM (ETOPO5: ~9 km) resolves curvature and mountain ranges, not
  // the valleys and ridges that mask low drones: say so next to the numbers.
  const double dem_m = r.terrain_source_resolution_m;
  if (dem_m > 1000 && dem_m > 1.5 * r.grid.cell_m)
    w.notes.push_back(fmt::format(
        "coarse terrain: the DEM's cells (~{:.0f} m) are larger than the {} m grid; relief smaller "
        "than a DEM cell does not mask low targets (plug in finer tiles: docs/terrain.md)",
        dem_m, r.grid.cell_m));
  for (std::size_t i = 0; i < r.altitudes.size(); ++i) {
    const auto& a = r.altitudes[i];
    const std::string tif = coverage_tif_name(a.altitude_m), png = coverage_png_name(a.altitude_m);
    write_count_geotiff(stage.path(tif), r.grid, a.count, r.in_region, raster_tags(s, a.altitude_m));
    write_text_file(stage.path(style_name(tif)), count_style_qml());
    write_png(stage.path(png), render_count_map(s, r, i, opt));
    const std::string geojson = coverage_geojson_name(a.altitude_m);
    write_coverage_geojson(stage.path(geojson), r.grid, a.count, r.in_region);
    w.files.insert(w.files.end(), {tif, style_name(tif), png, geojson});
  }
  // Detection maps (docs/outputs.md): only when the computation made them.
  for (std::size_t i = 0; i < r.altitudes.size(); ++i) {
    const auto& a = r.altitudes[i];
    if (a.detected.empty()) continue;
    const std::string tif = detection_tif_name(a.altitude_m), png = detection_png_name(a.altitude_m);
    write_count_geotiff(stage.path(tif), r.grid, a.detected, r.in_region, raster_tags(s, a.altitude_m),
                        "sensors detecting the reference target");
    write_text_file(stage.path(style_name(tif)), count_style_qml());
    write_png(stage.path(png), render_detection_map(s, r, i, opt));
    w.files.insert(w.files.end(), {tif, style_name(tif), png});
  }
  if (!r.floor_m.empty()) {
    write_floor_geotiff(stage.path(kFloorTif), r.grid, r.floor_m, r.in_region, raster_tags(s, std::nullopt));
    float lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < r.floor_m.size(); ++i)
      if (std::isfinite(r.floor_m[i]) && (r.in_region.empty() || r.in_region[i]))
        lo = std::min(lo, r.floor_m[i]), hi = std::max(hi, r.floor_m[i]);
    const std::string qml = style_name(kFloorTif);
    write_text_file(stage.path(qml), floor_style_qml(std::isfinite(lo) ? lo : 0, std::isfinite(hi) ? hi : 1));
    write_png(stage.path(kFloorPng), render_floor_map(s, r, opt));
    w.files.insert(w.files.end(), {kFloorTif, qml, kFloorPng});
  }
  // The scenario's layers go with the coverage too, so a coverage-only folder
  // opens in QGIS or Google Earth with the batteries on it.
  const auto layers = write_scenario_geojson(stage, s, nullptr);
  w.files.insert(w.files.end(), layers.begin(), layers.end());
  w.files.push_back(write_kml(stage, s));
  write_summary(stage, s, &r, nullptr, w.notes);
  w.files.push_back(kSummaryFile);
  return w;
}

WrittenOutputs write_engagement_outputs(OutputStage& stage, const model::Scenario& s,
                                        const engage::SimulationResult& r) {
  WrittenOutputs w;
  write_trials_csv(stage.path(kTrialsCsv), r);
  // targets.geojson again, now with the leakers; the KML picks it up along
  // with the coverage layers staged or already in the folder.
  w.files = write_scenario_geojson(stage, s, &r);
  w.files.push_back(write_kml(stage, s));
  write_summary(stage, s, nullptr, &r, w.notes);
  w.files.insert(w.files.end(), {kTrialsCsv, kSummaryFile});
  return w;
}

}  // namespace adcov::report
