#include "adcov/model/threat.hpp"

namespace adcov::model {

std::string_view to_string(ThreatClass c) {
  switch (c) {
    case ThreatClass::drone: return "drone";
    case ThreatClass::cruise: return "cruise";
    case ThreatClass::ballistic: return "ballistic";
  }
  return "?";
}

std::optional<ThreatClass> parse_threat_class(std::string_view s) {
  for (ThreatClass c : kThreatClasses)
    if (to_string(c) == s) return c;
  return std::nullopt;
}

}  // namespace adcov::model
