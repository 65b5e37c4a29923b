#include "adcov/run/uncertainty_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include <tbb/parallel_for.h>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/engage/statistics.hpp"
#include "adcov/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/model/uncertainty.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/run/output_split.hpp"
#include "adcov/report/number_text.hpp"
#include "adcov/report/uncertainty_outputs.hpp"
#include "adcov/run/saltelli_design.hpp"
#include "adcov/run/sobol_indices.hpp"
#include "adcov/run/wire.hpp"

namespace adcov::run {
namespace {

/// What every model run shares.
struct Study {
  model::Scenario base;  ///< with the command-line overrides
  std::vector<model::UncertainParameter> params;
  std::vector<std::string> outputs;  ///< "overall", then the classes the salvos launch
  SaltelliDesign design;
  geo::TerrainGrid terrain;
  /// The paths' ground tracks, projected once for every run (the paths do
  /// not move: launch points, routes and targets are never uncertain).
  std::unique_ptr<engage::GroundTrackCache> tracks;
  int trials = 0;
};

/// The classes the salvos launch, in kThreatClasses order.
std::vector<std::string> output_names(const model::Scenario& s) {
  std::vector<std::string> out{"overall"};
  for (model::ThreatClass c : model::kThreatClasses)
    if (std::any_of(s.salvos.begin(), s.salvos.end(),
                    [&](const model::Salvo& v) { return s.threats.at(v.threat).cls == c; }))
      out.emplace_back(model::to_string(c));
  return out;
}

std::vector<model::SweepSetting> settings_of(const std::vector<model::UncertainParameter>& params,
                                             const std::vector<double>& values) {
  std::vector<model::SweepSetting> out;
  for (std::size_t i = 0; i < params.size(); ++i) out.push_back({params[i].set, report::number_text(values[i])});
  return out;
}

/// One grid for every run: the scenario with every reach (a `range_km` key)
/// at the top of its range, so that no run's batteries reach past the grid.
geo::TerrainGrid study_terrain(const model::Scenario& s, const std::vector<model::UncertainParameter>& params) {
  std::vector<model::SweepSetting> widest;
  for (const model::UncertainParameter& p : params)
    if (p.set.size() > 9 && p.set.compare(p.set.size() - 9, 9, ".range_km") == 0)
      widest.push_back({p.set, report::number_text(p.hi)});
  return coverage::load_scenario_terrain(widest.empty() ? s : model::apply_sweep_values(s, widest, "uncertainty"));
}

Study make_study(const model::Scenario& s, const UncertaintyOptions& opt) {
  Study st;
  st.base = s;
  if (opt.seed) st.base.seed = *opt.seed;
  st.params = model::uncertain_parameters(st.base);
  if (st.params.empty())
    throw InputError(s.file.string() + ": scenario '" + s.name +
                     "' has no uncertain parameter (uncertainty.parameters: library found no estimate with a range "
                     "among its batteries' systems and salvos' threats; list them: docs/scenario.md, \"uncertainty:\")");
  st.outputs = output_names(st.base);
  const int samples = opt.samples.value_or(s.uncertainty.samples);
  st.trials = opt.trials.value_or(s.uncertainty.trials);
  st.design = saltelli_design(static_cast<std::size_t>(samples), st.params.size(), st.base.seed);
  st.terrain = study_terrain(st.base, st.params);
  st.tracks = std::make_unique<engage::GroundTrackCache>(st.terrain);
  return st;
}

/// The parameter values of run `run`.
std::vector<double> run_values(const Study& st, std::size_t run) {
  const std::vector<double> u = saltelli_point(st.design, run);
  std::vector<double> v(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) v[i] = model::parameter_value(st.params[i], u[i]);
  return v;
}

/// One model run: the scenario at these values, its trials with the shared
/// seed, and each output's interception rate.
std::vector<double> model_run(const Study& st, std::size_t run, const std::vector<double>& values) {
  const model::Scenario p =
      model::apply_sweep_values(st.base, settings_of(st.params, values), fmt::format("uncertainty run {}", run));
  const auto batteries = coverage::prepare_batteries(p, st.terrain);
  engage::SimulationOptions so;
  so.trials = st.trials;
  so.seed = st.base.seed;  // common random numbers
  so.operator_effects = false;
  so.tracks = st.tracks.get();
  const engage::SimulationResult r = engage::simulate(p, st.terrain, batteries, so);
  std::vector<double> rates{r.overall.interception_rate};
  for (std::size_t o = 1; o < st.outputs.size(); ++o) rates.push_back(r.by_class.at(st.outputs[o]).interception_rate);
  return rates;
}

/// This rank's runs (run i on rank i % size), as (run, rates) rows on the
/// wire in run order. Runs go in parallel too: a run's own work (scenario
/// rebuild, windows, trials) leaves cores idle between its parallel stages,
/// and runs are independent, so the rows do not depend on the scheduling.
void run_share(const Study& st, const UncertaintyOptions& opt, std::size_t rank, std::size_t size,
               std::vector<std::int64_t>& buf) {
  const std::size_t total = saltelli_runs(st.design);
  const std::size_t mine = total / size + (rank < total % size ? 1 : 0);
  begin_stage(opt.progress, "model runs", static_cast<std::int64_t>(mine));
  std::vector<std::vector<double>> rates(mine);
  std::mutex progress_mutex;
  std::int64_t done = 0;
  tbb::parallel_for(std::size_t{0}, mine, [&](std::size_t i) {
    const std::size_t run = rank + i * size;
    rates[i] = model_run(st, run, run_values(st, run));
    std::lock_guard lock(progress_mutex);
    report_done(opt.progress, ++done);
  });
  WireWriter w{buf};
  for (std::size_t i = 0; i < mine; ++i) {
    w.i64(static_cast<std::int64_t>(rank + i * size));
    for (const double r : rates[i]) w.f64(r);
  }
}

/// Spread over the 2N independent runs (matrices A and B) and the indices.
void summarise(const Study& st, const UncertaintyOptions& opt, report::UncertaintyResult& res) {
  const std::size_t n = st.design.n, k = st.design.k, runs = saltelli_runs(st.design);
  for (std::size_t o = 0; o < st.outputs.size(); ++o) {
    std::vector<double> y(runs), ab;
    for (std::size_t r = 0; r < runs; ++r) y[r] = res.rates[r][o];
    for (std::size_t j = 0; j < n; ++j) ab.insert(ab.end(), {y[j * (k + 2)], y[j * (k + 2) + 1]});
    report::OutputSpread sp;
    for (const double v : ab) sp.mean += v / static_cast<double>(ab.size());
    sp.p5 = engage::quantile(ab, 0.05);
    sp.p50 = engage::quantile(ab, 0.50);
    sp.p95 = engage::quantile(ab, 0.95);
    res.by_output[st.outputs[o]] = sp;
    const std::vector<SobolEstimate> idx = sobol_indices(y, n, k, opt.bootstrap, st.base.seed);
    std::vector<report::SensitivityIndex>& rows = res.sensitivity[st.outputs[o]];
    for (std::size_t i = 0; i < k; ++i)
      rows.push_back({st.params[i].set, idx[i].s1, idx[i].s1_lo, idx[i].s1_hi, idx[i].st, idx[i].st_lo, idx[i].st_hi});
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.st > b.st; });
  }
}

}  // namespace

