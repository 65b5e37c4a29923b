#pragma once
/// \file
/// QGIS layer styles (.qml) written beside the GeoTIFFs with the raster's
/// base name, which QGIS loads as the layer's default style: the count
/// rasters in the maps' classes, the floor on the maps' ramp (docs/outputs.md,
/// "GeoTIFF tags and styles").

#include <string>

namespace adcov::report {

/// Discrete classes 0 (grey, not covered), 1, 2, 3, 4, 5+ in the heatmaps' colours.
std::string count_style_qml();

/// The floor ramp from `lo_m` to `hi_m` (blue low, red high), the "never
/// covered" value (kFloorNeverCovered) grey.
std::string floor_style_qml(double lo_m, double hi_m);

}  // namespace adcov::report
