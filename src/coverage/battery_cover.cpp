// One battery's engageable cells at one altitude. The loop is fold_battery's
// (coverage_map.cpp) for a single altitude, with the
// same expressions in the same order (distances from cell_center, the row's
// y from column 0), so the two agree bit for bit.
#include "adcov/coverage/battery_cover.hpp"

#include <cmath>

#include "adcov/error.hpp"

namespace adcov::coverage {

const model::ThreatType* reference_threat(const model::Scenario& s) {
  if (!s.coverage.threat) return nullptr;
  auto it = s.threats.find(*s.coverage.threat);
  if (it == s.threats.end())
    throw InputError(s.file.string() + ": coverage.threat '" + *s.coverage.threat + "' is not a known threat");
  return &it->second;
}

ReferenceEnvelope reference_envelope(const model::Scenario& s, const model::SystemType& sys) {
  const model::ThreatType* ref = reference_threat(s);
  ReferenceEnvelope out;
  // The head-on RCS a radar of this band sees (band factor 1: rcs_m2 itself).
  out.rcs_m2 = ref ? model::rcs_front_seen_m2(*ref, sys.radar.band) : sys.radar.rcs_ref_m2;
  out.env = slant_envelope(sys, out.rcs_m2);
  const bool shooter = sys.role == model::Role::shooter;  // a sensor never engages
  out.can_kill = shooter && (ref ? sys.pk.of(ref->cls) > 0
                                 : sys.pk.drone > 0 || sys.pk.cruise > 0 || sys.pk.ballistic > 0);
  return out;
}

std::vector<std::uint32_t> engageable_cells(const model::Scenario& s,
                                            const geo::TerrainGrid& terrain,
                                            const BatteryGeometry& b, const ReferenceEnvelope& ref,
                                            double altitude_m, std::span<const std::uint8_t> mask) {
  std::vector<std::uint32_t> out;
  if (!ref.can_kill) return out;
  const geo::GridSpec& g = terrain.grid;
  if (mask.size() != g.cells()) throw Error("engageable_cells: mask does not match the grid");
  const VisibilityWindow& v = b.vis;
  for (int r = std::max(v.row0, 0); r < std::min(v.row0 + v.height, g.height); ++r) {
    const std::size_t row_off = static_cast<std::size_t>(r) * g.width;
    const double y = g.cell_center(0, r).y_m;
    const float* vis = v.min_visible_h_m.data() + static_cast<std::size_t>(r - v.row0) * v.width;
    const double dy = y - b.pos.y_m;
    for (int wc = 0; wc < v.width; ++wc) {
      if (!(vis[wc] < kNeverVisible)) continue;
      const int c = v.col0 + wc;
      if (!mask[row_off + c]) continue;
      const double dx = g.cell_center(c, r).x_m - b.pos.x_m;
      const double d = std::sqrt(dx * dx + dy * dy);
      const HeightInterval iv = engage_interval(ref.env, vis[wc], d, terrain.ground_m[row_off + c],
                                                v.antenna_z_m, s.k_factor);
      if (!iv.empty() && iv.lo_m <= altitude_m && altitude_m <= iv.hi_m)
        out.push_back(static_cast<std::uint32_t>(row_off + c));
    }
  }
  return out;
}

}  // namespace adcov::coverage
