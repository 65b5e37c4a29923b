// Least-exposure routes (engage/least_exposure.hpp; docs/engagement.md,
// "Least-exposure routes"): Dijkstra on a 16-connected routing grid, the
// detour limit by Lagrangian relaxation of the path length.
#include "adcov/engage/least_exposure.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <queue>
#include <tuple>

namespace adcov::engage {

double route_kill_probability(const ExposureField& field, const std::vector<geo::LonLat>& vertices) {
  const double step_m = field.grid.cell_m / 4;
  const geo::Laea& P = field.grid.projection;
  ZoneSet inside = field.zones_at(geo::project(P, vertices.front()));
  double exposure = field.entry_of(inside);  // a launch inside a zone is in reach from the start
  for (std::size_t i = 1; i < vertices.size(); ++i) {
    const double leg_m = geo::distance_m(vertices[i - 1], vertices[i]);
    const int n = std::max(1, static_cast<int>(std::ceil(leg_m / step_m)));
    for (int k = 0; k < n; ++k) {
      const geo::XY q = geo::project(P, geo::interpolate(vertices[i - 1], vertices[i], (k + 0.5) / n));
      const ZoneSet now = field.zones_at(q);
      exposure += field.entry_of(now & ~inside) + field.at(q) * (leg_m / n);
      inside = now;
    }
  }
  return -std::expm1(-exposure);
}

namespace {

double path_length_m(const std::vector<geo::LonLat>& v) {
  double L = 0;
  for (std::size_t i = 1; i < v.size(); ++i) L += geo::distance_m(v[i - 1], v[i]);
  return L;
}

double hypot_xy(geo::XY a, geo::XY b) { return std::hypot(a.x_m - b.x_m, a.y_m - b.y_m); }

/// The cells searched: a grid around the ellipse with foci launch and target
/// whose distance sum is the detour limit, each cell's rate, and which cells
/// lie inside the ellipse.
struct RoutingGrid {
  geo::GridSpec grid;
  std::vector<float> rate_per_m;
  std::vector<ZoneSet> zones;
  std::vector<std::uint8_t> open;
  int start = 0, goal = 0;
};

RoutingGrid routing_grid(const ExposureField& field, geo::XY s, geo::XY t, double max_detour, const RouteParams& p) {
  const double focal = hypot_xy(s, t);
  const double sum_m = max_detour * focal * 1.01 + 2 * field.grid.cell_m;  // slack: projected vs great-circle metres
  const double a = sum_m / 2, c = focal / 2, b = std::sqrt(std::max(a * a - c * c, 0.0));
  const double th = std::atan2(t.y_m - s.y_m, t.x_m - s.x_m);
  const double hx = std::hypot(a * std::cos(th), b * std::sin(th)), hy = std::hypot(a * std::sin(th), b * std::cos(th));
  const geo::XY m{(s.x_m + t.x_m) / 2, (s.y_m + t.y_m) / 2};
  const double area = 4 * (hx + field.grid.cell_m) * (hy + field.grid.cell_m);
  const double f = std::max(1.0, std::ceil(std::sqrt(area / (field.grid.cell_m * field.grid.cell_m * p.max_cells))));
  RoutingGrid r;
  r.grid = geo::make_grid_xy(field.grid.projection, m.x_m - hx, m.y_m - hy, m.x_m + hx, m.y_m + hy,
                             field.grid.cell_m * f);
  const geo::GridSpec& g = r.grid;
  r.rate_per_m.resize(g.cells());
  r.zones.resize(g.cells());
  r.open.resize(g.cells());
  for (int row = 0; row < g.height; ++row)
    for (int col = 0; col < g.width; ++col) {
      const std::size_t i = static_cast<std::size_t>(row) * g.width + col;
      const geo::XY q = g.cell_center(col, row);
      r.rate_per_m[i] = static_cast<float>(field.at(q));
      r.zones[i] = field.zones_at(q);
      r.open[i] = hypot_xy(q, s) + hypot_xy(q, t) <= sum_m + g.cell_m;
    }
  const auto cell_of = [&](geo::XY q) {
    const int col = std::clamp(static_cast<int>(std::floor(g.col_of(q.x_m))), 0, g.width - 1);
    const int row = std::clamp(static_cast<int>(std::floor(g.row_of(q.y_m))), 0, g.height - 1);
    return row * g.width + col;
  };
  r.start = cell_of(s), r.goal = cell_of(t);
  r.open[static_cast<std::size_t>(r.start)] = r.open[static_cast<std::size_t>(r.goal)] = 1;
  return r;
}

constexpr std::array<std::array<int, 2>, 16> kMoves{{{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {1, -1}, {-1, 1},
                                                     {-1, -1}, {1, 2}, {2, 1}, {-1, 2}, {-2, 1}, {1, -2}, {2, -1},
                                                     {-1, -2}, {-2, -1}}};

/// The routing cell at (col, row), or -1 off the grid.
int cell_at(const RoutingGrid& r, int col, int row) {
  return col < 0 || row < 0 || col >= r.grid.width || row >= r.grid.height ? -1 : row * r.grid.width + col;
}

/// The exposure of a move from (col, row) by (dc, dr), without its length
/// weight: the zones entered (of the end cell and, for a knight's move, of
/// the two cells it passes, so that it cannot cut a zone's corner) and the
/// mean rate of the cells it touches times its length.
double move_exposure(const RoutingGrid& r, const ExposureField& f, int col, int row, int dc, int dr) {
  const int a = cell_at(r, col, row), b = cell_at(r, col + dc, row + dr);
  const auto rate = [&](int i) { return i < 0 ? 0.0 : static_cast<double>(r.rate_per_m[static_cast<std::size_t>(i)]); };
  const auto zones = [&](int i) { return i < 0 ? ZoneSet{0} : r.zones[static_cast<std::size_t>(i)]; };
  double sum = rate(a) + rate(b), n = 2;
  ZoneSet reached = zones(b);
  if (std::abs(dc) + std::abs(dr) == 3) {
    const int sc = dc > 0 ? 1 : -1, sr = dr > 0 ? 1 : -1;
    const int m1 = std::abs(dr) == 2 ? cell_at(r, col, row + sr) : cell_at(r, col + sc, row);
    const int m2 = std::abs(dr) == 2 ? cell_at(r, col + dc, row + sr) : cell_at(r, col + sc, row + dr);
    sum += rate(m1) + rate(m2), n = 4;
    reached |= zones(m1) | zones(m2);
  }
  return r.grid.cell_m * std::hypot(dc, dr) * sum / n + f.entry_of(reached & ~zones(a));
}

/// Dijkstra from start to goal with step cost l x (mean rate + mu); the
/// cells of the cheapest path, start first. Ties go to the lower cell index
/// (the queue orders equal costs by index): deterministic.
std::vector<int> cheapest_cells(const RoutingGrid& r, const ExposureField& f, double mu_per_m) {
  const geo::GridSpec& g = r.grid;
  std::vector<double> cost(g.cells(), std::numeric_limits<double>::infinity());
  std::vector<int> prev(g.cells(), -1);
  using Item = std::pair<double, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  cost[static_cast<std::size_t>(r.start)] = 0;
  queue.push({0.0, r.start});
  while (!queue.empty()) {
    const auto [c0, i] = queue.top();
    queue.pop();
    if (c0 > cost[static_cast<std::size_t>(i)]) continue;
    if (i == r.goal) break;
    const int col = i % g.width, row = i / g.width;
    for (const auto& mv : kMoves) {
      const int nc = col + mv[0], nr = row + mv[1];
      if (nc < 0 || nr < 0 || nc >= g.width || nr >= g.height) continue;
      const int j = nr * g.width + nc;
      if (!r.open[static_cast<std::size_t>(j)]) continue;
      const double len = g.cell_m * std::hypot(mv[0], mv[1]);
      const double c1 = c0 + move_exposure(r, f, col, row, mv[0], mv[1]) + len * mu_per_m;
      if (c1 < cost[static_cast<std::size_t>(j)]) {
        cost[static_cast<std::size_t>(j)] = c1;
        prev[static_cast<std::size_t>(j)] = i;
        queue.push({c1, j});
      }
    }
  }
  std::vector<int> cells;
  for (int i = r.goal; i != -1; i = prev[static_cast<std::size_t>(i)]) cells.push_back(i);
  std::reverse(cells.begin(), cells.end());
  return cells;
}

/// Exposure (entries and rate x metres) of the straight projected segment
/// a-b, entered with the zones `inside`, sampled every quarter of the
/// field's cell; `inside` becomes the zones at its end.
double segment_exposure(const ExposureField& f, geo::XY a, geo::XY b, ZoneSet& inside) {
  const double len = hypot_xy(a, b);
  const int n = std::max(1, static_cast<int>(std::ceil(len / (f.grid.cell_m / 4))));
  double e = 0;
  for (int k = 0; k < n; ++k) {
    const double t = (k + 0.5) / n;
    const geo::XY q{a.x_m + t * (b.x_m - a.x_m), a.y_m + t * (b.y_m - a.y_m)};
    const ZoneSet now = f.zones_at(q);
    e += f.entry_of(now & ~inside) + f.at(q) * len / n;
    inside = now;
  }
  return e;
}

/// Douglas-Peucker with an exposure guard: the chord from i0 to i1 replaces
/// the points between when none strays more than `tol_m` from it and it is no
/// more exposed than the path it replaces (a chord must not cut a zone's edge).
void simplify(const ExposureField& f, const std::vector<geo::XY>& pts, std::size_t i0, std::size_t i1, double tol_m,
              std::vector<char>& keep) {
  if (i1 <= i0 + 1) return;
  const geo::XY a = pts[i0], b = pts[i1];
  const double len = hypot_xy(a, b);
  double worst = -1;
  std::size_t k = i0;
  for (std::size_t i = i0 + 1; i < i1; ++i) {
    const double d = len > 0 ? std::abs((b.x_m - a.x_m) * (a.y_m - pts[i].y_m) - (a.x_m - pts[i].x_m) * (b.y_m - a.y_m)) / len
                             : hypot_xy(a, pts[i]);
    if (d > worst) worst = d, k = i;
  }
  if (worst <= tol_m) {
    ZoneSet along = f.zones_at(a), across = along;
    double path = 0;
    for (std::size_t i = i0; i < i1; ++i) path += segment_exposure(f, pts[i], pts[i + 1], along);
    if (segment_exposure(f, a, b, across) <= path + 1e-9) return;
    k = (i0 + i1) / 2;  // close enough but more exposed: split in the middle
  }
  keep[k] = 1;
  simplify(f, pts, i0, k, tol_m, keep);
  simplify(f, pts, k, i1, tol_m, keep);
}

/// One try at a given mu: the simplified route (launch, waypoints, target).
std::vector<geo::LonLat> route_at(const ExposureField& f, const RoutingGrid& r, double mu_per_m, geo::LonLat launch,
                                  geo::LonLat target) {
  const std::vector<int> cells = cheapest_cells(r, f, mu_per_m);
  const geo::Laea& P = r.grid.projection;
  std::vector<geo::XY> pts;
  pts.push_back(geo::project(P, launch));
  for (std::size_t k = 1; k + 1 < cells.size(); ++k)
    pts.push_back(r.grid.cell_center(cells[k] % r.grid.width, cells[k] / r.grid.width));
  pts.push_back(geo::project(P, target));
  std::vector<char> keep(pts.size(), 0);
  keep.front() = keep.back() = 1;
  simplify(f, pts, 0, pts.size() - 1, 0.5 * r.grid.cell_m, keep);
  std::vector<geo::LonLat> out{launch};
  for (std::size_t k = 1; k + 1 < pts.size(); ++k)
    if (keep[k]) out.push_back(geo::unproject(P, pts[k]));
  out.push_back(target);
  return out;
}

model::PlannedRoute planned(const ExposureField& field, std::vector<geo::LonLat> vertices, double great_circle_m) {
  model::PlannedRoute out;
  out.kill_probability = route_kill_probability(field, vertices);
  out.length_m = path_length_m(vertices);
  out.great_circle_m = great_circle_m;
  out.waypoints.assign(vertices.begin() + 1, vertices.end() - 1);
  return out;
}

}  // namespace

model::PlannedRoute least_exposure_route(const ExposureField& field, geo::LonLat launch, geo::LonLat target,
                                         double max_detour, const RouteParams& params) {
  const double gc_m = geo::distance_m(launch, target);
  const model::PlannedRoute straight = planned(field, {launch, target}, gc_m);
  if (!(gc_m > field.grid.cell_m) || straight.kill_probability == 0) return straight;
  const double limit_m = max_detour * gc_m;
  const geo::Laea& P = field.grid.projection;
  const RoutingGrid r = routing_grid(field, geo::project(P, launch), geo::project(P, target), max_detour, params);
  const auto attempt = [&](double mu) { return route_at(field, r, mu, launch, target); };
  std::vector<geo::LonLat> best = attempt(params.start_mu_per_m);
  if (path_length_m(best) > limit_m) {
    // Raise mu tenfold until a route fits, then bisect (in log mu) between the last misfit and the first fit.
    double lo = params.start_mu_per_m, hi = lo;
    bool fits = false;
    for (int k = 0; k < 15 && !fits; ++k) {
      lo = hi, hi *= 10;
      best = attempt(hi);
      fits = path_length_m(best) <= limit_m;
    }
    if (!fits) return straight;
    for (int k = 0; k < params.bisections; ++k) {
      const double mid = std::sqrt(lo * hi);
      std::vector<geo::LonLat> v = attempt(mid);
      if (path_length_m(v) <= limit_m)
        hi = mid, best = std::move(v);
      else
        lo = mid;
    }
  }
  model::PlannedRoute route = planned(field, std::move(best), gc_m);
  // Never worse than flying straight (the grid only approximates the field).
  return route.kill_probability < straight.kill_probability ? route : straight;
}

bool needs_route_planning(const model::Scenario& s) {
  return std::any_of(s.salvos.begin(), s.salvos.end(), [](const model::Salvo& v) {
    return v.route_kind == model::RouteKind::least_exposure && v.planned.size() != v.targets.size();
  });
}

void plan_routes(model::Scenario& s, const geo::TerrainGrid& terrain,
                 const std::vector<coverage::BatteryGeometry>& batteries, const RouteParams& params) {
  using Key = std::tuple<std::string, double, double, double, double, double>;  // threat, launch, target, detour
  std::map<Key, std::size_t> index;
  std::vector<Key> problems;
  std::map<std::string, ExposureField> fields;
  const auto key_of = [](const model::Salvo& v, const model::WeightedTarget& t) {
    const geo::LonLat l = v.launch ? *v.launch : v.launch_area->center;
    return Key{v.threat, l.lon_deg, l.lat_deg, t.at.lon_deg, t.at.lat_deg, v.max_detour};
  };
  for (const model::Salvo& v : s.salvos) {
    if (v.route_kind != model::RouteKind::least_exposure || v.planned.size() == v.targets.size()) continue;
    if (!fields.count(v.threat)) fields.emplace(v.threat, exposure_field(s, s.threats.at(v.threat), terrain, batteries));
    for (const model::WeightedTarget& t : v.targets)
      if (index.emplace(key_of(v, t), problems.size()).second) problems.push_back(key_of(v, t));
  }
  std::vector<model::PlannedRoute> routes(problems.size());
  tbb::parallel_for(std::size_t{0}, problems.size(), [&](std::size_t i) {
    const auto& [threat, lon0, lat0, lon1, lat1, detour] = problems[i];
    routes[i] = least_exposure_route(fields.at(threat), {lon0, lat0}, {lon1, lat1}, detour, params);
  });
  for (model::Salvo& v : s.salvos) {
    if (v.route_kind != model::RouteKind::least_exposure || v.planned.size() == v.targets.size()) continue;
    v.planned.clear();
    for (const model::WeightedTarget& t : v.targets) v.planned.push_back(routes[index.at(key_of(v, t))]);
  }
}

}  // namespace adcov::engage
