#pragma once
/// \file
/// One Monte Carlo trial: an event-driven battle over precomputed
/// engageability windows (windows.hpp). No geometry is evaluated here.
///
/// Events, processed in order of (time, kind, indices):
///   arrive(threat, battery)  interceptor reaches the threat: the fire channel
///                            frees; the kill is known (after look_s)
///   free(threat)             kill assessment done (look_s > 0 only)
///   reload(battery)          an emptied magazine is full again
///   recheck(threat)          the window of the ordinary battery a high-end
///                            one was held back for has closed
///   open(threat, window)     a battery becomes ready to engage a threat
/// Each threat keeps one pending open event (a cursor over its path's
/// windows, sorted by t_ready), so the heap holds about one event per
/// live threat; closed windows are skipped where they are read.
/// After each event the affected threats are offered to the assignment
/// policy (assignment.hpp): a threat that is alive, not under engagement and
/// inside a ready window of a battery with a free fire channel, interceptors
/// left, engagements left (max_engagements per battery and threat) and an
/// intercept point inside the window (windows.hpp intercept_time) can be
/// engaged. Each engagement fires min(shots_per_engagement, magazine)
/// interceptors; each kills independently with the battery's pk for the
/// threat's class. When a magazine empties, it is full again reload_s later
/// (reload_s <= 0: no reload during the battle).
///
/// With a sensor network (BattleNetwork::dynamic) each trial first draws
/// every track it needs (rng Purpose::track, one draw per threat and cover
/// run) and sets each window's ready time: max(t_in, start + reaction_s) with
/// start = own track (autonomous), min(own track, network track + delay_s)
/// (cued, integrated), or network track + delay_s (remote windows, which
/// also need some sensor to hold a track at the moment of firing and kill
/// with pk x remote_pk_factor). The network track is the earliest track of
/// any enabled sensor. A window whose ready time is not before its close is
/// dead in that trial. Then the windows are walked in order of ready time as
/// above. docs/engagement.md, "Detection and tracks".
///
/// Electronic warfare: at setup each threat draws, per zone its path enters
/// (in order of entry), whether the zone loses it (rng Purpose::ew_loss,
/// probability strength x gnss_susceptibility); the first loss stops it at
/// that entry: from then on it is neither engaged nor killed (a shot in
/// flight is spent), and it counts as lost, not as a leaker. Decoys: a
/// battery with decoy_discrimination_s stops engaging a decoy that long
/// after its own track of it (under integrated: after any battery's), so
/// windows close early for decoys (network plans only).

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "adcov/engage/assignment.hpp"
#include "adcov/engage/rng.hpp"
#include "adcov/engage/windows.hpp"
#include "adcov/model/system.hpp"

