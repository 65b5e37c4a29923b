#pragma once
/// \file
/// A sweep path as a reader names it, for the sweep plot's axes and legend:
/// the ids of a collection stand for it ("batteries[kyiv-1].magazine" ->
/// "kyiv-1 magazine"), a top-level key is a phrase ("c2.mode" -> "C2 mode").

#include <string>

namespace adcov::report {

/// "c2.mode" -> "C2 mode", "ew[pokrova-kyiv].strength" -> "pokrova-kyiv strength",
/// "batteries[a,b].magazine" -> "a, b magazine", "systems[nasams].radar.range_km"
/// -> "nasams radar range (km)", "resolution_m" -> "Resolution (m)". Anything
/// else is returned with '.' and '_' as spaces.
std::string axis_name(const std::string& path);

}  // namespace adcov::report
