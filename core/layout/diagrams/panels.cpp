// `panels`: columns of titled panels, each holding rows of boxes, as the ministry's figure of the
// eight steps (ア)–(ク) sets them: columns joined left to right by a block arrow, rows within a
// panel joined top to bottom by an arrow, panels across the bottom at full width. Boxes marked
// `focus` are framed in the accent colour under the element's `focus_label`. Every text comes
// from the layout; each box, panel and arrow is a shape or connector of the drawing.
#include <algorithm>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/scaled_builder.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Color;
using scene::Rect;

struct Box {
  std::string label;  // bold lead (（ア）), may be empty
  std::string text;
  bool focus = false;
};

struct Panel {
  std::string title;  // may be empty
  std::vector<std::vector<Box>> rows;
  bool arrows = true;  // rows joined top to bottom
};

struct Column {
  std::optional<Length> width;
  std::vector<Panel> panels;
};

struct PanelsData : ElementData {
  std::string heading, source, focus_label;
  std::vector<Column> columns;
  std::vector<Panel> across;
  bool arrows = true;  // columns joined by a block arrow
};

std::optional<Panel> parse_panel(const YAML::Node& node, SpecReader& reader) {
  if (!reader.check_keys(node, {"title", "rows", "arrows"}, "panel")) return std::nullopt;
  Panel panel;
  panel.title = reader.text(node, "title").value_or("");
  panel.arrows = reader.boolean(node, "arrows").value_or(true);
  if (!reader.require(node, "rows", "a panel")) return std::nullopt;
  const YAML::Node& rows = node["rows"];
  if (!rows.IsSequence() || rows.size() == 0) {
    reader.error(rows, "'rows' must be a list of rows, each a list of boxes");
    return std::nullopt;
  }
  for (const auto& row_node : rows) {
    if (!row_node.IsSequence() || row_node.size() == 0) {
      reader.error(row_node, "a row must be a list of boxes ({label: …, text: …})");
      return std::nullopt;
    }
    std::vector<Box> row;
    for (const auto& box_node : row_node) {
      Box box;
      if (box_node.IsScalar()) {
        box.text = reader.text_value(box_node).value_or("");
      } else {
        if (!reader.check_keys(box_node, {"label", "text", "focus"}, "box")) return std::nullopt;
        box.label = reader.text(box_node, "label").value_or("");
        box.text = reader.text(box_node, "text").value_or("");
        box.focus = reader.boolean(box_node, "focus").value_or(false);
      }
      if (box.label.empty() && box.text.empty()) {
        reader.error(box_node, "a box needs a 'label' or a 'text'");
        return std::nullopt;
      }
      row.push_back(std::move(box));
    }
    panel.rows.push_back(std::move(row));
  }
  return panel;
}

std::optional<std::vector<Panel>> parse_panel_list(const YAML::Node& list, SpecReader& reader,
                                                   const char* what) {
  if (!list.IsSequence() || list.size() == 0) {
    reader.error(list, std::string("'") + what + "' must be a list of panels");
    return std::nullopt;
  }
  std::vector<Panel> out;
  bool ok = true;
  for (const auto& node : list) {
    auto panel = parse_panel(node, reader);
    if (panel) out.push_back(std::move(*panel));
    ok = ok && panel.has_value();
  }
  if (!ok) return std::nullopt;
  return out;
}

std::shared_ptr<const ElementData> parse_panels(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<PanelsData>();
  data->heading = reader.text(node, "heading").value_or("");
  data->source = reader.text(node, "source").value_or("");
  data->focus_label = reader.text(node, "focus_label").value_or("");
  data->arrows = reader.boolean(node, "arrows").value_or(true);
  bool ok = true;
  if (!reader.require(node, "columns", "a panels element")) return nullptr;
  const YAML::Node& columns = node["columns"];
  if (!columns.IsSequence() || columns.size() == 0) {
    reader.error(columns, "'columns' must be a list of columns ({panels: […]})");
    return nullptr;
  }
  for (const auto& column_node : columns) {
    if (!reader.check_keys(column_node, {"width", "panels"}, "column") ||
        !reader.require(column_node, "panels", "a column")) {
      ok = false;
      continue;
    }
    Column column;
    column.width = reader.length(column_node, "width");
    auto panels = parse_panel_list(column_node["panels"], reader, "panels");
    if (!panels) {
      ok = false;
      continue;
    }
    column.panels = std::move(*panels);
    data->columns.push_back(std::move(column));
  }
  if (node["across"]) {
    auto across = parse_panel_list(node["across"], reader, "across");
    if (across) data->across = std::move(*across);
    ok = ok && across.has_value();
  }
  return ok ? data : nullptr;
}

