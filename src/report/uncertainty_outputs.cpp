#include "adcov/report/uncertainty_outputs.hpp"

#include <fmt/format.h>

#include <iterator>

#include "adcov/report/number_text.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/report_html.hpp"
#include "adcov/report/summary_json.hpp"
#include "adcov/report/text_file.hpp"
#include "csv_cell.hpp"
#include "saltelli_runs.hpp"
#include "tornado_plot.hpp"
#include "uncertainty_fan_plot.hpp"

namespace adcov::report {

std::string uncertainty_csv(const UncertaintyResult& r) {
  std::string o = "run,matrix,sample";
  auto out = std::back_inserter(o);
  for (const auto& p : r.parameters) fmt::format_to(out, ",{}", csv_cell(p.set));
  for (const auto& name : r.outputs) fmt::format_to(out, ",{}", csv_cell("rate_" + name));
  o += '\n';
  for (std::size_t run = 0; run < r.rates.size(); ++run) {
    fmt::format_to(out, "{},{},{}", run, run_matrix(r, run), run_sample(r, run));
    if (run < r.values.size())
      for (double v : r.values[run]) fmt::format_to(out, ",{}", number_text(v));
    for (double v : r.rates[run]) fmt::format_to(out, ",{}", number_text(v));
    o += '\n';
  }
  return o;
}

std::string sensitivity_csv(const UncertaintyResult& r) {
  std::string o = "output,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n";
  auto out = std::back_inserter(o);
  for (const auto& name : r.outputs) {
    const auto it = r.sensitivity.find(name);
    if (it == r.sensitivity.end()) continue;
    for (const auto& x : it->second)
      fmt::format_to(out, "{},{},{},{},{},{},{},{}\n", csv_cell(name), csv_cell(x.parameter), number_text(x.s1),
                     number_text(x.s1_lo), number_text(x.s1_hi), number_text(x.st), number_text(x.st_lo),
                     number_text(x.st_hi));
  }
  return o;
}

void write_uncertainty_outputs(OutputStage& stage, const model::Scenario& s, const UncertaintyResult& r,
                               const ReportProvenance& provenance) {
  write_text_file(stage.path(kUncertaintyCsv), uncertainty_csv(r));
  write_text_file(stage.path(kSensitivityCsv), sensitivity_csv(r));
  write_png(stage.path(kTornadoPng), render_tornado_plot(s, r));
  write_png(stage.path(kUncertaintyFanPng), render_uncertainty_fan(s, r));
  write_uncertainty_summary(stage, s, r);
  // After the PNGs: the page embeds them from the stage.
  write_report_html(stage, s, nullptr, nullptr, &r, provenance);
}

}  // namespace adcov::report
