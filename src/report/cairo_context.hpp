#pragma once
// Cairo drawing on a Picture or a recording surface (private to report): an
// owning context and the few shapes every drawing uses.

#include <cairo.h>

#include <memory>

#include "adcov/report/color.hpp"

namespace adcov::report {

struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using CairoContext = std::unique_ptr<cairo_t, CairoDestroy>;

/// A context drawing on `surface` (a Picture's or a recording surface).
/// \throws Error if Cairo cannot create it.
CairoContext draw_on(cairo_surface_t* surface);

/// Sets the source colour of `cr`.
void set_color(cairo_t* cr, Rgba c);

/// Outlines the rectangle with a crisp 1 px `line` (when its corners are
/// whole pixels).
void outline_box(cairo_t* cr, double x, double y, double w, double h, Rgba line);

/// Fills the rectangle with `fill` and outlines it with `line`.
void fill_box(cairo_t* cr, double x, double y, double w, double h, Rgba fill, Rgba line);

}  // namespace adcov::report
