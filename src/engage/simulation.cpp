// Monte Carlo driver: scenario -> BattlePlan (paths and windows, once) ->
// trials in parallel (TBB) -> integer tallies reduced in trial order
// (simulate_tallies) -> rates (summarize). Tallies of disjoint trial ranges
// merge exactly (tallies.hpp), which is how MPI ranks split the trials.
//
// Determinism: trial t draws only from TrialStream::of(seed, t) (rng.hpp), its
// tallies are integers, and block sums are added in block order, so the result
// is the same for any thread count or scheduling.

#include "adcov/engage/simulation.hpp"

#include "adcov/engage/least_exposure.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "adcov/engage/battle.hpp"
#include "adcov/engage/ew_zones.hpp"
#include "adcov/engage/rng.hpp"
#include "adcov/engage/statistics.hpp"
#include "adcov/engage/tallies.hpp"
#include "adcov/engage/trajectory.hpp"
#include "adcov/error.hpp"

namespace adcov::engage {
namespace {

/// Trials per parallel task and per reduction block: large enough to amortise
/// scheduling (a trial takes tens of microseconds), small enough to balance
/// 2..64 cores for 1000 trials. Fixed, so block sums do not depend on threads.
constexpr std::int64_t kBlockTrials = 16;

struct PathSpec {
  std::size_t salvo = 0;
  geo::LonLat launch, target;
  std::size_t target_index = 0;  ///< into the salvo's targets (and its planned routes)
};

/// One run configuration: all batteries, or all but one operator group's.
struct Config {
  std::vector<std::uint8_t> enabled;
};

/// Whether the trials also rerun every battery as if c2 were autonomous:
/// what the network adds (SimulationResult::network).
bool network_rerun(const model::Scenario& s, const SimulationOptions& opt) {
  return opt.operator_effects && s.c2.mode != model::C2Mode::autonomous;
}

/// Integer sums over a block of trials, laid out as one vector.
struct Layout {
  std::size_t salvos = 0, targets = 0, batteries = 0, configs = 0;
  bool autonomous_rerun = false;
  std::size_t intercepted() const { return 0; }
  std::size_t leaked() const { return salvos; }
  std::size_t fired() const { return salvos + targets; }
  std::size_t kills() const { return salvos + targets + batteries; }
  std::size_t ran_dry() const { return salvos + targets + 2 * batteries; }
  std::size_t lost() const { return salvos + targets + 3 * batteries; }           // per salvo
  std::size_t leaked_salvo() const { return 2 * salvos + targets + 3 * batteries; }  // per salvo
  std::size_t fired_salvo() const { return 3 * salvos + targets + 3 * batteries; }   // per salvo
  std::size_t without() const { return 4 * salvos + targets + 3 * batteries; }  // configs 1..
  std::size_t autonomous() const { return without() + (configs > 0 ? configs - 1 : 0); }  // per salvo
  std::size_t size() const { return autonomous() + (autonomous_rerun ? salvos : 0); }
};

/// Sums over the trials for one group of threats, and its per-trial counts
/// (in trial order) behind the intervals and percentiles.
struct GroupSums {
  std::int64_t launched = 0, warheads = 0;  ///< per trial (warheads: launched that are not decoys)
  std::int64_t intercepted = 0, lost = 0, leaked_warheads = 0, fired_on_decoys = 0;
  std::vector<std::int64_t> intercepted_t, neutralized_t, leaked_warheads_t;  ///< per trial
  GroupSums& operator+=(const GroupSums& o) {
    launched += o.launched, warheads += o.warheads, intercepted += o.intercepted, lost += o.lost;
    leaked_warheads += o.leaked_warheads, fired_on_decoys += o.fired_on_decoys;
    add_per_trial(intercepted_t, o.intercepted_t);
    add_per_trial(neutralized_t, o.neutralized_t);
    add_per_trial(leaked_warheads_t, o.leaked_warheads_t);
    return *this;
  }
  static void add_per_trial(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& v) {
    if (into.empty()) into.assign(v.size(), 0);
    for (std::size_t t = 0; t < v.size(); ++t) into[t] += v[t];
  }
};

/// docs/engagement.md, "Statistics": means and rates pooled over the trials,
/// intervals with the trial as the unit, percentiles over the trials.
RateStats make_stats(const GroupSums& g, std::int64_t trials) {
  RateStats r;
  r.launched = g.launched;
  r.warheads_launched = g.warheads;
  const Interval none = trial_rate_interval({}, 0);
  r.ci95_lo = r.neutralized_ci95_lo = r.p_any_leak_ci95_lo = none.lo;
  r.ci95_hi = r.neutralized_ci95_hi = r.p_any_leak_ci95_hi = none.hi;
  if (trials <= 0) return r;
  const double inv = 1.0 / static_cast<double>(trials);
  r.intercepted_mean = static_cast<double>(g.intercepted) * inv;
  const double n = static_cast<double>(g.launched) * static_cast<double>(trials);
  r.interception_rate = n > 0 ? static_cast<double>(g.intercepted) / n : 0.0;
  const Interval ci = trial_rate_interval(g.intercepted_t, static_cast<double>(g.launched));
  r.ci95_lo = ci.lo;
  r.ci95_hi = ci.hi;
  // docs/model.md, "Electronic warfare": neutralised = intercepted + lost.
  r.lost_ew_mean = static_cast<double>(g.lost) * inv;
  r.lost_ew_rate = n > 0 ? static_cast<double>(g.lost) / n : 0.0;
  r.neutralized_rate = n > 0 ? static_cast<double>(g.intercepted + g.lost) / n : 0.0;
  const Interval nci = trial_rate_interval(g.neutralized_t, static_cast<double>(g.launched));
  r.neutralized_ci95_lo = nci.lo;
  r.neutralized_ci95_hi = nci.hi;
  r.leaked_warheads_mean = static_cast<double>(g.leaked_warheads) * inv;
  r.interceptors_on_decoys_mean = static_cast<double>(g.fired_on_decoys) * inv;
  r.leaked_warheads_p5 = quantile(g.leaked_warheads_t, 0.05);
  r.leaked_warheads_p50 = quantile(g.leaked_warheads_t, 0.50);
  r.leaked_warheads_p95 = quantile(g.leaked_warheads_t, 0.95);
  const auto any = std::count_if(g.leaked_warheads_t.begin(), g.leaked_warheads_t.end(),
                                 [](std::int64_t w) { return w > 0; });
  r.p_any_leak = static_cast<double>(any) * inv;
  const Interval pci = wilson_interval(static_cast<double>(any), static_cast<double>(trials));
  r.p_any_leak_ci95_lo = pci.lo;
  r.p_any_leak_ci95_hi = pci.hi;
  return r;
}

/// Salvo i's totals and per-trial counts.
GroupSums salvo_sums(const model::Scenario& s, const SimulationTallies& tl, std::size_t i) {
  const model::Salvo& sv = s.salvos[i];
  const bool decoy = s.threats.at(sv.threat).decoy;
  GroupSums g;
  g.launched = sv.count;
  g.warheads = decoy ? 0 : sv.count;
  g.intercepted = tl.intercepted_by_salvo[i];
  g.lost = tl.lost_by_salvo[i];
  g.leaked_warheads = decoy ? 0 : tl.leaked_by_salvo[i];
  g.fired_on_decoys = decoy ? tl.fired_by_salvo[i] : 0;
  const std::size_t trials = tl.trial_outcomes.size(), salvos = s.salvos.size();
  g.intercepted_t.resize(trials);
  g.neutralized_t.resize(trials);
  g.leaked_warheads_t.resize(trials);
  for (std::size_t t = 0; t < trials; ++t) {
    const SalvoTrialCounts& c = tl.salvo_trials[t * salvos + i];
    g.intercepted_t[t] = c.intercepted;
    g.neutralized_t[t] = c.intercepted + c.lost;
    g.leaked_warheads_t[t] = decoy ? 0 : c.leaked;
  }
  return g;
}

/// A group of `launched` threats per trial whose interceptions per trial are
/// column `col` of the trial-major table `per_trial` with `cols` columns.
GroupSums column_sums(std::int64_t launched, const std::vector<std::int32_t>& per_trial, std::size_t col,
                      std::size_t cols) {
  GroupSums g;
  g.launched = launched;
  const std::size_t trials = cols > 0 ? per_trial.size() / cols : 0;
  g.intercepted_t.resize(trials);
  for (std::size_t t = 0; t < trials; ++t) g.intercepted_t[t] = per_trial[t * cols + col];
  for (const std::int64_t x : g.intercepted_t) g.intercepted += x;
  g.neutralized_t = g.intercepted_t;
  return g;
}

/// The K launch points of a salvo with a launch_area, uniform over the disc
/// (r = R sqrt(u1), bearing = 360 u2 on the sphere), drawn from the seed alone.
std::vector<geo::LonLat> launch_pool(const model::Salvo& sv, std::size_t salvo_index,
                                     std::uint64_t seed, int k_points) {
  if (sv.launch) return {*sv.launch};
  const TrialStream pool{hash_words(mix64(seed), {~0ULL})};  // no trial's key
  std::vector<geo::LonLat> pts;
  const int k = std::max(1, k_points);
  for (int i = 0; i < k; ++i) {
    const double u1 = pool.uniform(Purpose::launch_pool, salvo_index, static_cast<std::uint64_t>(i), 0);
    const double u2 = pool.uniform(Purpose::launch_pool, salvo_index, static_cast<std::uint64_t>(i), 1);
    const double r_m = sv.launch_area->radius_km * 1000.0 * std::sqrt(u1);
    pts.push_back(geo::destination(sv.launch_area->center, 360.0 * u2, r_m));
  }
  return pts;
}

void validate(const model::Scenario& s) {
  std::vector<std::string> errors;
  for (const model::Salvo& sv : s.salvos) {
    const std::string where = sv.loc.str() + (sv.loc.file.empty() ? "" : ": ") + "salvo '" + sv.id + "': ";
    auto it = s.threats.find(sv.threat);
    if (it == s.threats.end()) {
      errors.push_back(where + "unknown threat '" + sv.threat + "'");
      continue;
    }
    if (!(it->second.speed_mps > 0))
      errors.push_back(where + "threat '" + sv.threat + "' has speed_mps <= 0");
    if (sv.targets.empty()) errors.push_back(where + "no target");
    if (sv.count < 0) errors.push_back(where + "count < 0");
    if (!sv.launch && !sv.launch_area) errors.push_back(where + "no launch or launch_area");
  }
  if (!errors.empty()) throw InputError(std::move(errors));
}

/// Targets in order of first use over the salvos (the plan's target ids).
std::vector<geo::LonLat> targets_of(const model::Scenario& s) {
  std::vector<geo::LonLat> targets;
  for (const model::Salvo& sv : s.salvos)
    for (const model::WeightedTarget& t : sv.targets)
      if (std::find(targets.begin(), targets.end(), t.at) == targets.end()) targets.push_back(t.at);
  return targets;
}

/// Operator groups with at least one battery, in kOperatorGroups order.
std::vector<model::OperatorGroup> groups_present(const std::vector<coverage::BatteryGeometry>& batteries) {
  std::vector<model::OperatorGroup> groups;
  for (model::OperatorGroup g : model::kOperatorGroups)
    if (std::any_of(batteries.begin(), batteries.end(),
                    [&](const coverage::BatteryGeometry& b) { return b.group == g; }))
      groups.push_back(g);
  return groups;
}

/// The plan's batteries: each system's fire doctrine, in the order given.
std::vector<BattleBattery> battle_batteries(const std::vector<coverage::BatteryGeometry>& batteries) {
  std::vector<BattleBattery> out;
  for (const coverage::BatteryGeometry& bg : batteries) {
    const model::SystemType& sys = bg.system;
    BattleBattery b;
    b.fire_channels = std::max(1, sys.fire_channels);
    b.magazine = std::max(0, sys.magazine);
    b.reload_s = sys.reload_s;
    b.shots_per_engagement = std::max(1, sys.doctrine.shots_per_engagement);
    b.max_engagements = std::max(1, sys.doctrine.max_engagements);
    b.interceptor_speed_mps = sys.interceptor.speed_mps;
    b.interceptor_cost_usd = sys.interceptor.cost_usd;
    b.reaction_s = sys.reaction_s;
    if (sys.decoy_discrimination_s) b.decoy_discrimination_s = *sys.decoy_discrimination_s;
    b.pk = sys.pk;
    out.push_back(b);
  }
  return out;
}

/// Fills the salvo's cumulative target weights and plan-wide target ids;
/// `targets` (plan-wide, by position in order of first use) grows by the
/// targets this salvo uses first.
void add_targets(const model::Salvo& sv, BattleSalvo& bs, std::vector<geo::LonLat>& targets) {
  double total_w = 0;
  for (const model::WeightedTarget& t : sv.targets) total_w += std::max(0.0, t.weight);
  double acc = 0;
  for (const model::WeightedTarget& t : sv.targets) {
    acc += std::max(0.0, t.weight);
    bs.target_cdf.push_back(total_w > 0 ? acc / total_w : 1.0);
    auto it = std::find(targets.begin(), targets.end(), t.at);
    bs.target_ids.push_back(static_cast<std::uint32_t>(it - targets.begin()));
    if (it == targets.end()) targets.push_back(t.at);
  }
  bs.target_cdf.back() = 1.0;
}

/// Salvo `si` as the battle sees it; appends its path variants (every launch
/// point of its pool times every target) to `specs`.
BattleSalvo battle_salvo(const model::Scenario& s, std::size_t si, const SimulationOptions& opt,
                         std::vector<geo::LonLat>& targets, std::vector<PathSpec>& specs) {
  const model::Salvo& sv = s.salvos[si];
  BattleSalvo bs;
  const model::ThreatType& threat = s.threats.at(sv.threat);
  bs.cls = threat.cls;
  bs.gnss_susceptibility = threat.gnss_susceptibility;
  bs.decoy = threat.decoy;
  bs.first_variant = static_cast<std::uint32_t>(specs.size());
  add_targets(sv, bs, targets);
  const std::vector<geo::LonLat> pool = launch_pool(sv, si, opt.seed, opt.launch_variants);
  bs.launch_variants = static_cast<std::uint32_t>(pool.size());
  for (const geo::LonLat& l : pool)
    for (std::size_t j = 0; j < sv.targets.size(); ++j) specs.push_back({si, l, sv.targets[j].at, j});
  return bs;
}

/// The plan's salvos, their threats in launch order and its target count;
/// returns the path variants the salvos fly.
std::vector<PathSpec> plan_salvos(const model::Scenario& s, const SimulationOptions& opt, BattlePlan& plan) {
  std::vector<geo::LonLat> targets;
  std::vector<PathSpec> specs;
  for (std::size_t si = 0; si < s.salvos.size(); ++si) {
    plan.salvos.push_back(battle_salvo(s, si, opt, targets, specs));
    const model::Salvo& sv = s.salvos[si];
    for (int c = 0; c < sv.count; ++c)
      plan.threats.push_back({sv.start_s + c * sv.interval_s, static_cast<std::uint32_t>(si)});
  }
  plan.targets = static_cast<std::uint32_t>(targets.size());
  return specs;
}

/// Everything the trials share: batteries, salvos, threats and the
/// engageability windows of every path variant, computed once in parallel.
BattlePlan plan_battle(const model::Scenario& unplanned, const geo::TerrainGrid& terrain,
                       const std::vector<coverage::BatteryGeometry>& batteries, const SimulationOptions& opt) {
  // least_exposure salvos fly routes planned against these batteries (callers that also draw them plan first).
  std::optional<model::Scenario> planned;
  if (needs_route_planning(unplanned)) plan_routes(planned.emplace(unplanned), terrain, batteries);
  const model::Scenario& s = planned ? *planned : unplanned;
  BattlePlan plan;
  plan.batteries = battle_batteries(batteries);
  const std::vector<PathSpec> specs = plan_salvos(s, opt, plan);
  // docs/engagement.md, "Detection and tracks": v1's battle unless the
  // scenario asks for more. Decoy discrimination counts from each battery's
  // own track, which the network plan carries.
  const bool discriminates =
      std::any_of(plan.salvos.begin(), plan.salvos.end(), [](const BattleSalvo& v) { return v.decoy; }) &&
      std::any_of(plan.batteries.begin(), plan.batteries.end(), [](const BattleBattery& b) {
        return b.decoy_discrimination_s < std::numeric_limits<double>::infinity();
      });
  plan.network.mode = s.c2.mode;
  plan.network.dynamic = s.detection.model != model::DetectionModel::cookie_cutter ||
                         s.c2.mode != model::C2Mode::autonomous || discriminates;
  plan.network.delay_s = s.c2.delay_s;
  plan.network.remote_pk_factor = s.c2.remote_pk_factor;
  for (const model::EwZone& z : s.ew) plan.ew_strength.push_back(z.strength);
  SensingParams sensing;
  sensing.detection = s.detection;
  sensing.cover_runs = plan.network.dynamic;
  sensing.remote_windows = s.c2.mode == model::C2Mode::integrated;
  // The battle packs threat and battery indices into 29 bits of its event keys.
  if (plan.threats.size() >= (std::size_t{1} << 29) || batteries.size() >= (std::size_t{1} << 29))
    throw Error("simulate: more than 2^29 threats or batteries");
  plan.paths.resize(specs.size());
  tbb::parallel_for(std::size_t{0}, specs.size(), [&](std::size_t v) {
    const PathSpec& ps = specs[v];
    const model::Salvo& sv = s.salvos[ps.salvo];
    const model::ThreatType& threat = s.threats.at(sv.threat);
    const Trajectory tr =
        make_trajectory(threat, ps.launch, model::route_to(sv, ps.target_index), ps.target);
    std::shared_ptr<const GroundTrack> track;
    if (opt.tracks) track = opt.tracks->get(tr, terrain, path_samples(tr.length_m(), terrain.grid, opt.windows));
    plan.paths[v] = compute_windows(tr, threat, terrain, batteries, s.k_factor, opt.windows, sensing, track.get());
    plan.paths[v].zones = zone_entries(tr, s.ew);
  });
  return plan;
}

/// Run configurations: 0 = every battery; then, with operator effects, one
/// per operator group present, without that group's batteries.
std::vector<Config> run_configs(const std::vector<coverage::BatteryGeometry>& batteries, bool operator_effects) {
  std::vector<Config> configs(1);
  configs[0].enabled.assign(batteries.size(), 1);
  if (!operator_effects) return configs;
  for (model::OperatorGroup g : groups_present(batteries)) {
    Config c;
    for (const coverage::BatteryGeometry& b : batteries) c.enabled.push_back(b.group != g);
    configs.push_back(std::move(c));
  }
  return configs;
}

/// Adds one trial's tally (all batteries) to its block's sums `sum` and
/// writes the trial's totals to `o`.
void add_trial(const model::Scenario& s, const BattlePlan& plan, const Layout& lay, const BattleTally& T,
               std::int64_t* sum, TrialOutcome& o) {
  o = {};
  for (std::size_t i = 0; i < lay.salvos; ++i) {
    sum[lay.intercepted() + i] += T.intercepted_by_salvo[i];
    sum[lay.lost() + i] += T.lost_by_salvo[i];
    sum[lay.leaked_salvo() + i] += T.leaked_by_salvo[i];
    sum[lay.fired_salvo() + i] += T.fired_by_salvo[i];
    o.lost_ew += T.lost_by_salvo[i];
    if (!plan.salvos[i].decoy) o.leaked_warheads += T.leaked_by_salvo[i];
    o.intercepted += T.intercepted_by_salvo[i];
    o.threats_destroyed_cost_usd += T.intercepted_by_salvo[i] * s.threats.at(s.salvos[i].threat).cost_usd;
  }
  for (std::size_t i = 0; i < lay.targets; ++i) {
    sum[lay.leaked() + i] += T.leaked_by_target[i];
    o.leaked += T.leaked_by_target[i];
  }
  for (std::size_t b = 0; b < lay.batteries; ++b) {
    sum[lay.fired() + b] += T.fired_by_battery[b];
    sum[lay.kills() + b] += T.kills_by_battery[b];
    sum[lay.ran_dry() + b] += std::isnan(T.ran_dry_s[b]) ? 0 : 1;
    o.interceptors_fired += T.fired_by_battery[b];
    o.interceptor_cost_usd += T.fired_by_battery[b] * plan.batteries[b].interceptor_cost_usd;
  }
}

/// Runs the trials in blocks of kBlockTrials in parallel, every
/// configuration with the same stream per trial (paired draws); returns
/// the blocks' sums, block after block, and fills the per-trial rows of `res`
/// (sized for res.trials trials).
std::vector<std::int64_t> run_trial_blocks(const model::Scenario& s, const BattlePlan& plan,
                                           const std::vector<Config>& configs, const Layout& lay,
                                           const SimulationOptions& opt, SimulationTallies& res) {
  const std::int64_t trials = res.trials;
  const std::int64_t blocks = (trials + kBlockTrials - 1) / kBlockTrials;
  std::vector<std::int64_t> block_sums(static_cast<std::size_t>(blocks) * lay.size(), 0);
  BattleParams params;
  params.assignment = opt.assignment;
  params.look_s = opt.look_s;
  BattleParams alone = params;
  alone.autonomous = true;
  struct Local {
    BattleScratch scratch;
    BattleTally tally;
  };
  tbb::enumerable_thread_specific<Local> locals;
  std::atomic<std::int64_t> done{0};
  const std::size_t groups = configs.size() - 1;
  tbb::parallel_for(std::int64_t{0}, blocks, [&](std::int64_t blk) {
    Local& L = locals.local();
    std::int64_t* sum = block_sums.data() + static_cast<std::size_t>(blk) * lay.size();
    const std::int64_t t_end = std::min(trials, (blk + 1) * kBlockTrials);
    for (std::int64_t t = blk * kBlockTrials; t < t_end; ++t) {
      const std::size_t ti = static_cast<std::size_t>(t);
      const TrialStream rng = TrialStream::of(opt.seed, static_cast<std::uint64_t>(opt.first_trial + t));
      run_battle(plan, rng, configs[0].enabled, params, L.scratch, L.tally);
      add_trial(s, plan, lay, L.tally, sum, res.trial_outcomes[ti]);
      for (std::size_t i = 0; i < lay.salvos; ++i)
        res.salvo_trials[ti * lay.salvos + i] = {static_cast<std::int32_t>(L.tally.intercepted_by_salvo[i]),
                                                 static_cast<std::int32_t>(L.tally.lost_by_salvo[i]),
                                                 static_cast<std::int32_t>(L.tally.leaked_by_salvo[i])};
      for (std::size_t b = 0; b < lay.batteries; ++b)
        res.ran_dry_s[ti * lay.batteries + b] = static_cast<float>(L.tally.ran_dry_s[b]);
      for (std::size_t c = 1; c < configs.size(); ++c) {
        run_battle(plan, rng, configs[c].enabled, params, L.scratch, L.tally);
        sum[lay.without() + c - 1] += L.tally.intercepted();
        res.without_trials[ti * groups + c - 1] = static_cast<std::int32_t>(L.tally.intercepted());
      }
      if (lay.autonomous_rerun) {
        run_battle(plan, rng, configs[0].enabled, alone, L.scratch, L.tally);
        for (std::size_t i = 0; i < lay.salvos; ++i) {
          sum[lay.autonomous() + i] += L.tally.intercepted_by_salvo[i];
          res.autonomous_trials[ti * lay.salvos + i] = static_cast<std::int32_t>(L.tally.intercepted_by_salvo[i]);
        }
      }
    }
    const std::int64_t n = done.fetch_add(t_end - blk * kBlockTrials) + (t_end - blk * kBlockTrials);
    if (opt.progress) opt.progress(n, trials);
  });
  return block_sums;
}

/// Adds the block sums in block order (integers: exact in any order anyway)
/// and cuts the totals into the tallies' vectors.
void reduce_blocks(const std::vector<std::int64_t>& block_sums, const Layout& lay, SimulationTallies& res) {
  std::vector<std::int64_t> tot(lay.size(), 0);
  for (std::size_t at = 0; at < block_sums.size(); at += lay.size())
    for (std::size_t k = 0; k < lay.size(); ++k) tot[k] += block_sums[at + k];
  auto slice = [&](std::size_t from, std::size_t n) {
    return std::vector<std::int64_t>(tot.begin() + static_cast<std::ptrdiff_t>(from),
                                     tot.begin() + static_cast<std::ptrdiff_t>(from + n));
  };
  res.intercepted_by_salvo = slice(lay.intercepted(), lay.salvos);
  res.leaked_by_target = slice(lay.leaked(), lay.targets);
  res.fired_by_battery = slice(lay.fired(), lay.batteries);
  res.kills_by_battery = slice(lay.kills(), lay.batteries);
  res.ran_dry_by_battery = slice(lay.ran_dry(), lay.batteries);
  res.lost_by_salvo = slice(lay.lost(), lay.salvos);
  res.leaked_by_salvo = slice(lay.leaked_salvo(), lay.salvos);
  res.fired_by_salvo = slice(lay.fired_salvo(), lay.salvos);
  res.intercepted_without = slice(lay.without(), lay.configs - 1);
  res.intercepted_autonomous_by_salvo = slice(lay.autonomous(), lay.autonomous_rerun ? lay.salvos : 0);
}

/// Throws unless the tallies were counted for this scenario, these batteries
/// and these options (e.g. tallies read back from another process).
void check_tallies_fit(const model::Scenario& s, const std::vector<coverage::BatteryGeometry>& batteries,
                       const SimulationOptions& opt, const SimulationTallies& tl) {
  const std::size_t groups = opt.operator_effects ? groups_present(batteries).size() : 0;
  if (tl.intercepted_by_salvo.size() != s.salvos.size() ||
      tl.leaked_by_target.size() != targets_of(s).size() ||
      tl.fired_by_battery.size() != batteries.size() ||
      tl.kills_by_battery.size() != batteries.size() || tl.ran_dry_by_battery.size() != batteries.size() ||
      tl.ran_dry_s.size() != tl.trial_outcomes.size() * batteries.size() ||
      tl.intercepted_without.size() != groups || tl.lost_by_salvo.size() != s.salvos.size() ||
      tl.leaked_by_salvo.size() != s.salvos.size() || tl.fired_by_salvo.size() != s.salvos.size() ||
      tl.intercepted_autonomous_by_salvo.size() != (network_rerun(s, opt) ? s.salvos.size() : 0) ||
      tl.trial_outcomes.size() != static_cast<std::size_t>(std::max<std::int64_t>(0, tl.trials)) ||
      tl.salvo_trials.size() != tl.trial_outcomes.size() * s.salvos.size() ||
      tl.without_trials.size() != tl.trial_outcomes.size() * groups ||
      tl.autonomous_trials.size() != tl.intercepted_autonomous_by_salvo.size() * tl.trial_outcomes.size())
    throw Error("summarize: the tallies do not fit the scenario and batteries");
}

/// Rates per salvo, threat type, class and overall, and the mean cost of the
/// threats destroyed.
void add_rates(const model::Scenario& s, const SimulationTallies& tl, std::int64_t trials, SimulationResult& res) {
  GroupSums all;
  std::map<std::string, GroupSums> by_threat, by_class;
  for (std::size_t i = 0; i < s.salvos.size(); ++i) {
    const model::Salvo& sv = s.salvos[i];
    const model::ThreatType& t = s.threats.at(sv.threat);
    const GroupSums g = salvo_sums(s, tl, i);
    res.by_salvo[sv.id] = make_stats(g, trials);
    by_threat[sv.threat] += g;
    by_class[std::string(model::to_string(t.cls))] += g;
    all += g;
    res.cost_threats_destroyed_mean_usd += static_cast<double>(g.intercepted) * t.cost_usd;
  }
  for (const auto& [k, v] : by_threat) res.by_threat[k] = make_stats(v, trials);
  for (const auto& [k, v] : by_class) res.by_class[k] = make_stats(v, trials);
  res.overall = make_stats(all, trials);
  res.cost_threats_destroyed_mean_usd *= trials > 0 ? 1.0 / static_cast<double>(trials) : 0.0;
}

/// Interceptors fired per system (mean per trial) and their mean cost.
void add_interceptor_use(const model::Scenario& s, const std::vector<coverage::BatteryGeometry>& batteries,
                         const SimulationTallies& tl, double inv_trials, SimulationResult& res) {
  std::map<std::string, std::int64_t> fired;
  for (std::size_t b = 0; b < batteries.size(); ++b) {
    const coverage::BatteryGeometry& bg = batteries[b];
    if (bg.system.role == model::Role::sensor) continue;  // never fires
    const std::string& sys = bg.battery_index < s.batteries.size() ? s.batteries[bg.battery_index].system
                                                                   : bg.system.id;
    fired[sys] += tl.fired_by_battery[b];
    res.cost_interceptors_mean_usd += static_cast<double>(tl.fired_by_battery[b]) * bg.system.interceptor.cost_usd;
  }
  res.cost_interceptors_mean_usd *= inv_trials;
  for (const auto& [k, v] : fired) res.interceptors_fired[k] = static_cast<double>(v) * inv_trials;
}

/// The paired rerun with autonomous batteries: its rates overall and per
/// class, beside the network's (docs/engagement.md, "Detection and tracks").
void add_network_effect(const model::Scenario& s, const SimulationTallies& tl, std::int64_t trials,
                        SimulationResult& res) {
  if (tl.intercepted_autonomous_by_salvo.empty()) return;
  NetworkEffect n;
  n.mode = std::string(model::to_string(s.c2.mode));
  GroupSums all;
  std::map<std::string, GroupSums> by_class;
  for (std::size_t i = 0; i < s.salvos.size(); ++i) {
    const GroupSums g = column_sums(s.salvos[i].count, tl.autonomous_trials, i, s.salvos.size());
    by_class[std::string(model::to_string(s.threats.at(s.salvos[i].threat).cls))] += g;
    all += g;
  }
  n.autonomous_overall = make_stats(all, trials);
  for (const auto& [k, v] : by_class) n.autonomous_by_class[k] = make_stats(v, trials);
  n.added_interceptions_mean = res.overall.intercepted_mean - n.autonomous_overall.intercepted_mean;
  res.network = n;
}

/// Each shooter's interceptors, kills and magazine: how often it ran dry and
/// the median time it did (over the trials in which it did).
void add_battery_use(const model::Scenario& s, const std::vector<coverage::BatteryGeometry>& batteries,
                     const SimulationTallies& tl, double inv_trials, SimulationResult& res) {
  const std::size_t nb = batteries.size();
  for (std::size_t b = 0; b < nb; ++b) {
    const coverage::BatteryGeometry& bg = batteries[b];
    if (bg.system.role == model::Role::sensor) continue;
    BatteryUse u;
    u.fired_mean = static_cast<double>(tl.fired_by_battery[b]) * inv_trials;
    u.kills_mean = static_cast<double>(tl.kills_by_battery[b]) * inv_trials;
    u.ran_dry_fraction = static_cast<double>(tl.ran_dry_by_battery[b]) * inv_trials;
    std::vector<float> times;
    for (std::size_t t = 0; t < tl.trial_outcomes.size(); ++t)
      if (const float x = tl.ran_dry_s[t * nb + b]; !std::isnan(x)) times.push_back(x);
    if (!times.empty()) {
      // The median of an even count is the mean of the two middle values.
      const std::size_t h = times.size() / 2;
      std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(h), times.end());
      double med = times[h];
      if (times.size() % 2 == 0)
        med = 0.5 * (med + *std::max_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(h)));
      u.ran_dry_median_s = med;
    }
    const std::string id = bg.battery_index < s.batteries.size() ? s.batteries[bg.battery_index].id : bg.system.id;
    res.by_battery.emplace_back(id, u);
  }
}

