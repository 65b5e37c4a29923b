// The built-in library: data/library.yaml, embedded at configure time
// (CMake adcov_embed_text) and parsed once. It is read with the same field
// readers as scenario overrides, plus rules only the library has: every
// parameter must be written out, every parameter must name its source (a key
// of the top-level `sources:` map, or "estimate"), and every estimate must
// give its reason (`why:`) and, where it is a number, its range (`ranges:`).

#include "adcov/model/library.hpp"

#include <algorithm>
#include <sstream>

#include "adcov/error.hpp"
#include "model/type_fields.hpp"

namespace adcov::model::detail {
extern const char* const builtin_library_yaml;
}

namespace adcov::model {

namespace {

using detail::Diagnostics;
using detail::MapReader;

// A `sources:` value is one key or several separated by commas ("P2, P4").
std::vector<std::string> split_source_keys(const std::string& s) {
  std::vector<std::string> keys;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, ',')) {
    const auto b = cur.find_first_not_of(' ');
    const auto e = cur.find_last_not_of(' ');
    if (b != std::string::npos) keys.push_back(cur.substr(b, e - b + 1));
  }
  return keys;
}

// Reads `sources:` of one type and checks each parameter it must cover.
std::map<std::string, std::string> read_sources(const MapReader& m, const std::vector<std::string>& params,
                                                const std::map<std::string, std::string>& citations) {
  std::map<std::string, std::string> out;
  Diagnostics& d = m.diag();
  const YAML::Node sn = m.require("sources");
  if (!sn.IsDefined()) return out;
  MapReader sources(sn, m.item() + ": sources", params, d);
  if (!sources.is_map()) return out;
  for (const auto& p : params) {
    const YAML::Node v = sources.get(p);
    if (!v.IsDefined()) {
      d.error(sn.Mark(), m.item(), "parameter '" + p + "' has no source (a source key or \"estimate\")");
      continue;
    }
    std::string text;
    if (!detail::read_string(v, m.item(), "sources." + p, d, text)) continue;
    const auto keys = split_source_keys(text);
    if (keys.empty()) d.error(v.Mark(), m.item(), "sources." + p + " is empty");
    for (const auto& k : keys)
      if (k != "estimate" && !citations.count(k))
        d.error(v.Mark(), m.item(), "sources." + p + ": unknown source key '" + k + "'");
    out[p] = text;
  }
  return out;
}

// Reads `why:` and checks that every estimated parameter (and only those) has a reason.
std::map<std::string, std::string> read_why(const MapReader& m, const std::map<std::string, std::string>& sources) {
  std::map<std::string, std::string> out;
  Diagnostics& d = m.diag();
  std::vector<std::string> estimated;
  for (const auto& [param, src] : sources)
    if (src.find("estimate") != std::string::npos) estimated.push_back(param);
  const YAML::Node wn = m.get("why");
  MapReader why(wn, m.item() + ": why", estimated, d);
  for (const auto& p : estimated) {
    const YAML::Node v = why.get(p);
    if (!v.IsDefined()) {
      d.error(wn.IsDefined() ? wn.Mark() : m.node().Mark(), m.item(),
              "estimated parameter '" + p + "' has no reason under why:");
      continue;
    }
    if (detail::read_string(v, m.item(), "why." + p, d, out[p]) && out[p].size() < 10)
      d.error(v.Mark(), m.item(), "why." + p + ": give the reasoning, not a placeholder");
  }
  return out;
}

void require_all(const MapReader& m, const std::vector<std::string>& params, const std::vector<std::string>& set) {
  for (const auto& p : params)
    if (std::find(set.begin(), set.end(), p) == set.end())
      m.diag().error(m.node().Mark(), m.item(), "library entry lacks parameter '" + p + "'");
}

}  // namespace

Library parse_library(const std::string& yaml, const std::string& file) {
  Diagnostics d(file);
  Library lib;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    d.error(e.mark, "", "YAML syntax error: " + e.msg);
    d.throw_if_any();
  }
  MapReader top(root, "", {"sources", "systems", "threats"}, d);
  if (const YAML::Node s = top.require("sources"); s.IsDefined() && s.IsMap()) {
    for (auto it = s.begin(); it != s.end(); ++it) {
      std::string text;
      if (detail::read_string(it->second, "sources", it->first.Scalar(), d, text))
        lib.citations[it->first.Scalar()] = text;
    }
  }
  if (const YAML::Node sys = top.require("systems"); sys.IsDefined() && sys.IsMap()) {
    for (auto it = sys.begin(); it != sys.end(); ++it) {
      const std::string id = it->first.Scalar();
      MapReader m(it->second, "system '" + id + "'", detail::system_keys(detail::TypeContext::library), d);
      SystemType t;
      t.id = id;
      m.require("name");
      m.read("name", t.name);
      m.read("notes", t.notes);
      const auto set = detail::read_system_params(m, t);
      const std::vector<std::string> params = library_parameter_keys(t);
      require_all(m, params, set);
      t.sources = read_sources(m, params, lib.citations);
      t.why = read_why(m, t.sources);
      t.ranges = detail::read_ranges(m, detail::system_range_keys(t, params), &t.sources);
      detail::check_system_consistency(t, m.node().Mark(), m.item(), d);
      lib.systems[id] = std::move(t);
    }
  }
  if (const YAML::Node thr = top.require("threats"); thr.IsDefined() && thr.IsMap()) {
    for (auto it = thr.begin(); it != thr.end(); ++it) {
      const std::string id = it->first.Scalar();
      MapReader m(it->second, "threat '" + id + "'", detail::threat_keys(detail::TypeContext::library), d);
      ThreatType t;
      t.id = id;
      m.require("name");
      m.read("name", t.name);
      m.read("notes", t.notes);
      const auto set = detail::read_threat_params(m, t);
      require_all(m, threat_parameter_keys(), set);
      std::vector<std::string> params = threat_parameter_keys();
      if (m.has("decoy")) params.emplace_back("decoy");
      if (m.has("rcs_band_factor")) params.emplace_back("rcs_band_factor");
      t.sources = read_sources(m, params, lib.citations);
      t.why = read_why(m, t.sources);
      // A band factor's range is keyed by the bands the entry writes ("rcs_band_factor.vhf").
      std::vector<std::string> bands;
      if (const YAML::Node bf = m.get("rcs_band_factor"); bf.IsDefined() && bf.IsMap())
        for (auto b = bf.begin(); b != bf.end(); ++b)
          if (b->first.IsScalar()) bands.push_back(b->first.Scalar());
      t.ranges = detail::read_ranges(m, detail::threat_range_keys(t, params, bands), &t.sources);
      lib.threats[id] = std::move(t);
    }
  }
  d.throw_if_any();
  return lib;
}

const Library& builtin_library() {
  static const Library lib = [] {
    try {
      return parse_library(detail::builtin_library_yaml, "data/library.yaml (built-in)");
    } catch (const InputError& e) {
      // A broken built-in library is a build defect, not the user's input: exit 1.
      throw Error(std::string("the built-in library is invalid:\n") + e.what());
    }
  }();
  return lib;
}

}  // namespace adcov::model