std::optional<report::UncertaintyResult> run_uncertainty(const model::Scenario& s, const UncertaintyOptions& opt,
                                                         const Ranks& ranks) {
  const Study st = make_study(s, opt);
  const auto parts = gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
    run_share(st, opt, static_cast<std::size_t>(ranks.rank), static_cast<std::size_t>(ranks.size), buf);
  });
  if (!ranks.writer()) return std::nullopt;
  report::UncertaintyResult res;
  res.samples = st.design.n;
  res.trials = st.trials;
  res.seed = st.base.seed;
  for (const model::UncertainParameter& p : st.params) res.parameters.push_back({p.set, p.lo, p.hi, p.integer});
  res.outputs = st.outputs;
  const std::size_t runs = saltelli_runs(st.design);
  res.values.resize(runs);
  res.rates.resize(runs);
  for (const auto& part : parts) {
    WireReader rd{part.data(), part.size(), "MPI gather of uncertainty runs"};
    while (rd.at < rd.size) {
      const std::size_t run = static_cast<std::size_t>(rd.i64());
      if (run >= runs) throw Error("MPI gather: uncertainty run " + std::to_string(run) + " out of range");
      res.rates[run].resize(st.outputs.size());
      for (double& r : res.rates[run]) r = rd.f64();
    }
  }
  for (std::size_t r = 0; r < runs; ++r) {
    if (res.rates[r].size() != st.outputs.size()) throw Error("MPI gather: uncertainty run " + std::to_string(r) + " missing");
    res.values[r] = run_values(st, r);
  }
  summarise(st, opt, res);
  return res;
}

std::optional<report::UncertaintyResult> uncertainty_into(const std::filesystem::path& out_dir,
                                                          const model::Scenario& s, const UncertaintyOptions& opt,
                                                          const Ranks& ranks) {
  std::optional<report::OutputStage> stage;
  open_stage(ranks, out_dir, stage);
  std::optional<report::UncertaintyResult> r = run_uncertainty(s, opt, ranks);
  if (!r) return std::nullopt;
  report::write_uncertainty_outputs(*stage, s, *r, opt.provenance);
  stage->commit();
  return r;
}

}  // namespace adcov::run
