// siting.png: the coverage map of the sited scenario at the siting altitude,
// with the cells only the sited batteries cover in their own colour (green,
// off the count palette's pinks and purples) and each sited battery's marker
// ringed and numbered with its rank.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "adcov/error.hpp"
#include "adcov/report/color_scales.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/siting_outputs.hpp"
#include "battery_markers.hpp"
#include "cairo_context.hpp"
#include "map_page.hpp"
#include "map_style.hpp"
#include "text.hpp"

namespace adcov::report {
namespace {

constexpr Rgba kAddedColor{65, 171, 93, 255};  // covered only thanks to the sited batteries
constexpr Rgba kSitedRing{0, 90, 50, 255};
constexpr double kRingRadiusPx = 12, kRingWidthPx = 2.5;
constexpr TextStyle kRankText{{15, true}, kSitedRing, true};

void draw_ring(cairo_t* cr, double x, double y) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, kRingRadiusPx, 0, 2 * M_PI);
  set_color(cr, kWhite);
  cairo_set_line_width(cr, kRingWidthPx + 2);
  cairo_stroke_preserve(cr);
  set_color(cr, kSitedRing);
  cairo_set_line_width(cr, kRingWidthPx);
  cairo_stroke(cr);
}

// The legend's symbol: a ring round an empty centre (the marker's colour
// there depends on the operator).
void legend_ring(cairo_t* cr, double x, double y) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, 0.75, 0.75);
  draw_ring(cr, 0, 0);
  cairo_restore(cr);
}

void draw_sited(cairo_t* cr, const MapLayout& L, const SitingResult& r) {
  for (const SitedBattery& b : r.placed) {
    const CanvasPoint c = marker_center(L, geo::project(L.view.projection, b.at));
    draw_ring(cr, c.x, c.y);
    const std::string rank = std::to_string(b.rank);
    draw_text(cr, c.x + kRingRadiusPx * 0.75,
              c.y - kRingRadiusPx * 0.75 - text_size(cr, rank, kRankText).height_px, rank,
              kRankText);
  }
}

void siting_legend(MapLegend& lg, const SitingResult& r) {
  lg.text("Batteries able to engage");
  lg.gap(4);
  for (int c = 5; c >= 1; --c) lg.swatch(count_color(c), c == 5 ? "5 or more" : std::to_string(c));
  lg.swatch(kAddedColor, "covered only by sited");
  lg.swatch(kNotCoveredColor, "0 not covered");
  lg.swatch(kOutsideRegionColor, "outside region");
  lg.symbol(&legend_ring, "sited battery (rank)");
  lg.gap();
  lg.text((r.target == "region" ? "Region" : "Protect zones") + std::string(" covered at ") +
          altitude_text(r.altitude_m) + " m");
  lg.text(thousands(r.before_covered_km2) + " → " + thousands(r.sited_covered_km2) + " of " +
              thousands(r.target_km2) + " km²",
          kLegendNote);
}

}  // namespace

Picture render_siting_map(const model::Scenario& sited, const SitingResult& r,
                          const RenderOptions& opt) {
  const coverage::CoverageResult& cov = r.sited_coverage;
  if (cov.altitudes.size() != 1 || cov.altitudes[0].count.size() != cov.grid.cells() ||
      r.covered_before.size() != cov.grid.cells())
    throw Error("siting map: coverage does not match the grid");
  const auto& count = cov.altitudes[0].count;
  const std::string h = altitude_text(r.altitude_m);
  std::string ranks;
  for (const SitedBattery& b : r.placed)
    ranks += (ranks.empty() ? "" : ", ") + fmt::format("#{} {}", b.rank, b.system);
  return draw_map_page(
      sited, cov, opt,
      {[&](std::size_t i) {
         return count[i] && !r.covered_before[i] ? kAddedColor : count_color(count[i]);
       },
       sited.name + ": sited batteries, coverage at " + h + " m",
       fmt::format("Greedy siting by {} ({}); green: covered only by the sited batteries",
                   to_string(r.objective), ranks),
       [&](MapLegend& lg) { siting_legend(lg, r); },
       [&](cairo_t* cr, const MapLayout& L) { draw_sited(cr, L, r); }});
}

}  // namespace adcov::report
