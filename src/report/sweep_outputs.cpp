#include "adcov/report/sweep_outputs.hpp"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "adcov/geo/error.hpp"
#include "adcov/report/heatmap_png.hpp"
#include "adcov/report/output_names.hpp"
#include "sweep_plot.hpp"

namespace adcov::report {
namespace {

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::string sweep_csv(const SweepResult& r) {
  std::set<double> alts;
  for (const auto& p : r.points) alts.insert(p.altitudes_m.begin(), p.altitudes_m.end());
  std::ostringstream o;
  auto quote = [](const std::string& v) {
    if (v.find_first_of(",\"\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) q += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const auto& a : r.axes) o << quote(a) << ',';
  o << "launched,intercepted_mean,interception_rate,ci95_lo,ci95_hi";
  for (double h : alts) o << ",covered_fraction_" << altitude_text(h) << 'm';
  o << '\n';
  for (const auto& p : r.points) {
    for (const auto& v : p.values) o << quote(v) << ',';
    o << p.overall.launched << ',' << num(p.overall.intercepted_mean) << ','
      << num(p.overall.interception_rate) << ',' << num(p.overall.ci95_lo) << ','
      << num(p.overall.ci95_hi);
    for (double h : alts) {
      o << ',';
      for (std::size_t i = 0; i < p.altitudes_m.size(); ++i)
        if (p.altitudes_m[i] == h) o << num(p.covered_fraction[i]);
    }
    o << '\n';
  }
  return o.str();
}

void write_sweep_outputs(OutputStage& stage, const model::Scenario& s, const SweepResult& r) {
  const auto csv = stage.path("sweep.csv");
  {
    std::ofstream f(csv, std::ios::binary);
    f << sweep_csv(r);
    if (!f) throw Error(stage.final_path("sweep.csv").string() + ": cannot write");
  }
  write_png(stage.path("sweep.png"), render_sweep_plot(s, r));
}

}  // namespace adcov::report
