// docs/scenario.md, "uncertainty:".
#include "adcov/model/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "adcov/error.hpp"
#include "model/loaded_yaml.hpp"
#include "model/type_fields.hpp"

namespace adcov::model {
namespace {

/// Appends "<kind>[<id>].<key>" for every range of `type`, once per type id.
template <typename Type>
void add_ranges(const std::string& kind, const Type& type, std::set<std::string>& seen,
                std::vector<UncertainParameter>& out) {
  if (!seen.insert(type.id).second) return;
  for (const auto& [key, range] : type.ranges) {
    if (!(range[0] < range[1])) continue;  // a zero-width band marks a fixed value (docs/library.md, "Ranges")
    const std::string set = kind + "[" + type.id + "]." + key;
    out.push_back({set, range[0], range[1], integer_path(set)});
  }
}

}  // namespace

bool integer_path(const std::string& set) {
  const std::size_t close = set.find("].");
  if (set.rfind("systems[", 0) == 0 && close != std::string::npos)
    return detail::system_key_is_integer(set.substr(close + 2));
  const std::size_t dot = set.rfind('.');
  const std::string leaf = dot == std::string::npos ? set : set.substr(dot + 1);
  // batteries[id].magazine, salvos[id].count, detection.track.m / .n
  return leaf == "magazine" || leaf == "count" || set == "detection.track.m" || set == "detection.track.n";
}

std::vector<UncertainParameter> uncertain_parameters(const Scenario& s) {
  std::vector<UncertainParameter> out;
  if (!s.uncertainty.library) {
    for (const UncertainParameterSetting& p : s.uncertainty.parameters)
      out.push_back({p.set, p.lo, p.hi, integer_path(p.set)});
    return out;
  }
  std::set<std::string> systems, threats;
  for (const Battery& b : s.batteries)
    if (auto it = s.systems.find(b.system); it != s.systems.end()) add_ranges("systems", it->second, systems, out);
  for (const Salvo& v : s.salvos)
    if (auto it = s.threats.find(v.threat); it != s.threats.end()) add_ranges("threats", it->second, threats, out);
  for (const UncertainParameter& p : out)
    if (const std::string err = detail::check_sweep_path(s, p.set); !err.empty())
      throw Error("uncertainty: the library range '" + p.set + "' is not a sweep path: " + err);
  return out;
}

double parameter_value(const UncertainParameter& p, double u) {
  const double v = std::clamp(u, 0.0, 1.0);
  if (!p.integer) return p.lo + v * (p.hi - p.lo);
  const double lo = std::ceil(p.lo), hi = std::floor(p.hi);
  return std::min(hi, lo + std::floor(v * (hi - lo + 1)));
}

}  // namespace adcov::model
