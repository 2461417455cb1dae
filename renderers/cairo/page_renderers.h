// Cairo painting of scene pages to PDF, SVG and PNG, and the Pango text measurer that layout uses.
// One painter serves every surface; the table below makes adding a format one entry.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/scene/scene.h"
#include "core/scene/text_measurer.h"

namespace tenkai::renderers {

// Measures with the same Pango font setup the painter uses, so measured widths match painting.
std::unique_ptr<scene::TextMeasurer> make_pango_measurer();

// Whole document: one PDF page per page, metadata from DocumentInfo (fixed creation date),
// an outline entry per page title, link annotations. Written to `path` as given (callers pass
// a temporary path and rename). Returns false with `error` on failure.
bool write_pdf(const scene::Document& document, const std::string& path, std::string& error);

// A single page or figure as one file.
bool write_svg(const scene::Page& page, const std::string& path, std::string& error);
bool write_png(const scene::Page& page, const std::string& path, std::string& error,
               double pixels_per_point = 2.0);

struct PageFormat {
  const char* name;       // "svg"
  const char* extension;  // ".svg"
  bool (*write)(const scene::Page& page, const std::string& path, std::string& error);
};

// Every single-page format, in a fixed order; lookup by name returns nullptr when unknown.
const std::vector<PageFormat>& page_formats();
const PageFormat* find_page_format(const std::string& name);

}  // namespace tenkai::renderers
