#pragma once
/// \file
/// A box in longitude and latitude: the scenario's region (`bbox:`), where a
/// DEM lies.

namespace adcov::geo {

/// A lon/lat bounding box in degrees, west <= east and south <= north.
struct LonLatBox {
  double west = 0, south = 0, east = 0, north = 0;
};

}  // namespace adcov::geo