class PanelsBuilder : public ScaledBuilder<PanelsData> {
 public:
  using ScaledBuilder::ScaledBuilder;

  ElementLayout build() {
    std::string alt = context_.expand(data_.heading);
    for (const auto& column : data_.columns) {
      for (const auto& panel : column.panels) alt += (alt.empty() ? "" : "、") + panel.title;
    }
    return fit_and_finish("the panels diagram", std::move(alt));
  }

 private:
  static bool row_focused(const std::vector<Box>& row) {
    return std::any_of(row.begin(), row.end(), [](const Box& b) { return b.focus; });
  }
  std::vector<scene::Item>& items() { return canvas_.items(); }

  // The box's label and text: on one line when it fits `width`, else the label on a line of
  // its own so the text is not split after its first few characters.
  std::vector<Run> box_runs(const Box& box, double width) {
    const Theme& theme = context_.theme;
    Color ink = box.focus ? theme.accent : theme.text;
    std::vector<Run> runs;
    if (!box.label.empty()) {
      runs.push_back(
          {context_.expand(box.label), theme.font(step_size_, scene::Weight::bold), ink});
    }
    if (!box.text.empty()) {
      runs.push_back({context_.expand(box.text), theme.font(step_size_), theme.text});
    }
    if (runs.size() == 2 && flow(context_, runs, width).lines.size() > 1) runs[0].text += "\n";
    return runs;
  }

  double text_height(const std::vector<Run>& runs, double width) {
    FlowedText t = flow(context_, runs, width);
    return t.too_wide ? 1e9 : t.height;
  }

  bool attempt(double scale) override {
    const Theme& theme = context_.theme;
    ok_ = true;
    pending_.reset();
    step_size_ = theme.body_size * 0.8 * scale;
    title_size_ = theme.small_size * 1.1 * scale;
    pad_ = 6 * scale, gap_ = 10 * scale;
    double y = box_.y;
    std::string heading = context_.expand(data_.heading);
    if (!heading.empty()) {
      std::vector<Run> runs{
          {heading, theme.font(theme.body_size * scale, scene::Weight::bold), theme.title}};
      FlowedText t = flow(context_, runs, box_.width);
      if (t.too_wide) ok_ = false;
      place_text(t, {box_.x, y, box_.width, t.height}, Align::left, VAlign::top, items());
      y += t.height + gap_;
    }
    // Source note at the bottom right.
    std::string source = context_.expand(data_.source);
    double bottom = box_.y + box_.height;
    scene::Font source_font = theme.font(theme.footnote_size * scale);
    if (!source.empty()) {
      double w = context_.measurer.measure(source, source_font).width;
      if (w > box_.width) ok_ = false;
      items().emplace_back(text_line(context_, source, source_font, theme.muted,
                                     box_.x + box_.width - w, bottom - 0.12 * source_font.size));
      bottom -= source_font.size + gap_ * 0.5;
    }
    // Panels across the bottom: as tall as their text needs, stacked upwards.
    for (auto it = data_.across.rbegin(); it != data_.across.rend(); ++it) {
      double h = panel_height(*it, box_.width);
      draw_panel(*it, {box_.x, bottom - h, box_.width, h});
      bottom -= h + gap_;
    }
    double main_h = bottom - y;
    if (main_h < 4 * step_size_) return false;
    // Columns: given widths first, the rest shared; a block arrow between neighbours.
    size_t n = data_.columns.size();
    double arrow_w = data_.arrows && n > 1 ? std::max(14.0 * scale, box_.width * 0.045) : 0;
    double free = box_.width - (n - 1) * (arrow_w + gap_ * (data_.arrows ? 1.4 : 1));
    double given = 0;
    size_t flexible = 0;
    for (const auto& c : data_.columns) {
      if (c.width)
        given += c.width->resolve(box_.width);
      else
        ++flexible;
    }
    double share = flexible ? std::max(0.0, free - given) / flexible : 0;
    double x = box_.x;
    std::vector<std::string> first_ids;
    for (size_t i = 0; i < n; ++i) {
      const Column& column = data_.columns[i];
      double w = column.width ? column.width->resolve(box_.width) : share;
      size_t m = column.panels.size();
      double h = (main_h - gap_ * (m - 1)) / m;
      for (size_t k = 0; k < m; ++k) draw_panel(column.panels[k], {x, y + k * (h + gap_), w, h});
      x += w;
      if (i + 1 < n) {
        if (data_.arrows) {
          Rect block{x + gap_ * 0.4, y + main_h / 2 - arrow_w * 1.1, arrow_w, arrow_w * 2.2};
          size_t mark = canvas_.mark();
          items().emplace_back(
              filled(block_arrow(block, false), mix(theme.title, {1, 1, 1, 1}, 0.45)));
          canvas_.shape(mark, "arrow", "", {}, block);
          x += arrow_w + gap_ * 1.4;
        } else {
          x += gap_;
        }
      }
    }
    return ok_;
  }

