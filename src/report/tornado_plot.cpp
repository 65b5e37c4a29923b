// tornado.png, composed from the chart kit (chart.hpp).

#include "tornado_plot.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "adcov/report/chart.hpp"

namespace adcov::report {
namespace {

constexpr int kWidthPx = 1000;
constexpr double kTopPx = 60, kBottomPx = 80, kRowPx = 44, kRightPx = 240;  // legend on the right
constexpr double kBarPx = 15;                                              // two bars and a gap per row
constexpr std::size_t kLabelChars = 48;
constexpr Rgba kWhisker{50, 50, 50, 255};

// Sweep paths are long ("batteries[kyiv_nasams_2].pk.cruise"); one longer
// than fits keeps its head (the system or battery) and its tail (the key).
std::string short_label(const std::string& path) {
  if (path.size() <= kLabelChars) return path;
  return path.substr(0, kLabelChars / 2 - 1) + "…" + path.substr(path.size() - kLabelChars / 2);
}

// The output the chart is about: "overall", or the first there is.
std::string chart_output(const UncertaintyResult& r) {
  if (r.sensitivity.count("overall") || r.outputs.empty()) return "overall";
  return r.outputs.front();
}

Axis index_axis() {
  Axis a;
  a.title = "Sobol' index (share of the rate's variance)";
  for (int k = 0; k <= 10; ++k) a.ticks.push_back({k / 10.0, k == 0 ? "0" : k == 10 ? "1" : fmt::format("0.{}", k)});
  return a;
}

}  // namespace

Picture render_tornado_plot(const model::Scenario& s, const UncertaintyResult& r) {
  const std::string output = chart_output(r);
  static const std::vector<SensitivityIndex> kNone;
  const auto found = r.sensitivity.find(output);
  const auto& all = found == r.sensitivity.end() ? kNone : found->second;
  const std::size_t n = std::min(all.size(), kTornadoRows);
  const std::size_t rows = std::max<std::size_t>(n, 1);
  Picture pic(kWidthPx, static_cast<int>(kTopPx + kBottomPx + kRowPx * static_cast<double>(rows)),
              {255, 255, 255, 255});

  // Rows from the top: the largest ST at category rows - 1.
  Axis names;
  names.lo = -0.5;
  names.hi = static_cast<double>(rows) - 0.5;
  names.grid = false;
  double widest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    names.ticks.push_back({static_cast<double>(rows - 1 - i), short_label(all[i].parameter)});
    widest = std::max(widest, tick_label_width_px(pic, names.ticks.back().label));
  }
  const double left = std::clamp(widest + 24, 100.0, 420.0);
  const PlotArea area{left, kTopPx, kWidthPx - left - kRightPx, kRowPx * static_cast<double>(rows), index_axis(),
                      names};
  draw_chart_title(pic, 16, 18,
                   fmt::format("Sobol' indices of the {} interception rate, {} runs (N = {}): {}", output,
                               r.rates.size(), r.samples, s.name));
  draw_axes(pic, area);

  const Rgba st_color = series_color(0), s1_color = series_color(1);
  // ST above S1 in each row: the row reads "all it explains, then alone".
  const double offset = (kBarPx / 2 + 2) / kRowPx;
  for (std::size_t i = 0; i < n; ++i) {
    const SensitivityIndex& x = all[i];
    const double y = static_cast<double>(rows - 1 - i);
    draw_hbar(pic, area, y + offset, 0, std::max(0.0, x.st), kBarPx, st_color);
    draw_hinterval(pic, area, y + offset, std::max(0.0, x.st_lo), std::min(1.0, x.st_hi), 9, kWhisker);
    draw_hbar(pic, area, y - offset, 0, std::max(0.0, x.s1), kBarPx, s1_color);
    draw_hinterval(pic, area, y - offset, std::max(0.0, x.s1_lo), std::min(1.0, x.s1_hi), 9, kWhisker);
  }
  const std::vector<LegendEntry> legend = {{"ST: with interactions", st_color, true},
                                           {"S1: alone", s1_color, true},
                                           {"95 % bootstrap interval", kWhisker}};
  draw_legend(pic, kWidthPx - kRightPx + 20, kTopPx, kRightPx - 30, "", legend);
  return pic;
}

}  // namespace adcov::report
