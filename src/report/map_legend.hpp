#pragma once
// The legend panel right of a map (private to report): a cursor that writes
// lines, colour swatches, line samples and markers down the panel.

#include <cairo.h>

#include <string>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/color.hpp"
#include "adcov/report/render_options.hpp"
#include "leaker_symbols.hpp"
#include "map_style.hpp"
#include "threat_picture.hpp"

namespace adcov::report {

struct MapLegend {
  cairo_t* cr;
  double x = 0, y = 0;  ///< the cursor: left edge, top of the next line
  double width_px = kLegendPx;

  /// One line of text, cut with an ellipsis at the panel's width.
  void text(const std::string& t, const TextStyle& style = kLegendText);
  /// Vertical space.
  void gap(double px = 10) { y += px; }
  /// A filled box and its label.
  void swatch(Rgba fill, const std::string& label);
  /// A swatch of `base` with `tint` laid over it, as the map shows a tinted area.
  void tinted_swatch(Rgba base, Rgba tint, const std::string& label);
  /// A short line of the map's style and its label.
  void line_sample(Rgba color, double width_px, const std::string& label);
  /// A battery marker and its label.
  void marker(model::OperatorGroup group, const std::string& label);
  void sensor(const std::string& label);  ///< a sensor unit's ring marker
  /// A hatched box with a dashed outline, as the map draws an ew: zone.
  void ew_zone(const std::string& label);
  /// A hatched box with a solid outline, as the map draws a launch area.
  void launch_area(const std::string& label);
  /// A symbol drawn by `draw(cr, x, y)` centred in the swatch column, and its label.
  void symbol(void (*draw)(cairo_t*, double, double), const std::string& label);
  /// A leakers circle of `radius_px` and its label, the line as tall as the circle.
  void leaker_circle(double radius_px, const std::string& label);
};

/// Which vector layers cross the map area (map_vectors.hpp any_in_frame).
struct LayerPresence {
  bool sea = false, oblast = false, border = false, protect = false;
};

/// The part every map's legend ends with: batteries per operator group, the
/// threat picture, the leakers per target, the line styles, grid size,
/// k-factor and reference target; only what the map shows (`threats`: what of
/// the threat picture is on it, `layers`: which vector layers).
void legend_common(MapLegend& lg, const model::Scenario& s, const coverage::CoverageResult& r,
                   const ThreatPresence& threats, const LayerPresence& layers, const LeakerScale& leakers);

/// "12,345": whole numbers with thousands separators, for legends.
std::string thousands(double v);

}  // namespace adcov::report
