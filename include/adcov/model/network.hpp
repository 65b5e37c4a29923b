#pragma once
/// \file
/// The sensor network of a scenario (docs/scenario.md, "detection:" and
/// "c2:"): how a single look detects, when a track forms, and how tracks
/// reach the batteries.

#include <optional>
#include <string_view>

namespace adcov::model {

/// `detection.model`.
enum class DetectionModel {
  cookie_cutter,  ///< v1: seen inside range_km * (rcs/rcs_ref)^(1/4), tracked at once
  swerling1,      ///< per-look Pd of a Swerling 1 target, track after m of n looks
};

/// `detection:`.
struct DetectionSettings {
  DetectionModel model = DetectionModel::cookie_cutter;
  double pfa = 1e-6;  ///< false-alarm probability per look (swerling1)
  int track_m = 2;    ///< a track forms after m detections ...
  int track_n = 3;    ///< ... within n consecutive looks (swerling1)
};

/// `c2.mode`.
enum class C2Mode {
  autonomous,  ///< each battery on its own sensor (v1)
  cued,        ///< reaction clock may start from the network track + delay_s
  integrated,  ///< cued, and engage_on_remote batteries fire on any sensor's track
};

/// `c2:`.
struct C2Settings {
  C2Mode mode = C2Mode::autonomous;
  double delay_s = 30;            ///< sensor track -> cue at every battery
  double remote_pk_factor = 0.9;  ///< pk multiplier for a shot on a remote track (integrated)
};

std::string_view to_string(DetectionModel m);
std::string_view to_string(C2Mode m);
std::optional<DetectionModel> parse_detection_model(std::string_view s);
std::optional<C2Mode> parse_c2_mode(std::string_view s);

}  // namespace adcov::model
