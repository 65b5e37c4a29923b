#include "battery_labels.hpp"

#include "battery_markers.hpp"
#include "map_style.hpp"

namespace adcov::report {

std::string battery_label(const model::Scenario& s, const coverage::BatteryGeometry& b) {
  if (b.battery_index >= s.batteries.size()) return b.system.id;
  const model::Battery& bat = s.batteries[b.battery_index];
  return bat.id + " \u00b7 " + bat.system;
}

void draw_battery_labels(cairo_t* cr, const model::Scenario& s, const MapLayout& layout,
                         const std::vector<coverage::BatteryGeometry>& batteries, LabelSpace& space) {
  constexpr double r = kMarkerHalfPx + 1.5;  // with the halo
  for (const auto& b : batteries) {
    const CanvasPoint c = marker_center(layout, b.pos);
    space.taken.push_back({c.x - r, c.y - r, c.x + r, c.y + r});
  }
  for (const auto& b : batteries) {
    const std::string text = battery_label(s, b);
    if (text.empty()) continue;
    const CanvasPoint c = marker_center(layout, b.pos);
    const TextSize t = text_size(cr, text, kBatteryText);
    if (const auto box = space.take_first(label_spots(c, r, t.width_px, t.height_px)))
      draw_text(cr, box->x0, box->y0, text, kBatteryText);
  }
}

}  // namespace adcov::report
