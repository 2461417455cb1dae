// The PNG renderer: one page rasterized on a Cairo image surface over a white background.
#include <png.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/scene/alt_text.h"
#include "renderers/cairo/page_renderers.h"
#include "renderers/cairo/painter.h"
#include "renderers/cairo/pango_setup.h"

namespace tenkai::renderers {

namespace {

// Cairo image surfaces are limited to 32767 pixels a side.
constexpr double kMaxPixels = 32767;

// Encodes an opaque RGB24 surface. cairo_surface_write_to_png keeps libpng's defaults: RGBA
// rows and adaptive filtering at full zlib effort, which made PNG figures most of a deck build's
// time. Slides are opaque, so RGB with the Up filter and zlib level 6 is a third of the work for
// files of about the same size. Same input, same bytes: libpng writes no time chunk unless asked.
// `title` and `description` go into iTXt chunks (UTF-8), the PNG keywords for an image's name
// and what it shows; `pixels_per_point` into pHYs, so the picture keeps its size when placed.
bool encode_rgb_png(cairo_surface_t* surface, const std::string& path, const std::string& title,
                    const std::string& description, double pixels_per_point, std::string& error) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) {
    error = "cannot write " + path;
    return false;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    error = "cannot write " + path + ": out of memory";
    return false;
  }
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* pixels = cairo_image_surface_get_data(surface);
  std::vector<png_byte> row(static_cast<size_t>(width) * 3);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    error = "cannot write " + path + ": PNG encoding failed";
    return false;
  }
  png_init_io(png, file.get());
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  std::string title_storage, description_storage;
  std::string title_text(valid_utf8(title, title_storage));
  std::string description_text(valid_utf8(description, description_storage));
  png_text texts[2] = {};
  int text_count = 0;
  for (auto [key, value] : {std::pair{"Title", &title_text}, {"Description", &description_text}}) {
    if (value->empty()) continue;
    png_text& text = texts[text_count++];
    text.compression = PNG_ITXT_COMPRESSION_NONE;
    text.key = const_cast<char*>(key);
    text.text = value->data();
    text.itxt_length = value->size();
  }
  if (text_count > 0) png_set_text(png, info, texts, text_count);
  const auto per_metre = static_cast<png_uint_32>(std::lround(pixels_per_point * 72 / 0.0254));
  png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_level(png, 6);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    // RGB24 pixels are native-endian 32-bit words 0x00RRGGBB.
    const auto* words = reinterpret_cast<const uint32_t*>(pixels + static_cast<size_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      row[3 * x] = static_cast<png_byte>(words[x] >> 16);
      row[3 * x + 1] = static_cast<png_byte>(words[x] >> 8);
      row[3 * x + 2] = static_cast<png_byte>(words[x]);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  if (std::fflush(file.get()) != 0) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace

bool write_png(const scene::Page& page, const std::string& path, std::string& error,
               double pixels_per_point) {
  if (!check_page_size(page, 1e6, error)) return false;
  if (!std::isfinite(pixels_per_point) || pixels_per_point <= 0) {
    error = "cannot write " + path + ": pixels per point must be a positive number";
    return false;
  }
  double width = std::ceil(page.width * pixels_per_point);
  double height = std::ceil(page.height * pixels_per_point);
  if (width > kMaxPixels || height > kMaxPixels) {
    error = "cannot write " + path + ": the image would exceed 32767 pixels a side";
    return false;
  }
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width),
                                                        static_cast<int>(height));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    error = cairo_error("cannot create an image", cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return false;
  }
  cairo_t* cr = cairo_create(surface);
  // Slides are opaque; a transparent PNG would show the viewer's background through the page.
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, pixels_per_point, pixels_per_point);
  {
    PagePainter painter(cr, false);
    painter.paint_page(page);
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    error = cairo_error(("cannot write " + path).c_str(), status);
    return false;
  }
  cairo_surface_flush(surface);
  bool written = encode_rgb_png(surface, path, page.title, scene::first_figure_alt(page.items),
                                pixels_per_point, error);
  cairo_surface_destroy(surface);
  return written;
}

}  // namespace tenkai::renderers
