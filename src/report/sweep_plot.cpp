// The sweep plot, composed from the chart kit (chart.hpp).

#include "sweep_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "adcov/report/chart.hpp"

namespace adcov::report {
namespace {

constexpr int kWidthPx = 960, kHeightPx = 600;
constexpr double kLeftPx = 110, kRightPx = 230, kTopPx = 60, kBottomPx = 80;  // legend on the right

std::optional<double> as_number(const std::string& v) {
  double d = 0;
  const char* b = v.data();
  const char* e = v.data() + v.size();
  while (b < e && *b == ' ') ++b;
  auto [p, ec] = std::from_chars(b, e, d);
  if (ec != std::errc() || p != e) return std::nullopt;
  return d;
}

// The first axis: its values to scale when every one is a number, else
// evenly in sweep order; a tick and a label (cut to 12 characters) at each.
Axis sweep_axis(const model::Scenario& s, const SweepResult& r, std::vector<double>& xs) {
  Axis a;
  a.title = r.axes.empty() ? "" : r.axes[0];
  const std::vector<std::string> none;
  const auto& values = s.sweep.empty() ? none : s.sweep[0].values;
  bool numeric = !values.empty();
  for (const auto& v : values) numeric = numeric && as_number(v);
  xs.clear();
  for (std::size_t i = 0; i < values.size(); ++i) {
    xs.push_back(numeric ? *as_number(values[i]) : static_cast<double>(i));
    a.ticks.push_back({xs.back(), values[i].size() > 12 ? values[i].substr(0, 11) + "…" : values[i]});
  }
  a.lo = xs.empty() ? 0 : *std::min_element(xs.begin(), xs.end());
  a.hi = xs.empty() ? 1 : *std::max_element(xs.begin(), xs.end());
  if (a.hi <= a.lo) a.lo -= 1, a.hi += 1;
  return a;
}

std::string percent(double v) {
  return fmt::format("{:.0f} %", 100 * v);
}

// The rate axis: the data's range rounded out to 10 % steps, so close rates
// stay apart; ticks every 1, 5 or 10 %.
Axis rate_axis(const SweepResult& r) {
  Axis a;
  a.title = "Interception rate";
  double lo = 1, hi = 0;
  for (const auto& p : r.points) lo = std::min(lo, p.overall.ci95_lo), hi = std::max(hi, p.overall.ci95_hi);
  if (r.points.empty()) lo = 0, hi = 1;
  a.lo = std::max(0.0, std::floor(lo * 10 - 1e-9) / 10);
  a.hi = std::min(1.0, std::ceil(hi * 10 + 1e-9) / 10);
  if (a.hi - a.lo < 0.1) a.lo = std::max(0.0, a.hi - 0.1);
  const int percents = static_cast<int>(std::lround((a.hi - a.lo) * 100));
  const int every = percents <= 10 ? 1 : percents <= 30 ? 5 : 10;
  for (int k = 0; k <= percents; k += every) a.ticks.push_back({a.lo + k / 100.0, percent(a.lo + k / 100.0)});
  return a;
}

// The label of series j: the values of the other axes.
std::string series_label(const SweepResult& r, std::size_t j) {
  std::string label;
  for (std::size_t a = 1; a < r.axes.size(); ++a) label += (label.empty() ? "" : " ") + r.points[j].values[a];
  return label.empty() ? "rate" : label;
}

}  // namespace

Picture render_sweep_plot(const model::Scenario& s, const SweepResult& r) {
  Picture pic(kWidthPx, kHeightPx, {255, 255, 255, 255});
  std::vector<double> xs;
  const PlotArea area{kLeftPx, kTopPx, kWidthPx - kLeftPx - kRightPx, kHeightPx - kTopPx - kBottomPx,
                      sweep_axis(s, r, xs), rate_axis(r)};
  draw_chart_title(pic, kLeftPx, 18, "Interception rate and 95 % interval: " + s.name);
  draw_axes(pic, area);
  const std::size_t n0 = xs.size();
  const std::size_t n1 = r.points.size() / std::max<std::size_t>(n0, 1);  // the rest of the product
  std::vector<std::size_t> order(n0);  // left to right
  for (std::size_t i = 0; i < n0; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
  std::vector<LegendEntry> legend;
  for (std::size_t j = 0; j < n1; ++j) {
    std::vector<ChartPoint> rate, hi, lo;
    for (std::size_t i : order) {
      const auto& o = r.points[i * n1 + j].overall;
      rate.push_back({xs[i], o.interception_rate});
      hi.push_back({xs[i], o.ci95_hi});
      lo.push_back({xs[i], o.ci95_lo});
    }
    const Rgba c = series_color(j);
    draw_band(pic, area, hi, lo, {c.r, c.g, c.b, 50});
    draw_line(pic, area, rate, c);
    legend.push_back({series_label(r, j), c});
  }
  draw_legend(pic, kWidthPx - kRightPx + 20, kTopPx, kRightPx - 36, r.axes.size() > 1 ? r.axes[1] : "",
              legend);
  return pic;
}

}  // namespace adcov::report
