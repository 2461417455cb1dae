// Device-independent pages: positioned text lines, paths, groups and links. Renderers only paint
// these; every size is in points (1/72 inch), origin top-left, y growing downwards.
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
};

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

struct Group;
using Item = std::variant<TextLine, Path, Link, Group>;

// Items painted in order, translated by `offset`; `clip` restricts painting when set.
struct Group {
  Point offset;
  std::optional<Rect> clip;
  std::vector<Item> items;
};

struct Page {
  double width = 720;  // 4:3 at 10 × 7.5 in
  double height = 540;
  std::string title;  // outline entry for this page
  std::vector<Item> items;
};

// A figure written to its own file (SVG / PNG), e.g. one diagram for reuse in other documents.
struct Figure {
  std::string name;                  // file stem, e.g. "rollout-table"
  std::vector<std::string> formats;  // "svg", "png"
  Page page;
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
