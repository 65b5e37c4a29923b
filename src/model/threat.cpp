#include "adcov/model/threat.hpp"

#include <cmath>

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

namespace adcov::model {

std::string_view to_string(RadarBand b) {
  switch (b) {
    case RadarBand::vhf: return "vhf";
    case RadarBand::uhf: return "uhf";
    case RadarBand::l: return "l";
    case RadarBand::s: return "s";
    case RadarBand::c: return "c";
    case RadarBand::x: return "x";
    case RadarBand::ku: return "ku";
  }
  return "?";
}

std::optional<RadarBand> parse_radar_band(std::string_view s) {
  for (RadarBand b : kAllRadarBands)
    if (to_string(b) == s) return b;
  return std::nullopt;
}

double rcs_seen_m2(const ThreatType& t, RadarBand band, double aspect_deg) {
  const double rcs = t.rcs_aspects ? rcs_at_aspect_m2(*t.rcs_aspects, aspect_deg) : t.rcs_m2;
  return rcs * t.rcs_band_factor[static_cast<std::size_t>(band)];
}

double rcs_at_aspect_m2(const RcsAspects& a, double aspect_deg) {
  // Fold any angle into [0, 180]: the RCS is taken symmetric left/right.
  double x = std::fmod(std::fabs(aspect_deg), 360.0);
  if (x > 180.0) x = 360.0 - x;
  // Linear in dB between the three aspects (docs/scenario.md, "rcs_m2"):
  // 10 log10 is a log, so this is geometric interpolation of the m^2 values.
  const double lo = x <= 90.0 ? a.front_m2 : a.side_m2, hi = x <= 90.0 ? a.side_m2 : a.tail_m2;
  const double f = (x <= 90.0 ? x : x - 90.0) / 90.0;
  if (lo == hi) return lo;
  return std::exp((1.0 - f) * std::log(lo) + f * std::log(hi));
}

}  // namespace adcov::model
