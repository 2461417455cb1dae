// JPEG pictures for Cairo (1.16 decodes only PNG): decoded with libjpeg-turbo into an image
// surface that carries the original bytes as its JPEG MIME data, so PDF and SVG embed the file
// unchanged and only raster output uses the decoded pixels.
#pragma once

#include <cairo.h>

#include <vector>

namespace tenkai::renderers {

// A new RGB24 surface (caller destroys it), or nullptr when the bytes are not a JPEG that
// libjpeg can decode.
cairo_surface_t* decode_jpeg(const std::vector<unsigned char>& bytes);

}  // namespace tenkai::renderers