/// What each operator group adds: its interceptions, and (with operator
/// effects) the paired rerun without it. Needs res.overall.
void add_operator_effects(const std::vector<coverage::BatteryGeometry>& batteries, const SimulationOptions& opt,
                          const SimulationTallies& tl, std::int64_t trials, SimulationResult& res) {
  const double inv_trials = trials > 0 ? 1.0 / static_cast<double>(trials) : 0.0;
  const std::vector<model::OperatorGroup> groups = groups_present(batteries);
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    OperatorEffect e;
    std::int64_t kills = 0;
    for (std::size_t b = 0; b < batteries.size(); ++b)
      if (batteries[b].group == groups[gi]) kills += tl.kills_by_battery[b];
    e.interceptions_mean = static_cast<double>(kills) * inv_trials;
    if (opt.operator_effects) {
      const RateStats w =
          make_stats(column_sums(res.overall.launched, tl.without_trials, gi, groups.size()), trials);
      e.rate_without = w.interception_rate;
      e.ci95_lo_without = w.ci95_lo;
      e.ci95_hi_without = w.ci95_hi;
      e.marginal_interceptions = res.overall.intercepted_mean - w.intercepted_mean;
    }
    res.by_operator[std::string(model::to_string(groups[gi]))] = e;
  }
}

}  // namespace

