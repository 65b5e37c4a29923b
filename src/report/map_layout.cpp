#include "adcov/report/map_layout.hpp"

#include <algorithm>
#include <cmath>

#include "adcov/report/hillshade.hpp"
#include "map_style.hpp"

namespace adcov::report {

MapLayout map_layout(const coverage::CoverageResult& r, const RenderOptions& opt) {
  MapLayout L;
  L.window = region_window(r.grid, r.in_region);
  L.view = crop(r.grid, L.window);
  // Nearest-neighbour upscale (or downscale) so the longest side is map_px.
  const double scale = std::max(1, opt.map_px) / static_cast<double>(std::max(L.window.width, L.window.height));
  L.map_w = std::max(1, static_cast<int>(std::lround(L.window.width * scale)));
  L.map_h = std::max(1, static_cast<int>(std::lround(L.window.height * scale)));
  L.px_m = L.window.width * r.grid.cell_m / L.map_w;
  L.map_x = kMarginPx;
  L.map_y = kTitleBandPx;
  L.legend_x = L.map_x + L.map_w + kMarginPx + 8;
  L.legend_w = kLegendPx;
  L.canvas_w = L.legend_x + L.legend_w + kMarginPx;
  L.canvas_h = std::max(L.map_y + L.map_h + kMarginPx, kTitleBandPx + 560);
  return L;
}

geo::GridSpec map_sample_grid(const MapLayout& L) {
  if (L.px_m <= L.view.cell_m) return L.view;
  geo::GridSpec g = L.view;
  g.cell_m = L.px_m;
  g.width = L.map_w, g.height = L.map_h;
  return g;
}

MapRelief map_relief(const coverage::CoverageResult& r, const RenderOptions& opt, const geo::TerrainGrid& terrain) {
  const geo::GridSpec at = map_sample_grid(map_layout(r, opt));
  return {at, hillshade(terrain, at)};
}

CanvasPoint canvas_point(const MapLayout& L, geo::XY p) {
  return {L.map_x + (p.x_m - L.view.x0_m) / L.px_m, L.map_y + (L.view.y0_m - p.y_m) / L.px_m};
}

Pixel canvas_pixel(const MapLayout& L, geo::XY p) {
  const CanvasPoint c = canvas_point(L, p);
  return {static_cast<int>(std::floor(c.x)), static_cast<int>(std::floor(c.y))};
}

}  // namespace adcov::report
