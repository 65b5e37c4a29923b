#pragma once
// The threat picture on the maps (private to report): the salvos' launch
// areas (discs) and launch points, their routes (launch, waypoints, each
// target, along great circles) and the targets with their names.

#include <cairo.h>

#include "adcov/model/scenario.hpp"
#include "adcov/report/map_layout.hpp"
#include "label_space.hpp"

namespace adcov::report {

/// Which parts of the threat picture fall on the map (for the legend: it
/// lists only what the map shows).
struct ThreatPresence {
  bool launch_area = false, launch_point = false, route = false, target = false;
  bool least_exposure = false;  ///< some route on the map was planned (labelled with its kill probability)
};

ThreatPresence threat_presence(const model::Scenario& s, const MapLayout& layout);

/// Launch areas, launch points and routes: under the cities and markers.
void draw_threat_routes(cairo_t* cr, const model::Scenario& s, const MapLayout& layout);

/// The targets' symbols, and their names where `space` has room (after the
/// cities' names, before the batteries' labels); then each least-exposure
/// route's expected kill probability ("12 %"), half way along its part on
/// the map.
void draw_targets(cairo_t* cr, const model::Scenario& s, const MapLayout& layout, LabelSpace& space);

/// One target symbol (a ring round a dot) at (x, y), for the map and legend.
void draw_target_symbol(cairo_t* cr, double x, double y);

/// Fills the current path of `cr` with the launch areas' hatch (the path is consumed).
void hatch_launch_area(cairo_t* cr);

/// One launch point symbol (a filled triangle) at (x, y).
void draw_launch_symbol(cairo_t* cr, double x, double y);

}  // namespace adcov::report
