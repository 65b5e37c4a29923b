#include "map_legend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "adcov/report/color_scales.hpp"
#include "battery_markers.hpp"

namespace adcov::report {
namespace {

constexpr double kLineGapPx = 4;    // between legend lines
constexpr double kSwatchWPx = 28;   // swatches and line samples
constexpr double kLabelXPx = 38;    // labels start right of them

}  // namespace

void MapLegend::text(const std::string& t, const TextStyle& style) {
  TextStyle cut = style;
  cut.max_width_px = width_px;
  draw_text(cr, x, y, t, cut);
  y += text_size(cr, t, cut).height_px + kLineGapPx;
}

void MapLegend::swatch(Rgba fill, const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  fill_box(cr, x, y + 1, kSwatchWPx, h - 2, fill, kMutedInk);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx;
}

void MapLegend::tinted_swatch(Rgba base, Rgba tint, const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  fill_box(cr, x, y + 1, kSwatchWPx, h - 2, base, kMutedInk);
  cairo_rectangle(cr, x + 1, y + 2, kSwatchWPx - 2, h - 4);
  set_color(cr, tint);
  cairo_fill(cr);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx;
}

void MapLegend::line_sample(Rgba color, double line_px, const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  cairo_move_to(cr, x, y + h / 2);
  cairo_line_to(cr, x + kSwatchWPx, y + h / 2);
  set_color(cr, color);
  cairo_set_line_width(cr, line_px);
  cairo_stroke(cr);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx;
}

void MapLegend::marker(model::OperatorGroup group, const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  draw_marker(cr, x + kSwatchWPx / 2, y + h / 2, group);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx + 2;
}

void MapLegend::sensor(const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  draw_sensor_marker(cr, x + kSwatchWPx / 2, y + h / 2);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx + 2;
}

void MapLegend::ew_zone(const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  const double bx = x + 1, by = y + 1, bw = kSwatchWPx - 2, bh = h - 2;
  cairo_save(cr);
  cairo_rectangle(cr, bx, by, bw, bh);
  set_color(cr, kEwWash);
  cairo_fill_preserve(cr);
  cairo_clip(cr);
  for (double d = -bh; d < bw; d += kEwHatchStepPx / 2) {
    cairo_move_to(cr, bx + d, by + bh);
    cairo_line_to(cr, bx + d + bh, by);
  }
  set_color(cr, kEwHatch);
  cairo_set_line_width(cr, kEwHatchWidthPx);
  cairo_stroke(cr);
  cairo_restore(cr);
  cairo_save(cr);
  cairo_rectangle(cr, bx, by, bw, bh);
  const double dash[] = {kEwDashPx / 2, kEwDashPx * 0.3};
  cairo_set_dash(cr, dash, 2, 0);
  set_color(cr, kEwLine);
  cairo_set_line_width(cr, kEwWidthPx * 0.75);
  cairo_stroke(cr);
  cairo_restore(cr);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx;
}

void MapLegend::launch_area(const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  cairo_rectangle(cr, x + 1, y + 1, kSwatchWPx - 2, h - 2);
  hatch_launch_area(cr);
  cairo_rectangle(cr, x + 1, y + 1, kSwatchWPx - 2, h - 2);
  set_color(cr, kThreatLine);
  cairo_set_line_width(cr, 1.5);
  cairo_stroke(cr);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx;
}

void MapLegend::symbol(void (*draw)(cairo_t*, double, double), const std::string& label) {
  const double h = text_size(cr, label, kLegendText).height_px;
  draw(cr, x + kSwatchWPx / 2, y + h / 2);
  draw_text(cr, x + kLabelXPx, y, label, kLegendText);
  y += h + kLineGapPx + 2;
}

void MapLegend::leaker_circle(double radius_px, const std::string& label) {
  const double th = text_size(cr, label, kLegendText).height_px, h = std::max(th, 2 * radius_px + 2);
  draw_leaker_circle(cr, x + kSwatchWPx / 2, y + h / 2, radius_px);
  draw_text(cr, x + kLabelXPx + std::max(0.0, radius_px - kSwatchWPx / 2), y + (h - th) / 2, label, kLegendText);
  y += h + kLineGapPx;
}

void legend_common(MapLegend& lg, const model::Scenario& s, const coverage::CoverageResult& r,
                   const ThreatPresence& threats, const LayerPresence& layers, const LeakerScale& leakers) {
  int n[3] = {0, 0, 0}, sensors = 0;
  for (const auto& b : r.batteries) {
    if (b.system.role == model::Role::sensor)
      ++sensors;
    else
      ++n[static_cast<int>(b.group)];
  }
  lg.gap();
  lg.text("Batteries");
  const char* names[3] = {"Ukraine", "Allied", "Contractor"};
  for (int g = 0; g < 3; ++g)
    if (n[g] > 0) lg.marker(static_cast<model::OperatorGroup>(g), std::string(names[g]) + " (" + std::to_string(n[g]) + ")");
  if (sensors > 0) lg.sensor("Sensors (" + std::to_string(sensors) + ")");
  if (threats.launch_area || threats.launch_point || threats.route || threats.target) {
    lg.gap();
    lg.text("Threats");
    if (threats.launch_area) lg.launch_area("Launch area");
    if (threats.launch_point) lg.symbol(draw_launch_symbol, "Launch point");
    if (threats.route)
      lg.line_sample(kThreatLine, kRouteWidthPx,
                     threats.least_exposure ? "Route (least exposure: expected % killed)" : "Route (great circles)");
    if (threats.target) lg.symbol(draw_target_symbol, "Target");
  }
  if (const std::vector<double> refs = leakers.references(); !refs.empty()) {
    lg.gap();
    lg.text("Leakers (mean per night)");
    for (double v : refs) lg.leaker_circle(leakers.radius_px(v), fmt::format("{:g} per night", v));
  }
  lg.gap();
  if (layers.border) lg.line_sample(kBorderLine, kBorderWidthPx, "Border");
  if (layers.oblast) lg.line_sample(kOblastLine, kOblastWidthPx, "Oblast");
  if (layers.protect) lg.line_sample(kProtectLine, kProtectWidthPx, "Protect zone");
  if (!s.ew.empty()) lg.ew_zone("GNSS denial zone");
  if (layers.sea) lg.tinted_swatch(kOutsideRegionColor, kSeaTint, "Sea");
  lg.gap();
  lg.text("Grid " + thousands(r.grid.cell_m) + " m, LAEA", kLegendNote);
  lg.text(fmt::format("k-factor {:.4g}", s.k_factor), kLegendNote);
  if (s.coverage.threat) lg.text("Target: " + *s.coverage.threat, kLegendNote);
}

std::string thousands(double v) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(std::fabs(v))));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v <= -0.5 ? "-" + out : out;
}

}  // namespace adcov::report
