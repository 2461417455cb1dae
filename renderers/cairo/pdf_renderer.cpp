// The PDF renderer: every page of a document on one Cairo PDF surface, with metadata, outline,
// links and structure tags (a tagged PDF: Document, a Sect per page, H1, P, Table, Figure), then
// finished by qpdf (language, alt texts); reproducible byte for byte.
#include <cairo-pdf.h>

#include <cctype>
#include <memory>

#include "renderers/cairo/byte_sink.h"
#include "renderers/cairo/font_subset.h"
#include "renderers/cairo/page_renderers.h"
#include "renderers/cairo/painter.h"
#include "renderers/cairo/pdf_tagging.h"
#include "renderers/cairo/pdf_xref.h"

namespace tenkai::renderers {

namespace {

// PDF's own limit on page size (ISO 32000, 14 400 units).
constexpr double kMaxPdfPageSize = 14400;

// The decks are Japanese; screen readers pick their voice from it.
constexpr const char* kLanguage = "ja-JP";

// Used when the caller left the date empty: Cairo would otherwise stamp the wall clock.
constexpr const char* kFallbackDate = "2000-01-01T00:00:00Z";

bool digits(const std::string& s, size_t at, size_t count) {
  if (at + count > s.size()) return false;
  for (size_t i = at; i < at + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Cairo 1.16 quietly falls back to the current time for a date it cannot parse, so only the
// forms it converts faithfully pass: YYYY-MM-DD, optionally Thh:mm[:ss], optionally Z or +hh:mm
// or -hh:mm.
bool is_cairo_date(const std::string& s) {
  if (!digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2))
    return false;
  size_t at = 10;
  if (at < s.size() && s[at] == 'T') {
    if (!digits(s, at + 1, 2) || at + 3 >= s.size() || s[at + 3] != ':' || !digits(s, at + 4, 2))
      return false;
    at += 6;
    if (at < s.size() && s[at] == ':') {
      if (!digits(s, at + 1, 2)) return false;
      at += 3;
    }
    if (at < s.size() && s[at] == 'Z') {
      at += 1;
    } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
      if (!digits(s, at + 1, 2) || at + 3 >= s.size() || s[at + 3] != ':' || !digits(s, at + 4, 2))
        return false;
      at += 6;
    }
  }
  return at == s.size();
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

void set_text_metadata(cairo_surface_t* surface, cairo_pdf_metadata_t key,
                       const std::string& value) {
  if (value.empty()) return;
  std::string storage;
  std::string text(valid_utf8(value, storage));
  cairo_pdf_surface_set_metadata(surface, key, text.c_str());
}

}  // namespace

bool write_pdf(const scene::Document& document, const std::string& path, std::string& error) {
  if (document.pages.empty()) {
    error = "cannot write " + path + ": the document has no pages";
    return false;
  }
  for (const scene::Page& page : document.pages)
    if (!check_page_size(page, kMaxPdfPageSize, error)) return false;
  std::string date =
      document.info.creation_date.empty() ? kFallbackDate : document.info.creation_date;
  if (!is_cairo_date(date)) {
    error = "creation date \"" + date + "\" is not YYYY-MM-DD[Thh:mm[:ss]][Z|+hh:mm|-hh:mm]";
    return false;
  }

  // Collected in memory so the cross-reference table can be repaired before anything is written.
  std::string bytes;
  // Declared before the surface: its faces must outlive the surface's finish (on every path),
  // which is when fonts are subset.
  FontSubstitutes substitutes(document.pages);
  const scene::Page& first = document.pages.front();
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &bytes, first.width, first.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    error = cairo_error("cannot create a PDF surface", cairo_surface_status(surface.get()));
    return false;
  }
  cairo_surface_t* pdf = surface.get();
  set_text_metadata(pdf, CAIRO_PDF_METADATA_TITLE, document.info.title);
  set_text_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, document.info.author);
  set_text_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, document.info.subject);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "tenkai");
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());

  std::vector<std::string> figure_alts;
  {
    std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(pdf));
    cairo_t* cr = context.get();
    PagePainter painter(cr, true, true);
    painter.set_font_substitutes(&substitutes);
    painter.prepare(document.pages);
    for (size_t i = 0; i < document.pages.size(); ++i) {
      const scene::Page& page = document.pages[i];
      // Must precede any drawing on the page.
      cairo_pdf_surface_set_size(pdf, page.width, page.height);
      // The structure root opens on the first page, after its size is set (Cairo 1.16 fails on
      // a tag that precedes it), and closes before the last page is shown.
      if (i == 0) cairo_tag_begin(cr, "Document", "");
      painter.paint_page(page);
      if (!page.title.empty()) {
        std::string storage;
        std::string title(valid_utf8(page.title, storage));
        std::string destination = "page=" + std::to_string(i + 1);
        cairo_pdf_surface_add_outline(pdf, CAIRO_PDF_OUTLINE_ROOT, title.c_str(),
                                      destination.c_str(), cairo_pdf_outline_flags_t(0));
      }
      if (i + 1 == document.pages.size()) cairo_tag_end(cr, "Document");
      cairo_show_page(cr);
      if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        error = cairo_error(("cannot paint page " + std::to_string(i + 1) + " of " + path).c_str(),
                            cairo_status(cr));
        return false;
      }
    }
    figure_alts = painter.figure_alts();
  }
  cairo_surface_finish(pdf);
  if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
    error = cairo_error(("cannot write " + path).c_str(), cairo_surface_status(pdf));
    return false;
  }
  surface.reset();
  free_unwritten_xref_entries(bytes);
  if (!finish_tagged_pdf(bytes, figure_alts, kLanguage, error)) return false;
  return write_bytes(path, bytes, error);
}

}  // namespace tenkai::renderers
