// The PNG renderer: one page rasterized on a Cairo image surface over a white background.
#include <cmath>

#include "renderers/cairo/page_renderers.h"
#include "renderers/cairo/painter.h"

namespace tenkai::renderers {

namespace {

// Cairo image surfaces are limited to 32767 pixels a side.
constexpr double kMaxPixels = 32767;

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
  cairo_surface_t* surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, static_cast<int>(width), static_cast<int>(height));
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
  if (status == CAIRO_STATUS_SUCCESS) {
    cairo_surface_flush(surface);
    status = cairo_surface_write_to_png(surface, path.c_str());
  }
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = cairo_error(("cannot write " + path).c_str(), status);
    return false;
  }
  return true;
}

}  // namespace tenkai::renderers
