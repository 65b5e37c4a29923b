#include "adcov/report/summary_json.hpp"

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "adcov/error.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/text_file.hpp"
#include "uncertainty_json.hpp"

namespace adcov::report {

namespace fs = std::filesystem;

namespace {

// ordered_json keeps keys in insertion order (the order docs/outputs.md
// lists). Doubles stay JSON doubles: nlohmann writes them in their shortest
// round-trip form with a ".0" when whole, and NaN or infinity as null.
using Json = nlohmann::ordered_json;

Json area_map(const std::map<std::string, double>& m) {
  Json o = Json::object();
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

Json area_stats(const coverage::AreaStats& a) {
  Json o;
  o["region_km2"] = a.region_km2;
  o["covered_km2"] = a.covered_km2;
  o["covered_fraction"] = a.covered_fraction;
  if (a.detected_km2) o["detected_km2"] = *a.detected_km2;
  o["by_operator"] = area_map(a.by_operator_km2);
  o["marginal_by_operator"] = area_map(a.marginal_by_operator_km2);
  return o;
}

Json coverage_part(const coverage::CoverageResult& r) {
  Json arr = Json::array();
  for (const auto& alt : r.altitudes) {
    Json o;
    o["altitude_m"] = alt.altitude_m;
    o["file"] = coverage_tif_name(alt.altitude_m);
    o["png"] = coverage_png_name(alt.altitude_m);
    o.update(area_stats(alt.region));
    if (alt.protect) o["protect"] = area_stats(*alt.protect);
    arr.push_back(std::move(o));
  }
  return arr;
}

Json rate(const engage::RateStats& r) {
  Json o;
  o["launched"] = r.launched;
  o["intercepted_mean"] = r.intercepted_mean;
  o["interception_rate"] = r.interception_rate;
  o["ci95"] = Json::array({r.ci95_lo, r.ci95_hi});
  o["lost_ew_mean"] = r.lost_ew_mean;
  o["lost_ew_rate"] = r.lost_ew_rate;
  o["neutralized_rate"] = r.neutralized_rate;
  o["neutralized_ci95"] = Json::array({r.neutralized_ci95_lo, r.neutralized_ci95_hi});
  return o;
}

/// overall and by_class also say how many warheads got through (mean and
/// spread over the trials), how often any did, and how many interceptors
/// went on decoys.
Json rate_with_warheads(const engage::RateStats& r) {
  Json o = rate(r);
  o["leaked_warheads_mean"] = r.leaked_warheads_mean;
  o["interceptors_on_decoys_mean"] = r.interceptors_on_decoys_mean;
  o["per_trial"] = {{"p5", r.leaked_warheads_p5}, {"p50", r.leaked_warheads_p50}, {"p95", r.leaked_warheads_p95}};
  o["p_any_leak"] = r.p_any_leak;
  o["p_any_leak_ci95"] = Json::array({r.p_any_leak_ci95_lo, r.p_any_leak_ci95_hi});
  return o;
}

Json rates(const std::map<std::string, engage::RateStats>& m) {
  Json o = Json::object();
  for (const auto& [k, v] : m) o[k] = rate(v);
  return o;
}

Json operators_part(const engage::SimulationResult& r) {
  Json ops = Json::object();
  for (const auto& [g, eff] : r.by_operator) {
    Json& o = ops[g];
    o["interceptions_mean"] = eff.interceptions_mean;
    o["rate_without"] = eff.rate_without;
    o["marginal_interceptions"] = eff.marginal_interceptions;
  }
  return ops;
}

Json engagement_part(const engage::SimulationResult& r) {
  Json e;
  e["overall"] = rate_with_warheads(r.overall);
  e["by_threat"] = rates(r.by_threat);
  e["by_class"] = Json::object();
  for (const auto& [k, v] : r.by_class) e["by_class"][k] = rate_with_warheads(v);
  e["by_salvo"] = rates(r.by_salvo);
  Json& leak = e["leakers_by_target"] = Json::array();
  for (const auto& l : r.leakers_by_target) {
    Json o;
    o["at"] = Json::array({l.at.lon_deg, l.at.lat_deg});
    o["mean"] = l.mean;
    leak.push_back(std::move(o));
  }
  e["interceptors_fired"] = area_map(r.interceptors_fired);
  e["cost_usd"]["interceptors"] = r.cost_interceptors_mean_usd;
  e["cost_usd"]["threats_destroyed"] = r.cost_threats_destroyed_mean_usd;
  e["by_operator"] = operators_part(r);
  if (r.network) {
    Json& n = e["network"];
    n["c2_mode"] = r.network->mode;
    n["autonomous"]["overall"] = rate(r.network->autonomous_overall);
    n["autonomous"]["by_class"] = rates(r.network->autonomous_by_class);
    n["added_interceptions_mean"] = r.network->added_interceptions_mean;
  }
  Json& use = e["by_battery"] = Json::object();
  for (const auto& [id, u] : r.by_battery) {
    Json& o = use[id];
    o["fired_mean"] = u.fired_mean;
    o["kills_mean"] = u.kills_mean;
    o["ran_dry_fraction"] = u.ran_dry_fraction;
    o["ran_dry_median_s"] = u.ran_dry_median_s ? Json(*u.ran_dry_median_s) : Json(nullptr);
  }
  return e;
}

Json terrain_part(const model::Scenario& s, const coverage::CoverageResult& cov) {
  Json t;
  t["description"] = cov.terrain_description;
  t["voids_filled"] = static_cast<std::int64_t>(cov.voids_filled);
  t["resolution_m"] = cov.grid.cell_m;
  t["k_factor"] = s.k_factor;
  return t;
}

// Notes of one part carry its name as a prefix so that replacing the part
// replaces its notes and keeps the other part's.
bool note_of(const std::string& note, const char* part) {
  const std::string prefix = std::string(part) + ": ";
  return note.compare(0, prefix.size(), prefix) == 0;
}

/// The base summary's notes that the parts written do not replace, then `notes`.
Json merged_notes(const Json& base, bool cov, bool sim, const std::vector<std::string>& notes) {
  Json all = Json::array();
  if (const auto old = base.find("notes"); old != base.end() && old->is_array())
    for (const auto& n : *old) {
      const bool replaced = n.is_string() && ((cov && note_of(n.get<std::string>(), "coverage")) ||
                                              (sim && note_of(n.get<std::string>(), "engagement")));
      if (!replaced) all.push_back(n);
    }
  for (const auto& n : notes) {
    const char* part = cov ? "coverage" : "engagement";
    all.push_back(note_of(n, "coverage") || note_of(n, "engagement") ? n : std::string(part) + ": " + n);
  }
  return all;
}

/// The summary of the same scenario to merge into, or an empty object.
Json base_summary(const std::string& base_json, const model::Scenario& s) {
  if (base_json.empty()) return Json::object();
  Json base = Json::parse(base_json, nullptr, /*allow_exceptions=*/false);
  if (base.is_discarded() || !base.is_object()) throw Error("the existing summary.json is not a JSON object");
  // Another scenario's summary in the same folder is replaced, not merged.
  if (const auto name = base.find("scenario"); name == base.end() || *name != s.name) return Json::object();
  return base;
}

/// The parts given (non-null) merged over `base_json`: the core of
/// summary_json() and uncertainty_summary_json().
std::string merged_summary(const std::string& base_json, const model::Scenario& s,
                           const coverage::CoverageResult* cov, const engage::SimulationResult* sim,
                           const UncertaintyResult* unc, const std::vector<std::string>& notes) {
  const Json base = base_summary(base_json, s);
  auto keep = [&](Json& root, const char* key) {
    if (const auto old = base.find(key); old != base.end()) root[key] = *old;
  };

  Json root;
  root["scenario"] = s.name;
  // Top-level seed and trials describe the engagement part; with coverage
  // only they are the scenario's seed and 0 trials run.
  root["seed"] = static_cast<std::int64_t>(sim ? sim->seed : s.seed);
  root["trials"] = sim ? sim->trials : 0;
  if (!sim) {
    keep(root, "seed");
    keep(root, "trials");
  }
  if (cov) {
    root["coverage"] = coverage_part(*cov);
    if (!cov->floor_m.empty()) root["floor"] = {{"file", kFloorTif}, {"png", kFloorPng}};
    root["terrain"] = terrain_part(s, *cov);
  } else {
    for (const char* key : {"coverage", "floor", "terrain"}) keep(root, key);
  }
  if (sim) root["engagement"] = engagement_part(*sim);
  else keep(root, "engagement");
  if (unc) root["uncertainty"] = uncertainty_json(*unc);
  else keep(root, "uncertainty");
  root["notes"] = merged_notes(base, cov != nullptr, sim != nullptr, notes);

  // Keys other tools added to the base summary survive, after ours.
  static const std::set<std::string> kOurs = {"scenario", "seed",    "trials",     "coverage",    "floor",
                                              "terrain",  "engagement", "uncertainty", "notes"};
  for (const auto& [key, value] : base.items())
    if (!kOurs.count(key)) root[key] = value;

  // Scenario names and notes come from the user: bytes that are not UTF-8
  // become U+FFFD rather than an exception or invalid JSON.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

/// Stages the summary `merge(base text)` gives, over the summary already
/// staged in `stage` or else in its folder.
template <typename Merge>
void stage_summary(OutputStage& stage, const Merge& merge) {
  fs::path base_file = stage.final_path(kSummaryFile);
  if (auto staged = stage.staged(kSummaryFile); staged && fs::exists(*staged)) base_file = *staged;
  std::string base;
  if (fs::exists(base_file)) base = read_text_file(base_file);
  std::string text;
  try {
    text = merge(base);
  } catch (const Error& e) {
    throw Error(base_file.string() + ": " + e.what() + " (remove it to start a new summary)");
  }
  write_text_file(stage.path(kSummaryFile), text);
}

}  // namespace

std::string summary_json(const std::string& base_json, const model::Scenario& s,
                         const coverage::CoverageResult* cov, const engage::SimulationResult* sim,
                         const std::vector<std::string>& notes) {
  return merged_summary(base_json, s, cov, sim, nullptr, notes);
}

std::string uncertainty_summary_json(const std::string& base_json, const model::Scenario& s,
                                     const UncertaintyResult& r) {
  return merged_summary(base_json, s, nullptr, nullptr, &r, {});
}

void write_summary(OutputStage& stage, const model::Scenario& s, const coverage::CoverageResult* cov,
                   const engage::SimulationResult* sim, const std::vector<std::string>& notes) {
  stage_summary(stage, [&](const std::string& base) { return summary_json(base, s, cov, sim, notes); });
}

void write_uncertainty_summary(OutputStage& stage, const model::Scenario& s, const UncertaintyResult& r) {
  stage_summary(stage, [&](const std::string& base) { return uncertainty_summary_json(base, s, r); });
}

}  // namespace adcov::report
