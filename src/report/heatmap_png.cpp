#include "adcov/report/heatmap_png.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "adcov/error.hpp"
#include "adcov/report/output_names.hpp"
#include "map_page.hpp"

namespace adcov::report {
namespace {

std::string fixed1(double v) {
  return fmt::format("{:.1f}", v);
}

void count_legend(MapLegend& lg, const coverage::AltitudeCoverage& alt) {
  lg.text("Batteries able to engage");
  lg.gap(4);
  for (int c = 5; c >= 1; --c) lg.swatch(count_color(c), c == 5 ? "5 or more" : std::to_string(c));
  lg.swatch(kNotCoveredColor, "0 not covered");
  lg.swatch(kOutsideRegionColor, "outside region");
  lg.gap();
  lg.text("Covered " + fixed1(100.0 * alt.region.covered_fraction) + " %");
  lg.text(thousands(alt.region.covered_km2) + " of " + thousands(alt.region.region_km2) + " km²", kLegendNote);
}

void detection_legend(MapLegend& lg, const coverage::AltitudeCoverage& alt) {
  lg.text("Sensors detecting");
  lg.gap(4);
  for (int c = 5; c >= 1; --c) lg.swatch(count_color(c), c == 5 ? "5 or more" : std::to_string(c));
  lg.swatch(kNotCoveredColor, "0 not detected");
  lg.swatch(kOutsideRegionColor, "outside region");
  lg.gap();
  const double detected = alt.region.detected_km2.value_or(0.0);
  const double pct = alt.region.region_km2 > 0 ? 100.0 * detected / alt.region.region_km2 : 0.0;
  lg.text("Detected " + fixed1(pct) + " %");
  lg.text(thousands(detected) + " of " + thousands(alt.region.region_km2) + " km²", kLegendNote);
}

/// The reference target's name for titles: coverage.threat, or a generic target.
std::string reference_target(const model::Scenario& s) {
  if (!s.coverage.threat) return "reference target";
  auto it = s.threats.find(*s.coverage.threat);
  return it != s.threats.end() && !it->second.name.empty() ? it->second.name : *s.coverage.threat;
}

// The floor ramp runs over sqrt(floor / top): the difference between 50 m
// and 300 m matters far more to a planner than between 5 and 6 km.
struct FloorScale {
  double top_m = 100;  ///< a round height at or above the highest floor
  double t(double floor_m) const { return std::sqrt(std::max(0.0, floor_m) / top_m); }
};

FloorScale floor_scale(const coverage::CoverageResult& r) {
  double max_floor = 0;
  for (std::size_t i = 0; i < r.floor_m.size(); ++i)
    if ((r.in_region.empty() || r.in_region[i]) && std::isfinite(r.floor_m[i]))
      max_floor = std::max(max_floor, static_cast<double>(r.floor_m[i]));
  FloorScale f;
  for (double c : {100.0, 200.0, 500.0, 1000.0, 2000.0, 3000.0, 5000.0, 10000.0, 20000.0, 30000.0, 50000.0})
    if (f.top_m < max_floor) f.top_m = c;
  return f;
}

// The ramp as a vertical bar with ticks in metres.
void floor_ramp(MapLegend& lg, const FloorScale& scale) {
  constexpr double kRampH = 240, kRampW = 28;
  cairo_t* cr = lg.cr;
  cairo_pattern_t* ramp = cairo_pattern_create_linear(0, lg.y, 0, lg.y + kRampH);
  for (int k = 0; k <= 8; ++k) {  // floor_color() is linear between 9 stops
    const Rgba c = floor_color(k / 8.0);
    cairo_pattern_add_color_stop_rgb(ramp, k / 8.0, c.r / 255.0, c.g / 255.0, c.b / 255.0);
  }
  cairo_rectangle(cr, lg.x, lg.y, kRampW, kRampH);
  cairo_set_source(cr, ramp);
  cairo_fill(cr);
  cairo_pattern_destroy(ramp);
  outline_box(cr, lg.x, lg.y, kRampW, kRampH, kMutedInk);
  const double label_h = text_size(cr, "0", kLegendText).height_px;
  double last_y = -1e9;
  for (double v : {0.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0}) {
    if (v > scale.top_m) break;
    const double y = lg.y + std::round(scale.t(v) * (kRampH - 1)) + 0.5;
    if (y - last_y < label_h && v != scale.top_m) continue;  // labels would touch
    last_y = y;
    cairo_move_to(cr, lg.x + kRampW, y);
    cairo_line_to(cr, lg.x + kRampW + 6, y);
    set_color(cr, kInk);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    draw_text(cr, lg.x + kRampW + 10, y - label_h / 2, thousands(v), kLegendText);
  }
  lg.y += kRampH + 12;
}

}  // namespace

Picture render_count_map(const model::Scenario& s, const coverage::CoverageResult& r, std::size_t altitude_index,
                         const RenderOptions& opt) {
  const auto& alt = r.altitudes.at(altitude_index);
  if (alt.count.size() != r.grid.cells()) throw Error("coverage counts do not match the grid");
  const std::string h = altitude_text(alt.altitude_m);
  return draw_map_page(s, r, opt,
                       {[&](std::size_t i) { return count_color(alt.count[i]); },
                        s.name + ": coverage at " + h + " m above ground",
                        "Batteries able to engage a target " + h + " m above the ground",
                        [&](MapLegend& lg) { count_legend(lg, alt); }});
}

Picture render_detection_map(const model::Scenario& s, const coverage::CoverageResult& r,
                             std::size_t altitude_index, const RenderOptions& opt) {
  const auto& alt = r.altitudes.at(altitude_index);
  if (alt.detected.size() != r.grid.cells()) throw Error("detection counts do not match the grid");
  const std::string h = altitude_text(alt.altitude_m);
  return draw_map_page(s, r, opt,
                       {[&](std::size_t i) { return count_color(alt.detected[i]); },
                        s.name + ": detection at " + h + " m above ground",
                        "Sensors detecting a " + reference_target(s) + " at " + h + " m",
                        [&](MapLegend& lg) { detection_legend(lg, alt); }});
}

Picture render_floor_map(const model::Scenario& s, const coverage::CoverageResult& r, const RenderOptions& opt) {
  if (r.floor_m.size() != r.grid.cells()) throw Error("coverage floor does not match the grid");
  const FloorScale scale = floor_scale(r);
  auto color_of = [&](std::size_t i) {
    const float v = r.floor_m[i];
    return std::isfinite(v) ? floor_color(scale.t(v)) : kNotCoveredColor;
  };
  auto legend = [&](MapLegend& lg) {
    lg.text("Floor, m above ground");
    lg.text("(low = good)", kLegendNote);
    lg.gap(6);
    floor_ramp(lg, scale);
    lg.swatch(kNotCoveredColor, "never covered");
    lg.swatch(kOutsideRegionColor, "outside region");
  };
  return draw_map_page(s, r, opt,
                       {color_of, s.name + ": coverage floor",
                        "Lowest height above ground at which a threat can be engaged", legend});
}

}  // namespace adcov::report
