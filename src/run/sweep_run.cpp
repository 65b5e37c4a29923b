#include "adcov/run/sweep_run.hpp"

#include <algorithm>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/run/output_split.hpp"
#include "adcov/report/sweep_outputs.hpp"
#include "adcov/run/wire.hpp"
#include "sweep_cache.hpp"

namespace adcov::run {
namespace {

std::size_t point_count(const model::Scenario& s) {
  std::size_t total = 1;
  for (const auto& a : s.sweep) total *= a.values.size();
  return total;
}

// Point `flat` of the product (mixed-radix digits: the last axis varies
// fastest), with the command-line overrides applied.
model::Scenario point_scenario(const model::Scenario& s, std::size_t flat, const SweepOptions& opt,
                               report::SweepPoint& pt) {
  std::vector<std::size_t> digit(s.sweep.size());
  for (std::size_t i = s.sweep.size(), rest = flat; i-- > 0;) {
    digit[i] = rest % s.sweep[i].values.size();
    rest /= s.sweep[i].values.size();
  }
  model::Scenario p = s;
  pt.index = flat;
  for (std::size_t i = 0; i < s.sweep.size(); ++i) {
    const std::string& v = s.sweep[i].values[digit[i]];
    p = model::apply_sweep_value(p, s.sweep[i], v);
    pt.values.push_back(v);
  }
  if (opt.seed) p.seed = *opt.seed;
  if (opt.trials) p.simulation.trials = *opt.trials;
  return p;
}

void run_point(const model::Scenario& p, detail::SweepCache& cache, report::SweepPoint& pt) {
  detail::refresh(cache, p);
  const coverage::CoverageResult cov = coverage::compute_coverage(p, cache.terrain, cache.batteries, {});
  engage::SimulationOptions so;
  so.trials = p.simulation.trials;
  so.seed = p.seed;
  so.operator_effects = false;  // not reported per point
  const engage::SimulationResult sim = engage::simulate(p, cache.terrain, cache.batteries, so);
  pt.overall = sim.overall;
  pt.interceptor_cost_mean_usd = sim.cost_interceptors_mean_usd;
  for (const auto& a : cov.altitudes) {
    pt.altitudes_m.push_back(a.altitude_m);
    pt.covered_fraction.push_back(a.region.covered_fraction);
  }
}

void encode_share(const report::SweepResult& r, std::vector<std::int64_t>& buf) {
  WireWriter w{buf};
  w.i64(r.terrain_loads);
  w.i64(r.visibility_passes);
  w.i64(static_cast<std::int64_t>(r.points.size()));
  for (const report::SweepPoint& pt : r.points) {
    w.i64(static_cast<std::int64_t>(pt.index));
    w.i64(static_cast<std::int64_t>(pt.values.size()));
    for (const std::string& v : pt.values) w.str(v);
    w.i64(pt.overall.launched);
    for (double v : {pt.overall.intercepted_mean, pt.overall.interception_rate, pt.overall.ci95_lo, pt.overall.ci95_hi,
                     pt.overall.lost_ew_rate, pt.overall.neutralized_rate, pt.overall.leaked_warheads_mean,
                     pt.interceptor_cost_mean_usd})
      w.f64(v);
    w.i64(static_cast<std::int64_t>(pt.altitudes_m.size()));
    for (std::size_t i = 0; i < pt.altitudes_m.size(); ++i) {
      w.f64(pt.altitudes_m[i]);
      w.f64(pt.covered_fraction[i]);
    }
  }
}

// Appends one rank's share to `all`.
void decode_share(const std::vector<std::int64_t>& part, report::SweepResult& all) {
  WireReader rd{part.data(), part.size(), "MPI gather of sweep points"};
  all.terrain_loads += static_cast<int>(rd.i64());
  all.visibility_passes += static_cast<int>(rd.i64());
  const std::size_t points = rd.count();
  for (std::size_t k = 0; k < points; ++k) {
    report::SweepPoint pt;
    pt.index = static_cast<std::size_t>(rd.i64());
    pt.values.resize(rd.count());
    for (std::string& v : pt.values) v = rd.str();
    pt.overall.launched = rd.i64();
    for (double* v : {&pt.overall.intercepted_mean, &pt.overall.interception_rate, &pt.overall.ci95_lo,
                      &pt.overall.ci95_hi, &pt.overall.lost_ew_rate, &pt.overall.neutralized_rate,
                      &pt.overall.leaked_warheads_mean, &pt.interceptor_cost_mean_usd})
      *v = rd.f64();
    const std::size_t alts = rd.count(2);
    for (std::size_t i = 0; i < alts; ++i) {
      pt.altitudes_m.push_back(rd.f64());
      pt.covered_fraction.push_back(rd.f64());
    }
    all.points.push_back(std::move(pt));
  }
  rd.expect_end();
}

}  // namespace

report::SweepResult run_sweep_share(const model::Scenario& s, const SweepOptions& opt, std::size_t rank,
                                    std::size_t size) {
  if (s.sweep.empty())
    throw InputError(s.file.string() + ": scenario '" + s.name + "' has no sweep: block to run");
  if (size == 0 || rank >= size)
    throw Error("run_sweep: rank " + std::to_string(rank) + " of " + std::to_string(size));
  report::SweepResult res;
  for (const auto& a : s.sweep) res.axes.push_back(a.set);
  const std::size_t total = point_count(s);
  const std::size_t mine = total / size + (rank < total % size ? 1 : 0);
  begin_stage(opt.progress, "sweep points", static_cast<std::int64_t>(mine));
  detail::SweepCache cache;
  for (std::size_t flat = rank; flat < total; flat += size) {
    report::SweepPoint pt;
    const model::Scenario p = point_scenario(s, flat, opt, pt);
    run_point(p, cache, pt);
    res.points.push_back(std::move(pt));
    report_done(opt.progress, static_cast<std::int64_t>(res.points.size()));
  }
  res.terrain_loads = cache.terrain_loads;
  res.visibility_passes = cache.visibility_passes;
  return res;
}

std::optional<report::SweepResult> run_sweep(const model::Scenario& s, const SweepOptions& opt,
                                             const Ranks& ranks) {
  if (!ranks.split()) return run_sweep_share(s, opt, 0, 1);
  const auto parts = gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
    encode_share(run_sweep_share(s, opt, static_cast<std::size_t>(ranks.rank), static_cast<std::size_t>(ranks.size)),
                 buf);
  });
  if (!ranks.writer()) return std::nullopt;
  report::SweepResult all;
  for (const auto& a : s.sweep) all.axes.push_back(a.set);
  for (const auto& part : parts) decode_share(part, all);
  std::sort(all.points.begin(), all.points.end(),
            [](const report::SweepPoint& a, const report::SweepPoint& b) { return a.index < b.index; });
  for (std::size_t i = 0; i < all.points.size(); ++i)
    if (all.points[i].index != i) throw Error("MPI gather: sweep point " + std::to_string(i) + " missing");
  return all;
}

std::optional<report::SweepResult> sweep_into(const std::filesystem::path& out_dir, const model::Scenario& s,
                                              const SweepOptions& opt, const Ranks& ranks) {
  std::optional<report::OutputStage> stage;
  open_stage(ranks, out_dir, stage);
  std::optional<report::SweepResult> r = run_sweep(s, opt, ranks);
  if (!r) return std::nullopt;
  report::write_sweep_outputs(*stage, s, *r);
  stage->commit();
  return r;
}

}  // namespace adcov::run
