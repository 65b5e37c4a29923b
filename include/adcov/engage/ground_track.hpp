#pragma once
/// \file
/// The ground track of a threat path as compute_windows() samples it: the
/// projected position, grid cell and ground height at each of n + 1 evenly
/// spaced ground distances (windows.hpp). It depends only on the path's
/// vertices and the grid, not on the threat's speed or height nor on any
/// battery, and projecting the samples is most of the windows' cost. Model
/// runs that only change parameters (adcov uncertainty) share one
/// GroundTrackCache, so each path is projected once.

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "adcov/engage/trajectory.hpp"
#include "adcov/geo/terrain.hpp"

namespace adcov::engage {

/// One sample of a ground track.
struct TrackSample {
  double x = 0, y = 0;     ///< projected metres
  double ground = 0;       ///< ground height above sea level, m (0 outside the grid)
  int col = -1, row = -1;  ///< grid cell; -1 outside the grid
};

struct GroundTrack {
  std::vector<geo::LonLat> vertices;  ///< the path it was made for
  std::vector<TrackSample> at;        ///< n + 1 samples, launch to target
};

/// The track of `tr` at n + 1 samples (s_k = k L / n) on `terrain`'s grid.
GroundTrack ground_track(const Trajectory& tr, const geo::TerrainGrid& terrain, int n);

/// Tracks by path (vertices and sample count), for one terrain grid;
/// thread-safe. The terrain must outlive the cache and stay unchanged.
class GroundTrackCache {
 public:
  explicit GroundTrackCache(const geo::TerrainGrid& terrain) : terrain_(&terrain) {}
  /// The track of `tr` at n + 1 samples on the cache's grid, made on first use.
  /// \throws Error when `terrain` is not the cache's grid.
  std::shared_ptr<const GroundTrack> get(const Trajectory& tr, const geo::TerrainGrid& terrain, int n);

 private:
  const geo::TerrainGrid* terrain_;
  std::mutex mutex_;
  std::map<std::vector<double>, std::shared_ptr<const GroundTrack>> tracks_;  ///< key: lon, lat of each vertex, n
};

}  // namespace adcov::engage