  double title_height(const Panel& panel) const {
    return panel.title.empty() ? 0 : title_size_ * 1.5;
  }
  double badge_height() const { return title_size_ * 1.7; }

  // Natural height of a panel `width` wide.
  double panel_height(const Panel& panel, double width) {
    double h = 2 * pad_ + title_height(panel);
    for (const auto& row : panel.rows) {
      if (row_focused(row) && !data_.focus_label.empty()) h += badge_height();
      double w = (width - 2 * pad_ - gap_ * (row.size() - 1)) / row.size();
      double row_h = 0;
      for (const auto& b : row)
        row_h = std::max(row_h, text_height(box_runs(b, w - 2 * pad_), w - 2 * pad_) + 2 * pad_);
      h += row_h;
    }
    return h + gap_ * (panel.rows.size() - 1);
  }

  void draw_panel(const Panel& panel, const Rect& rect) {
    const Theme& theme = context_.theme;
    if (!panel.title.empty()) {
      size_t mark = canvas_.mark();
      canvas_.rect(rect, mix(theme.title, {1, 1, 1, 1}, 0.92), std::nullopt, 1, 6);
      std::string title = context_.expand(panel.title);
      scene::Font font = theme.font(title_size_, scene::Weight::bold);
      double w = context_.measurer.measure(title, font).width;
      if (w > rect.width - 2 * pad_) ok_ = false;
      items().emplace_back(text_line(context_, title, font, theme.title, rect.x + pad_,
                                     rect.y + pad_ + 0.88 * title_size_));
      canvas_.shape(mark, "panel", title);
    }
    bool badges = !data_.focus_label.empty();
    double inner_h = rect.height - 2 * pad_ - title_height(panel);
    double fixed = gap_ * (panel.rows.size() - 1);
    for (const auto& row : panel.rows) {
      if (row_focused(row) && badges) fixed += badge_height();
    }
    double row_h = (inner_h - fixed) / panel.rows.size();
    double y = rect.y + pad_ + title_height(panel);
    std::string previous;
    for (size_t r = 0; r < panel.rows.size(); ++r) {
      const auto& row = panel.rows[r];
      bool focus = row_focused(row);
      if (focus && badges) y += badge_height();
      double w = (rect.width - 2 * pad_ - gap_ * (row.size() - 1)) / row.size();
      double run_x0 = 1e18, run_x1 = -1e18;
      std::string first;
      for (size_t i = 0; i < row.size(); ++i) {
        Rect cell{rect.x + pad_ + i * (w + gap_), y, w, row_h};
        std::string id = draw_box(row[i], cell);
        if (i == 0) first = id;
        if (row[i].focus) run_x0 = std::min(run_x0, cell.x), run_x1 = std::max(run_x1, cell.x + w);
      }
      if (focus) draw_focus({run_x0, y, run_x1 - run_x0, row_h});
      if (r > 0 && panel.arrows) connect(previous, first);
      previous = first;
      if (r + 1 < panel.rows.size() && panel.arrows) {
        // The earlier row leads to the next.
        double cx = rect.x + rect.width / 2;
        double next_top =
            y + row_h + gap_ + (row_focused(panel.rows[r + 1]) && badges ? badge_height() : 0);
        pending_ = canvas_.mark();
        auto drawn = arrow({cx, y + row_h + 1}, {cx, next_top - 1}, theme.title, 1.5,
                           std::min(gap_ * 0.8, next_top - y - row_h - 2));
        pending_count_ = drawn.size();
        for (auto& item : drawn) items().push_back(std::move(item));
        pending_from_ = {cx, y + row_h + 1}, pending_to_ = {cx, next_top - 1};
      }
      y += row_h + gap_;
    }
  }

