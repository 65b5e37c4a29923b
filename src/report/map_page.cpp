#include "map_page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include "adcov/error.hpp"
#include "adcov/report/color_scales.hpp"
#include "adcov/report/hillshade.hpp"
#include "adcov/report/map_layout.hpp"
#include "backdrop_layers.hpp"
#include "battery_labels.hpp"
#include "battery_markers.hpp"
#include "cities.hpp"
#include "city_labels.hpp"
#include "graticule.hpp"
#include "leaker_symbols.hpp"
#include "map_vectors.hpp"
#include "north_arrow.hpp"
#include "scale_bar.hpp"
#include "threat_picture.hpp"

namespace adcov::report {
namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

SurfacePtr image_surface(cairo_format_t format, int w, int h) {
  SurfacePtr s(cairo_image_surface_create(format, w, h));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS)
    throw Error("cannot draw a map of " + std::to_string(w) + " x " + std::to_string(h) +
                " cells: " + cairo_status_to_string(cairo_surface_status(s.get())));
  return s;
}

// The map window as an image: the cells' colours, and a mask of the cells
// that show nothing (outside the region or not covered), where the sea tint
// goes. One image pixel per cell while cells are at least a map pixel wide;
// finer grids are sampled at the map's pixels instead (the cell under each
// pixel's centre, what nearest-neighbour scaling of the full image would
// show), so a map never touches every cell of a fine grid: 0.3 M pixels
// rather than, at 100 m over Ukraine, 136 M cells. The hillshade is taken at
// the same points.
struct CellImages {
  SurfacePtr colors, plain;
  double pixel_m = 0;  ///< ground size of one image pixel (the cell size, or the map's pixel size)
};

// The hillshade at `at`: the one taken beforehand when it is for these
// points, else from the terrain; empty for none.
bool same_points(const geo::GridSpec& a, const geo::GridSpec& b) {
  return a.x0_m == b.x0_m && a.y0_m == b.y0_m && a.cell_m == b.cell_m && a.width == b.width && a.height == b.height;
}

std::vector<float> shade_at(const geo::GridSpec& at, const RenderOptions& opt) {
  if (opt.relief && same_points(opt.relief->at, at)) return opt.relief->shade;
  return opt.terrain ? hillshade(*opt.terrain, at) : std::vector<float>{};
}

CellImages cell_images(const MapLayout& L, const coverage::CoverageResult& r,
                       const std::function<Rgba(std::size_t)>& color_of, const RenderOptions& opt) {
  const geo::GridSpec at = map_sample_grid(L);
  const std::vector<float> shade = shade_at(at, opt);
  const int w = at.width, h = at.height;
  CellImages im{image_surface(CAIRO_FORMAT_RGB24, w, h), image_surface(CAIRO_FORMAT_A8, w, h), at.cell_m};
  cairo_surface_flush(im.colors.get());
  cairo_surface_flush(im.plain.get());
  unsigned char* colors = cairo_image_surface_get_data(im.colors.get());
  unsigned char* plain = cairo_image_surface_get_data(im.plain.get());
  const int colors_stride = cairo_image_surface_get_stride(im.colors.get());
  const int plain_stride = cairo_image_surface_get_stride(im.plain.get());
  const double step = at.cell_m / L.view.cell_m;  // window cells per image pixel
  tbb::parallel_for(0, h, [&](int row) {  // each row its own pixels: the same image on any thread count
    const int wrow = std::min(static_cast<int>((row + 0.5) * step), L.window.height - 1);
    for (int col = 0; col < w; ++col) {
      const int wcol = std::min(static_cast<int>((col + 0.5) * step), L.window.width - 1);
      const std::size_t i = static_cast<std::size_t>(L.window.row0 + wrow) * r.grid.width + L.window.col0 + wcol;
      const bool in = r.in_region.empty() || r.in_region[i];
      const Rgba c = in ? color_of(i) : kOutsideRegionColor;
      std::uint32_t word = std::uint32_t{c.r} << 16 | std::uint32_t{c.g} << 8 | c.b;  // RGB24
      if (!shade.empty()) {
        const float k = shade[static_cast<std::size_t>(row) * w + col];
        auto dim = [k](std::uint8_t v) { return std::uint32_t(std::lround(v * k)); };
        word = dim(c.r) << 16 | dim(c.g) << 8 | dim(c.b);
      }
      std::memcpy(colors + row * colors_stride + 4 * col, &word, sizeof word);
      plain[row * plain_stride + col] = !in || c == kNotCoveredColor ? 255 : 0;
    }
  });
  cairo_surface_mark_dirty(im.colors.get());
  cairo_surface_mark_dirty(im.plain.get());
  return im;
}