SimulationResult simulate(const model::Scenario& s, const geo::TerrainGrid& terrain,
                          const std::vector<coverage::BatteryGeometry>& batteries,
                          const SimulationOptions& opt) {
  return summarize(s, batteries, opt, simulate_tallies(s, terrain, batteries, opt));
}

SimulationTallies simulate_tallies(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                   const std::vector<coverage::BatteryGeometry>& batteries,
                                   const SimulationOptions& opt) {
  validate(s);
  const BattlePlan plan = plan_battle(s, terrain, batteries, opt);
  const std::vector<Config> configs = run_configs(batteries, opt.operator_effects);
  const Layout lay{plan.salvos.size(), plan.targets, plan.batteries.size(), configs.size(), network_rerun(s, opt)};
  SimulationTallies res;
  res.seed = opt.seed;
  res.first_trial = opt.first_trial;
  res.trials = std::max(0, opt.trials);
  const std::size_t trials = static_cast<std::size_t>(res.trials);
  res.trial_outcomes.resize(trials);
  res.ran_dry_s.resize(trials * batteries.size());
  res.salvo_trials.resize(trials * lay.salvos);
  res.without_trials.resize(trials * (lay.configs - 1));
  res.autonomous_trials.resize(lay.autonomous_rerun ? trials * lay.salvos : 0);
  reduce_blocks(run_trial_blocks(s, plan, configs, lay, opt, res), lay, res);
  return res;
}

SimulationResult summarize(const model::Scenario& s,
                           const std::vector<coverage::BatteryGeometry>& batteries,
                           const SimulationOptions& opt, const SimulationTallies& tl) {
  validate(s);
  check_tallies_fit(s, batteries, opt, tl);
  const std::int64_t trials = std::max<std::int64_t>(0, tl.trials);
  SimulationResult res;
  res.trials = static_cast<int>(trials);
  res.seed = tl.seed;
  res.trial_outcomes = tl.trial_outcomes;
  add_rates(s, tl, trials, res);
  const double inv_trials = trials > 0 ? 1.0 / static_cast<double>(trials) : 0.0;
  const std::vector<geo::LonLat> targets = targets_of(s);
  for (std::size_t t = 0; t < targets.size(); ++t)
    res.leakers_by_target.push_back({targets[t], static_cast<double>(tl.leaked_by_target[t]) * inv_trials});
  add_interceptor_use(s, batteries, tl, inv_trials, res);
  add_battery_use(s, batteries, tl, inv_trials, res);
  add_network_effect(s, tl, trials, res);
  add_operator_effects(batteries, opt, tl, trials, res);
  return res;
}

}  // namespace adcov::engage
