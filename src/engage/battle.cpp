// One trial's event loop (see battle.hpp).
//
// Random draws, one fixed slot each (rng.hpp Purpose):
//   launch_point(i)         which of the salvo's K launch points threat i flies from
//   target(i)               which weighted target threat i flies to
//   kill(i, b, n)           the n-th interceptor battery b fires at threat i
//   track(i, r)             when cover run r of threat i's path forms its track (network only)
//   ew_loss(i, z)           whether ew zone z loses threat i at its entry
// so removing batteries changes no draw of the remaining ones.

#include "adcov/engage/battle.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace adcov::engage {

int BattleTally::intercepted() const {
  return std::accumulate(intercepted_by_salvo.begin(), intercepted_by_salvo.end(), 0);
}

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

enum EventKind : std::uint32_t { kArrive = 0, kFree = 1, kReload = 2, kRecheck = 3, kOpen = 4, kTrack = 5 };

/// Min-heap order on (t, kind, a, b): a total order, so ties resolve the same way always.
struct Later {
  bool operator()(const BattleScratch::Event& x, const BattleScratch::Event& y) const {
    return x.t != y.t ? x.t > y.t : x.key > y.key;
  }
};

constexpr std::uint64_t pack(std::uint32_t kind, std::uint32_t a, std::uint32_t b) {
  return static_cast<std::uint64_t>(kind) << 61 | static_cast<std::uint64_t>(a) << 32 | b;
}
constexpr std::uint32_t kind_of(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 61); }
constexpr std::uint32_t a_of(std::uint64_t key) {
  return static_cast<std::uint32_t>(key >> 32) & ((1u << 29) - 1);
}
constexpr std::uint32_t b_of(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

class Battle {
 public:
  Battle(const BattlePlan& plan, TrialStream rng, std::span<const std::uint8_t> enabled,
         const BattleParams& params, BattleScratch& s, BattleTally& out)
      : plan_(plan), rng_(rng), enabled_(enabled), params_(params), s_(s), out_(out) {}

  void run() {
    setup();
    while (!s_.heap.empty()) {
      std::pop_heap(s_.heap.begin(), s_.heap.end(), Later{});
      const BattleScratch::Event e = s_.heap.back();
      s_.heap.pop_back();
      now_ = e.t;
      const std::uint32_t kind = kind_of(e.key), a = a_of(e.key), b = b_of(e.key);
      switch (kind) {
        case kArrive: on_arrive(a, b); break;
        case kFree: on_free(a); break;
        case kReload: on_reload(a); break;
        case kRecheck: on_recheck(a); break;
        case kOpen: on_open(a, b); break;
        case kTrack: on_track(a); break;
        default: break;
      }
    }
    tally();
  }

 private:
  void push(double t, std::uint32_t kind, std::uint32_t a, std::uint32_t b = 0) {
    s_.heap.push_back({t, pack(kind, a, b)});
    std::push_heap(s_.heap.begin(), s_.heap.end(), Later{});
  }

  bool enabled(std::uint32_t b) const { return b < enabled_.size() ? enabled_[b] != 0 : true; }

  bool high_end(std::uint32_t b) const {
    return is_high_end(plan_.batteries[b].interceptor_cost_usd, params_.assignment);
  }

  void setup() {
    const std::size_t nt = plan_.threats.size(), nb = plan_.batteries.size();
    s_.threats.resize(nt);
    s_.batteries.resize(nb);
    s_.open.resize(nb);
    for (auto& o : s_.open) o.clear();
    s_.heap.clear();
    out_.fired_by_battery.assign(nb, 0);
    out_.ran_dry_s.assign(nb, std::numeric_limits<double>::quiet_NaN());
    out_.fired_by_salvo.assign(plan_.salvos.size(), 0);
    s_.ready.clear();
    s_.close.clear();
    s_.order.clear();
    for (std::size_t b = 0; b < nb; ++b)
      s_.batteries[b] = {0, plan_.batteries[b].magazine, kNever};

    std::uint32_t counters = 0;
    for (std::uint32_t i = 0; i < nt; ++i) {
      const BattleThreat& pt = plan_.threats[i];
      const BattleSalvo& sv = plan_.salvos[pt.salvo];
      const auto nk = static_cast<std::uint32_t>(sv.target_cdf.size());
      std::uint32_t k = 0, j = 0;
      if (sv.launch_variants > 1)
        k = std::min(sv.launch_variants - 1,
                     static_cast<std::uint32_t>(rng_.uniform(Purpose::launch_point, i) *
                                                sv.launch_variants));
      if (nk > 1) {
        const double u = rng_.uniform(Purpose::target, i);
        j = static_cast<std::uint32_t>(
            std::upper_bound(sv.target_cdf.begin(), sv.target_cdf.end(), u) - sv.target_cdf.begin());
        j = std::min(j, nk - 1);
      }
      BattleScratch::Threat& th = s_.threats[i];
      th = {};
      th.recheck_s = kNever;
      th.track_wake_s = kNever;
      th.t0 = pt.launch_s;
      th.path = &plan_.paths[sv.first_variant + k * nk + j];
      th.counter_base = counters;
      th.target = sv.target_ids[j];
      th.salvo = pt.salvo;
      counters += th.path->slots;
      th.lost_s = ew_loss_time(i);
      if (plan_.network.dynamic) set_ready_times(i);
      push_path_event(i, 0);
    }
    s_.counters.assign(counters, {});
  }

  /// When an EW zone loses threat i (absolute), or never: one draw per zone
  /// its path enters, in order of entry, until the first loss.
  double ew_loss_time(std::uint32_t i) const {
    const BattleScratch::Threat& th = s_.threats[i];
    const double susceptibility = plan_.salvos[th.salvo].gnss_susceptibility;
    if (!(susceptibility > 0)) return kNever;
    for (const ZoneEntry& e : th.path->zones) {
      const double p = plan_.ew_strength[e.zone] * susceptibility;
      if (rng_.uniform(Purpose::ew_loss, i, e.zone) < p) return th.t0 + e.t_s;
    }
    return kNever;
  }

  /// Alive and not lost to EW at this moment: the only threats anyone engages.
  bool in_play(const BattleScratch::Threat& th) const { return th.alive && now_ < th.lost_s; }

  /// The last time (absolute) a new engagement from window k of threat i may start.
  double close_abs(std::uint32_t i, std::uint32_t k) const {
    const BattleScratch::Threat& th = s_.threats[i];
    return th.t0 + (plan_.network.dynamic ? s_.close[th.window_base + k] : th.path->windows[k].t_out_s);
  }

  // ---- the sensor network (plan_.network.dynamic) ----

  /// When cover run r of threat i's path forms its track (s since launch).
  double track(std::uint32_t i, std::uint32_t r) const {
    const PathWindows& pw = *s_.threats[i].path;
    const CoverRun& run = pw.runs[r];
    if (run.cdf_end <= run.cdf_begin) return run.t_in_s;
    return track_time_s(pw, run, rng_.uniform(Purpose::track, i, r));
  }

  /// The network's first track of threat i: the earliest track of an enabled
  /// sensor (runs are sorted by t_in, and no track forms before its run).
  double network_track(std::uint32_t i) const {
    const auto& runs = s_.threats[i].path->runs;
    double best = kNever;
    for (std::uint32_t r = 0; r < runs.size() && runs[r].t_in_s < best; ++r)
      if (enabled(runs[r].sensor)) best = std::min(best, track(i, r));
    return best;
  }

  /// Whether some enabled sensor holds a track of threat i at absolute time
  /// t. Times are compared as t0 + offset, the very sums the events are
  /// scheduled at, so a wake-up at a track's formation sees that track.
  bool network_holds(std::uint32_t i, double t) const {
    const BattleScratch::Threat& th = s_.threats[i];
    const auto& runs = th.path->runs;
    for (std::uint32_t r = 0; r < runs.size() && th.t0 + runs[r].t_in_s <= t; ++r)
      if (enabled(runs[r].sensor) && t <= th.t0 + runs[r].t_out_s && th.t0 + track(i, r) <= t) return true;
    return false;
  }

  /// The next absolute time after t at which an enabled sensor forms a track of threat i.
  double next_track(std::uint32_t i, double t) const {
    const BattleScratch::Threat& th = s_.threats[i];
    const auto& runs = th.path->runs;
    double best = kNever;
    for (std::uint32_t r = 0; r < runs.size() && th.t0 + runs[r].t_in_s < best; ++r) {
      if (!enabled(runs[r].sensor) || th.t0 + runs[r].t_out_s <= t) continue;
      const double at = th.t0 + track(i, r);
      if (at > t) best = std::min(best, at);
    }
    return best;
  }

  /// This trial's ready time of each of threat i's windows and their order,
  /// and for a decoy the time each battery (or, integrated, the network)
  /// recognises it: its windows close then for new engagements.
  void set_ready_times(std::uint32_t i) {
    BattleScratch::Threat& th = s_.threats[i];
    const auto& ws = th.path->windows;
    const BattleNetwork& net = plan_.network;
    const bool decoy = plan_.salvos[th.salvo].decoy;
    th.window_base = static_cast<std::uint32_t>(s_.ready.size());
    const bool alone = net.mode == model::C2Mode::autonomous || params_.autonomous;
    const double cue = alone ? kNever : network_track(i) + net.delay_s;
    double recognised_by_network = kNever;
    for (std::uint32_t k = 0; k < ws.size(); ++k) {
      const Window& w = ws[k];
      double ready = kNever;
      double recognised = kNever;
      if (enabled(w.battery)) {
        const double reaction = plan_.batteries[w.battery].reaction_s;
        const double discrimination = decoy ? plan_.batteries[w.battery].decoy_discrimination_s : kNever;
        // No track forms before its run starts: when the cue comes first the
        // own track cannot matter, and its draw is skipped (draws are pure
        // functions of their slots, so skipping changes no other). Nor when
        // even the latest possible own track leaves the window ready on
        // entry (the common case: runs start long before windows), unless
        // the track starts a decoy's recognition clock.
        double own = kNever;
        if (!w.remote && w.own_run < 0) {
          own = w.t_in_s;
        } else if (!w.remote) {
          const CoverRun& run = th.path->runs[static_cast<std::uint32_t>(w.own_run)];
          const bool matters = discrimination < kNever ||
                               (run.t_in_s < cue && !(std::min(run.t_track_max_s, cue) + reaction <= w.t_in_s));
          own = matters ? track(i, static_cast<std::uint32_t>(w.own_run)) : std::min(run.t_track_max_s, cue);
        }
        ready = std::max(w.t_in_s, std::min(own, cue) + reaction);
        if (!w.remote) recognised = own + discrimination;
      }
      s_.ready.push_back(ready);
      s_.close.push_back(recognised);  // for now: this window's own recognition
      s_.order.push_back(k);
      recognised_by_network = std::min(recognised_by_network, recognised);
    }
    // A battery that recognised the decoy in one window remembers it in the
    // others; under integrated the first recognition is everyone's. Nothing
    // to do (the common case: no decoy, or no discriminating battery) when
    // no window recognises it: every window closes at its t_out.
    double* close = s_.close.data() + th.window_base;
    double* ready = s_.ready.data() + th.window_base;
    if (recognised_by_network < kNever) {
      for (std::uint32_t k = 0; k < ws.size(); ++k) {
        double recognised = close[k];
        for (std::uint32_t j = 0; j < ws.size(); ++j)
          if (ws[j].battery == ws[k].battery) recognised = std::min(recognised, close[j]);
        if (net.mode == model::C2Mode::integrated && !params_.autonomous)
          recognised = std::min(recognised, recognised_by_network);
        close[k] = std::min(ws[k].t_out_s, recognised);
      }
    } else {
      for (std::uint32_t k = 0; k < ws.size(); ++k) close[k] = ws[k].t_out_s;
    }
    for (std::uint32_t k = 0; k < ws.size(); ++k)
      if (!(ready[k] < close[k])) ready[k] = kNever;  // dead in this trial
    // Insertion sort by (ready, battery, index): a path has a few windows.
    const auto first = s_.order.begin() + th.window_base;
    const double* rd = s_.ready.data() + th.window_base;
    for (auto it = first + 1; it < s_.order.end(); ++it)
      for (auto j = it; j > first; --j) {
        const std::uint32_t a = *(j - 1), b = *j;
        const bool later = rd[a] != rd[b] ? rd[a] > rd[b] : ws[a].battery != ws[b].battery ? ws[a].battery > ws[b].battery : a > b;
        if (!later) break;
        std::iter_swap(j - 1, j);
      }
  }

  /// Window index at position `pos` of threat i's walk, and its ready time.
  std::uint32_t window_at(std::uint32_t i, std::uint32_t pos) const {
    return plan_.network.dynamic ? s_.order[s_.threats[i].window_base + pos] : pos;
  }
  double ready_s(std::uint32_t i, std::uint32_t k) const {
    return plan_.network.dynamic ? s_.ready[s_.threats[i].window_base + k] : s_.threats[i].path->windows[k].t_ready_s;
  }

  /// Pushes the opening of threat i's next window from position `pos` on.
  /// One static event per threat sits in the heap at a time (a small heap),
  /// and a dead threat stops producing events.
  void push_path_event(std::uint32_t i, std::uint32_t pos) {
    const BattleScratch::Threat& th = s_.threats[i];
    // Closing windows need no event: a closed window is skipped where it is
    // read, and the one case where a close changes a decision (a high-end
    // battery held back for an ordinary one) schedules its own recheck.
    const auto& ws = th.path->windows;
    for (; pos < ws.size(); ++pos) {
      const std::uint32_t k = window_at(i, pos);
      if (!enabled(ws[k].battery)) continue;
      const double ready = ready_s(i, k);
      if (!(ready < kNever)) return;  // dead windows sort last
      push(th.t0 + ready, kOpen, i, pos);
      return;
    }
  }

  void on_open(std::uint32_t i, std::uint32_t pos) {
    if (!in_play(s_.threats[i])) return;
    const std::uint32_t k = window_at(i, pos);
    s_.open[s_.threats[i].path->windows[k].battery].push_back({i, k});
    try_assign(i);
    push_path_event(i, pos + 1);
  }

  void on_track(std::uint32_t i) {
    BattleScratch::Threat& th = s_.threats[i];
    if (th.track_wake_s != now_) return;  // superseded
    th.track_wake_s = kNever;
    try_assign(i);
  }

  void on_recheck(std::uint32_t i) {
    BattleScratch::Threat& th = s_.threats[i];
    if (th.recheck_s != now_) return;  // superseded
    th.recheck_s = kNever;
    try_assign(i);
  }

  void on_arrive(std::uint32_t i, std::uint32_t b) {
    BattleScratch::Threat& th = s_.threats[i];
    --s_.batteries[b].busy;
    if (!(now_ < th.lost_s)) {
      th.busy = false;  // lost to EW before the interceptor arrived: the shot is spent
    } else if (th.pending_kill) {
      th.alive = false;
      th.busy = false;
      th.killer = static_cast<std::int32_t>(b);
    } else if (params_.look_s > 0) {
      push(now_ + params_.look_s, kFree, i);
    } else {
      th.busy = false;
      try_assign(i);  // shoot-look-shoot: the survivor first
    }
    serve(b);
  }

  void on_free(std::uint32_t i) {
    s_.threats[i].busy = false;
    try_assign(i);
  }

  void on_reload(std::uint32_t b) {
    s_.batteries[b].magazine = plan_.batteries[b].magazine;
    s_.batteries[b].reload_done_s = kNever;
    serve(b);
  }

  /// Single-shot pk of a shot from window w: remote shots lose remote_pk_factor.
  double window_pk(const BattleBattery& pb, const Window& w, model::ThreatClass cls) const {
    const double pk = pb.pk.of(cls);
    return w.remote ? pk * plan_.network.remote_pk_factor : pk;
  }

  bool can_fire(std::uint32_t b) const {
    const BattleScratch::Battery& st = s_.batteries[b];
    return st.busy < plan_.batteries[b].fire_channels && st.magazine > 0;
  }

  /// Offers every threat waiting in battery b's open windows to the policy,
  /// in order of opening, and drops closed windows and dead threats.
  void serve(std::uint32_t b) {
    auto& list = s_.open[b];
    std::size_t keep = 0;
    for (std::size_t r = 0; r < list.size(); ++r) {
      const BattleScratch::Open o = list[r];
      const BattleScratch::Threat& th = s_.threats[o.threat];
      if (!in_play(th) || now_ >= close_abs(o.threat, o.window)) continue;
      list[keep++] = o;
      if (!th.busy && can_fire(b)) try_assign(o.threat);
    }
    list.resize(keep);
  }

  /// The earliest absolute close time among the windows in which a battery
  /// that is not high-end can still engage threat i, now or later along its
  /// path (cheapest_adequate's reservation test); kNever when there is none.
  double ordinary_option(std::uint32_t i) const {
    const BattleScratch::Threat& th = s_.threats[i];
    const model::ThreatClass cls = plan_.salvos[th.salvo].cls;
    double first_close = kNever;
    const auto& ws = th.path->windows;
    for (std::uint32_t k = 0; k < ws.size(); ++k) {
      const Window& w = ws[k];
      const std::uint32_t b = w.battery;
      if (!enabled(b) || high_end(b) || now_ >= close_abs(i, k) || !(ready_s(i, k) < kNever)) continue;
      const BattleBattery& pb = plan_.batteries[b];
      if (!(pb.pk.of(cls) > 0)) continue;
      if (s_.counters[th.counter_base + w.slot].engagements >= pb.max_engagements) continue;
      const BattleScratch::Battery& st = s_.batteries[b];
      if (st.magazine <= 0 && !(st.reload_done_s < close_abs(i, k))) continue;
      first_close = std::min(first_close, close_abs(i, k));
    }
    return first_close;
  }

  void try_assign(std::uint32_t i) {
    BattleScratch::Threat& th = s_.threats[i];
    if (!in_play(th) || th.busy) return;
    const model::ThreatClass cls = plan_.salvos[th.salvo].cls;
    s_.candidates.clear();
    s_.choices.clear();
    bool any_high_end = false;
    double wake = kNever;  // a remote window waits for a network track (absolute time)
    const auto& ws = th.path->windows;
    for (std::uint32_t pos = 0; pos < ws.size(); ++pos) {
      const std::uint32_t wi = window_at(i, pos);
      const Window& w = ws[wi];
      if (now_ < th.t0 + ready_s(i, wi)) break;  // walked in order of ready time
      const std::uint32_t b = w.battery;
      if (!enabled(b) || now_ >= close_abs(i, wi) || !can_fire(b)) continue;
      const BattleBattery& pb = plan_.batteries[b];
      if (s_.counters[th.counter_base + w.slot].engagements >= pb.max_engagements) continue;
      const double pk = window_pk(pb, w, cls);
      if (!(pk > 0)) continue;
      if (w.remote && !network_holds(i, now_)) {
        wake = std::min(wake, next_track(i, now_));
        continue;
      }
      const auto t_hit = intercept_time(*th.path, w, now_ - th.t0, pb.interceptor_speed_mps);
      if (!t_hit) continue;
      const int shots = std::min(pb.shots_per_engagement, s_.batteries[b].magazine);
      const bool he = high_end(b);
      any_high_end = any_high_end || he;
      const double epk = shots == 1 ? pk : 1.0 - std::pow(1.0 - pk, shots);
      s_.candidates.push_back({b, epk, pb.interceptor_cost_usd * shots, he});
      s_.choices.push_back({wi, th.t0 + *t_hit});
    }
    if (wake < th.track_wake_s) {  // an earlier wake-up supersedes a pending one (wake > now_ always)
      th.track_wake_s = wake;
      push(th.track_wake_s, kTrack, i);
    }
    if (s_.candidates.empty()) return;
    const double option_close =
        any_high_end && cls != model::ThreatClass::ballistic &&
                params_.assignment.policy == AssignmentPolicy::cheapest_adequate
            ? ordinary_option(i)
            : kNever;
    const bool other = option_close < kNever;
    const int c = choose_candidate(s_.candidates, params_.assignment, cls, other);
    if (c >= 0) {
      fire(i, s_.choices[static_cast<std::size_t>(c)]);
    } else if (other && option_close != th.recheck_s) {
      // Held back for an ordinary battery: look again when its window closes.
      th.recheck_s = option_close;
      push(option_close, kRecheck, i);
    }
  }

  void fire(std::uint32_t i, BattleScratch::Choice ch) {
    BattleScratch::Threat& th = s_.threats[i];
    const Window& w = th.path->windows[ch.window];
    const std::uint32_t b = w.battery;
    const BattleBattery& pb = plan_.batteries[b];
    BattleScratch::Battery& st = s_.batteries[b];
    BattleScratch::Counter& cnt = s_.counters[th.counter_base + w.slot];
    const int shots = std::min(pb.shots_per_engagement, st.magazine);
    const double pk = window_pk(pb, w, plan_.salvos[th.salvo].cls);
    bool kill = false;
    for (int k = 0; k < shots; ++k)
      kill = (rng_.uniform(Purpose::kill, i, b, static_cast<std::uint64_t>(cnt.shots) + k) < pk) || kill;
    cnt.shots = static_cast<std::uint16_t>(cnt.shots + shots);
    ++cnt.engagements;
    st.magazine -= shots;
    ++st.busy;
    out_.fired_by_battery[b] += shots;
    out_.fired_by_salvo[th.salvo] += shots;
    th.busy = true;
    th.pending_kill = kill;
    push(ch.t_hit, kArrive, i, b);
    if (st.magazine == 0) {
      if (std::isnan(out_.ran_dry_s[b])) out_.ran_dry_s[b] = now_;
      if (pb.reload_s > 0) {
        st.reload_done_s = now_ + pb.reload_s;
        push(st.reload_done_s, kReload, b);
      } else if (!high_end(b)) {
        // Out for good: threats held back for it may now go to a high-end battery.
        for (const BattleScratch::Open& o : s_.open[b])
          if (o.threat != i) try_assign(o.threat);
      }
    }
  }

  void tally() {
    out_.intercepted_by_salvo.assign(plan_.salvos.size(), 0);
    out_.leaked_by_target.assign(plan_.targets, 0);
    out_.kills_by_battery.assign(plan_.batteries.size(), 0);
    out_.lost_by_salvo.assign(plan_.salvos.size(), 0);
    out_.leaked_by_salvo.assign(plan_.salvos.size(), 0);
    for (const BattleScratch::Threat& th : s_.threats) {
      if (th.alive && th.lost_s < kNever) {
        ++out_.lost_by_salvo[th.salvo];
      } else if (th.alive) {
        ++out_.leaked_by_target[th.target];
        ++out_.leaked_by_salvo[th.salvo];
      } else {
        ++out_.intercepted_by_salvo[th.salvo];
        ++out_.kills_by_battery[static_cast<std::size_t>(th.killer)];
      }
    }
  }

  const BattlePlan& plan_;
  TrialStream rng_;
  std::span<const std::uint8_t> enabled_;
  const BattleParams& params_;
  BattleScratch& s_;
  BattleTally& out_;
  double now_ = 0;
};

}  // namespace

void run_battle(const BattlePlan& plan, TrialStream rng, std::span<const std::uint8_t> enabled,
                const BattleParams& params, BattleScratch& scratch, BattleTally& out) {
  Battle(plan, rng, enabled, params, scratch, out).run();
}

}  // namespace adcov::engage
