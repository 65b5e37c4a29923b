#include "adcov/model/scenario.hpp"

namespace adcov::model {

std::string SourceLoc::str() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string_view to_string(OperatorGroup g) {
  switch (g) {
    case OperatorGroup::ukraine: return "ukraine";
    case OperatorGroup::allied: return "allied";
    case OperatorGroup::contractor: return "contractor";
  }
  return "?";
}

std::string Operator::str() const {
  std::string s(to_string(group));
  if (!detail.empty()) s += ":" + detail;
  return s;
}

SystemType effective_system(const Scenario& s, const Battery& b) {
  SystemType sys = s.systems.at(b.system);
  if (b.height_m) sys.radar.height_m = *b.height_m;
  if (b.magazine) sys.magazine = *b.magazine;
  return sys;
}

std::optional<EwKind> parse_ew_kind(std::string_view s) {
  if (s == "gnss_denial") return EwKind::gnss_denial;
  return std::nullopt;
}

std::string_view to_string(EwKind) { return "gnss_denial"; }

}  // namespace adcov::model
