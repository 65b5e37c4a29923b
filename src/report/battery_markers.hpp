#pragma once
// Battery markers by operator group (private to report): Ukraine a
// blue-over-yellow square, allied a green diamond, contractor an orange
// triangle, each with a dark outline and a white halo.

#include <cairo.h>

#include <vector>

#include "adcov/coverage/coverage_result.hpp"
#include "adcov/model/scenario.hpp"
#include "adcov/report/map_layout.hpp"

namespace adcov::report {

/// Half the width of a marker's outline, in pixels: small, so that a
/// short-range battery's own coverage (a gun's few km) shows round it.
inline constexpr double kMarkerHalfPx = 5;

/// Draws a marker of `group` centred at (x, y).
void draw_marker(cairo_t* cr, double x, double y, model::OperatorGroup group);

/// Where a battery's marker goes: the centre of the pixel that holds it, so
/// that pixel shows the group's colour (what the tests look for).
/// A sensor unit's marker (role: sensor): a ring with a dot, at (x, y).
void draw_sensor_marker(cairo_t* cr, double x, double y);

CanvasPoint marker_center(const MapLayout& layout, geo::XY battery);

/// Draws every battery's marker.
void draw_battery_markers(cairo_t* cr, const MapLayout& layout,
                          const std::vector<coverage::BatteryGeometry>& batteries);

}  // namespace adcov::report
