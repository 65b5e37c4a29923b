// docs/commands.md, "Memory check".
#include "adcov/run/memory_check.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "adcov/error.hpp"

namespace adcov::run {

std::optional<MemoryAvailable> memory_available() {
  if (const char* env = std::getenv("ADCOV_MEMORY_LIMIT_MB"); env && *env) {
    const std::string text = env;
    char* end = nullptr;
    errno = 0;
    const unsigned long long mb = std::strtoull(text.c_str(), &end, 10);
    if (text[0] == '-' || *end != '\0' || errno == ERANGE || mb == 0 || mb > (1ULL << 40))
      throw InputError("ADCOV_MEMORY_LIMIT_MB: expected a whole number of MiB > 0, got '" + text + "'");
    return MemoryAvailable{static_cast<double>(mb) * 1024 * 1024, "ADCOV_MEMORY_LIMIT_MB"};
  }
  std::ifstream in("/proc/meminfo");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key, unit;
    double kb = 0;
    if (fields >> key >> kb >> unit && key == "MemAvailable:" && unit == "kB")
      return MemoryAvailable{kb * 1024, "MemAvailable"};
  }
  return std::nullopt;
}

std::string byte_text(double bytes) {
  if (!std::isfinite(bytes)) return "more than 10^300 bytes";
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int u = 0;
  while (bytes >= 1024 && u < 6) bytes /= 1024, ++u;
  return u == 0 ? fmt::format("{:.0f} B", bytes) : fmt::format("{:.1f} {}", bytes, kUnits[u]);
}

std::string estimate_text(const coverage::MemoryEstimate& e) {
  return fmt::format("grid {:.0f} x {:.0f} = {:.0f} cells at {:g} m, estimated peak memory {}", e.grid_width,
                     e.grid_height, e.grid_cells, e.resolution_m, byte_text(e.total_bytes));
}

void check_memory(const std::string& file, const coverage::MemoryEstimate& e, const std::string& also) {
  const std::optional<MemoryAvailable> avail = memory_available();
  if (!avail || e.total_bytes <= avail->bytes) return;
  const std::string grid = fmt::format("grid {:.0f} x {:.0f} = {:.0f} cells at resolution_m {:g} x {:g} bytes = {}",
                                       e.grid_width, e.grid_height, e.grid_cells, e.resolution_m, e.bytes_per_cell,
                                       byte_text(e.grid_bytes));
  const bool maps_only = e.map_cells > 0;  // adcov coverage: maps over the region, no trials
  // Said only for a DEM (flat ground reads none).
  const std::string dem = e.dem_window_bytes > 0 ? fmt::format("the DEM read at its own resolution under the grid: "
                                                               "{:.0f} pixels x {:g} bytes = {}",
                                                               e.dem_window_pixels, coverage::kBytesPerDemWindowPixel,
                                                               byte_text(e.dem_window_bytes))
                                                 : "";
  std::string parts;
  if (maps_only)
    parts = (dem.empty() ? "" : fmt::format("while loading the terrain {} (the terrain below; {}), ",
                                            byte_text(e.load_bytes), dem)) +
            fmt::format(
                "while folding {} (terrain: {}; region mask {}; the map pages the batteries reach {}; battery windows "
                "{}), while writing {} (region mask and floor: {:.0f} cells x {:g} bytes = {}; the same map pages; "
                "map files being written {}), the {} counting",
                byte_text(e.fold_bytes), grid, byte_text(e.mask_bytes), byte_text(e.reached_bytes),
                byte_text(e.window_bytes), byte_text(e.write_bytes), e.map_cells, e.map_bytes_per_cell,
                byte_text(e.map_bytes), byte_text(e.writer_bytes), dem.empty() ? "larger" : "largest");
  else
    parts = grid + (dem.empty() ? "" : ", " + dem + " (freed before the rest: the larger of it and the rest counts)") +
            fmt::format(", battery windows {}", byte_text(e.window_bytes));
  if (!maps_only) {
    parts += fmt::format(", {:.0f} trials {}", e.trials, byte_text(e.trial_bytes));
    parts += fmt::format(", {:.0f} threats {}", e.threats, byte_text(e.threat_bytes));
  }
  if (e.sweep_points > 0) parts += fmt::format(", {:.0f} sweep points {}", e.sweep_points, byte_text(e.sweep_bytes));
  throw InputError(fmt::format(
      "{}: estimated peak memory {} exceeds the {} available ({}): {}; lower it with a coarser resolution_m{}{} "
      "(docs/commands.md, \"Memory check\")",
      file, byte_text(e.total_bytes), byte_text(avail->bytes), avail->source, parts,
      maps_only ? " or a smaller region" : ", a smaller region, fewer trials or fewer threats",
      also.empty() ? "" : "; " + also));
}

}  // namespace adcov::run
