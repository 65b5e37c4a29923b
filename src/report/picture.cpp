#include "adcov/report/picture.hpp"

#include <cairo.h>
#include <png.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

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

// libpng reports an error by calling back, then longjmp()s out of the
// encoder; the message is kept here for the Error.
struct PngState {
  std::string* bytes = nullptr;
  char message[160] = "";
};

void on_png_error(png_structp png, png_const_charp message) {
  auto* st = static_cast<PngState*>(png_get_error_ptr(png));
  std::snprintf(st->message, sizeof st->message, "%s", message);
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

void append_png_bytes(png_structp png, png_bytep data, std::size_t length) {
  auto* st = static_cast<PngState*>(png_get_error_ptr(png));
  try {
    st->bytes->append(reinterpret_cast<const char*>(data), length);
  } catch (const std::exception&) {  // no C++ exception may cross libpng's C frames
    png_error(png, "out of memory");
  }
}

void flush_png(png_structp) {}

// Cairo's RGB24 (one native-endian 32-bit word 0x00RRGGBB per pixel) as the
// RGB bytes of one PNG row.
void rgb_row(const unsigned char* cairo_row, int width, unsigned char* out) {
  for (int x = 0; x < width; ++x) {
    std::uint32_t word = 0;
    std::memcpy(&word, cairo_row + 4 * x, sizeof word);
    out[3 * x] = static_cast<unsigned char>(word >> 16);
    out[3 * x + 1] = static_cast<unsigned char>(word >> 8);
    out[3 * x + 2] = static_cast<unsigned char>(word);
  }
}

// The encoder proper. After setjmp() this frame holds nothing that a
// longjmp() out of libpng would leave undestroyed. Maps and charts are mostly
// flat colour: libpng's adaptive row filters (Cairo's choice) cost more than
// they save there, and deflate level 3 with no filter encodes the national
// maps 4x faster than Cairo and about 10 % smaller (1338 x 1047 pixels:
// 14-17 ms against 57-67 ms).
bool encode(png_structp png, png_infop info, const unsigned char* pixels, int width, int height, int stride,
            unsigned char* row) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, png_get_error_ptr(png), append_png_bytes, flush_png);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 3);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    rgb_row(pixels + static_cast<std::size_t>(y) * stride, width, row);
    png_write_row(png, row);
  }
  png_write_end(png, info);
  return true;
}

}  // namespace

void write_png(const std::filesystem::path& file, const Picture& picture) {
  // Encoded in memory, then written by the one text/bytes writer, so that a
  // failure names the file and gives the system's reason (e.g. a full disk).
  cairo_surface_t* surface = picture.surface();
  cairo_surface_flush(surface);
  std::string bytes;
  PngState st{&bytes};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &st, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  std::vector<unsigned char> row(3 * static_cast<std::size_t>(picture.width()));
  const bool ok = info && encode(png, info, cairo_image_surface_get_data(surface), picture.width(),
                                 picture.height(), cairo_image_surface_get_stride(surface), row.data());
  png_destroy_write_struct(&png, &info);
  if (!ok) throw Error(file.string() + ": cannot encode PNG: " + (st.message[0] ? st.message : "out of memory"));
  write_text_file(file, bytes);
}

}  // namespace adcov::report
