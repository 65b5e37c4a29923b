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

std::string sweep_csv(const SweepResult& r) {
  std::set<double> alts;
  for (const auto& p : r.points) alts.insert(p.altitudes_m.begin(), p.altitudes_m.end());
  std::string o;
  auto out = std::back_inserter(o);
  for (const auto& a : r.axes) fmt::format_to(out, "{},", csv_cell(a));
  o += "launched,intercepted_mean,interception_rate,ci95_lo,ci95_hi";
  for (double h : alts) fmt::format_to(out, ",covered_fraction_{}m", altitude_text(h));
  o += ",lost_ew_rate,neutralized_rate,leaked_warheads_mean";  // issue 12, after v1's columns
  o += '\n';
  // Numbers as in trials.csv (number_text): 0.1, not %.17g's 0.10000000000000001.
  for (const auto& p : r.points) {
    for (const auto& v : p.values) fmt::format_to(out, "{},", csv_cell(v));
    fmt::format_to(out, "{},{},{},{},{}", p.overall.launched, number_text(p.overall.intercepted_mean),
                   number_text(p.overall.interception_rate), number_text(p.overall.ci95_lo),
                   number_text(p.overall.ci95_hi));
    for (double h : alts) {
      o += ',';
      for (std::size_t i = 0; i < p.altitudes_m.size(); ++i)
        if (p.altitudes_m[i] == h) o += number_text(p.covered_fraction[i]);
    }
    fmt::format_to(out, ",{},{},{}", number_text(p.overall.lost_ew_rate), number_text(p.overall.neutralized_rate),
                   number_text(p.overall.leaked_warheads_mean));
    o += '\n';
  }
  return o;
}

void write_sweep_outputs(OutputStage& stage, const model::Scenario& s, const SweepResult& r) {
  write_text_file(stage.path("sweep.csv"), sweep_csv(r));
  write_png(stage.path("sweep.png"), render_sweep_plot(s, r));
}

}  // namespace adcov::report
