#include "adcov/report/chart.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "cairo_context.hpp"
#include "text.hpp"

namespace adcov::report {
namespace {

constexpr Rgba kChartInk{40, 40, 40, 255};
constexpr Rgba kGridLine{225, 225, 225, 255};
constexpr TextStyle kTitle{{18, true}, kChartInk};
constexpr TextStyle kTickLabel{{14, false}, kChartInk};
constexpr TextStyle kAxisTitle{{15, false}, kChartInk};
constexpr double kLineWidthPx = 2.5;

// Data stay inside the plot area, but a line or mark on its edge is drawn
// whole.
void clip_to(cairo_t* cr, const PlotArea& a) {
  constexpr double kSlackPx = 5;
  cairo_rectangle(cr, a.left_px - kSlackPx, a.top_px - kSlackPx, a.width_px + 2 * kSlackPx,
                  a.height_px + 2 * kSlackPx);
  cairo_clip(cr);
}

void trace(cairo_t* cr, const PlotArea& a, std::span<const ChartPoint> points) {
  for (const ChartPoint& p : points) cairo_line_to(cr, plot_x(a, p.x), plot_y(a, p.y));
}

// Grid lines on whole pixels so that 1 px lines stay crisp.
double crisp(double px) { return std::floor(px) + 0.5; }

void draw_grid(cairo_t* cr, const PlotArea& a) {
  for (const Tick& t : a.x.ticks) {
    if (!a.x.grid) break;
    cairo_move_to(cr, crisp(plot_x(a, t.value)), a.top_px);
    cairo_rel_line_to(cr, 0, a.height_px);
  }
  for (const Tick& t : a.y.ticks) {
    if (!a.y.grid) break;
    cairo_move_to(cr, a.left_px, crisp(plot_y(a, t.value)));
    cairo_rel_line_to(cr, a.width_px, 0);
  }
  set_color(cr, kGridLine);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
}

void draw_tick_labels(cairo_t* cr, const PlotArea& a) {
  for (const Tick& t : a.x.ticks) {
    const TextSize s = text_size(cr, t.label, kTickLabel);
    draw_text(cr, plot_x(a, t.value) - s.width_px / 2, a.top_px + a.height_px + 6, t.label, kTickLabel);
  }
  for (const Tick& t : a.y.ticks) {
    const TextSize s = text_size(cr, t.label, kTickLabel);
    draw_text(cr, a.left_px - 8 - s.width_px, plot_y(a, t.value) - s.height_px / 2, t.label, kTickLabel);
  }
}

void draw_axis_titles(cairo_t* cr, const PlotArea& a) {
  const TextSize x = text_size(cr, a.x.title, kAxisTitle);
  draw_text(cr, a.left_px + (a.width_px - x.width_px) / 2, a.top_px + a.height_px + 32, a.x.title, kAxisTitle);
  const TextSize y = text_size(cr, a.y.title, kAxisTitle);
  cairo_save(cr);
  // Reads bottom to top, left of the tick labels.
  cairo_translate(cr, a.left_px - 62 - y.height_px, a.top_px + (a.height_px + y.width_px) / 2);
  cairo_rotate(cr, -std::numbers::pi / 2);
  draw_text(cr, 0, 0, a.y.title, kAxisTitle);
  cairo_restore(cr);
}

}  // namespace

double plot_x(const PlotArea& a, double x) { return a.left_px + (x - a.x.lo) / (a.x.hi - a.x.lo) * a.width_px; }

double plot_y(const PlotArea& a, double y) { return a.top_px + (a.y.hi - y) / (a.y.hi - a.y.lo) * a.height_px; }

Rgba series_color(std::size_t i) {
  static constexpr Rgba kPalette[] = {{0, 114, 178, 255},   {213, 94, 0, 255},  {0, 158, 115, 255},
                                      {204, 121, 167, 255}, {230, 159, 0, 255}, {86, 180, 233, 255},
                                      {0, 0, 0, 255},       {240, 228, 66, 255}};
  return kPalette[i % std::size(kPalette)];
}

double tick_label_width_px(const Picture& pic, const std::string& label) {
  return text_size(draw_on(pic.surface()).get(), label, kTickLabel).width_px;
}

void draw_chart_title(Picture& pic, double x_px, double y_px, const std::string& title) {
  TextStyle style = kTitle;
  style.max_width_px = pic.width() - x_px - 8;
  draw_text(draw_on(pic.surface()).get(), x_px, y_px, title, style);
}

void draw_axes(Picture& pic, const PlotArea& a) {
  const CairoContext cr = draw_on(pic.surface());
  draw_grid(cr.get(), a);
  cairo_rectangle(cr.get(), crisp(a.left_px), crisp(a.top_px), std::round(a.width_px), std::round(a.height_px));
  set_color(cr.get(), kChartInk);
  cairo_set_line_width(cr.get(), 1);
  cairo_stroke(cr.get());
  draw_tick_labels(cr.get(), a);
  draw_axis_titles(cr.get(), a);
}

void draw_band(Picture& pic, const PlotArea& a, std::span<const ChartPoint> upper,
               std::span<const ChartPoint> lower, Rgba fill) {
  const CairoContext cr = draw_on(pic.surface());
  clip_to(cr.get(), a);
  trace(cr.get(), a, upper);
  for (auto it = lower.rbegin(); it != lower.rend(); ++it) cairo_line_to(cr.get(), plot_x(a, it->x), plot_y(a, it->y));
  cairo_close_path(cr.get());
  set_color(cr.get(), fill);
  cairo_fill(cr.get());
}

void draw_line(Picture& pic, const PlotArea& a, std::span<const ChartPoint> points, Rgba color) {
  const CairoContext cr = draw_on(pic.surface());
  clip_to(cr.get(), a);
  trace(cr.get(), a, points);
  set_color(cr.get(), color);
  cairo_set_line_width(cr.get(), kLineWidthPx);
  cairo_set_line_join(cr.get(), CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr.get());
  for (const ChartPoint& p : points) cairo_rectangle(cr.get(), plot_x(a, p.x) - 3.5, plot_y(a, p.y) - 3.5, 7, 7);
  cairo_fill(cr.get());
}

void draw_hbar(Picture& pic, const PlotArea& a, double y, double x0, double x1, double thickness_px, Rgba fill) {
  const CairoContext cr = draw_on(pic.surface());
  clip_to(cr.get(), a);
  const double left = plot_x(a, std::min(x0, x1)), right = plot_x(a, std::max(x0, x1));
  cairo_rectangle(cr.get(), left, plot_y(a, y) - thickness_px / 2, right - left, thickness_px);
  set_color(cr.get(), fill);
  cairo_fill(cr.get());
}

void draw_hinterval(Picture& pic, const PlotArea& a, double y, double x_lo, double x_hi, double cap_px,
                    Rgba color) {
  const CairoContext cr = draw_on(pic.surface());
  clip_to(cr.get(), a);
  const double py = plot_y(a, y);
  cairo_move_to(cr.get(), plot_x(a, x_lo), py);
  cairo_line_to(cr.get(), plot_x(a, x_hi), py);
  for (double x : {x_lo, x_hi}) {
    cairo_move_to(cr.get(), plot_x(a, x), py - cap_px / 2);
    cairo_rel_line_to(cr.get(), 0, cap_px);
  }
  set_color(cr.get(), color);
  cairo_set_line_width(cr.get(), 1.5);
  cairo_stroke(cr.get());
}

void draw_vmark(Picture& pic, const PlotArea& a, double x, double y, double length_px, double width_px,
                Rgba color) {
  const CairoContext cr = draw_on(pic.surface());
  clip_to(cr.get(), a);
  cairo_move_to(cr.get(), plot_x(a, x), plot_y(a, y) - length_px / 2);
  cairo_rel_line_to(cr.get(), 0, length_px);
  set_color(cr.get(), color);
  cairo_set_line_width(cr.get(), width_px);
  cairo_stroke(cr.get());
}

void draw_dots(Picture& pic, const PlotArea& a, std::span<const ChartPoint> points, double radius_px, Rgba fill) {
  const CairoContext cr = draw_on(pic.surface());
  clip_to(cr.get(), a);
  set_color(cr.get(), fill);
  // One fill per dot: overlapping dots of a translucent colour then darken
  // where values pile up, which is the point of a strip.
  for (const ChartPoint& p : points) {
    cairo_arc(cr.get(), plot_x(a, p.x), plot_y(a, p.y), radius_px, 0, 2 * std::numbers::pi);
    cairo_fill(cr.get());
  }
}

void draw_legend(Picture& pic, double x_px, double y_px, double width_px, const std::string& title,
                 std::span<const LegendEntry> entries) {
  const CairoContext cr = draw_on(pic.surface());
  TextStyle heading = kAxisTitle, label = kTickLabel;
  heading.max_width_px = width_px;
  label.max_width_px = width_px - 34;
  double y = y_px;
  if (!title.empty()) {
    draw_text(cr.get(), x_px, y, title, heading);
    y += text_size(cr.get(), title, heading).height_px + 8;
  }
  for (const LegendEntry& e : entries) {
    const double h = text_size(cr.get(), e.label, label).height_px;
    set_color(cr.get(), e.color);
    if (e.box) {
      cairo_rectangle(cr.get(), x_px + 4, y + h / 2 - 8, 16, 16);
      cairo_fill(cr.get());
    } else {
      cairo_move_to(cr.get(), x_px, y + h / 2);
      cairo_rel_line_to(cr.get(), 24, 0);
      cairo_set_line_width(cr.get(), kLineWidthPx + 1);
      cairo_stroke(cr.get());
    }
    draw_text(cr.get(), x_px + 34, y, e.label, label);
    y += h + 6;
  }
}

}  // namespace adcov::report
