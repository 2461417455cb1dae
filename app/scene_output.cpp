// `tenkai scene`: the laid-out pages as JSON (CONTRACT.md §4): every painted line with its box,
// size and block, then the meaningful items (text blocks, tables, charts, shapes, connectors,
// drawings, images, links) with the offsets of their groups applied.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "app/build.h"

namespace tenkai::app {
namespace {

using nlohmann::ordered_json;

// Lengths to 1/100 pt: enough for any check, and stable across platforms; whole numbers are
// written as integers (720, not 720.0).
ordered_json rounded(double value) {
  double r = std::round(value * 100) / 100;
  if (r == 0) return 0;  // no "-0"
  if (r == std::floor(r) && std::fabs(r) < 1e15) return static_cast<long long>(r);
  return r;
}

ordered_json box_json(const scene::Rect& r, scene::Point offset) {
  return ordered_json::array(
      {rounded(r.x + offset.x), rounded(r.y + offset.y), rounded(r.width), rounded(r.height)});
}

std::string color_hex(const scene::Color& c) {
  auto channel = [](double v) {
    int i = static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    const char* digits = "0123456789ABCDEF";
    return std::string{digits[i / 16], digits[i % 16]};
  };
  return "#" + channel(c.r) + channel(c.g) + channel(c.b);
}

const char* geometry_name(scene::ShapeGeometry geometry) {
  switch (geometry) {
    case scene::ShapeGeometry::rectangle:
      return "rectangle";
    case scene::ShapeGeometry::rounded_rectangle:
      return "rounded_rectangle";
    case scene::ShapeGeometry::ellipse:
      return "ellipse";
    case scene::ShapeGeometry::plate:
      return "plate";
    case scene::ShapeGeometry::freeform:
      return "freeform";
  }
  return "rectangle";
}

ordered_json link_json(const scene::LinkRef& link) {
  return {{"from", link.from}, {"to", link.to}, {"kind", link.kind}};
}

constexpr double kAscent = 0.88, kDescent = 0.12;

class PageWriter {
 public:
  explicit PageWriter(int number) : number_(number) {}

  void walk(const std::vector<scene::Item>& items, scene::Point offset) {
    for (const auto& item : items) {
      if (const auto* line = std::get_if<scene::TextLine>(&item)) {
        add_line(*line, offset);
      } else if (const auto* link = std::get_if<scene::Link>(&item)) {
        items_.push_back(
            {{"kind", "link"}, {"box", box_json(link->area, offset)}, {"uri", link->uri}});
      } else if (const auto* image = std::get_if<scene::Image>(&item)) {
        items_.push_back(
            {{"kind", "image"}, {"box", box_json(image->box, offset)}, {"alt", image->alt}});
      } else if (const auto* group = std::get_if<scene::Group>(&item)) {
        scene::Point inner{offset.x + group->offset.x, offset.y + group->offset.y};
        if (group->meaning)
          std::visit([&](const auto& m) { add_meaning(m, inner); }, *group->meaning);
        walk(group->items, inner);
      }
    }
  }

  ordered_json lines() { return std::move(lines_); }
  ordered_json items() { return std::move(items_); }

 private:
  std::string block_id(uint32_t block) {
    // Renumbered per page in order of first appearance; an unnumbered line is a block alone.
    int n = 0;
    if (block == 0) {
      n = ++blocks_seen_;
    } else {
      auto [found, added] = blocks_.try_emplace(block, blocks_seen_ + 1);
      if (added) ++blocks_seen_;
      n = found->second;
    }
    return "p" + std::to_string(number_) + "-b" + std::to_string(n);
  }

  void add_line(const scene::TextLine& line, scene::Point offset) {
    // The font's em box at the baseline (Noto Sans CJK's typographic ascent and descent, 0.88
    // and 0.12 of the size): where its glyphs are designed to sit, so lines set with any line
    // spacing of 1 or more never overlap, and a box past its cell means visible overflow.
    const double size = line.font.size;
    scene::Rect box{line.baseline.x, line.baseline.y - kAscent * size, line.width,
                    (kAscent + kDescent) * size};
    ordered_json entry;
    entry["text"] = line.text;
    entry["box"] = box_json(box, offset);
    entry["size"] = rounded(line.font.size);
    entry["block"] = block_id(line.block);
    if (line.font.weight == scene::Weight::bold) entry["bold"] = true;
    lines_.push_back(std::move(entry));
  }

  void add_meaning(const scene::TextBlock& block, scene::Point offset) {
    std::string text;
    for (const auto& paragraph : block.paragraphs) text += (text.empty() ? "" : "\n") + paragraph;
    items_.push_back({{"kind", "text"},
                      {"role", block.role},
                      {"box", box_json(block.box, offset)},
                      {"text", text},
                      {"paragraphs", block.paragraphs}});
  }

