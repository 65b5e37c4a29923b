#include "adcov/run/tallies_wire.hpp"

#include "adcov/error.hpp"
#include "adcov/run/wire.hpp"

namespace adcov::run {
namespace {

constexpr std::int64_t kMagic = 0x61646376'74616c34;  // "adcvtal4"
constexpr std::size_t kWordsPerRow = 7;               // TrialOutcome's fields

}  // namespace

void encode_tallies(const engage::SimulationTallies& t, std::vector<std::int64_t>& out) {
  WireWriter w{out};
  w.i64(kMagic);
  w.i64(static_cast<std::int64_t>(t.seed));
  w.i64(t.first_trial);
  w.i64(t.trials);
  for (const auto* v : {&t.intercepted_by_salvo, &t.leaked_by_target, &t.fired_by_battery, &t.kills_by_battery,
                        &t.ran_dry_by_battery, &t.lost_by_salvo, &t.leaked_by_salvo, &t.fired_by_salvo, &t.intercepted_without,
                        &t.intercepted_autonomous_by_salvo})
    w.i64s(*v);
  w.i64(static_cast<std::int64_t>(t.ran_dry_s.size()));
  for (const float x : t.ran_dry_s) w.f64(x);
  w.i64(static_cast<std::int64_t>(t.trial_outcomes.size()));
  for (const engage::TrialOutcome& o : t.trial_outcomes) {
    w.i64(o.intercepted);
    w.i64(o.leaked);
    w.i64(o.interceptors_fired);
    w.i64(o.lost_ew);
    w.i64(o.leaked_warheads);
    w.f64(o.interceptor_cost_usd);
    w.f64(o.threats_destroyed_cost_usd);
  }
  w.i64(static_cast<std::int64_t>(t.salvo_trials.size()));
  for (const engage::SalvoTrialCounts& c : t.salvo_trials) {
    w.i64(c.intercepted);
    w.i64(c.lost);
    w.i64(c.leaked);
  }
  for (const auto* v : {&t.without_trials, &t.autonomous_trials}) {
    w.i64(static_cast<std::int64_t>(v->size()));
    for (const std::int32_t x : *v) w.i64(x);
  }
}

engage::SimulationTallies decode_tallies(const std::int64_t* data, std::size_t size) {
  WireReader r{data, size, "decode_tallies"};
  if (r.i64() != kMagic) throw Error("decode_tallies: not a tallies buffer");
  engage::SimulationTallies t;
  t.seed = static_cast<std::uint64_t>(r.i64());
  t.first_trial = r.i64();
  t.trials = r.i64();
  for (auto* v : {&t.intercepted_by_salvo, &t.leaked_by_target, &t.fired_by_battery, &t.kills_by_battery,
                  &t.ran_dry_by_battery, &t.lost_by_salvo, &t.leaked_by_salvo, &t.fired_by_salvo, &t.intercepted_without,
                  &t.intercepted_autonomous_by_salvo})
    *v = r.i64s();
  t.ran_dry_s.resize(r.count(1));
  for (float& x : t.ran_dry_s) x = static_cast<float>(r.f64());
  t.trial_outcomes.resize(r.count(kWordsPerRow));
  for (engage::TrialOutcome& o : t.trial_outcomes) {
    o.intercepted = static_cast<int>(r.i64());
    o.leaked = static_cast<int>(r.i64());
    o.interceptors_fired = static_cast<int>(r.i64());
    o.lost_ew = static_cast<int>(r.i64());
    o.leaked_warheads = static_cast<int>(r.i64());
    o.interceptor_cost_usd = r.f64();
    o.threats_destroyed_cost_usd = r.f64();
  }
  t.salvo_trials.resize(r.count(3));
  for (engage::SalvoTrialCounts& c : t.salvo_trials) {
    c.intercepted = static_cast<std::int32_t>(r.i64());
    c.lost = static_cast<std::int32_t>(r.i64());
    c.leaked = static_cast<std::int32_t>(r.i64());
  }
  for (auto* v : {&t.without_trials, &t.autonomous_trials}) {
    v->resize(r.count(1));
    for (std::int32_t& x : *v) x = static_cast<std::int32_t>(r.i64());
  }
  r.expect_end();
  if (t.trials < 0 || static_cast<std::size_t>(t.trials) != t.trial_outcomes.size())
    throw Error("decode_tallies: row count does not match the trials");
  return t;
}

}  // namespace adcov::run
