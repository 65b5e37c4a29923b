#include "adcov/report/summary_json.hpp"

#include <cpl_error.h>
#include <cpl_json.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "adcov/geo/error.hpp"
#include "adcov/report/output_names.hpp"
#include "json_text.hpp"
#include "number_format.hpp"

namespace adcov::report {

namespace fs = std::filesystem;

namespace {

// ---- building: CPLJSONObject with guarded numbers ----

void add_num(CPLJSONObject& o, const std::string& key, double v) {
  if (std::isfinite(v)) o.Add(key, v);
  else o.AddNull(key);  // JSON has no NaN; a missing value reads as null
}

CPLJSONObject area_map(const std::map<std::string, double>& m) {
  CPLJSONObject o;
  for (const auto& [k, v] : m) add_num(o, k, v);
  return o;
}

CPLJSONObject area_stats(const coverage::AreaStats& a) {
  CPLJSONObject o;
  add_num(o, "region_km2", a.region_km2);
  add_num(o, "covered_km2", a.covered_km2);
  add_num(o, "covered_fraction", a.covered_fraction);
  o.Add("by_operator", area_map(a.by_operator_km2));
  o.Add("marginal_by_operator", area_map(a.marginal_by_operator_km2));
  return o;
}

CPLJSONArray coverage_part(const coverage::CoverageResult& r) {
  CPLJSONArray arr;
  for (const auto& alt : r.altitudes) {
    CPLJSONObject o;
    add_num(o, "altitude_m", alt.altitude_m);
    o.Add("file", coverage_tif_name(alt.altitude_m));
    o.Add("png", coverage_png_name(alt.altitude_m));
    const CPLJSONObject stats = area_stats(alt.region);
    for (const auto& child : stats.GetChildren()) o.Add(child.GetName(), child);
    if (alt.protect) o.Add("protect", area_stats(*alt.protect));
    arr.Add(o);
  }
  return arr;
}

CPLJSONObject rate(const engage::RateStats& r) {
  CPLJSONObject o;
  o.Add("launched", static_cast<GInt64>(r.launched));
  add_num(o, "intercepted_mean", r.intercepted_mean);
  add_num(o, "interception_rate", r.interception_rate);
  CPLJSONArray ci;
  ci.Add(r.ci95_lo);
  ci.Add(r.ci95_hi);
  o.Add("ci95", ci);
  return o;
}

CPLJSONObject rates(const std::map<std::string, engage::RateStats>& m) {
  CPLJSONObject o;
  for (const auto& [k, v] : m) o.Add(k, rate(v));
  return o;
}

CPLJSONObject engagement_part(const engage::SimulationResult& r) {
  CPLJSONObject e;
  e.Add("overall", rate(r.overall));
  e.Add("by_threat", rates(r.by_threat));
  e.Add("by_class", rates(r.by_class));
  e.Add("by_salvo", rates(r.by_salvo));
  CPLJSONArray leak;
  for (const auto& l : r.leakers_by_target) {
    CPLJSONObject o;
    CPLJSONArray at;
    at.Add(l.at.lon_deg);
    at.Add(l.at.lat_deg);
    o.Add("at", at);
    add_num(o, "mean", l.mean);
    leak.Add(o);
  }
  e.Add("leakers_by_target", leak);
  e.Add("interceptors_fired", area_map(r.interceptors_fired));
  CPLJSONObject cost;
  add_num(cost, "interceptors", r.cost_interceptors_mean_usd);
  add_num(cost, "threats_destroyed", r.cost_threats_destroyed_mean_usd);
  e.Add("cost_usd", cost);
  CPLJSONObject ops;
  for (const auto& [g, eff] : r.by_operator) {
    CPLJSONObject o;
    add_num(o, "interceptions_mean", eff.interceptions_mean);
    add_num(o, "rate_without", eff.rate_without);
    add_num(o, "marginal_interceptions", eff.marginal_interceptions);
    ops.Add(g, o);
  }
  e.Add("by_operator", ops);
  return e;
}

// ---- serializing: our own writer, because json-c prints doubles with 15
// significant digits (0.1 + 0.2 comes back as 0.3), which breaks bit-identity
// comparisons between runs. ----

bool is_scalar(const CPLJSONObject& o) {
  const auto t = o.GetType();
  return t != CPLJSONObject::Type::Object && t != CPLJSONObject::Type::Array;
}

void write_value(std::string& out, const CPLJSONObject& o, int indent) {
  const std::string pad(indent + 2, ' '), close_pad(indent, ' ');
  switch (o.GetType()) {
    case CPLJSONObject::Type::Object: {
      const auto children = o.GetChildren();
      if (children.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (std::size_t i = 0; i < children.size(); ++i) {
        out += pad;
        detail::append_json_string(out, children[i].GetName());
        out += ": ";
        write_value(out, children[i], indent + 2);
        out += i + 1 < children.size() ? ",\n" : "\n";
      }
      out += close_pad + "}";
      return;
    }
    case CPLJSONObject::Type::Array: {
      const CPLJSONArray a = o.ToArray();
      const int n = a.Size();
      bool scalars = true;
      for (int i = 0; i < n; ++i) scalars = scalars && is_scalar(a[i]);
      if (n == 0) {
        out += "[]";
      } else if (scalars) {  // short numeric lists ([lo, hi], [lon, lat]) on one line
        out += "[";
        for (int i = 0; i < n; ++i) {
          if (i) out += ", ";
          write_value(out, a[i], indent);
        }
        out += "]";
      } else {
        out += "[\n";
        for (int i = 0; i < n; ++i) {
          out += pad;
          write_value(out, a[i], indent + 2);
          out += i + 1 < n ? ",\n" : "\n";
        }
        out += close_pad + "]";
      }
      return;
    }
    case CPLJSONObject::Type::String: detail::append_json_string(out, o.ToString()); return;
    case CPLJSONObject::Type::Integer: out += std::to_string(o.ToInteger()); return;
    case CPLJSONObject::Type::Long: out += std::to_string(o.ToLong()); return;
    case CPLJSONObject::Type::Double: {
      const double v = o.ToDouble();
      out += std::isfinite(v) ? detail::shortest(v, true) : "null";
      return;
    }
    case CPLJSONObject::Type::Boolean: out += o.ToBool() ? "true" : "false"; return;
    default: out += "null"; return;
  }
}

// Notes of one part carry its name as a prefix so that replacing the part
// replaces its notes and keeps the other part's.
bool note_of(const std::string& note, const char* part) {
  const std::string prefix = std::string(part) + ": ";
  return note.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::string summary_json(const std::string& base_json, const model::Scenario& s,
                         const coverage::CoverageResult* cov, const engage::SimulationResult* sim,
                         const std::vector<std::string>& notes) {
  CPLJSONObject base;
  if (!base_json.empty()) {
    CPLJSONDocument doc;
    CPLPushErrorHandler(CPLQuietErrorHandler);  // the parse error becomes our exception
    const bool parsed = doc.LoadMemory(base_json);
    CPLPopErrorHandler();
    if (!parsed || doc.GetRoot().GetType() != CPLJSONObject::Type::Object)
      throw Error("the existing summary.json is not a JSON object");
    base = doc.GetRoot();
    // Another scenario's summary in the same folder is replaced, not merged.
    if (base.GetString("scenario") != s.name) base = CPLJSONObject();
  }

  CPLJSONDocument out;
  CPLJSONObject root = out.GetRoot();
  root.Add("scenario", s.name);
  // Top-level seed and trials describe the engagement part; with coverage
  // only they are the scenario's seed and 0 trials run.
  if (sim) {
    root.Add("seed", static_cast<GInt64>(sim->seed));
    root.Add("trials", sim->trials);
  } else {
    const CPLJSONObject seed = base.GetObj("seed"), trials = base.GetObj("trials");
    if (seed.IsValid()) root.Add("seed", seed);
    else root.Add("seed", static_cast<GInt64>(s.seed));
    if (trials.IsValid()) root.Add("trials", trials);
    else root.Add("trials", 0);
  }

  auto keep = [&](const char* key) {
    const CPLJSONObject old = base.GetObj(key);
    if (old.IsValid()) root.Add(key, old);
  };
  if (cov) {
    root.Add("coverage", coverage_part(*cov));
    if (!cov->floor_m.empty()) {
      CPLJSONObject floor;
      floor.Add("file", kFloorTif);
      floor.Add("png", kFloorPng);
      root.Add("floor", floor);
    }
    CPLJSONObject terrain;
    terrain.Add("description", cov->terrain_description);
    terrain.Add("voids_filled", static_cast<GInt64>(cov->voids_filled));
    add_num(terrain, "resolution_m", cov->grid.cell_m);
    add_num(terrain, "k_factor", s.k_factor);
    root.Add("terrain", terrain);
  } else {
    keep("coverage");
    keep("floor");
    keep("terrain");
  }
  if (sim) root.Add("engagement", engagement_part(*sim));
  else keep("engagement");

  CPLJSONArray all_notes;
  const CPLJSONArray old_notes = base.GetArray("notes");
  for (int i = 0; old_notes.IsValid() && i < old_notes.Size(); ++i) {
    const std::string n = old_notes[i].ToString();
    if ((cov && note_of(n, "coverage")) || (sim && note_of(n, "engagement"))) continue;
    all_notes.Add(n);
  }
  for (const auto& n : notes) {
    const char* part = cov ? "coverage" : "engagement";
    all_notes.Add(note_of(n, "coverage") || note_of(n, "engagement") ? n : std::string(part) + ": " + n);
  }
  root.Add("notes", all_notes);

  // Keys other tools added to the base summary survive, after ours.
  static const std::set<std::string> kOurs = {"scenario", "seed",       "trials", "coverage",
                                              "floor",    "terrain",    "engagement", "notes"};
  for (const auto& child : base.GetChildren())
    if (!kOurs.count(child.GetName())) root.Add(child.GetName(), child);

  std::string text;
  write_value(text, root, 0);
  return text + "\n";
}

void write_summary(OutputStage& stage, const model::Scenario& s, const coverage::CoverageResult* cov,
                   const engage::SimulationResult* sim, const std::vector<std::string>& notes) {
  fs::path base_file = stage.final_path(kSummaryFile);
  if (auto staged = stage.staged(kSummaryFile); staged && fs::exists(*staged)) base_file = *staged;
  std::string base;
  if (fs::exists(base_file)) {
    std::ifstream in(base_file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    base = ss.str();
  }
  std::string text;
  try {
    text = summary_json(base, s, cov, sim, notes);
  } catch (const Error& e) {
    throw Error(base_file.string() + ": " + e.what() + " (remove it to start a new summary)");
  }
  const fs::path file = stage.path(kSummaryFile);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw Error(file.string() + ": cannot write");
}

}  // namespace adcov::report
