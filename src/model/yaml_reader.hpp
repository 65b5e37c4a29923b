#pragma once
// Typed, checked reads from yaml-cpp nodes. Every read reports its own
// problem (wrong type, out of range, unknown key) to a Diagnostics and carries
// on, so one pass over a file finds all of its errors.

#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "adcov/geo/geodesy.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "model/diagnostics.hpp"

namespace adcov::model::detail {

/// An allowed numeric interval. A value outside it is reported with the bound
/// it breaks: "must be > 0", "must be <= 5000"; an interval made by between()
/// is named whole ("must be in [0, 1]").
struct Range {
  double lo = -1e300, hi = 1e300;
  bool lo_open = false, hi_open = false;
  bool interval = false;  ///< name both bounds in messages
  bool contains(double v) const;
  std::string str() const;
  /// What `v` (outside the range) breaks: "in [0, 1]", "> 0" or "<= 5000".
  std::string violated_by(double v) const;
  /// The same range with an upper bound (inclusive): the largest meaningful value.
  Range at_most(double h) const {
    Range r = *this;
    r.hi = h;
    r.hi_open = false;
    return r;
  }
};
inline Range any() { return {}; }
inline Range at_least(double lo) { return {lo, 1e300, false, false}; }
inline Range positive() { return {0, 1e300, true, false}; }
inline Range between(double lo, double hi) { return {lo, hi, false, false, true}; }

/// Upper bounds of the scenario's physical quantities (docs/scenario.md,
/// "Keys"): far above any real system, low enough that a typo such as 1e308
/// is refused by name instead of overflowing a computation later.
inline constexpr double kMaxRangeKm = 5000;        ///< radar, engagement, launch area radius
inline constexpr double kMaxHeightM = 30000;       ///< antenna height above ground
inline constexpr double kMaxAltitudeM = 2000000;   ///< engagement and threat altitudes, coverage altitudes
inline constexpr double kMaxSpeedMps = 10000;      ///< interceptors and threats
inline constexpr double kMaxRcsM2 = 100000;
inline constexpr double kMaxCostUsd = 1e10;
inline constexpr int kMaxTrackLooks = 16;           ///< detection.track n: the track DP has 2^(n-1) states
inline constexpr double kMaxScanS = 3600;          ///< radar.scan_s: one look an hour at the slowest
inline constexpr double kMaxDurationS = 1e6;       ///< reload, reaction, salvo start and interval (11.6 days)
inline constexpr double kMaxMagazine = 1000000;    ///< rounds, engagements
inline constexpr double kMaxChannels = 1000;       ///< fire channels, shots per engagement
inline constexpr double kMaxDetour = 10;         ///< least_exposure route / great circle
inline constexpr double kMaxWeight = 1e9;          ///< a target's relative weight
inline constexpr double kMaxKFactor = 1000;        ///< effective earth radius factor

/// The ranges of the values the command line can also set (adcov/model/value_rules.hpp).
inline Range altitude_range() { return at_least(0).at_most(kMaxAltitudeM); }
inline Range resolution_range() { return between(kMinResolutionM, kMaxResolutionM); }
inline Range trials_range() { return at_least(1); }

/// The problem with a decoded number, "" when it is a finite number in `r`
/// (and within the +-1e300 that an open-ended range stops at); `got` is the
/// value as written. "must be >= 0, got -1", "must be a finite number >= 0,
/// got nan", "is too large, got 1e308".
std::string number_problem(double v, const Range& r, const std::string& got);
/// Same for a whole number; an int holds it ("is too large" beyond 2^31 - 1).
std::string whole_number_problem(long long v, const Range& r, const std::string& got);

/// One YAML map with a fixed set of allowed keys. The constructor reports a
/// non-map node, unknown keys (with "did you mean") and duplicate keys, which
/// yaml-cpp itself accepts silently and would resolve to the first one.
class MapReader {
 public:
  /// A null node (`coverage:` with nothing after it) reads as an empty map.
  MapReader(const YAML::Node& node, std::string item, std::vector<std::string> allowed, Diagnostics& d);

  bool is_map() const { return is_map_; }
  bool has(const std::string& key) const;
  /// The value of `key`, or an undefined node when absent.
  YAML::Node get(const std::string& key) const;
  /// Like get(), and reports "missing required key" when absent.
  YAML::Node require(const std::string& key) const;
  const YAML::Node& node() const { return node_; }
  const std::string& item() const { return item_; }
  Diagnostics& diag() const { return d_; }

  /// Typed reads of an optional key: false (and `out` untouched) when absent or bad.
  bool read(const std::string& key, double& out, Range r = any()) const;
  bool read(const std::string& key, int& out, Range r = any()) const;
  bool read(const std::string& key, bool& out) const;
  bool read(const std::string& key, std::string& out) const;

 private:
  YAML::Node node_;
  std::string item_;
  Diagnostics& d_;
  bool is_map_ = false;
};

/// Scalar reads of a value node; `what` names it in messages ("radar.range_km").
bool read_double(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 double& out, Range r = any());
bool read_int(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d, int& out,
              Range r = any());
bool read_bool(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d, bool& out);
bool read_string(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 std::string& out);
/// `[lon, lat]` with lon in [-180, 180] and lat in [-90, 90].
bool read_lonlat(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 geo::LonLat& out);
/// A word of an enumeration (`mode: cued`), read through `parse`; on an
/// unknown word names the choices and the nearest one.
template <class E>
bool read_choice(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 std::optional<E> (*parse)(std::string_view), const std::vector<std::string>& names, E& out) {
  std::string text;
  if (!read_string(n, item, what, d, text)) return false;
  if (const auto v = parse(text)) {
    out = *v;
    return true;
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  d.error(n.Mark(), item, "unknown " + what + " '" + text + "', expected " + list + did_you_mean(text, names));
  return false;
}

/// True when `n` is a sequence; reports "expected a list" otherwise.
bool expect_list(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d);

/// A short rendering of a scalar for messages ('abc', or "a list" / "a map").
std::string describe(const YAML::Node& n);
/// A scalar's text as describe() shows it: quoted, shortened, no control bytes.
std::string quoted(std::string s);

}  // namespace adcov::model::detail
