// libjpeg-turbo decoding with errors turned into a failed result (not exit()).
#include "renderers/cairo/jpeg_decoder.h"

// clang-format off
#include <cstdio>
#include <jpeglib.h>
// clang-format on

#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace tenkai::renderers {
namespace {

struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
};

[[noreturn]] void on_error(j_common_ptr info) {
  std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->jump, 1);
}

void no_message(j_common_ptr) {}

// Decodes into `surface`, created here; false on any libjpeg error. Kept free of C++ objects
// with destructors, since libjpeg leaves it by longjmp.
bool decode_into(const std::vector<unsigned char>& bytes, cairo_surface_t*& surface) {
  jpeg_decompress_struct info;
  ErrorManager errors;
  info.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = on_error;
  errors.base.output_message = no_message;
  // volatile: assigned after setjmp and freed after a longjmp.
  unsigned char* volatile row = nullptr;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    std::free(row);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&info);
  const unsigned width = info.output_width, height = info.output_height;
  if (width == 0 || height == 0 || width > 20000 || height > 20000 || info.output_components != 3) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(width), int(height));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  row = static_cast<unsigned char*>(std::malloc(size_t(width) * 3));
  unsigned char* pixels = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  while (info.output_scanline < height) {
    unsigned y = info.output_scanline;
    JSAMPROW rows[1] = {row};
    jpeg_read_scanlines(&info, rows, 1);
    auto* out = reinterpret_cast<uint32_t*>(pixels + size_t(y) * size_t(stride));
    for (unsigned x = 0; x < width; ++x)
      out[x] = 0xFF000000u | (uint32_t(row[3 * x]) << 16) | (uint32_t(row[3 * x + 1]) << 8) |
               uint32_t(row[3 * x + 2]);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  std::free(row);
  cairo_surface_mark_dirty(surface);
  return true;
}

}  // namespace

cairo_surface_t* decode_jpeg(const std::vector<unsigned char>& bytes) {
  if (bytes.size() < 4) return nullptr;
  cairo_surface_t* surface = nullptr;
  if (!decode_into(bytes, surface)) {
    if (surface) cairo_surface_destroy(surface);
    return nullptr;
  }
  // The original file rides along, so vector surfaces embed it instead of re-encoding.
  auto* copy = static_cast<unsigned char*>(std::malloc(bytes.size()));
  if (copy) {
    std::memcpy(copy, bytes.data(), bytes.size());
    if (cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy, bytes.size(), std::free,
                                    copy) != CAIRO_STATUS_SUCCESS)
      std::free(copy);
  }
  return surface;
}

}  // namespace tenkai::renderers