  void add_meaning(const scene::Shape& shape, scene::Point offset) {
    ordered_json entry = {{"kind", "shape"},
                          {"id", shape.id},
                          {"role", shape.role},
                          {"box", box_json(shape.box, offset)},
                          {"geometry", geometry_name(shape.geometry)},
                          {"text", shape.text}};
    if (!shape.region.empty()) entry["region"] = shape.region;
    items_.push_back(std::move(entry));
  }

  void add_meaning(const scene::Connector& connector, scene::Point offset) {
    ordered_json entry = {
        {"kind", "connector"},
        {"from", connector.from},
        {"to", connector.to},
        {"start", {rounded(connector.start.x + offset.x), rounded(connector.start.y + offset.y)}},
        {"end", {rounded(connector.end.x + offset.x), rounded(connector.end.y + offset.y)}}};
    if (connector.links.size() == 1) entry["link"] = link_json(connector.links.front());
    if (connector.links.size() > 1) {
      ordered_json links = ordered_json::array();
      for (const auto& link : connector.links) links.push_back(link_json(link));
      entry["links"] = std::move(links);
    }
    if (!connector.label.empty()) entry["label"] = connector.label;
    entry["heads"] = connector.heads == scene::ArrowHeads::none   ? "none"
                     : connector.heads == scene::ArrowHeads::both ? "both"
                                                                  : "end";
    items_.push_back(std::move(entry));
  }

  void add_meaning(const scene::Table& table, scene::Point offset) {
    ordered_json rows = ordered_json::array(), cells = ordered_json::array();
    for (const auto& row : table.cells) {
      ordered_json texts = ordered_json::array(), styles = ordered_json::array();
      for (const auto& cell : row) {
        texts.push_back(cell.text);
        ordered_json style = {
            {"size", rounded(cell.font_size)}, {"bold", cell.bold}, {"align", cell.align}};
        if (cell.fill) style["fill"] = color_hex(*cell.fill);
        styles.push_back(std::move(style));
      }
      rows.push_back(std::move(texts));
      cells.push_back(std::move(styles));
    }
    ordered_json entry = {{"kind", "table"},
                          {"role", table.role},
                          {"box", box_json(table.box, offset)},
                          {"header_rows", table.header_rows},
                          {"rows", std::move(rows)}};
    if (!table.spans.empty()) {
      ordered_json spans = ordered_json::array();
      for (const auto& span : table.spans)
        spans.push_back({span.row, span.col, span.rows, span.cols});
      entry["spans"] = std::move(spans);
    }
    ordered_json widths = ordered_json::array(), heights = ordered_json::array();
    for (double w : table.column_widths) widths.push_back(rounded(w));
    for (double h : table.row_heights) heights.push_back(rounded(h));
    entry["column_widths"] = std::move(widths);
    entry["row_heights"] = std::move(heights);
    entry["continued"] = table.continued;
    entry["cells"] = std::move(cells);
    items_.push_back(std::move(entry));
  }

  void add_meaning(const scene::Chart& chart, scene::Point offset) {
    ordered_json series = ordered_json::array();
    for (const auto& s : chart.series) {
      ordered_json values = ordered_json::array();
      for (double v : s.values) values.push_back(rounded(v));
      series.push_back({{"name", s.name}, {"kind", s.kind}, {"values", std::move(values)}});
    }
    items_.push_back({{"kind", "chart"},
                      {"role", chart.role},
                      {"box", box_json(chart.box, offset)},
                      {"categories", chart.categories},
                      {"series", std::move(series)}});
  }

  void add_meaning(const scene::Drawing& drawing, scene::Point offset) {
    items_.push_back({{"kind", "drawing"},
                      {"role", drawing.role},
                      {"box", box_json(drawing.box, offset)},
                      {"alt", drawing.alt}});
  }

  int number_;
  std::map<uint32_t, int> blocks_;
  int blocks_seen_ = 0;
  ordered_json lines_ = ordered_json::array();
  ordered_json items_ = ordered_json::array();
};

}  // namespace

std::string scene_as_json(const scene::Document& document) {
  ordered_json pages = ordered_json::array();
  for (size_t i = 0; i < document.pages.size(); ++i) {
    const scene::Page& page = document.pages[i];
    const int number = static_cast<int>(i + 1);
    PageWriter writer(number);
    writer.walk(page.items, {0, 0});
    ordered_json entry;
    entry["page"] = number;
    entry["slide"] = page.slide;
    entry["width"] = rounded(page.width);
    entry["height"] = rounded(page.height);
    entry["title"] = page.title;
    entry["lines"] = writer.lines();
    entry["items"] = writer.items();
    if (!page.notes.empty()) entry["notes"] = page.notes;  // speaker notes, placeholders filled
    pages.push_back(std::move(entry));
  }
  ordered_json doc;
  doc["tenkai_scene"] = 2;
  doc["pages"] = std::move(pages);
  // The replace handler: a string that is not UTF-8 becomes U+FFFD instead of throwing.
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tenkai::app
