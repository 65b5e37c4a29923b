#pragma once
/// \file
/// Least-exposure routes (docs/engagement.md, "Least-exposure routes"): the
/// path from a launch point to a target that minimises the threat's expected
/// kill probability in an ExposureField, no longer than max_detour times the
/// great circle.
///
/// Method: Dijkstra's shortest path over the cells of a routing grid (the
/// analysis grid's projection and cell size, coarsened by a whole factor
/// when the problem would exceed RouteParams::max_cells, and grown to hold
/// the launch point), 16-connected (the 8 neighbours and the 8 knight's
/// moves, so straight runs may head in 16 directions rather than 8, which
/// removes most of the grid's zig-zag). A step of length l costs its
/// exposure (the entry charges of the zones it enters, plus l x the mean
/// rate of the cells it touches) plus mu x l. The detour limit is a constrained shortest path, solved by
/// Lagrangian relaxation (Handler & Zang, Networks 10, 1980): mu starts
/// near zero (ties go to the shorter path) and, if the route is too long,
/// is raised by bisection until the longest feasible route is found. Only
/// cells inside the ellipse of points whose distances to launch and target
/// sum to at most the limit are searched. The route is then simplified
/// (Douglas-Peucker, half a routing cell) and its kill probability is
/// measured along the simplified polyline flown (1 - exp(-exposure),
/// sampled every quarter analysis cell). When even the straightest grid path
/// breaks the limit (max_detour near 1), the route is the great circle.

#include <vector>

#include "adcov/engage/exposure.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::engage {

struct RouteParams {
  double max_cells = 4e6;       ///< routing-grid cells at most (the grid is coarsened to fit)
  double start_mu_per_m = 1e-9; ///< length weight of the first try: ~0.001 over 1000 km, a tie-breaker
  int bisections = 14;          ///< steps of the search for mu (each one Dijkstra)
};

/// The least-exposure route from `launch` to `target` in `field`, at most
/// `max_detour` (>= 1) times the great circle long. Deterministic.
model::PlannedRoute least_exposure_route(const ExposureField& field, geo::LonLat launch, geo::LonLat target,
                                         double max_detour, const RouteParams& params = {});

/// The expected kill probability of flying `vertices` (great-circle legs)
/// through `field`: 1 - exp(-(entry charges + sum rate x metres)), sampled
/// every quarter cell.
double route_kill_probability(const ExposureField& field, const std::vector<geo::LonLat>& vertices);

/// Plans the route of every `route: least_exposure` salvo of `s` that has
/// none yet, one per target, from its launch point (or launch_area.center),
/// against `batteries` (coverage::prepare_batteries(s, terrain)). Each
/// distinct (threat, launch, target, max_detour) is planned once, in
/// parallel; the same routes for any thread count.
void plan_routes(model::Scenario& s, const geo::TerrainGrid& terrain,
                 const std::vector<coverage::BatteryGeometry>& batteries, const RouteParams& params = {});

/// True when a least_exposure salvo of `s` still lacks its routes.
bool needs_route_planning(const model::Scenario& s);

}  // namespace adcov::engage
