#include "adcov/report/sweep_outputs.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <set>

#include "adcov/error.hpp"
#include "adcov/report/heatmap_png.hpp"
#include "adcov/report/number_text.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/text_file.hpp"
#include "csv_cell.hpp"
#include "sweep_plot.hpp"

namespace adcov::report {

// Decimals of sweep.csv: a rate of a few hundred trials is known to 0.01 % at best, a mean count to 0.01, a cost
// to the dollar (as trials.csv writes costs); more digits would be noise that only makes files differ.
constexpr int kRateDecimals = 4, kMeanDecimals = 2, kCostDecimals = 0;

std::string sweep_csv(const SweepResult& r) {
  std::set<double> alts;
  for (const auto& p : r.points) alts.insert(p.altitudes_m.begin(), p.altitudes_m.end());
  std::string o;
  auto out = std::back_inserter(o);
  for (const auto& a : r.axes) fmt::format_to(out, "{},", csv_cell(a));
  o += "launched,intercepted_mean,interception_rate,ci95_lo,ci95_hi";
  for (double h : alts) fmt::format_to(out, ",covered_fraction_{}m", altitude_text(h));
  o += ",lost_ew_rate,neutralized_rate,leaked_warheads_mean";  // issue 12, after v1's columns
  o += ",interceptor_cost_mean_usd";                            // issue 15
  o += '\n';
  const auto rate = [](double v) { return rounded_text(v, kRateDecimals); };
  const auto mean = [](double v) { return rounded_text(v, kMeanDecimals); };
  for (const auto& p : r.points) {
    for (const auto& v : p.values) fmt::format_to(out, "{},", csv_cell(v));
    fmt::format_to(out, "{},{},{},{},{}", p.overall.launched, mean(p.overall.intercepted_mean),
                   rate(p.overall.interception_rate), rate(p.overall.ci95_lo), rate(p.overall.ci95_hi));
    for (double h : alts) {
      o += ',';
      for (std::size_t i = 0; i < p.altitudes_m.size(); ++i)
        if (p.altitudes_m[i] == h) o += rate(p.covered_fraction[i]);
    }
    fmt::format_to(out, ",{},{},{},{}", rate(p.overall.lost_ew_rate), rate(p.overall.neutralized_rate),
                   mean(p.overall.leaked_warheads_mean), rounded_text(p.interceptor_cost_mean_usd, kCostDecimals));
    o += '\n';
  }
  return o;
}

void write_sweep_outputs(OutputStage& stage, const model::Scenario& s, const SweepResult& r) {
  write_text_file(stage.path("sweep.csv"), sweep_csv(r));
  write_png(stage.path("sweep.png"), render_sweep_plot(s, r));
}

}  // namespace adcov::report
