#include "adcov/report/outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "adcov/report/geotiff.hpp"
#include "adcov/report/output_job.hpp"
#include "adcov/report/output_names.hpp"
#include "polygon_text.hpp"
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

namespace {

std::vector<std::string> coverage_notes(const coverage::CoverageResult& r, RenderOptions& opt) {
  std::vector<std::string> notes = check_render_inputs(opt);
  // A coarse DEM (ETOPO5: ~9 km) resolves curvature and mountain ranges, not
  // the valleys and ridges that mask low drones: say so next to the numbers.
  const double dem_m = r.terrain_source_resolution_m;
  if (dem_m > 1000 && dem_m > 1.5 * r.grid.cell_m)
    notes.push_back(fmt::format(
        "coarse terrain: the DEM's cells (~{:.0f} m) are larger than the {} m grid; relief smaller "
        "than a DEM cell does not mask low targets (plug in finer tiles: docs/terrain.md)",
        dem_m, r.grid.cell_m));
  return notes;
}

}  // namespace

namespace {

// Expected times of the map files' jobs (OutputJob::cost, ms on one thread):
// a fixed part and a part per cell of the maps' grid, fitted to the national
// baseline at 3 km, 250 m and 100 m (--threads 1). A PNG map costs about the
// same at any resolution (it samples the grid at its pixels; hillshade,
// borders, cities and labels: ~100 ms), a GeoTIFF with overviews grows with
// the cells (a Byte count ~5 ns, the floor's Float32 ~17 ns a cell since it
// takes horizontal differencing, 26 ns with the floating-point predictor),
// polygons less (~2 ns a cell).
struct JobCost {
  double fixed_ms, ns_per_cell;
  double at(double cells) const { return fixed_ms + ns_per_cell * cells * 1e-6; }
};
constexpr JobCost kCountTifCost{7, 5.3}, kPolygonsCost{2, 1.8}, kMapCost{95, 0.3}, kFloorTifCost{10, 17};

}  // namespace

std::vector<OutputJob> coverage_map_jobs(const model::Scenario& s, const coverage::CoverageResult& r,
                                         RenderOptions opt, KmlFolders* kml) {
  check_render_inputs(opt);  // the maps leave off what is missing; coverage_notes says so
  // One job per file (a GeoTIFF with its QGIS style), so that a scenario of
  // one altitude still writes its map beside its GeoTIFF and polygons.
  std::vector<OutputJob> jobs;
  const double cells = static_cast<double>(r.grid.cells());
  const double count_tif = kCountTifCost.at(cells), map = kMapCost.at(cells), polygons = kPolygonsCost.at(cells);
  for (std::size_t i = 0; i < r.altitudes.size(); ++i) {
    const double h = r.altitudes[i].altitude_m;
    const std::string tif = coverage_tif_name(h);
    jobs.push_back({{tif, style_name(tif)}, count_tif, [&s, &r, i](const std::vector<std::filesystem::path>& p) {
                      const auto& a = r.altitudes[i];
                      write_count_geotiff(p[0], r.grid, a.count, r.in_region, raster_tags(s, a.altitude_m));
                      write_text_file(p[1], count_style_qml());
                    }});
    jobs.push_back({{coverage_png_name(h)}, map, [&s, &r, opt, i](const std::vector<std::filesystem::path>& p) {
                      write_png(p[0], render_count_map(s, r, i, opt));
                    }});
    // The KML folder from the text just written, while the maps are drawn.
    std::string* folder = nullptr;
    const std::string layer = kml_layer_name(coverage_geojson_name(h));
    if (kml) folder = &(*kml)[layer];
    jobs.push_back({{coverage_geojson_name(h)}, polygons,
                    [&r, i, folder, layer](const std::vector<std::filesystem::path>& p) {
                      const std::string text = write_coverage_geojson(p[0], r.grid, r.altitudes[i].count, r.in_region);
                      if (folder) *folder = coverage_kml_folder(text, layer).value_or("");
                    }});
  }
  // Detection maps (docs/outputs.md): only when the computation made them.
  for (std::size_t i = 0; i < r.altitudes.size(); ++i) {
    if (r.altitudes[i].detected.empty()) continue;
    const double h = r.altitudes[i].altitude_m;
    const std::string tif = detection_tif_name(h);
    jobs.push_back({{tif, style_name(tif)}, count_tif, [&s, &r, i](const std::vector<std::filesystem::path>& p) {
                      const auto& a = r.altitudes[i];
                      write_count_geotiff(p[0], r.grid, a.detected, r.in_region, raster_tags(s, a.altitude_m),
                                          "sensors detecting the reference target");
                      write_text_file(p[1], count_style_qml());
                    }});
    jobs.push_back({{detection_png_name(h)}, map, [&s, &r, opt, i](const std::vector<std::filesystem::path>& p) {
                      write_png(p[0], render_detection_map(s, r, i, opt));
                    }});
  }
  if (!r.floor_m.empty()) {
    jobs.push_back({{kFloorTif, style_name(kFloorTif)}, kFloorTifCost.at(cells),
                    [&s, &r](const std::vector<std::filesystem::path>& p) {
                      write_floor_geotiff(p[0], r.grid, r.floor_m, r.in_region, raster_tags(s, std::nullopt));
                      float lo = INFINITY, hi = -INFINITY;
                      for (std::size_t i = 0; i < r.floor_m.size(); ++i)
                        if (std::isfinite(r.floor_m[i]) && (r.in_region.empty() || r.in_region[i]))
                          lo = std::min(lo, r.floor_m[i]), hi = std::max(hi, r.floor_m[i]);
                      write_text_file(p[1], floor_style_qml(std::isfinite(lo) ? lo : 0, std::isfinite(hi) ? hi : 1));
                    }});
    jobs.push_back({{kFloorPng}, map, [&s, &r, opt](const std::vector<std::filesystem::path>& p) {
                      write_png(p[0], render_floor_map(s, r, opt));
                    }});
  }
  return jobs;
}

WrittenOutputs finish_coverage_outputs(OutputStage& stage, const model::Scenario& s,
                                       const coverage::CoverageResult& r, RenderOptions opt,
                                       const std::vector<OutputJob>& jobs, const KmlFolders& kml) {
  WrittenOutputs w;
  w.notes = coverage_notes(r, opt);
  for (const OutputJob& job : jobs) w.files.insert(w.files.end(), job.names.begin(), job.names.end());
  // The scenario's layers go with the coverage too, so a coverage-only folder
  // opens in QGIS or Google Earth with the batteries on it.
  const auto layers = write_scenario_geojson(stage, s, nullptr);
  w.files.insert(w.files.end(), layers.begin(), layers.end());
  w.files.push_back(write_kml(stage, s, kml));
  write_summary(stage, s, &r, nullptr, w.notes);
  w.files.push_back(kSummaryFile);
  return w;
}

WrittenOutputs write_coverage_outputs(OutputStage& stage, const model::Scenario& s,
                                      const coverage::CoverageResult& r, RenderOptions opt) {
  KmlFolders kml;
  const std::vector<OutputJob> jobs = coverage_map_jobs(s, r, opt, &kml);
  write_jobs(stage, jobs);
  return finish_coverage_outputs(stage, s, r, std::move(opt), jobs, kml);
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
