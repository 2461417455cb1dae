// The SVG renderer: one page on a Cairo SVG surface, with surface ids made independent of the
// process so identical pages give identical files.
#include <cairo-svg.h>

#include <map>
#include <memory>

#include "core/scene/alt_text.h"
#include "renderers/cairo/byte_sink.h"
#include "renderers/cairo/page_renderers.h"
#include "renderers/cairo/painter.h"

namespace tenkai::renderers {

namespace {

// Cairo's image-surface limit is 32767 px; vector pages this large are certainly a mistake.
constexpr double kMaxSvgPageSize = 100000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Cairo 1.16 names a surface's group "surface<N>" (and sources "image<N>") after a process-wide
// counter of every surface ever created, so the same page differs between runs. Renumber each such
// id by first appearance. Cairo writes no text from the page itself (glyphs become paths), so
// these words only occur as ids and references to them.
std::string renumber_process_ids(const std::string& svg) {
  static const char* const kPrefixes[] = {"surface", "image"};
  std::string out;
  out.reserve(svg.size());
  std::map<std::string, int> numbers[2];
  size_t i = 0;
  while (i < svg.size()) {
    bool replaced = false;
    // Only where an id or reference starts: after a quote or '#'.
    if (i > 0 && (svg[i - 1] == '"' || svg[i - 1] == '#')) {
      for (int p = 0; p < 2 && !replaced; ++p) {
        std::string_view prefix = kPrefixes[p];
        if (svg.compare(i, prefix.size(), prefix) != 0) continue;
        size_t end = i + prefix.size();
        while (end < svg.size() && is_digit(svg[end])) ++end;
        if (end == i + prefix.size() || end >= svg.size() || (svg[end] != '"' && svg[end] != ')'))
          continue;
        std::string original = svg.substr(i + prefix.size(), end - i - prefix.size());
        auto [it, inserted] = numbers[p].emplace(original, static_cast<int>(numbers[p].size()) + 1);
        out.append(prefix);
        out.append(std::to_string(it->second));
        i = end;
        replaced = true;
      }
    }
    if (!replaced) out.push_back(svg[i++]);
  }
  return out;
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out.push_back(c);
    }
  }
}

// The page's title and its figure's alt text as the SVG's <title> and <desc>, the first children
// of the root element, where assistive technology looks for an image's name and description.
std::string with_title(const std::string& svg, const scene::Page& page) {
  std::string alt = scene::first_figure_alt(page.items);
  if (page.title.empty() && alt.empty()) return svg;
  size_t root = svg.find("<svg");
  size_t end = root == std::string::npos ? root : svg.find('>', root);
  if (end == std::string::npos) return svg;
  std::string storage;
  std::string out = svg.substr(0, end + 1);
  out += "\n<title>";
  append_escaped(out, valid_utf8(page.title, storage));
  out += "</title>";
  if (!alt.empty()) {
    out += "\n<desc>";
    append_escaped(out, valid_utf8(alt, storage));
    out += "</desc>";
  }
  out += svg.substr(end + 1);
  return out;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};

}  // namespace

bool write_svg(const scene::Page& page, const std::string& path, std::string& error) {
  if (!check_page_size(page, kMaxSvgPageSize, error)) return false;
  std::string svg;
  {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_svg_surface_create_for_stream(append_to_string, &svg, page.width, page.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      error = cairo_error("cannot create an SVG surface", cairo_surface_status(surface.get()));
      return false;
    }
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_1);
    cairo_t* cr = cairo_create(surface.get());
    {
      PagePainter painter(cr, false);
      painter.paint_page(page);
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status != CAIRO_STATUS_SUCCESS) {
      error = cairo_error(("cannot paint " + path).c_str(), status);
      return false;
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      error = cairo_error(("cannot write " + path).c_str(), cairo_surface_status(surface.get()));
      return false;
    }
  }
  svg = with_title(renumber_process_ids(svg), page);
  return write_bytes(path, svg, error);
}

}  // namespace tenkai::renderers
