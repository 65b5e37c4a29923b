#include "uncertainty_json.hpp"

#include <cstdint>

namespace adcov::report {

using Json = nlohmann::ordered_json;

Json uncertainty_json(const UncertaintyResult& r) {
  Json u;
  u["runs"] = static_cast<std::int64_t>(r.rates.size());
  u["parameters"] = Json::array();
  for (const auto& p : r.parameters) u["parameters"].push_back(p.set);
  // by_output and sensitivity follow r.outputs ("overall" first, then the
  // classes), not the maps' alphabetical order, as the CSVs and the report do.
  Json& by = u["by_output"] = Json::object();
  for (const auto& name : r.outputs)
    if (const auto it = r.by_output.find(name); it != r.by_output.end())
      by[name] = {{"mean", it->second.mean}, {"p5", it->second.p5}, {"p50", it->second.p50}, {"p95", it->second.p95}};
  Json& sens = u["sensitivity"] = Json::object();
  for (const auto& name : r.outputs) {
    const auto it = r.sensitivity.find(name);
    if (it == r.sensitivity.end()) continue;
    Json& list = sens[name] = Json::array();
    for (const auto& x : it->second)
      list.push_back({{"parameter", x.parameter},
                      {"S1", x.s1},
                      {"ST", x.st},
                      {"S1_ci95", Json::array({x.s1_lo, x.s1_hi})},
                      {"ST_ci95", Json::array({x.st_lo, x.st_hi})}});
  }
  u["samples"] = static_cast<std::int64_t>(r.samples);
  u["trials_per_run"] = r.trials;
  u["seed"] = static_cast<std::int64_t>(r.seed);  // signed, as the top-level seed
  Json& ranges = u["ranges"] = Json::object();
  for (const auto& p : r.parameters) ranges[p.set] = Json::array({p.lo, p.hi});
  return u;
}

}  // namespace adcov::report
