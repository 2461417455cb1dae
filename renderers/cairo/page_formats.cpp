// The table of single-page formats: adding a format is one entry here.
#include "renderers/cairo/page_renderers.h"

namespace tenkai::renderers {

namespace {

bool write_png_default(const scene::Page& page, const std::string& path, std::string& error) {
  return write_png(page, path, error);
}

}  // namespace

const std::vector<PageFormat>& page_formats() {
  static const std::vector<PageFormat> formats = {
      {"svg", ".svg", write_svg},
      {"png", ".png", write_png_default},
  };
  return formats;
}

const PageFormat* find_page_format(const std::string& name) {
  for (const PageFormat& format : page_formats())
    if (name == format.name) return &format;
  return nullptr;
}

}  // namespace tenkai::renderers
