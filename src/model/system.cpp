#include "adcov/model/system.hpp"

namespace adcov::model {

std::string_view to_string(Role r) { return r == Role::sensor ? "sensor" : "shooter"; }

std::string_view to_string(SensorKind k) {
  return k == SensorKind::acoustic ? "acoustic" : "radar";
}

std::optional<Role> parse_role(std::string_view s) {
  for (Role r : {Role::shooter, Role::sensor})
    if (to_string(r) == s) return r;
  return std::nullopt;
}

std::optional<SensorKind> parse_sensor_kind(std::string_view s) {
  for (SensorKind k : {SensorKind::radar, SensorKind::acoustic})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

}  // namespace adcov::model
