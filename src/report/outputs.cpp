#include "adcov/report/outputs.hpp"

#include <fmt/format.h>

#include "adcov/report/geotiff.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/summary_json.hpp"
#include "adcov/report/trials_csv.hpp"

namespace adcov::report {

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
    write_count_geotiff(stage.path(tif), r.grid, a.count, r.in_region);
    write_png(stage.path(png), render_count_map(s, r, i, opt));
    w.files.insert(w.files.end(), {tif, png});
  }
  // Detection maps (docs/outputs.md): only when the computation made them.
  for (std::size_t i = 0; i < r.altitudes.size(); ++i) {
    const auto& a = r.altitudes[i];
    if (a.detected.empty()) continue;
    const std::string tif = detection_tif_name(a.altitude_m), png = detection_png_name(a.altitude_m);
    write_count_geotiff(stage.path(tif), r.grid, a.detected, r.in_region);
    write_png(stage.path(png), render_detection_map(s, r, i, opt));
    w.files.insert(w.files.end(), {tif, png});
  }
  if (!r.floor_m.empty()) {
    write_floor_geotiff(stage.path(kFloorTif), r.grid, r.floor_m, r.in_region);
    write_png(stage.path(kFloorPng), render_floor_map(s, r, opt));
    w.files.insert(w.files.end(), {kFloorTif, kFloorPng});
  }
  write_summary(stage, s, &r, nullptr, w.notes);
  w.files.push_back(kSummaryFile);
  return w;
}

WrittenOutputs write_engagement_outputs(OutputStage& stage, const model::Scenario& s,
                                        const engage::SimulationResult& r) {
  WrittenOutputs w;
  write_trials_csv(stage.path(kTrialsCsv), r);
  write_summary(stage, s, nullptr, &r, w.notes);
  w.files = {kTrialsCsv, kSummaryFile};
  return w;
}

}  // namespace adcov::report
