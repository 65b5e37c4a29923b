// The sweep plot, composed from the chart kit (chart.hpp).

#include "sweep_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "adcov/report/axis_name.hpp"
#include "adcov/report/chart.hpp"

namespace adcov::report {
namespace {

// Three panels stacked on one x axis (rate, warheads through, interceptor cost), legend on the right.
constexpr int kWidthPx = 960, kHeightPx = 900;
constexpr double kLeftPx = 110, kRightPx = 230, kTopPx = 60, kBottomPx = 70;
constexpr double kPanelGapPx = 55;  // room for the x tick labels under each panel

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
  a.title = r.axes.empty() ? "" : axis_name(r.axes[0]);
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

// An axis from 0 to just above `hi`, ticks at 1, 2 or 5 x 10^k (about five of them), labelled by `label`.
template <class Label>
Axis value_axis(const std::string& title, double hi, Label label) {
  Axis a;
  a.title = title;
  a.lo = 0;
  if (!(hi > 0)) hi = 1;
  const double raw = hi / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw <= mag ? mag : raw <= 2 * mag ? 2 * mag : raw <= 5 * mag ? 5 * mag : 10 * mag;
  a.hi = std::ceil(hi / step - 1e-9) * step;
  for (int k = 0; k * step <= a.hi + step * 1e-9; ++k) a.ticks.push_back({k * step, label(k * step)});
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
  const Axis x = sweep_axis(s, r, xs);
  double leaked_hi = 0, cost_hi = 0;
  for (const auto& p : r.points)
    leaked_hi = std::max(leaked_hi, p.overall.leaked_warheads_mean),
    cost_hi = std::max(cost_hi, p.interceptor_cost_mean_usd);
  const Axis y_axes[3] = {rate_axis(r),
                          value_axis("Warheads through / night", leaked_hi, [](double v) { return fmt::format("{:g}", v); }),
                          value_axis("Interceptor cost / night", cost_hi, [](double v) {
                            if (v == 0) return std::string("$0");
                            return v >= 1e6 ? fmt::format("${:g}M", v / 1e6) : fmt::format("${:g}k", v / 1e3);
                          })};
  const double panel_h = (kHeightPx - kTopPx - kBottomPx - 2 * kPanelGapPx) / 3;
  std::vector<PlotArea> areas;
  for (int k = 0; k < 3; ++k) {
    PlotArea a{kLeftPx, kTopPx + k * (panel_h + kPanelGapPx), kWidthPx - kLeftPx - kRightPx, panel_h, x, y_axes[k]};
    if (k < 2) a.x.title.clear();  // one x title, under the bottom panel
    areas.push_back(a);
    draw_axes(pic, a);
  }
  draw_chart_title(pic, kLeftPx, 18, "Sweep of " + s.name + ": rate with 95 % band, warheads through, cost");
  const std::size_t n0 = xs.size();
  const std::size_t n1 = r.points.size() / std::max<std::size_t>(n0, 1);  // the rest of the product
  std::vector<std::size_t> order(n0);  // left to right
  for (std::size_t i = 0; i < n0; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
  std::vector<LegendEntry> legend;
  for (std::size_t j = 0; j < n1; ++j) {
    std::vector<ChartPoint> rate, hi, lo, leaked, cost;
    for (std::size_t i : order) {
      const SweepPoint& p = r.points[i * n1 + j];
      rate.push_back({xs[i], p.overall.interception_rate});
      hi.push_back({xs[i], p.overall.ci95_hi});
      lo.push_back({xs[i], p.overall.ci95_lo});
      leaked.push_back({xs[i], p.overall.leaked_warheads_mean});
      cost.push_back({xs[i], p.interceptor_cost_mean_usd});
    }
    const Rgba c = series_color(j);
    draw_band(pic, areas[0], hi, lo, {c.r, c.g, c.b, 50});
    draw_line(pic, areas[0], rate, c);
    draw_line(pic, areas[1], leaked, c);
    draw_line(pic, areas[2], cost, c);
    // Dots too: with few sweep values a line alone hides where the points are.
    for (int k = 0; k < 3; ++k) draw_dots(pic, areas[k], k == 0 ? rate : k == 1 ? leaked : cost, 3, c);
    legend.push_back({series_label(r, j), c});
  }
  draw_legend(pic, kWidthPx - kRightPx + 20, kTopPx, kRightPx - 36, r.axes.size() > 1 ? axis_name(r.axes[1]) : "",
              legend);
  return pic;
}

}  // namespace adcov::report