namespace adcov::engage {

/// A battery as the battle sees it.
struct BattleBattery {
  int fire_channels = 1;             ///< simultaneous engagements
  int magazine = 0;                  ///< ready interceptors at the start, and after a reload
  double reload_s = 0;               ///< empty -> full; <= 0: never reloads
  int shots_per_engagement = 1;
  int max_engagements = 1;           ///< per threat (2 = shoot-look-shoot)
  double interceptor_speed_mps = 0;  ///< mean fly-out speed (time of flight = slant / speed)
  double interceptor_cost_usd = 0;
  double reaction_s = 0;             ///< track to first launch (used by the network's ready times)
  /// Own track to recognising a decoy (then no more engagements of it); infinity: never.
  double decoy_discrimination_s = std::numeric_limits<double>::infinity();
  model::PkTable pk;
};

/// The sensor network as the battle sees it.
struct BattleNetwork {
  /// False for cookie_cutter + autonomous: every Window::t_ready_s is final
  /// and no track is drawn (v1's battle, bit for bit).
  bool dynamic = false;
  model::C2Mode mode = model::C2Mode::autonomous;
  double delay_s = 0;           ///< network track -> cue
  double remote_pk_factor = 1;  ///< pk multiplier on remote windows
};

/// A salvo: its path variants and target weights.
/// Path of variant (k, j) = paths[first_variant + k * target_cdf.size() + j].
struct BattleSalvo {
  model::ThreatClass cls = model::ThreatClass::drone;
  std::uint32_t first_variant = 0;
  std::uint32_t launch_variants = 1;      ///< K launch points (1 for a fixed launch)
  std::vector<double> target_cdf;         ///< cumulative target weights, last = 1
  std::vector<std::uint32_t> target_ids;  ///< salvo target -> plan-wide target index
  double gnss_susceptibility = 0;         ///< the threat type's (EW zones)
  bool decoy = false;                     ///< the threat type carries no warhead
};

/// One launched threat.
struct BattleThreat {
  double launch_s = 0;
  std::uint32_t salvo = 0;
};

/// Everything a trial needs, built once (simulate() builds it from a scenario).
/// A threat's index in `threats` names its random draws. At most 2^29 threats
/// and 2^29 batteries (event keys pack the indices).
struct BattlePlan {
  std::vector<BattleBattery> batteries;
  std::vector<BattleSalvo> salvos;
  std::vector<BattleThreat> threats;
  std::vector<PathWindows> paths;  ///< Window::battery indexes `batteries`
  std::uint32_t targets = 0;       ///< plan-wide distinct targets
  BattleNetwork network;
  std::vector<double> ew_strength; ///< per scenario ew zone (PathWindows::zones index them)
};

/// Knobs of the battle.
struct BattleParams {
  AssignmentParams assignment;
  /// Kill assessment after the interceptor arrives (s) before the same threat
  /// may be engaged again (0: the outcome is known on arrival, docs/model.md "Engagement").
  double look_s = 0;
  /// Fight as if c2.mode were autonomous (the paired "without the network"
  /// rerun): no cue, no remote window; the same draws otherwise.
  bool autonomous = false;
};

/// One trial's integer tallies (exact, so any summation order agrees).
struct BattleTally {
  std::vector<int> intercepted_by_salvo;
  std::vector<int> leaked_by_target;
  std::vector<int> fired_by_battery;   ///< interceptors
  std::vector<int> kills_by_battery;
  std::vector<double> ran_dry_s;       ///< when each battery's magazine first emptied; NaN if never
  std::vector<int> lost_by_salvo;      ///< lost in an EW zone (neither intercepted nor leaked)
  std::vector<int> leaked_by_salvo;    ///< reached their target
  std::vector<int> fired_by_salvo;     ///< interceptors fired at the salvo's threats
  int intercepted() const;
};

/// Per-thread scratch of run_battle(); contents never affect results.
struct BattleScratch {
  struct Threat {
    double t0 = 0;
    double recheck_s = 0;  ///< pending recheck (held high-end battery), or infinity
    double track_wake_s = 0;  ///< pending wake-up at a network track (remote windows), or infinity
    double lost_s = 0;        ///< when an EW zone loses it (absolute), or infinity
    const PathWindows* path = nullptr;
    std::uint32_t counter_base = 0, target = 0, salvo = 0;
    std::uint32_t window_base = 0;  ///< first entry in ready / order (network only)
    std::int32_t killer = -1;
    bool alive = true, busy = false, pending_kill = false;
  };
  struct Counter {
    std::uint16_t engagements = 0, shots = 0;
  };
  struct Battery {
    int busy = 0, magazine = 0;
    double reload_done_s = 0;
  };
  /// Ordered by (t, key); key = kind << 61 | a << 32 | b packs the
  /// tie-break (kind, then threat or battery, then path event) in one word.
  struct Event {
    double t = 0;
    std::uint64_t key = 0;
  };
  struct Open {
    std::uint32_t threat = 0, window = 0;
  };
  struct Choice {
    std::uint32_t window = 0;
    double t_hit = 0;
  };
  std::vector<Threat> threats;
  std::vector<Counter> counters;
  std::vector<Battery> batteries;
  std::vector<Event> heap;
  std::vector<std::vector<Open>> open;  ///< per battery, in order of opening
  std::vector<Candidate> candidates;
  std::vector<Choice> choices;
  std::vector<double> ready;          ///< per threat and window: this trial's ready time (network only)
  std::vector<double> close;          ///< per threat and window: last time to start an engagement (network only)
  std::vector<std::uint32_t> order;   ///< per threat: its windows by (ready, battery, index) (network only)
};

/// Runs one trial with random stream `rng`. `enabled[b]` = 0 removes battery
/// b (its draws are never made; every other draw is unchanged, so runs with
/// and without a group are paired). Fills `out` (resized as needed).
void run_battle(const BattlePlan& plan, TrialStream rng, std::span<const std::uint8_t> enabled,
                const BattleParams& params, BattleScratch& scratch, BattleTally& out);

}  // namespace adcov::engage
