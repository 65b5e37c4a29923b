// uncertainty_fan.png, composed from the chart kit (chart.hpp).

#include "uncertainty_fan_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "adcov/report/chart.hpp"
#include "saltelli_runs.hpp"

namespace adcov::report {
namespace {

constexpr int kWidthPx = 1000;
constexpr double kLeftPx = 120, kRightPx = 240, kTopPx = 60, kBottomPx = 80, kRowPx = 70;
constexpr double kBoxPx = 34;
constexpr Rgba kInk{40, 40, 40, 255};

std::string percent(double v) { return fmt::format("{:.0f} %", 100 * v); }

// The rate axis: the runs' range rounded out to 10 % steps (as sweep.png's),
// so that a narrow spread is not squeezed into a corner of 0-100 %.
Axis rate_axis(double lo, double hi) {
  Axis a;
  a.title = "Interception rate";
  a.lo = std::max(0.0, std::floor(lo * 10 - 1e-9) / 10);
  a.hi = std::min(1.0, std::ceil(hi * 10 + 1e-9) / 10);
  if (a.hi - a.lo < 0.1) a.lo = std::max(0.0, a.hi - 0.1), a.hi = a.lo + 0.1;
  const int percents = static_cast<int>(std::lround((a.hi - a.lo) * 100));
  const int every = percents <= 10 ? 1 : percents <= 30 ? 5 : 10;
  for (int k = 0; k <= percents; k += every) a.ticks.push_back({a.lo + k / 100.0, percent(a.lo + k / 100.0)});
  return a;
}

// A run's dot sits off its row's centre line by a fixed pseudo-random amount
// (the golden-ratio sequence), so that equal rates do not hide each other and
// the picture is the same on every run.
double jitter(std::size_t run) {
  const double u = std::fmod(static_cast<double>(run) * 0.6180339887498949, 1.0);
  return (u - 0.5) * 0.5;
}

}  // namespace

Picture render_uncertainty_fan(const model::Scenario& s, const UncertaintyResult& r) {
  const std::size_t rows = std::max<std::size_t>(r.outputs.size(), 1);
  Picture pic(kWidthPx, static_cast<int>(kTopPx + kBottomPx + kRowPx * static_cast<double>(rows)),
              {255, 255, 255, 255});
  std::size_t independent = 0;
  double lo = 1, hi = 0;
  for (std::size_t run = 0; run < r.rates.size(); ++run) {
    if (!run_is_independent(r, run)) continue;
    ++independent;
    for (double v : r.rates[run])
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  for (const auto& [name, o] : r.by_output) lo = std::min(lo, o.p5), hi = std::max(hi, o.p95);
  if (lo > hi) lo = 0, hi = 1;

  Axis names;
  names.lo = -0.5;
  names.hi = static_cast<double>(rows) - 0.5;
  names.grid = false;
  for (std::size_t i = 0; i < r.outputs.size(); ++i)
    names.ticks.push_back({static_cast<double>(rows - 1 - i), r.outputs[i]});
  const PlotArea area{kLeftPx, kTopPx, kWidthPx - kLeftPx - kRightPx, kRowPx * static_cast<double>(rows),
                      rate_axis(lo, hi), names};
  draw_chart_title(pic, 16, 18,
                   fmt::format("Interception rate over the parameters' ranges, {} runs (A and B): {}", independent,
                               s.name));
  draw_axes(pic, area);

  const Rgba run_color{0, 114, 178, 150}, box_color{0, 114, 178, 45}, mean_color = series_color(1);
  for (std::size_t i = 0; i < r.outputs.size(); ++i) {
    const double y = static_cast<double>(rows - 1 - i);
    const auto spread = r.by_output.find(r.outputs[i]);
    if (spread != r.by_output.end()) draw_hbar(pic, area, y, spread->second.p5, spread->second.p95, kBoxPx, box_color);
    std::vector<ChartPoint> dots;
    for (std::size_t run = 0; run < r.rates.size(); ++run)
      if (run_is_independent(r, run) && i < r.rates[run].size())
        dots.push_back({r.rates[run][i], y + jitter(run) * kBoxPx / kRowPx});
    draw_dots(pic, area, dots, 3.5, run_color);
    if (spread == r.by_output.end()) continue;
    draw_vmark(pic, area, spread->second.p50, y, kBoxPx + 8, 3, kInk);
    const std::vector<ChartPoint> mean = {{spread->second.mean, y}};
    draw_dots(pic, area, mean, 6, mean_color);
  }
  const std::vector<LegendEntry> legend = {{"one model run", run_color, true},
                                           {"p5 – p95", {0, 114, 178, 70}, true},
                                           {"median (p50)", kInk},
                                           {"mean", mean_color, true}};
  draw_legend(pic, kWidthPx - kRightPx + 20, kTopPx, kRightPx - 30, "", legend);
  return pic;
}

}  // namespace adcov::report
