// The one Cairo painter behind every page format: scene items onto any cairo_t.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/scene/scene.h"
#include "renderers/cairo/pango_setup.h"
#include "renderers/cairo/plain_shaping.h"

namespace tenkai::renderers {

class FontSubstitutes;

// Paints pages onto one cairo context. Keep one painter for all pages of a surface: it reuses its
// Pango context and keeps a shaped line per distinct (font, text), so the thousands of
// repeated cells of a long table are shaped once. The context's transformation must not change
// except by translation between construction and the last paint (Groups only translate).
class PagePainter {
 public:
  // `emit_links`: write link tags (only PDF surfaces use them; others ignore tags anyway).
  // `tagged`: also write PDF structure tags from the scene's meanings: a Sect per page, H1 for
  // its title, P per paragraph, Table/TR/TH/TD, Figure for drawings, charts and pictures.
  PagePainter(cairo_t* cr, bool emit_links, bool tagged = false);
  ~PagePainter();
  PagePainter(const PagePainter&) = delete;
  PagePainter& operator=(const PagePainter&) = delete;

  // Text from here on is drawn through `substitutes` (font_subset.h); null: through Pango alone.
  // Set before the first line is prepared or painted, if at all.
  void set_font_substitutes(FontSubstitutes* substitutes) { substitutes_ = substitutes; }

  // Shapes every line of `pages` and shows their glyphs to the font substitutes before the
  // first page is painted (see FontSubstitutes::note_line); the lines are then painted from the
  // cache.
  void prepare(const std::vector<scene::Page>& pages);
  void paint_page(const scene::Page& page);
  void paint_items(const std::vector<scene::Item>& items);
  void paint(const scene::Item& item);

  void paint(const scene::TextLine& text);
  void paint(const scene::Path& path);
  void paint(const scene::Group& group);
  void paint(const scene::Link& link);
  void paint(const scene::Image& image);

  // The alt text of every Figure tag written so far, in the order they were opened.
  const std::vector<std::string>& figure_alts() const { return figure_alts_; }

 private:
  // Which items a pass over a table's group paints.
  enum class Filter { all, no_text, cell_text, loose_text };

  // A distinct (font, text) line, shaped once and painted wherever it appears: by a layout, or,
  // when it is plain and drawn through font substitutes, as the runs the layout would make.
  struct ShapedLine {
    PangoLayout* layout = nullptr;  // owned; null for runs shaped directly
    std::string text;               // what the direct runs were shaped from
    GSList* runs = nullptr;         // owned PangoGlyphItems, left to right (no layout only)
  };
  const ShapedLine* line_for(const scene::TextLine& text);
  bool shape_directly(const std::string& text, const PangoFontDescription* description,
                      ShapedLine& line);
  static void release(ShapedLine& line);
  void prepare_items(const std::vector<scene::Item>& items);
  void paint_group_items(const scene::Group& group);
  void paint_meaning(const scene::Group& group);
  void paint_table(const scene::Group& group, const scene::Table& table);
  // A table's cells in structure order (row by row, spans once), each with the rectangle its
  // text is taken from, and the grid that finds the cells containing a line.
  struct CellBox {
    size_t row;
    scene::Rect box;
  };
  struct CellBoxes {
    std::vector<CellBox> boxes;
    size_t rows = 0, columns = 0;
    std::vector<double> row_edges, column_edges;  // rows + 1 and columns + 1 edges
    std::vector<size_t> owner;  // per grid cell: the box that covers it, or kNoBox
    // The boxes (indices, ascending) that contain the line's point, `origin` being the table
    // group's offset.
    std::vector<size_t> containing(const scene::TextLine& text, scene::Point origin) const;
  };
  static constexpr size_t kNoBox = static_cast<size_t>(-1);
  static CellBoxes cell_boxes(const scene::Table& table);
  void paint_figure(const scene::Group& group, const std::string& alt);
  bool text_passes(const scene::TextLine& text) const;
  // Whether the middle of the line's em box, offset by `origin`, lies in `cell`.
  static bool text_passes_cell(const scene::TextLine& text, scene::Point origin,
                               const scene::Rect& cell);
  // Saves the state and applies the group's offset and clip; false (state restored) when the
  // clip is unusable and nothing of the group may be painted.
  bool begin_group(const scene::Group& group);
  void end_group(bool begun);
  void begin_tag(const char* name);
  void end_tag(const char* name);
  void close_paragraph();

  cairo_t* cr_;
  bool emit_links_;
  bool tagged_;
  int whole_ = 0;  // open tags that take their content whole (no P inside an H1, a cell, a figure)
  bool paragraph_open_ = false;
  uint32_t paragraph_block_ = 0;
  std::vector<std::string> figure_alts_;
  Filter filter_ = Filter::all;
  scene::Rect cell_;     // the cell a cell_text pass paints, or the table's box
  scene::Point origin_;  // translation of the items being painted within the current table

  PangoContext* context_;
  FontDescriptionCache fonts_;
  std::unordered_map<std::string, ShapedLine> lines_;
  std::unique_ptr<PlainShaper> shaper_;  // on the painter's context
  FontSubstitutes* substitutes_ = nullptr;
};

// Convenience for one page on `cr` with a fresh painter (no link tags).
void paint_page(cairo_t* cr, const scene::Page& page);

// False with a message unless the page's size is positive and finite (and at most `limit`).
bool check_page_size(const scene::Page& page, double limit, std::string& error);

// Cairo's status as a message, prefixed with what was being done.
std::string cairo_error(const char* doing, cairo_status_t status);

}  // namespace tenkai::renderers
