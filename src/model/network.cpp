#include "adcov/model/network.hpp"

namespace adcov::model {

std::string_view to_string(DetectionModel m) {
  return m == DetectionModel::swerling1 ? "swerling1" : "cookie_cutter";
}

std::string_view to_string(C2Mode m) {
  switch (m) {
    case C2Mode::autonomous:
      return "autonomous";
    case C2Mode::cued:
      return "cued";
    case C2Mode::integrated:
      return "integrated";
  }
  return "?";
}

std::optional<DetectionModel> parse_detection_model(std::string_view s) {
  for (DetectionModel m : {DetectionModel::cookie_cutter, DetectionModel::swerling1})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

std::optional<C2Mode> parse_c2_mode(std::string_view s) {
  for (C2Mode m : {C2Mode::autonomous, C2Mode::cued, C2Mode::integrated})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

}  // namespace adcov::model
