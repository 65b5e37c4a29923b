#pragma once
/// \file
/// A small chart kit on a Picture, drawn with Cairo and Pango: a plot area
/// with linear axes (grid lines, tick labels, axis titles), lines with point
/// marks, shaded bands, horizontal bars, intervals and dots, and a legend.
/// sweep.png, tornado.png and uncertainty_fan.png are charts made of these;
/// another chart is one more small file that composes them.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "adcov/report/color.hpp"
#include "adcov/report/picture.hpp"

namespace adcov::report {

/// A labelled position on an axis.
struct Tick {
  double value = 0;
  std::string label;
};

/// A linear axis from `lo` to `hi` (lo != hi); a grid line at each tick.
/// A category axis (bars, one row per name) puts its names as ticks at
/// 0, 1, ... and turns the grid off: a line through every bar is clutter.
struct Axis {
  std::string title;
  double lo = 0, hi = 1;
  std::vector<Tick> ticks;
  bool grid = true;
};

/// The rectangle the data are drawn in, on the picture, and its axes.
struct PlotArea {
  double left_px = 0, top_px = 0, width_px = 0, height_px = 0;
  Axis x, y;
};

/// A data point in axis units.
struct ChartPoint {
  double x = 0, y = 0;
};

/// Picture column and row of a value (y grows upwards on the chart).
double plot_x(const PlotArea& area, double x);
double plot_y(const PlotArea& area, double y);

/// One line of a chart legend.
struct LegendEntry {
  std::string label;
  Rgba color;
  bool box = false;  ///< a filled square (for bars and boxes) instead of a line sample
};

/// The i-th colour of a qualitative palette for series (Okabe and Ito,
/// colour-blind safe), repeating after eight.
Rgba series_color(std::size_t i);

/// The width of `label` set as a tick label, so that a chart can make its
/// margin as wide as its longest category name.
double tick_label_width_px(const Picture& pic, const std::string& label);

/// A bold title with its top-left corner at (x, y).
void draw_chart_title(Picture& pic, double x_px, double y_px, const std::string& title);

/// The frame, grid lines, tick labels and axis titles of `area`.
void draw_axes(Picture& pic, const PlotArea& area);

/// Shades between `upper` and `lower` (same x values, in order) with `fill`
/// (give it some transparency).
void draw_band(Picture& pic, const PlotArea& area, std::span<const ChartPoint> upper,
               std::span<const ChartPoint> lower, Rgba fill);

/// A line through `points`, in order, with a mark at each.
void draw_line(Picture& pic, const PlotArea& area, std::span<const ChartPoint> points, Rgba color);

/// A horizontal bar from `x0` to `x1` centred on `y` (axis units),
/// `thickness_px` high, filled with `fill`.
void draw_hbar(Picture& pic, const PlotArea& area, double y, double x0, double x1, double thickness_px, Rgba fill);

/// An interval from `x_lo` to `x_hi` at `y`: a line with an end cap
/// `cap_px` high at each end (a whisker).
void draw_hinterval(Picture& pic, const PlotArea& area, double y, double x_lo, double x_hi, double cap_px,
                    Rgba color);

/// A vertical mark through (x, y), `length_px` long and `width_px` wide
/// (a median across a box).
void draw_vmark(Picture& pic, const PlotArea& area, double x, double y, double length_px, double width_px,
                Rgba color);

/// A round dot of `radius_px` at each point (single values in a strip;
/// give `fill` some transparency where they pile up).
void draw_dots(Picture& pic, const PlotArea& area, std::span<const ChartPoint> points, double radius_px, Rgba fill);

/// A legend with its top-left corner at (x, y): the title, then a line
/// sample (or a filled square) and a label per entry; text longer than
/// `width_px` is cut.
void draw_legend(Picture& pic, double x_px, double y_px, double width_px, const std::string& title,
                 std::span<const LegendEntry> entries);

}  // namespace adcov::report
