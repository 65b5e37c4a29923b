#pragma once
/// \file
/// A small chart kit on a Picture, drawn with Cairo and Pango: a plot area
/// with linear axes (grid lines, tick labels, axis titles), lines with point
/// marks, shaded bands and a legend. sweep.png is one chart made of these;
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
struct Axis {
  std::string title;
  double lo = 0, hi = 1;
  std::vector<Tick> ticks;
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
};

/// The i-th colour of a qualitative palette for series (Okabe and Ito,
/// colour-blind safe), repeating after eight.
Rgba series_color(std::size_t i);

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

/// A legend with its top-left corner at (x, y): the title, then a line
/// sample and a label per entry; text longer than `width_px` is cut.
void draw_legend(Picture& pic, double x_px, double y_px, double width_px, const std::string& title,
                 std::span<const LegendEntry> entries);

}  // namespace adcov::report
