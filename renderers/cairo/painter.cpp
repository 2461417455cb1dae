// Painting scene items with Cairo and Pango: text lines, paths, translated/clipped groups, links.
#include "renderers/cairo/painter.h"

#include "renderers/cairo/font_subset.h"
#include "renderers/cairo/jpeg_decoder.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/scene/alt_text.h"
#include "core/text/uri.h"

namespace tenkai::renderers {

namespace {

// Bounds the line cache on pathological inputs; far above any real deck's distinct strings.
constexpr size_t kMaxCachedLayouts = 100000;

bool finite(scene::Point p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

void set_color(cairo_t* cr, const scene::Color& c) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

// Cairo puts the context into a sticky error state on a bad dash array; fall back to solid.
bool usable_dashes(const std::vector<double>& dashes) {
  bool any_positive = false;
  for (double d : dashes) {
    if (!std::isfinite(d) || d < 0) return false;
    if (d > 0) any_positive = true;
  }
  return any_positive;
}

void append_number(std::string& out, double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  out.append(buffer, result.ptr);
}

// Cairo tag attribute strings are single-quoted with backslash escapes.
void append_quoted(std::string& out, const std::string& text) {
  out.push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

}  // namespace

bool check_page_size(const scene::Page& page, double limit, std::string& error) {
  if (std::isfinite(page.width) && std::isfinite(page.height) && page.width > 0 &&
      page.height > 0 && page.width <= limit && page.height <= limit)
    return true;
  std::string size;
  append_number(size, page.width);
  size += " x ";
  append_number(size, page.height);
  error = "page \"" + page.title + "\" has an unusable size (" + size + " pt)";
  return false;
}

std::string cairo_error(const char* doing, cairo_status_t status) {
  return std::string(doing) + ": " + cairo_status_to_string(status);
}

PagePainter::PagePainter(cairo_t* cr, bool emit_links, bool tagged)
    : cr_(cr), emit_links_(emit_links), tagged_(tagged) {
  context_ = pango_font_map_create_context(shared_font_map());
  // Takes the device scale (PNG) into the context so glyphs are rasterized at device size; the
  // settings below then override whatever the surface suggests, so metrics stay unhinted.
  pango_cairo_update_context(cr_, context_);
  configure_context(context_);
  shaper_ = std::make_unique<PlainShaper>(context_);
}

PagePainter::~PagePainter() {
  for (auto& [key, line] : lines_) release(line);
  shaper_.reset();
  g_object_unref(context_);
}

void PagePainter::release(ShapedLine& line) {
  if (line.layout != nullptr) g_object_unref(line.layout);
  g_slist_free_full(line.runs, reinterpret_cast<GDestroyNotify>(pango_glyph_item_free));
  line.layout = nullptr;
  line.runs = nullptr;
}

namespace {

const scene::TextBlock* text_block(const scene::Item& item) {
  const auto* group = std::get_if<scene::Group>(&item);
  if (!group || !group->meaning) return nullptr;
  return std::get_if<scene::TextBlock>(&*group->meaning);
}

bool contains(const scene::Rect& r, double x, double y) {
  return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
}

}  // namespace

void PagePainter::prepare(const std::vector<scene::Page>& pages) {
  if (substitutes_ == nullptr) return;
  for (const scene::Page& page : pages) prepare_items(page.items);
}

void PagePainter::prepare_items(const std::vector<scene::Item>& items) {
  for (const scene::Item& item : items) {
    if (const auto* text = std::get_if<scene::TextLine>(&item)) {
      if (text->text.empty() || !finite(text->baseline)) continue;
      const ShapedLine* line = line_for(*text);
      if (line == nullptr) continue;
      if (line->layout == nullptr) {
        substitutes_->note_runs(line->runs);
      } else if (PangoLayoutLine* laid_out = pango_layout_get_line_readonly(line->layout, 0)) {
        substitutes_->note_line(laid_out);
      }
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      if (finite(group->offset)) prepare_items(group->items);
    }
  }
}

void PagePainter::paint_page(const scene::Page& page) {
  if (!tagged_) {
    paint_items(page.items);
    return;
  }
  // Reading order: the title first, then the rest as laid out. Layout keeps the master's items
  // (title, footer) clear of the body, so painting the title first changes nothing visible.
  begin_tag("Sect");
  for (const scene::Item& item : page.items) {
    const scene::TextBlock* block = text_block(item);
    if (block && block->role == "title") paint(item);
  }
  for (const scene::Item& item : page.items) {
    const scene::TextBlock* block = text_block(item);
    if (!block || block->role != "title") paint(item);
  }
  close_paragraph();
  end_tag("Sect");
}

void PagePainter::begin_tag(const char* name) {
  cairo_tag_begin(cr_, name, "");
}

void PagePainter::end_tag(const char* name) {
  cairo_tag_end(cr_, name);
}

void PagePainter::close_paragraph() {
  if (!paragraph_open_) return;
  end_tag("P");
  paragraph_open_ = false;
}

bool PagePainter::text_passes(const scene::TextLine& text) const {
  if (filter_ == Filter::all) return true;
  if (filter_ == Filter::no_text) return false;
  bool in = text_passes_cell(text, origin_, cell_);
  return filter_ == Filter::cell_text ? in : !in;
}

bool PagePainter::text_passes_cell(const scene::TextLine& text, scene::Point origin,
                                   const scene::Rect& cell) {
  // The middle of the line's em box, in the table group's coordinates.
  double x = origin.x + text.baseline.x + text.width / 2;
  double y = origin.y + text.baseline.y - 0.35 * text.font.size;
  return contains(cell, x, y);
}

void PagePainter::paint_items(const std::vector<scene::Item>& items) {
  for (const scene::Item& item : items) paint(item);
}

void PagePainter::paint(const scene::Item& item) {
  std::visit([this](const auto& value) { paint(value); }, item);
}

const PagePainter::ShapedLine* PagePainter::line_for(const scene::TextLine& text) {
  std::string key = font_text_key(text.font, text.text);
  auto found = lines_.find(key);
  if (found != lines_.end()) return &found->second;
  const PangoFontDescription* description = fonts_.get(text.font);
  if (description == nullptr) return nullptr;
  if (lines_.size() >= kMaxCachedLayouts) {
    for (auto& [old_key, line] : lines_) release(line);
    lines_.clear();
  }
  ShapedLine line;
  // Only the font substitutes draw runs without their layout (Pango's own line drawing wants
  // the layout); they draw the directly shaped runs exactly as the layout's.
  if (substitutes_ == nullptr || !shape_directly(text.text, description, line)) {
    line.layout = create_single_line_layout(context_);
    pango_layout_set_font_description(line.layout, description);
    std::string storage;
    std::string_view valid = valid_utf8(text.text, storage);
    pango_layout_set_text(line.layout, valid.data(), static_cast<int>(valid.size()));
  }
  return &lines_.emplace(std::move(key), std::move(line)).first->second;
}

bool PagePainter::shape_directly(const std::string& text, const PangoFontDescription* description,
                                 ShapedLine& line) {
  GSList* reversed = nullptr;
  bool complete = true;
  bool plain = shaper_->shape(text, description, [&](const PlainShaper::Run& run) {
    if (!complete) return;
    PangoGlyphItem* glyph_item = make_glyph_item(run, text.c_str());
    if (glyph_item == nullptr)
      complete = false;
    else
      reversed = g_slist_prepend(reversed, glyph_item);
  });
  line.runs = g_slist_reverse(reversed);
  if (plain && complete) {
    line.text = text;
    return true;
  }
  release(line);
  return false;
}

void PagePainter::paint(const scene::TextLine& text) {
  if (text.text.empty() || !finite(text.baseline) || !text_passes(text)) return;
  if (tagged_ && whole_ == 0 && (!paragraph_open_ || text.block != paragraph_block_)) {
    // Text that means nothing more specific: one P per paragraph (lines sharing a block;
    // lines of no block that follow each other are one, up to the next painting that is not
    // text).
    close_paragraph();
    begin_tag("P");
    paragraph_open_ = true;
    paragraph_block_ = text.block;
  }
  const ShapedLine* shaped = line_for(text);
  if (shaped == nullptr) return;
  PangoLayoutLine* line = nullptr;
  if (shaped->layout != nullptr) {
    line = pango_layout_get_line_readonly(shaped->layout, 0);
    if (line == nullptr) return;
  }
  set_color(cr_, text.color);
  // A line is drawn with its baseline at the current point, which is what the scene stores; no
  // ascent arithmetic is needed.
  cairo_move_to(cr_, text.baseline.x, text.baseline.y);
  if (line == nullptr)
    substitutes_->show_runs(cr_, shaped->text.c_str(), shaped->runs);
  else if (substitutes_ != nullptr)
    substitutes_->show_line(cr_, line);
  else
    pango_cairo_show_layout_line(cr_, line);
  cairo_new_path(cr_);
}

void PagePainter::paint(const scene::Path& path) {
  if (path.segments.empty() || (!path.fill && !path.stroke)) return;
  if (filter_ == Filter::cell_text || filter_ == Filter::loose_text) return;
  if (whole_ == 0) close_paragraph();
  cairo_new_path(cr_);
  for (const scene::PathSegment& segment : path.segments) {
    const scene::Point* p = segment.points;
    switch (segment.verb) {
      case scene::PathVerb::move_to:
        if (finite(p[0])) cairo_move_to(cr_, p[0].x, p[0].y);
        break;
      case scene::PathVerb::line_to:
        if (finite(p[0])) cairo_line_to(cr_, p[0].x, p[0].y);
        break;
      case scene::PathVerb::curve_to:
        if (finite(p[0]) && finite(p[1]) && finite(p[2]))
          cairo_curve_to(cr_, p[0].x, p[0].y, p[1].x, p[1].y, p[2].x, p[2].y);
        break;
      case scene::PathVerb::close:
        cairo_close_path(cr_);
        break;
    }
  }
  if (path.fill) {
    set_color(cr_, *path.fill);
    cairo_fill_preserve(cr_);
  }
  if (path.stroke && std::isfinite(path.stroke->width) && path.stroke->width > 0) {
    const scene::Stroke& stroke = *path.stroke;
    set_color(cr_, stroke.color);
    cairo_set_line_width(cr_, stroke.width);
    if (usable_dashes(stroke.dashes)) {
      cairo_set_dash(cr_, stroke.dashes.data(), static_cast<int>(stroke.dashes.size()), 0);
    } else {
      cairo_set_dash(cr_, nullptr, 0, 0);
    }
    cairo_stroke_preserve(cr_);
  }
  cairo_new_path(cr_);
}

void PagePainter::paint(const scene::Group& group) {
  if (!finite(group.offset)) return;
  if (tagged_ && whole_ == 0 && group.meaning && filter_ == Filter::all) {
    paint_meaning(group);
    return;
  }
  paint_group_items(group);
}

bool PagePainter::begin_group(const scene::Group& group) {
  cairo_save(cr_);
  cairo_translate(cr_, group.offset.x, group.offset.y);
  if (group.clip) {
    const scene::Rect& r = *group.clip;
    if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.width) ||
        !std::isfinite(r.height)) {
      cairo_restore(cr_);
      return false;
    }
    cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
    cairo_clip(cr_);
  }
  return true;
}

void PagePainter::end_group(bool begun) {
  if (begun) cairo_restore(cr_);
}

void PagePainter::paint_group_items(const scene::Group& group) {
  if (!begin_group(group)) return;
  scene::Point saved = origin_;
  origin_ = {origin_.x + group.offset.x, origin_.y + group.offset.y};
  paint_items(group.items);
  origin_ = saved;
  end_group(true);
}

void PagePainter::paint_meaning(const scene::Group& group) {
  close_paragraph();
  const scene::Meaning& meaning = *group.meaning;
  if (const auto* block = std::get_if<scene::TextBlock>(&meaning)) {
    if (block->role == "footer" || block->role == "page_number") {
      // Running matter is not content; left out of the structure (an artifact for readers).
      ++whole_;
      paint_group_items(group);
      --whole_;
    } else if (block->role == "title" || block->role == "subtitle") {
      const char* tag = block->role == "title" ? "H1" : "H2";
      begin_tag(tag);
      ++whole_;
      paint_group_items(group);
      --whole_;
      end_tag(tag);
    } else {
      paint_group_items(group);  // a P per paragraph
      close_paragraph();
    }
  } else if (const auto* table = std::get_if<scene::Table>(&meaning)) {
    paint_table(group, *table);
  } else if (const auto* chart = std::get_if<scene::Chart>(&meaning)) {
    paint_figure(group, chart->alt.empty() ? scene::default_alt(*chart) : chart->alt);
  } else if (const auto* drawing = std::get_if<scene::Drawing>(&meaning)) {
    paint_figure(group, drawing->alt);
  } else {
    paint_group_items(group);  // shapes and connectors: their labels become paragraphs
    close_paragraph();
  }
}

void PagePainter::paint_figure(const scene::Group& group, const std::string& alt) {
  begin_tag("Figure");
  figure_alts_.push_back(alt);
  ++whole_;
  paint_group_items(group);
  --whole_;
  end_tag("Figure");
}

PagePainter::CellBoxes PagePainter::cell_boxes(const scene::Table& table) {
  CellBoxes out;
  out.rows = std::min(table.cells.size(), table.row_heights.size());
  out.columns = table.column_widths.size();
  out.row_edges.assign(1, table.box.y);
  for (size_t r = 0; r < out.rows; ++r)
    out.row_edges.push_back(out.row_edges.back() + table.row_heights[r]);
  out.column_edges.assign(1, table.box.x);
  for (double width : table.column_widths)
    out.column_edges.push_back(out.column_edges.back() + width);
  out.owner.assign(out.rows * out.columns, kNoBox);
  // A spanning cell owns every grid cell it covers; a covered cell has no box of its own.
  std::vector<const scene::CellSpan*> span_at(out.rows * out.columns, nullptr);
  std::vector<bool> covered(out.rows * out.columns, false);
  // (The layouts' spans never overlap, so each grid cell has one owner.)
  auto in_grid = [&](long r, long c) {
    return r >= 0 && c >= 0 && r < static_cast<long>(out.rows) &&
           c < static_cast<long>(out.columns);
  };
  for (const auto& span : table.spans) {
    for (long k = 0; k < span.rows; ++k) {
      for (long j = 0; j < span.cols; ++j) {
        long r = span.row + k, c = span.col + j;
        if ((k != 0 || j != 0) && in_grid(r, c))
          covered[static_cast<size_t>(r) * out.columns + static_cast<size_t>(c)] = true;
      }
    }
    if (in_grid(span.row, span.col))
      span_at[static_cast<size_t>(span.row) * out.columns + static_cast<size_t>(span.col)] = &span;
  }
  for (size_t r = 0; r < out.rows; ++r) {
    const size_t columns = std::min(table.cells[r].size(), out.columns);
    for (size_t c = 0; c < columns; ++c) {
      if (covered[r * out.columns + c]) continue;
      double width = table.column_widths[c], height = table.row_heights[r];
      const scene::CellSpan* span = span_at[r * out.columns + c];
      size_t span_rows = 1, span_cols = 1;
      if (span != nullptr) {
        width = height = 0;
        for (int k = 0; k < span->cols && c + k < out.columns; ++k)
          width += table.column_widths[c + k];
        for (int k = 0; k < span->rows && r + k < out.rows; ++k) height += table.row_heights[r + k];
        span_rows = static_cast<size_t>(std::max(span->rows, 1));
        span_cols = static_cast<size_t>(std::max(span->cols, 1));
      }
      const size_t index = out.boxes.size();
      out.boxes.push_back({r, {out.column_edges[c], out.row_edges[r], width, height}});
      for (size_t k = 0; k < span_rows && r + k < out.rows; ++k) {
        for (size_t j = 0; j < span_cols && c + j < out.columns; ++j)
          out.owner[(r + k) * out.columns + c + j] = index;
      }
    }
  }
  return out;
}

std::vector<size_t> PagePainter::CellBoxes::containing(const scene::TextLine& text,
                                                       scene::Point origin) const {
  // The grid cell the line's point falls in, found from the row and column edges, and the
  // cells around it: a spanning box's size is a sum of widths, which may differ from the
  // grid's edges in the last bit. Each candidate box is then tested exactly.
  std::vector<size_t> found;
  if (rows == 0 || columns == 0) return found;
  const double x = origin.x + text.baseline.x + text.width / 2;
  const double y = origin.y + text.baseline.y - 0.35 * text.font.size;
  auto index_of = [](const std::vector<double>& edges, double at) {
    return static_cast<long>(std::upper_bound(edges.begin(), edges.end(), at) - edges.begin()) - 1;
  };
  const long row = index_of(row_edges, y), column = index_of(column_edges, x);
  for (long r = row - 1; r <= row + 1; ++r) {
    for (long c = column - 1; c <= column + 1; ++c) {
      if (r < 0 || c < 0 || r >= static_cast<long>(rows) || c >= static_cast<long>(columns))
        continue;
      size_t box = owner[static_cast<size_t>(r) * columns + static_cast<size_t>(c)];
      if (box == kNoBox) continue;
      if (std::find(found.begin(), found.end(), box) != found.end()) continue;
      if (text_passes_cell(text, origin, boxes[box].box)) found.push_back(box);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

void PagePainter::paint_table(const scene::Group& group, const scene::Table& table) {
  // Rules and fills first, untagged; then the text cell by cell in rows, so the structure reads
  // row after row whatever order the cells were painted in; text outside the cells last.
  scene::Point saved = origin_;
  origin_ = {};
  filter_ = Filter::no_text;
  paint_group_items(group);
  const CellBoxes cells = cell_boxes(table);
  const std::vector<CellBox>& boxes = cells.boxes;
  const size_t rows = cells.rows;
  // A table group of lines and paths alone (as the layouts make them) is walked once: each line
  // goes to every cell that contains it, in painting order, which is what a pass over the group
  // per cell would paint. Nested groups keep that pass per cell.
  bool flat = std::none_of(group.items.begin(), group.items.end(), [](const scene::Item& item) {
    return std::holds_alternative<scene::Group>(item);
  });
  std::vector<std::vector<const scene::TextLine*>> lines(flat ? boxes.size() : 0);
  if (flat) {
    for (const scene::Item& item : group.items) {
      const auto* text = std::get_if<scene::TextLine>(&item);
      if (text == nullptr) continue;
      for (size_t i : cells.containing(*text, group.offset)) lines[i].push_back(text);
    }
  }
  begin_tag("Table");
  ++whole_;
  bool clipped = flat && begin_group(group);
  for (size_t i = 0, r = 0; r < rows; ++r) {
    begin_tag("TR");
    for (; i < boxes.size() && boxes[i].row == r; ++i) {
      const char* tag = static_cast<int>(r) < table.header_rows ? "TH" : "TD";
      begin_tag(tag);
      if (flat) {
        if (clipped) {
          filter_ = Filter::all;
          for (const scene::TextLine* text : lines[i]) paint(*text);
        }
      } else {
        filter_ = Filter::cell_text;
        cell_ = boxes[i].box;
        paint_group_items(group);
      }
      end_tag(tag);
    }
    end_tag("TR");
  }
  if (flat) end_group(clipped);
  --whole_;
  end_tag("Table");
  filter_ = Filter::loose_text;
  cell_ = table.box;
  paint_group_items(group);
  filter_ = Filter::all;
  close_paragraph();
  origin_ = saved;
}

void PagePainter::paint(const scene::Link& link) {
  if (!emit_links_ || link.uri.empty()) return;
  if (filter_ == Filter::cell_text || filter_ == Filter::loose_text) return;
  if (whole_ == 0) close_paragraph();
  const scene::Rect& r = link.area;
  if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.width) ||
      !std::isfinite(r.height) || r.width <= 0 || r.height <= 0)
    return;
  // Loaders allow only http, https and mailto; anything else never becomes an annotation.
  if (std::string why; !text::is_allowed_link(link.uri, why)) return;
  // Cairo 1.16 takes the link rectangle as given, without applying the current transformation,
  // so group offsets are applied here.
  double x = r.x, y = r.y;
  cairo_user_to_device(cr_, &x, &y);
  std::string attributes = "rect=[";
  append_number(attributes, x);
  attributes.push_back(' ');
  append_number(attributes, y);
  attributes.push_back(' ');
  append_number(attributes, r.width);
  attributes.push_back(' ');
  append_number(attributes, r.height);
  attributes += "] uri=";
  append_quoted(attributes, link.uri);
  cairo_tag_begin(cr_, CAIRO_TAG_LINK, attributes.c_str());
  cairo_tag_end(cr_, CAIRO_TAG_LINK);
}

namespace {

struct ByteReader {
  const std::vector<unsigned char>& bytes;
  size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto& reader = *static_cast<ByteReader*>(closure);
  if (reader.bytes.size() - reader.at < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader.bytes.data() + reader.at, length, data);
  reader.at += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void PagePainter::paint(const scene::Image& image) {
  const scene::Rect& r = image.box;
  if (!image.data || (image.data->format != "png" && image.data->format != "jpeg") ||
      !std::isfinite(r.x) || !std::isfinite(r.y) || !(r.width > 0) || !(r.height > 0))
    return;
  if (filter_ == Filter::cell_text || filter_ == Filter::loose_text) return;
  bool figure = tagged_ && whole_ == 0;
  if (figure) {
    close_paragraph();
    begin_tag("Figure");
    figure_alts_.push_back(image.alt);
  }
  cairo_surface_t* picture = nullptr;
  if (image.data->format == "jpeg") {
    picture = decode_jpeg(image.data->bytes);
    if (!picture) {
      if (figure) end_tag("Figure");
      return;
    }
  } else {
    ByteReader reader{image.data->bytes};
    picture = cairo_image_surface_create_from_png_stream(read_bytes, &reader);
  }
  if (cairo_surface_status(picture) == CAIRO_STATUS_SUCCESS) {
    int width = cairo_image_surface_get_width(picture);
    int height = cairo_image_surface_get_height(picture);
    if (width > 0 && height > 0) {
      cairo_save(cr_);
      cairo_translate(cr_, r.x, r.y);
      cairo_scale(cr_, r.width / width, r.height / height);
      cairo_set_source_surface(cr_, picture, 0, 0);
      // Pictures such as QR codes must stay sharp when scaled up.
      cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_NEAREST);
      cairo_paint(cr_);
      cairo_restore(cr_);
    }
  }
  cairo_surface_destroy(picture);
  if (figure) end_tag("Figure");
}

void paint_page(cairo_t* cr, const scene::Page& page) {
  PagePainter painter(cr, false);
  painter.paint_page(page);
}

}  // namespace tenkai::renderers
