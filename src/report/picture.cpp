#include "adcov/report/picture.hpp"

#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "adcov/report/text_file.hpp"
#include "adcov/error.hpp"
#include "cairo_context.hpp"

namespace adcov::report {

void Picture::SurfaceDestroy::operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }

Picture::Picture(int width_px, int height_px, Rgba background)
    : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px)) {
  if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS)
    throw Error("cannot create a " + std::to_string(width_px) + " x " + std::to_string(height_px) +
                " picture: " + cairo_status_to_string(cairo_surface_status(surface_.get())));
  const CairoContext cr = draw_on(surface_.get());
  set_color(cr.get(), {background.r, background.g, background.b, 255});
  cairo_paint(cr.get());
}

int Picture::width() const { return cairo_image_surface_get_width(surface_.get()); }

int Picture::height() const { return cairo_image_surface_get_height(surface_.get()); }

Rgba Picture::pixel(int x, int y) const {
  if (x < 0 || y < 0 || x >= width() || y >= height())
    throw Error("pixel (" + std::to_string(x) + ", " + std::to_string(y) + ") is outside the picture");
  cairo_surface_flush(surface_.get());
  // RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB.
  const unsigned char* row =
      cairo_image_surface_get_data(surface_.get()) + y * cairo_image_surface_get_stride(surface_.get());
  std::uint32_t word = 0;
  std::memcpy(&word, row + 4 * x, sizeof word);
  return {static_cast<std::uint8_t>(word >> 16), static_cast<std::uint8_t>(word >> 8),
          static_cast<std::uint8_t>(word), 255};
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void write_png(const std::filesystem::path& file, const Picture& picture) {
  // Encoded in memory, then written by the one text/bytes writer, so that a
  // failure names the file and gives the system's reason (e.g. a full disk).
  std::string bytes;
  const cairo_status_t status = cairo_surface_write_to_png_stream(picture.surface(), append_to_string, &bytes);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(file.string() + ": cannot encode PNG: " + cairo_status_to_string(status));
  write_text_file(file, bytes);
}

}  // namespace adcov::report