// From here on, user space is the image's pixels (one unit per cell, or per
// map pixel for a sampled image).
void to_cell_space(cairo_t* cr, const MapLayout& L, const CellImages& cells) {
  cairo_translate(cr, L.map_x, L.map_y);
  const double px_per_unit = cells.pixel_m / L.px_m;
  cairo_scale(cr, px_per_unit, px_per_unit);
}

// A pattern of `cells` sampled nearest-neighbour: each cell a crisp block.
cairo_pattern_t* blocky(cairo_surface_t* cells) {
  cairo_pattern_t* p = cairo_pattern_create_for_surface(cells);
  cairo_pattern_set_filter(p, CAIRO_FILTER_NEAREST);
  cairo_pattern_set_extend(p, CAIRO_EXTEND_PAD);  // the last pixel row may reach past the last cell
  return p;
}

void paint_cells(cairo_t* cr, const MapLayout& L, const CellImages& cells) {
  cairo_save(cr);
  to_cell_space(cr, L, cells);
  cairo_pattern_t* p = blocky(cells.colors.get());
  cairo_set_source(cr, p);
  cairo_paint(cr);
  cairo_pattern_destroy(p);
  cairo_restore(cr);
}

// The sea, tinted where the map shows nothing else.
void tint_sea(cairo_t* cr, const MapLayout& L, const std::vector<Polyline>& sea, const CellImages& cells) {
  cairo_save(cr);
  trace_polylines(cr, L, sea);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);  // islands are holes
  cairo_clip(cr);
  to_cell_space(cr, L, cells);
  set_color(cr, kSeaTint);
  cairo_pattern_t* p = blocky(cells.plain.get());
  cairo_mask(cr, p);
  cairo_pattern_destroy(p);
  cairo_restore(cr);
}

void stroke_lines(cairo_t* cr, const MapLayout& L, const std::vector<Polyline>& lines, Rgba c, double width_px) {
  trace_polylines(cr, L, lines);
  set_color(cr, c);
  cairo_set_line_width(cr, width_px);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
}

// Each ew: zone: a faint wash and a light diagonal hatch inside its true
// circle, then a dashed outline.
void draw_ew_zones(cairo_t* cr, const model::Scenario& s, const MapLayout& L) {
  for (const model::EwZone& z : s.ew) {
    const std::vector<Polyline> ring{ew_zone_ring(z, L.view)};
    cairo_save(cr);
    trace_polylines(cr, L, ring);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    cairo_path_extents(cr, &x0, &y0, &x1, &y1);
    set_color(cr, kEwWash);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    for (double d = -(y1 - y0); d < x1 - x0; d += kEwHatchStepPx) {  // lines of slope -1 across the box
      cairo_move_to(cr, x0 + d, y1);
      cairo_line_to(cr, x0 + d + (y1 - y0), y0);
    }
    set_color(cr, kEwHatch);
    cairo_set_line_width(cr, kEwHatchWidthPx);
    cairo_stroke(cr);
    cairo_restore(cr);
    cairo_save(cr);
    trace_polylines(cr, L, ring);
    const double dash[] = {kEwDashPx, kEwDashPx * 0.6};
    cairo_set_dash(cr, dash, 2, 0);
    set_color(cr, kEwLine);
    cairo_set_line_width(cr, kEwWidthPx);
    cairo_stroke(cr);
    cairo_restore(cr);
  }
}

// What a map draws that can be made before drawing, side by side: the cells
// as images, and the layers around them (also for the legend), unless the
// run read those beforehand for every map (opt.backdrop).
struct MapInputs {
  CellImages cells;
  std::shared_ptr<const MapBackdrop> backdrop;
};

MapInputs map_inputs(const model::Scenario& s, const coverage::CoverageResult& r, const RenderOptions& opt,
                     const MapLayout& L, const MapContent& content) {
  MapInputs in;
  if (opt.backdrop && backdrop_fits(*opt.backdrop, L.view.projection)) {
    in.backdrop = opt.backdrop;
    in.cells = cell_images(L, r, content.cell_color, opt);
    return in;
  }
  tbb::parallel_invoke([&] { in.cells = cell_images(L, r, content.cell_color, opt); },
                       [&] {
                         in.backdrop = std::make_shared<const MapBackdrop>(
                             read_backdrop(s, opt, L.view.projection, geo::grid_box(L.view)));
                       });
  return in;
}

