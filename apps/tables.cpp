#include "tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "adcov/report/output_names.hpp"

namespace adcov::app {

namespace {

constexpr const char* kGroups[] = {"ukraine", "allied", "contractor"};

// Groups that appear in any altitude's operator maps, in docs/model.md's order.
std::vector<std::string> groups_of(const coverage::CoverageResult& r) {
  std::set<std::string> seen;
  for (const auto& a : r.altitudes)
    for (const auto& [g, v] : a.region.by_operator_km2) seen.insert(g);
  std::vector<std::string> out;
  for (const char* g : kGroups)
    if (seen.count(g)) out.push_back(g);
  for (const auto& g : seen)
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  return out;
}

double get(const std::map<std::string, double>& m, const std::string& k) {
  const auto it = m.find(k);
  return it == m.end() ? 0.0 : it->second;
}

void area_block(std::string& out, const coverage::CoverageResult& r, bool protect,
                const std::vector<std::string>& groups) {
  // detected km2 beside covered, only when the detection maps were computed.
  const bool detection = !r.altitudes.empty() && r.altitudes.front().region.detected_km2.has_value();
  out += fmt::format("{:>10} {:>12} {:>12} {:>9}", "altitude", "area km2", "covered km2", "covered");
  if (detection) out += fmt::format(" {:>12}", "detected km2");
  for (const auto& g : groups) out += fmt::format(" {:>12}", "+" + g);
  out += "\n";
  for (const auto& a : r.altitudes) {
    const coverage::AreaStats& st = protect ? *a.protect : a.region;
    out += fmt::format("{:>10} {:>12.0f} {:>12.0f} {:>8.1f}%", report::altitude_text(a.altitude_m) + " m",
                       st.region_km2, st.covered_km2, 100.0 * st.covered_fraction);
    if (detection) out += fmt::format(" {:>12.0f}", st.detected_km2.value_or(0.0));
    for (const auto& g : groups) out += fmt::format(" {:>12.0f}", get(st.marginal_by_operator_km2, g));
    out += "\n";
  }
}

void rate_row(std::string& out, const std::string& name, const engage::RateStats& s) {
  out += fmt::format("  {:<24} {:>9} {:>12.2f} {:>8.1f}%   [{:>5.1f}%, {:>5.1f}%]\n", name, s.launched,
                     s.intercepted_mean, 100.0 * s.interception_rate, 100.0 * s.ci95_lo, 100.0 * s.ci95_hi);
}

void rate_block(std::string& out, const char* title, const std::map<std::string, engage::RateStats>& m) {
  if (m.empty()) return;
  out += fmt::format("{}\n", title);
  for (const auto& [k, v] : m) rate_row(out, k, v);
}

}  // namespace

std::string coverage_table(const coverage::CoverageResult& r) {
  const auto groups = groups_of(r);
  std::string out = fmt::format("Coverage (grid {:.0f} m; +group = km2 lost without that group)\n", r.grid.cell_m);
  area_block(out, r, false, groups);
  if (!r.altitudes.empty() && std::all_of(r.altitudes.begin(), r.altitudes.end(),
                                          [](const auto& a) { return a.protect.has_value(); })) {
    out += "Inside the protect zones\n";
    area_block(out, r, true, groups);
  }
  return out;
}

std::string engagement_table(const engage::SimulationResult& r) {
  std::string out = fmt::format("Engagement ({} trials, seed {}; mean per trial, 95% interval of the rate)\n",
                                r.trials, r.seed);
  out += fmt::format("  {:<24} {:>9} {:>12} {:>9}   {}\n", "", "launched", "intercepted", "rate", "ci95");
  rate_row(out, "overall", r.overall);
  rate_block(out, "by class", r.by_class);
  rate_block(out, "by threat", r.by_threat);
  rate_block(out, "by salvo", r.by_salvo);
  const engage::RateStats& o = r.overall;
  out += fmt::format("warheads reaching their targets (mean per trial): {:.2f} of {}", o.leaked_warheads_mean,
                     o.warheads_launched);
  if (o.launched > o.warheads_launched)
    out += fmt::format(" ({} decoys apart; {:.2f} interceptors fired at decoys)", o.launched - o.warheads_launched,
                       o.interceptors_on_decoys_mean);
  out += "\n";
  if (o.lost_ew_mean > 0) {
    out += fmt::format("  {:<24} {:>9} {:>9} {:>12}   {}\n", "lost to EW (GNSS denial)", "lost", "lost %",
                       "neutralized", "ci95");
    auto ew_row = [&](const std::string& name, const engage::RateStats& s) {
      out += fmt::format("  {:<24} {:>9.2f} {:>8.1f}% {:>11.1f}%   [{:>5.1f}%, {:>5.1f}%]\n", name, s.lost_ew_mean,
                         100.0 * s.lost_ew_rate, 100.0 * s.neutralized_rate, 100.0 * s.neutralized_ci95_lo,
                         100.0 * s.neutralized_ci95_hi);
    };
    ew_row("overall", o);
    for (const auto& [k, v] : r.by_class) ew_row(k, v);
  }
  if (r.network) {
    out += fmt::format("the same trials with autonomous batteries (no {} network; {:+.2f} interceptions with it)\n",
                       r.network->mode, r.network->added_interceptions_mean);
    rate_row(out, "overall", r.network->autonomous_overall);
    for (const auto& [k, v] : r.network->autonomous_by_class) rate_row(out, k, v);
  }
  if (!r.interceptors_fired.empty()) {
    out += "interceptors fired (mean per trial)\n";
    for (const auto& [k, v] : r.interceptors_fired) out += fmt::format("  {:<24} {:>9.2f}\n", k, v);
  }
  if (!r.by_battery.empty()) {
    out += fmt::format("  {:<24} {:>9} {:>9} {:>9} {:>14}\n", "battery (mean per trial)", "fired", "kills", "ran dry",
                       "median dry at");
    for (const auto& [id, u] : r.by_battery)
      out += fmt::format("  {:<24} {:>9.2f} {:>9.2f} {:>8.1f}% {:>14}\n", id, u.fired_mean, u.kills_mean,
                         100.0 * u.ran_dry_fraction,
                         u.ran_dry_median_s ? fmt::format("{:.0f} s", *u.ran_dry_median_s) : std::string("-"));
  }
  out += fmt::format("cost (mean per trial): interceptors ${:.0f}, threats destroyed ${:.0f}",
                     r.cost_interceptors_mean_usd, r.cost_threats_destroyed_mean_usd);
  if (r.cost_interceptors_mean_usd > 0)
    out += fmt::format(" (exchange {:.2f})", r.cost_threats_destroyed_mean_usd / r.cost_interceptors_mean_usd);
  out += "\n";
  if (!r.by_operator.empty()) {
    out += fmt::format("  {:<24} {:>12} {:>12} {:>14}\n", "operator group", "intercepts", "marginal", "rate without");
    for (const char* g : kGroups) {
      const auto it = r.by_operator.find(g);
      if (it == r.by_operator.end()) continue;
      out += fmt::format("  {:<24} {:>12.2f} {:>12.2f} {:>13.1f}%\n", g, it->second.interceptions_mean,
                         it->second.marginal_interceptions, 100.0 * it->second.rate_without);
    }
  }
  return out;
}

}  // namespace adcov::app
