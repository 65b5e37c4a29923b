#include "adcov/engage/ground_track.hpp"

#include <cmath>

#include "adcov/error.hpp"

namespace adcov::engage {

GroundTrack ground_track(const Trajectory& tr, const geo::TerrainGrid& terrain, int n) {
  const geo::GridSpec& grid = terrain.grid;
  const double L = tr.length_m();
  GroundTrack g;
  g.vertices = tr.vertices;
  g.at.resize(static_cast<std::size_t>(n) + 1);
  for (int k = 0; k <= n; ++k) {
    TrackSample& p = g.at[static_cast<std::size_t>(k)];
    const geo::XY xy = geo::project(grid.projection, position_at(tr, L * k / n));
    p.x = xy.x_m;
    p.y = xy.y_m;
    const double c = std::floor(grid.col_of(p.x)), r = std::floor(grid.row_of(p.y));
    if (c >= 0 && r >= 0 && c < grid.width && r < grid.height) {
      p.col = static_cast<int>(c);
      p.row = static_cast<int>(r);
      p.ground = terrain.at(p.col, p.row);
    }
  }
  return g;
}

std::shared_ptr<const GroundTrack> GroundTrackCache::get(const Trajectory& tr, const geo::TerrainGrid& terrain, int n) {
  if (&terrain != terrain_) throw Error("GroundTrackCache: a track asked for on another terrain grid");
  std::vector<double> key;
  for (const geo::LonLat& v : tr.vertices) key.insert(key.end(), {v.lon_deg, v.lat_deg});
  key.push_back(n);
  {
    std::lock_guard lock(mutex_);
    if (auto it = tracks_.find(key); it != tracks_.end()) return it->second;
  }
  // Made outside the lock (paths are made in parallel); a race makes the
  // same track twice and keeps the first.
  auto made = std::make_shared<const GroundTrack>(ground_track(tr, terrain, n));
  std::lock_guard lock(mutex_);
  return tracks_.emplace(std::move(key), std::move(made)).first->second;
}

}  // namespace adcov::engage