void draw_map_area(cairo_t* cr, const model::Scenario& s, const coverage::CoverageResult& r,
                   const RenderOptions& opt, const MapLayout& L, const MapContent& content, const MapInputs& in,
                   const LeakerScale& leakers) {
  const CellImages& cells = in.cells;
  const MapBackdrop& around = *in.backdrop;
  cairo_save(cr);
  cairo_rectangle(cr, L.map_x, L.map_y, L.map_w, L.map_h);
  cairo_clip(cr);
  paint_cells(cr, L, cells);
  tint_sea(cr, L, around.sea, cells);
  const std::vector<GraticuleLine> grat = graticule(L);
  draw_graticule_lines(cr, L, grat);
  stroke_lines(cr, L, around.admin1, kOblastLine, kOblastWidthPx);
  stroke_lines(cr, L, around.admin0, kBorderLine, kBorderWidthPx);
  stroke_lines(cr, L, around.protect, kProtectLine, kProtectWidthPx);
  draw_ew_zones(cr, s, L);
  draw_threat_routes(cr, s, L);
  draw_leakers(cr, opt.leakers, L, leakers);
  label_graticule(cr, L, grat);
  // Labels by rank: city names first (nothing covers them), then target
  // names, then battery labels where room is left.
  LabelSpace space = label_space(L);
  if (opt.places_csv) draw_city_labels(cr, L, around.cities, r.batteries, space);
  draw_targets(cr, s, L, space);
  if (content.overlay) content.overlay(cr, L);  // under the markers and their labels
  draw_battery_markers(cr, L, r.batteries);
  draw_battery_labels(cr, s, L, r.batteries, space);
  draw_scale_bar(cr, L);
  draw_north_arrow(cr, L);
  cairo_restore(cr);
  outline_box(cr, L.map_x - 1, L.map_y - 1, L.map_w + 2, L.map_h + 2, kMutedInk);
}

// The legend drawn on a recording surface first: its height decides the
// canvas height when it outgrows a short map.
struct RecordedLegend {
  SurfacePtr surface;
  double height_px = 0;
};

RecordedLegend record_legend(const model::Scenario& s, const coverage::CoverageResult& r, const MapLayout& L,
                             const MapContent& content, const MapBackdrop& around, const LeakerScale& leakers) {
  RecordedLegend out{SurfacePtr(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr)), 0};
  const CairoContext cr = draw_on(out.surface.get());
  MapLegend lg{cr.get(), 0, 0, static_cast<double>(L.legend_w)};
  content.legend(lg);
  const LayerPresence layers{any_in_frame(L, around.sea), any_in_frame(L, around.admin1),
                             any_in_frame(L, around.admin0), any_in_frame(L, around.protect)};
  legend_common(lg, s, r, threat_presence(s, L), layers, leakers);
  out.height_px = lg.y;
  return out;
}

}  // namespace

Picture draw_map_page(const model::Scenario& s, const coverage::CoverageResult& r, const RenderOptions& opt,
                      const MapContent& content) {
  const MapLayout L = map_layout(r, opt);
  const MapInputs in = map_inputs(s, r, opt, L, content);
  const LeakerScale leakers = leaker_scale(opt.leakers, L);
  const RecordedLegend legend = record_legend(s, r, L, content, *in.backdrop, leakers);
  const double legend_y = L.map_y + 4;
  Picture pic(L.canvas_w, std::max(L.canvas_h, static_cast<int>(legend_y + legend.height_px) + kMarginPx),
              kBackground);
  const CairoContext cr = draw_on(pic.surface());
  TextStyle title = kTitleText, subtitle = kSubtitleText;
  title.max_width_px = subtitle.max_width_px = L.canvas_w - 2 * kMarginPx;
  draw_text(cr.get(), kMarginPx, kMarginPx - 4, content.title, title);
  draw_text(cr.get(), kMarginPx, kMarginPx + 28, content.subtitle, subtitle);
  draw_map_area(cr.get(), s, r, opt, L, content, in, leakers);
  cairo_set_source_surface(cr.get(), legend.surface.get(), L.legend_x, legend_y);
  cairo_paint(cr.get());
  return pic;
}

}  // namespace adcov::report
