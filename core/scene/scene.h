// Device-independent pages: positioned text lines, paths, images, groups and links, and beside
// what is painted, what it means (text blocks, shapes, connectors, tables, charts), so that
// `tenkai scene`, PPTX and tagged PDF can ask which text is a title or which cells form a table.
// Every size is in points (1/72 inch), origin top-left, y growing downwards.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tenkai::scene {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;
};

struct Point {
  double x = 0, y = 0;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
};

enum class Weight { regular, bold };

struct Font {
  std::string family = "Noto Sans CJK JP";
  double size = 12;  // points
  Weight weight = Weight::regular;
  bool italic = false;
};

// One line of text, already broken by layout; painted left-aligned with its baseline at
// `baseline`. `width` is the measured advance, kept so renderers and tests need not re-measure.
struct TextLine {
  Point baseline;
  std::string text;
  Font font;
  Color color;
  double width = 0;
  // The paragraph, table cell or label this line belongs to: lines broken from one paragraph
  // share it, and no other line does (0: not yet assigned). Numbers are unique within a
  // process; `tenkai scene` renumbers them per page in painting order. See new_block().
  uint32_t block = 0;
};

// A fresh block number for the lines of one paragraph, cell or label.
uint32_t new_block();

enum class PathVerb { move_to, line_to, curve_to, close };

struct PathSegment {
  PathVerb verb = PathVerb::move_to;
  Point points[3];  // move/line use [0]; curve uses all three
};

struct Stroke {
  Color color;
  double width = 1;
  std::vector<double> dashes;  // empty: solid
};

struct Path {
  std::vector<PathSegment> segments;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
};

// A clickable area pointing at a URI (PDF link annotation; ignored by raster output).
struct Link {
  Rect area;
  std::string uri;
};

// Encoded picture data, shared between the page and its figures without copying.
struct ImageData {
  std::string
      format;  // "png" or "jpeg": the bytes are that file, embedded unchanged where possible
  std::vector<unsigned char> bytes;
  int pixel_width = 0, pixel_height = 0;
};

// A picture scaled into `box`; `alt` is what a reader who cannot see it is told.
struct Image {
  Rect box;
  std::shared_ptr<const ImageData> data;
  std::string alt;
};

// ---- What painted items mean ----------------------------------------------------------------
// Each is attached to a Group holding the painted items it explains; renderers that only paint
// ignore it, PPTX and tagged PDF write the meaning instead of (or around) the painting.
// `box` is in the coordinates of the group's own items (before its offset is applied).

// A block of text: title, subtitle, body, bullet, note, footnote, caveat, footer, page_number,
// label, caption. `paragraphs` are the unbroken texts, in order.
struct TextBlock {
  std::string role;
  Rect box;
  std::vector<std::string> paragraphs;
};

enum class ShapeGeometry { rectangle, rounded_rectangle, ellipse, plate, freeform };

// A box with optional text: a diagram node, a card, a panel, a tile. `region` names the registry
// region it stands for (or whose training or sessions it shows), `id` is unique on its page so
// connectors can name their ends.
struct Shape {
  std::string id;
  std::string role;  // e.g. region, step, card, panel, tile, legend
  Rect box;
  ShapeGeometry geometry = ShapeGeometry::rectangle;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
  std::string text;  // the whole label, unbroken ("" when none)
  std::string region;
};

// A registry link as drawn: its two region ids and its kind.
struct LinkRef {
  std::string from, to, kind;
  friend bool operator==(const LinkRef&, const LinkRef&) = default;
};

enum class ArrowHeads { none, end, both };

// An arrow or line between two shapes (ids on the same page); `links` are the registry links it
// stands for (one, several between the same two shapes, or none for a plain line).
struct Connector {
  std::string from, to;
  Point start, end;  // where it is drawn, in the group's coordinates
  std::string label;
  ArrowHeads heads = ArrowHeads::end;
  Stroke stroke;
  std::vector<LinkRef> links;
};

// One cell of a table: the whole text, unbroken, with the look the painted cell has.
struct TableCell {
  std::string text;
  double font_size = 12;
  bool bold = false;
  std::string align = "left";  // left | center | right
  std::optional<Color> fill;
};

// A merged cell: starting at [row, col], spanning `rows` × `cols`.
struct CellSpan {
  int row = 0, col = 0, rows = 1, cols = 1;
};

// A table as laid out on one page (a table continued over pages appears on each with its rows).
struct Table {
  std::string role;  // rollout_table, prefecture_summary, …
  Rect box;
  int header_rows = 1;
  std::vector<double> column_widths;          // sum = box.width
  std::vector<double> row_heights;            // one per row of `cells`
  std::vector<std::vector<TableCell>> cells;  // header rows first; a spanned-over cell is ""
  std::vector<CellSpan> spans;
  bool continued = false;  // rows before these were on an earlier page
};

struct ChartSeries {
  std::string name;
  std::string kind = "bar";  // bar | line
  Color color;
  std::vector<double> values;  // one per category
};

// A chart of fiscal years: `categories` are the years, `series` the plotted values.
struct Chart {
  std::string role;  // adoption_chart, …
  Rect box;
  std::vector<int> categories;
  std::vector<ChartSeries> series;
  std::string alt;  // what a reader who cannot see it is told ("": generated from the data)
};

// A drawing made of shapes and connectors (a diagram, a map) as one figure, with its alt text.
struct Drawing {
  std::string role;  // diagram name: pattern_p2, tile_map, …
  Rect box;
  std::string alt;
};

using Meaning = std::variant<TextBlock, Shape, Connector, Table, Chart, Drawing>;

struct Group;
using Item = std::variant<TextLine, Path, Link, Group, Image>;

// Items painted in order, translated by `offset`; `clip` restricts painting when set. `meaning`
// says what the items are, when they are one thing (a title, a table, a shape, a diagram).
struct Group {
  Point offset;
  std::optional<Rect> clip;
  std::vector<Item> items;
  std::optional<Meaning> meaning;
};

// Wraps `items` in a group that means `meaning`.
Group meaningful(Meaning meaning, std::vector<Item> items);

struct Page {
  double width = 720;  // 4:3 at 10 × 7.5 in
  double height = 540;
  std::string title;  // outline entry for this page
  std::string slide;  // name of the slide laid out on it ("" for a figure); `tenkai scene`
  std::vector<Item> items;
  std::string notes;  // speaker notes, placeholders filled ("" when none); paragraphs split at \n
};

// A figure written to its own file (SVG / PNG), e.g. one diagram for reuse in other documents.
struct Figure {
  std::string name;                  // file stem, e.g. "rollout-table"
  std::vector<std::string> formats;  // "svg", "png"
  Page page;
  // Raster resolution of the PNG file; 144 (2 pixels a point) keeps 8-point kana legible.
  double png_dpi = 144;
};

struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string creation_date;  // ISO 8601, fixed by the caller so output is reproducible
};

struct Document {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<Figure> figures;
};

// Helpers for building paths.
Path rectangle(const Rect& rect);
Path line(Point from, Point to);

}  // namespace tenkai::scene
