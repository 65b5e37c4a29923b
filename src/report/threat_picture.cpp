#include "threat_picture.hpp"

#include <algorithm>
#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <set>
#include <tuple>

#include "adcov/geo/geodesy.hpp"
#include "map_style.hpp"
#include "map_vectors.hpp"

namespace adcov::report {
namespace {

// Great circles are drawn as chords of at most this length: at map scales of
// 100 m to 2 km a pixel, a 5 km chord strays from the arc by well under a pixel.
constexpr double kChordM = 5000;

geo::LonLat launch_of(const model::Salvo& v) { return v.launch_area ? v.launch_area->center : *v.launch; }

// Launch, waypoints, target: one polyline per target of the salvo, in the grid CRS.
std::vector<Polyline> salvo_routes(const model::Salvo& v, const geo::GridSpec& grid) {
  std::vector<Polyline> out;
  for (std::size_t i = 0; i < v.targets.size(); ++i) {
    std::vector<geo::LonLat> legs{launch_of(v)};
    const std::vector<geo::LonLat>& via = model::route_to(v, i);
    legs.insert(legs.end(), via.begin(), via.end());
    legs.push_back(v.targets[i].at);
    Polyline line{geo::project(grid.projection, legs.front())};
    for (std::size_t k = 1; k < legs.size(); ++k) {
      const int n = std::max(1, static_cast<int>(std::ceil(geo::distance_m(legs[k - 1], legs[k]) / kChordM)));
      for (int j = 1; j <= n; ++j)
        line.push_back(geo::project(grid.projection, geo::interpolate(legs[k - 1], legs[k], double(j) / n)));
    }
    out.push_back(std::move(line));
  }
  return out;
}

// Salvos often share a launch area, route and targets (drones and their
// decoys): each distinct route is drawn once. `kill_probability` gets each
// route's expected kill probability when planned, NaN when drawn by hand.
std::vector<Polyline> distinct_routes(const model::Scenario& s, const geo::GridSpec& grid,
                                      std::vector<double>* kill_probability = nullptr) {
  using Key = std::vector<std::pair<double, double>>;
  std::set<Key> seen;
  std::vector<Polyline> out;
  for (const model::Salvo& v : s.salvos)
    for (std::size_t i = 0; i < v.targets.size(); ++i) {
      const model::WeightedTarget& t = v.targets[i];
      Key key{{launch_of(v).lon_deg, launch_of(v).lat_deg}};
      for (const geo::LonLat& w : model::route_to(v, i)) key.emplace_back(w.lon_deg, w.lat_deg);
      key.emplace_back(t.at.lon_deg, t.at.lat_deg);
      if (!seen.insert(key).second) continue;
      model::Salvo one = v;
      one.targets = {t};
      if (!v.planned.empty()) one.planned = {v.planned[i]};
      for (Polyline& line : salvo_routes(one, grid)) out.push_back(std::move(line));
      if (kill_probability)
        kill_probability->push_back(v.planned.empty() ? std::nan("") : v.planned[i].kill_probability);
    }
  return out;
}

Polyline launch_disc(const model::LaunchArea& a, const geo::GridSpec& grid) {
  model::EwZone circle;  // the same true circle as an ew: zone's
  circle.center = a.center;
  circle.radius_km = a.radius_km;
  return ew_zone_ring(circle, grid, 90);
}

bool on_map(const MapLayout& L, CanvasPoint p, double margin = 0) {
  return p.x >= L.map_x - margin && p.y >= L.map_y - margin && p.x < L.map_x + L.map_w + margin &&
         p.y < L.map_y + L.map_h + margin;
}

bool any_on_map(const MapLayout& L, const Polyline& line) {
  return std::any_of(line.begin(), line.end(), [&](geo::XY p) { return on_map(L, canvas_point(L, p)); });
}

CanvasPoint point_of(const MapLayout& L, geo::LonLat ll) { return canvas_point(L, geo::project(L.view.projection, ll)); }

// Targets shared by several salvos are drawn once; the first name given wins.
std::vector<model::WeightedTarget> distinct_targets(const model::Scenario& s) {
  std::vector<model::WeightedTarget> out;
  for (const model::Salvo& v : s.salvos)
    for (const model::WeightedTarget& t : v.targets) {
      auto same = std::find_if(out.begin(), out.end(), [&](const model::WeightedTarget& o) {
        return o.at.lon_deg == t.at.lon_deg && o.at.lat_deg == t.at.lat_deg;
      });
      if (same == out.end())
        out.push_back(t);
      else if (same->name.empty())
        same->name = t.name;
    }
  return out;
}

}  // namespace

ThreatPresence threat_presence(const model::Scenario& s, const MapLayout& L) {
  ThreatPresence p;
  for (const model::Salvo& v : s.salvos) {
    if (v.launch_area && any_on_map(L, launch_disc(*v.launch_area, L.view))) p.launch_area = true;
    if (v.launch && on_map(L, point_of(L, *v.launch))) p.launch_point = true;
  }
  std::vector<double> kill;
  const std::vector<Polyline> routes = distinct_routes(s, L.view, &kill);
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (any_on_map(L, routes[i])) p.route = true, p.least_exposure = p.least_exposure || !std::isnan(kill[i]);
  for (const model::WeightedTarget& t : distinct_targets(s)) p.target = p.target || on_map(L, point_of(L, t.at));
  return p;
}

void hatch_launch_area(cairo_t* cr) {
  cairo_save(cr);
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  cairo_path_extents(cr, &x0, &y0, &x1, &y1);
  cairo_clip(cr);
  for (double y = std::floor(y0) + 0.5; y < y1; y += kThreatHatchStepPx) {
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
  }
  set_color(cr, kThreatHatch);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_launch_symbol(cairo_t* cr, double x, double y) {
  cairo_save(cr);
  cairo_move_to(cr, x, y - 6);
  cairo_line_to(cr, x + 5.5, y + 4);
  cairo_line_to(cr, x - 5.5, y + 4);
  cairo_close_path(cr);
  set_color(cr, kWhite);
  cairo_set_line_width(cr, 3);
  cairo_stroke_preserve(cr);
  set_color(cr, kThreatLine);
  cairo_fill(cr);
  cairo_restore(cr);
}

void draw_target_symbol(cairo_t* cr, double x, double y) {
  cairo_save(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, kTargetRadiusPx, 0, 2 * std::numbers::pi);
  set_color(cr, kWhite);
  cairo_set_line_width(cr, 4);
  cairo_stroke_preserve(cr);
  set_color(cr, kThreatLine);
  cairo_set_line_width(cr, 1.8);
  cairo_stroke(cr);
  cairo_arc(cr, x, y, 2.0, 0, 2 * std::numbers::pi);
  cairo_fill(cr);
  cairo_restore(cr);
}

void draw_threat_routes(cairo_t* cr, const model::Scenario& s, const MapLayout& L) {
  cairo_save(cr);
  for (const model::Salvo& v : s.salvos)
    if (v.launch_area) {
      const std::vector<Polyline> disc{launch_disc(*v.launch_area, L.view)};
      trace_polylines(cr, L, disc);
      hatch_launch_area(cr);
      trace_polylines(cr, L, disc);
      set_color(cr, kThreatLine);
      cairo_set_line_width(cr, 1.5);
      cairo_stroke(cr);
    }
  const std::vector<Polyline> routes = distinct_routes(s, L.view);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  trace_polylines(cr, L, routes);
  set_color(cr, kRouteHalo);  // a light edge keeps the line readable over dark cells
  cairo_set_line_width(cr, kRouteWidthPx + 2);
  cairo_stroke(cr);
  trace_polylines(cr, L, routes);
  set_color(cr, kThreatLine);
  cairo_set_line_width(cr, kRouteWidthPx);
  cairo_stroke(cr);
  for (const model::Salvo& v : s.salvos)
    if (v.launch) {
      const CanvasPoint p = point_of(L, *v.launch);
      draw_launch_symbol(cr, p.x, p.y);
    }
  cairo_restore(cr);
}

void draw_targets(cairo_t* cr, const model::Scenario& s, const MapLayout& L, LabelSpace& space) {
  const std::vector<model::WeightedTarget> targets = distinct_targets(s);
  for (const model::WeightedTarget& t : targets) {
    const CanvasPoint c = point_of(L, t.at);
    if (on_map(L, c, kTargetRadiusPx)) draw_target_symbol(cr, c.x, c.y);
  }
  for (const model::WeightedTarget& t : targets) {
    const CanvasPoint c = point_of(L, t.at);
    if (t.name.empty() || !on_map(L, c)) continue;
    const TextSize ts = text_size(cr, t.name, kTargetText);
    if (const auto b = space.take_first(label_spots(c, kTargetRadiusPx, ts.width_px, ts.height_px)))
      draw_text(cr, b->x0, b->y0, t.name, kTargetText);
  }
  std::vector<double> kill;
  const std::vector<Polyline> routes = distinct_routes(s, L.view, &kill);
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (std::isnan(kill[i])) continue;
    std::vector<CanvasPoint> shown;
    for (const geo::XY& q : routes[i])
      if (const CanvasPoint c = canvas_point(L, q); on_map(L, c)) shown.push_back(c);
    if (shown.empty()) continue;
    // Routes into a ring cross several layers: show how close to certain ("> 99.9 %"), not a rounded 100 %.
    const std::string text = kill[i] > 0.999  ? std::string("> 99.9 %")
                             : kill[i] > 0.99 ? fmt::format("{:.1f} %", 100 * kill[i])
                                              : fmt::format("{:.0f} %", 100 * kill[i]);
    const TextSize ts = text_size(cr, text, kTargetText);
    if (const auto b = space.take_first(label_spots(shown[shown.size() / 2], 2, ts.width_px, ts.height_px)))
      draw_text(cr, b->x0, b->y0, text, kTargetText);
  }
}

}  // namespace adcov::report
