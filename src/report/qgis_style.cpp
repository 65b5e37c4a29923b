#include "adcov/report/qgis_style.hpp"

#include <fmt/format.h>

#include "adcov/report/color_scales.hpp"
#include "adcov/report/geotiff.hpp"

namespace adcov::report {

namespace {

// A QGIS 3 singleband pseudocolor renderer; `discrete` colours every value up
// to an item's value with that item's colour (QGIS's DISCRETE interpolation).
std::string qml(const std::string& items, bool discrete, double lo, double hi) {
  return fmt::format(R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" classificationMin="{}" classificationMax="{}">
      <rastershader>
        <colorrampshader colorRampType="{}" classificationMode="1" clip="0" minimumValue="{}" maximumValue="{}">
{}        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
)", lo, hi, discrete ? "DISCRETE" : "INTERPOLATED", lo, hi, items);
}

std::string item(double value, Rgba c, const std::string& label) {
  return fmt::format("          <item value=\"{}\" color=\"#{:02x}{:02x}{:02x}\" alpha=\"255\" label=\"{}\"/>\n", value,
                     c.r, c.g, c.b, label);
}

}  // namespace

std::string count_style_qml() {
  std::string items = item(0, count_color(0), "0 (not covered)");
  for (int k = 1; k <= 4; ++k) items += item(k, count_color(k), std::to_string(k));
  // 5+: every value up to the largest below the no-data value.
  items += item(kCountNodata - 1, count_color(5), "5+");
  return qml(items, true, 0, 5);
}

std::string floor_style_qml(double lo_m, double hi_m) {
  if (!(hi_m > lo_m)) hi_m = lo_m + 1;
  std::string items = item(kFloorNeverCovered, kNotCoveredColor, "never covered");
  for (int i = 0; i <= 8; ++i) {
    // The maps' ramp is on a square-root scale (docs/outputs.md, "Heatmaps").
    const double t = i / 8.0, v = lo_m + (hi_m - lo_m) * t * t;
    items += item(i == 0 ? std::max(lo_m, 0.0) : v, floor_color(t), fmt::format("{:.0f} m", v));
  }
  return qml(items, false, kFloorNeverCovered, hi_m);
}

}  // namespace adcov::report