  // Wraps the arrow drawn between two rows as a connector once the lower row's box exists.
  void connect(const std::string& from, const std::string& to) {
    if (!pending_) return;
    // The arrow's items were painted before the lower row: move them to the end, then wrap.
    auto& all = items();
    size_t count = std::min(pending_count_, all.size() - *pending_);
    std::vector<scene::Item> moved(std::make_move_iterator(all.begin() + *pending_),
                                   std::make_move_iterator(all.begin() + *pending_ + count));
    all.erase(all.begin() + *pending_, all.begin() + *pending_ + count);
    scene::Connector connector;
    connector.from = from, connector.to = to;
    connector.start = pending_from_, connector.end = pending_to_;
    connector.stroke = scene::Stroke{context_.theme.title, 1.5, {}};
    all.emplace_back(scene::meaningful(std::move(connector), std::move(moved)));
    pending_.reset();
  }

  std::string draw_box(const Box& box, const Rect& cell) {
    const Theme& theme = context_.theme;
    Color fill = box.focus ? mix(theme.accent, {1, 1, 1, 1}, 0.88) : Color{1, 1, 1, 1};
    size_t mark = canvas_.mark();
    canvas_.rect(cell, fill, box.focus ? theme.accent : theme.table_grid, box.focus ? 1.2 : 0.8, 4);
    Rect inner{cell.x + pad_, cell.y + pad_, cell.width - 2 * pad_, cell.height - 2 * pad_};
    FlowedText t = balanced_flow(context_, box_runs(box, inner.width), inner.width);
    if (t.too_wide || t.height > inner.height + 0.01) ok_ = false;
    place_text(t, inner, Align::center, VAlign::middle, items());
    return canvas_.shape(mark, box.focus ? "focus" : "box",
                         context_.expand(box.label) + context_.expand(box.text));
  }

  void draw_focus(const Rect& run) {
    const Theme& theme = context_.theme;
    double inflate = std::min(3.0, gap_ * 0.3);
    Rect frame{run.x - inflate, run.y - inflate, run.width + 2 * inflate, run.height + 2 * inflate};
    size_t mark = canvas_.mark();
    canvas_.rect(frame, std::nullopt, theme.accent, 2, 6);
    std::string label = context_.expand(data_.focus_label);
    if (!label.empty()) {
      scene::Font font = theme.font(title_size_, scene::Weight::bold);
      double w = context_.measurer.measure(label, font).width + 2 * pad_;
      double h = badge_height() - inflate - 1;
      Rect badge{frame.x, frame.y - h, std::min(w, frame.width), h};
      if (w > frame.width) ok_ = false;
      items().emplace_back(filled(rounded_rect(badge, 3), theme.accent));
      items().emplace_back(text_line(context_, label, font, {1, 1, 1, 1}, badge.x + pad_,
                                     badge.y + (h - title_size_) / 2 + 0.88 * title_size_));
    }
    canvas_.shape(mark, "focus_frame", label, {}, frame);
  }

  std::optional<size_t> pending_;
  size_t pending_count_ = 0;
  scene::Point pending_from_, pending_to_;
  bool ok_ = true;
  double step_size_ = 14, title_size_ = 12, pad_ = 6, gap_ = 10;
};

ElementLayout layout_panels(const ElementSpec& element, LayoutContext& context) {
  return PanelsBuilder(element.data_as<PanelsData>(), element, context).build();
}

}  // namespace

ElementType panels_element() {
  return {"panels",
          {"heading", "source", "focus_label", "columns", "across", "arrows"},
          parse_panels,
          layout_panels};
}

}  // namespace tenkai::layout
