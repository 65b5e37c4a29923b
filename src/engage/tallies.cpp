// Merge and flat encoding of SimulationTallies (tallies.hpp). Everything is
// integers or doubles carried by their bit patterns, so a merge of disjoint
// trial ranges reproduces one process's tallies exactly.

#include "adcov/engage/tallies.hpp"

#include <algorithm>
#include <bit>
#include <string>

#include "adcov/geo/error.hpp"

namespace adcov::engage {
namespace {

constexpr std::int64_t kMagic = 0x61646376'74616c31;  // "adcvtal1"

void add_into(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& v) {
  if (into.size() != v.size()) throw Error("merge_tallies: tallies of different shape");
  for (std::size_t i = 0; i < v.size(); ++i) into[i] += v[i];
}

void put(std::vector<std::int64_t>& out, const std::vector<std::int64_t>& v) {
  out.push_back(static_cast<std::int64_t>(v.size()));
  out.insert(out.end(), v.begin(), v.end());
}

struct Reader {
  const std::int64_t* p;
  std::size_t n, at = 0;
  std::int64_t next() {
    if (at >= n) throw Error("decode_tallies: truncated buffer");
    return p[at++];
  }
  std::size_t count() {
    const std::int64_t c = next();
    if (c < 0 || static_cast<std::uint64_t>(c) > n - at) throw Error("decode_tallies: bad length");
    return static_cast<std::size_t>(c);
  }
  std::vector<std::int64_t> vec() {
    const std::size_t c = count();
    std::vector<std::int64_t> v(p + at, p + at + c);
    at += c;
    return v;
  }
};

}  // namespace

SimulationTallies merge_tallies(std::vector<SimulationTallies> parts) {
  if (parts.empty()) throw Error("merge_tallies: nothing to merge");
  std::stable_sort(parts.begin(), parts.end(), [](const SimulationTallies& a, const SimulationTallies& b) {
    // An empty range sorts before a range starting at the same trial.
    return a.first_trial != b.first_trial ? a.first_trial < b.first_trial : a.trials < b.trials;
  });
  SimulationTallies out = std::move(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const SimulationTallies& p = parts[i];
    if (p.seed != out.seed) throw Error("merge_tallies: tallies of different seeds");
    if (p.first_trial != out.first_trial + out.trials)
      throw Error("merge_tallies: trial ranges are not contiguous (trial " +
                  std::to_string(out.first_trial + out.trials) + " expected, " +
                  std::to_string(p.first_trial) + " found)");
    add_into(out.intercepted_by_salvo, p.intercepted_by_salvo);
    add_into(out.leaked_by_target, p.leaked_by_target);
    add_into(out.fired_by_battery, p.fired_by_battery);
    add_into(out.kills_by_battery, p.kills_by_battery);
    add_into(out.intercepted_without, p.intercepted_without);
    out.trials += p.trials;
    out.trial_outcomes.insert(out.trial_outcomes.end(), p.trial_outcomes.begin(), p.trial_outcomes.end());
  }
  return out;
}

std::vector<std::int64_t> encode_tallies(const SimulationTallies& t) {
  std::vector<std::int64_t> out{kMagic, static_cast<std::int64_t>(t.seed), t.first_trial, t.trials};
  put(out, t.intercepted_by_salvo);
  put(out, t.leaked_by_target);
  put(out, t.fired_by_battery);
  put(out, t.kills_by_battery);
  put(out, t.intercepted_without);
  out.push_back(static_cast<std::int64_t>(t.trial_outcomes.size()));
  for (const TrialOutcome& o : t.trial_outcomes) {
    out.push_back(o.intercepted);
    out.push_back(o.leaked);
    out.push_back(o.interceptors_fired);
    out.push_back(std::bit_cast<std::int64_t>(o.interceptor_cost_usd));
    out.push_back(std::bit_cast<std::int64_t>(o.threats_destroyed_cost_usd));
  }
  return out;
}

SimulationTallies decode_tallies(const std::int64_t* data, std::size_t size) {
  Reader r{data, size};
  if (r.next() != kMagic) throw Error("decode_tallies: not a tallies buffer");
  SimulationTallies t;
  t.seed = static_cast<std::uint64_t>(r.next());
  t.first_trial = r.next();
  t.trials = r.next();
  t.intercepted_by_salvo = r.vec();
  t.leaked_by_target = r.vec();
  t.fired_by_battery = r.vec();
  t.kills_by_battery = r.vec();
  t.intercepted_without = r.vec();
  const std::size_t rows = r.count();
  if (rows > (size - r.at) / 5) throw Error("decode_tallies: truncated buffer");
  t.trial_outcomes.resize(rows);
  for (TrialOutcome& o : t.trial_outcomes) {
    o.intercepted = static_cast<int>(r.next());
    o.leaked = static_cast<int>(r.next());
    o.interceptors_fired = static_cast<int>(r.next());
    o.interceptor_cost_usd = std::bit_cast<double>(r.next());
    o.threats_destroyed_cost_usd = std::bit_cast<double>(r.next());
  }
  if (r.at != size) throw Error("decode_tallies: trailing data");
  if (t.trials < 0 || static_cast<std::size_t>(t.trials) != rows)
    throw Error("decode_tallies: row count does not match the trials");
  return t;
}

}  // namespace adcov::engage
