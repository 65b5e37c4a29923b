#pragma once
/// \file
/// An opaque RGB picture the maps and charts are drawn on with Cairo, and
/// its PNG encoding. The picture owns a Cairo image surface; drawing code in
/// src/report reaches it through surface().

#include <filesystem>
#include <memory>

#include "adcov/report/color.hpp"

// Cairo's own declaration, repeated so that this header does not pull
// <cairo.h> into every includer: Cairo is linked PRIVATE to the report module.
typedef struct _cairo_surface cairo_surface_t;

namespace adcov::report {

/// A width x height canvas of opaque pixels (Cairo's RGB24 format).
class Picture {
 public:
  /// A picture filled with `background` (its alpha is ignored).
  /// \throws Error if Cairo cannot allocate it.
  Picture(int width_px, int height_px, Rgba background);

  int width() const;
  int height() const;

  /// The pixel at (x, y), alpha 255. \throws Error outside the picture.
  Rgba pixel(int x, int y) const;

  /// The Cairo surface, for drawing.
  cairo_surface_t* surface() const { return surface_.get(); }

 private:
  struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const;
  };
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface_;
};

/// Encodes `picture` as an 8-bit RGB PNG (libpng: deflate level 3, no row
/// filter; see picture.cpp for why).
/// \throws Error naming `file` if it cannot be encoded or written.
void write_png(const std::filesystem::path& file, const Picture& picture);

}  // namespace adcov::report
