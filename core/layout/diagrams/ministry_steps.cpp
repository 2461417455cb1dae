// The ministry's eight steps (ア)–(ク) of municipal home-care collaboration, grouped as on the
// ministry's figure: 課題と方針の協議 (ア→イ) leads into 個別の課題解決の取り組み (ウ エ オ) and
// 従事者の意識・機運を醸成 (カ カ’ キ), with (ク) across the bottom. The focused step (default カ)
// is framed in the accent colour and labelled 本講のFocus. Step texts are domain constants.
#include <algorithm>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Color;
using scene::Rect;

struct Step {
  const char* letter;  // focus key
  const char* label;   // （ア）
  const char* text;
};

const Step kSteps[] = {
    {"ア", "（ア）", "地域資源の把握"},
    {"イ", "（イ）", "課題抽出と対応策の検討"},
    {"ウ", "（ウ）", "切れ目のない提供体制構築"},
    {"エ", "（エ）", "情報共有の支援"},
    {"オ", "（オ）", "相談支援"},
    {"カ", "（カ）", "研修（導入的なもの）"},
    {"カ", "（カ）’", "研修（テーマ別）"},
    {"キ", "（キ）", "地域住民への普及啓発"},
    {"ク", "（ク）", "関係市区町村の連携"},
};

// A panel holds rows of steps (indices into kSteps).
struct Panel {
  const char* title;  // may be empty
  std::vector<std::vector<int>> rows;
};
const Panel kPlan{"課題と方針の協議", {{0}, {1}}};
const Panel kSolve{"個別の課題解決の取り組み", {{2, 3, 4}}};
const Panel kMotivate{"従事者の意識・機運を醸成", {{5, 6, 7}}};
const Panel kAcross{"", {{8}}};

struct StepsData : ElementData {
  std::string focus = "カ";  // empty: no focus
  std::string focus_label = "本講のFocus";
  std::string heading = "市町村単位で在宅医療を推進する手順の一例";
  std::string source = "（厚生労働省資料より）";
};

std::shared_ptr<const ElementData> parse_steps(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<StepsData>();
  if (auto focus = reader.string(node, "focus")) {
    std::string f = *focus;
    for (const char* wrap : {"（", "）", "(", ")"}) {
      for (size_t at; (at = f.find(wrap)) != std::string::npos;)
        f.erase(at, std::string(wrap).size());
    }
    std::vector<std::string> letters = {"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク"};
    if (f == "none" || f == "false" || f.empty()) {
      data->focus.clear();
    } else if (std::find(letters.begin(), letters.end(), f) != letters.end()) {
      data->focus = f;
    } else {
      std::string hint = closest_match(f, letters);
      reader.error(node["focus"],
                   "'focus' must be one of the steps ア to ク (or none), not '" + *focus + "'",
                   hint.empty() ? "" : "did you mean '" + hint + "'?");
      return nullptr;
    }
  }
  data->focus_label = reader.text(node, "focus_label").value_or(data->focus_label);
  data->heading = reader.text(node, "heading").value_or(data->heading);
  data->source = reader.text(node, "source").value_or(data->source);
  return data;
}

class StepsBuilder {
 public:
  StepsBuilder(const StepsData& data, const ElementSpec& element, LayoutContext& context)
      : data_(data), element_(element), context_(context), box_(context.box) {}

  ElementLayout build() {
    ElementLayout out;
    search_scale(context_, element_, "the eight steps diagram", [&](double scale) {
      items_.clear();
      return attempt(scale);
    });
    out.items = std::move(items_);
    out.used_height = used_;
    return out;
  }

 private:
  bool focused(int step) const {
    return !data_.focus.empty() && data_.focus == kSteps[step].letter;
  }
  bool row_focused(const std::vector<int>& row) const {
    return std::any_of(row.begin(), row.end(), [&](int s) { return focused(s); });
  }

  // The step's label and text: on one line when it fits `width`, else the label on a line of
  // its own so the text is not split after its first few characters.
  std::vector<Run> step_runs(int step, double width) {
    const Theme& theme = context_.theme;
    Color ink = focused(step) ? theme.accent : theme.text;
    std::vector<Run> runs{{kSteps[step].label, theme.font(step_size_, scene::Weight::bold), ink},
                          {kSteps[step].text, theme.font(step_size_), theme.text}};
    if (flow(context_, runs, width).lines.size() > 1) runs[0].text += "\n";
    return runs;
  }

  double text_height(const std::vector<Run>& runs, double width) {
    FlowedText t = flow(context_, runs, width);
    return t.too_wide ? 1e9 : t.height;
  }

  bool attempt(double scale) {
    const Theme& theme = context_.theme;
    ok_ = true;
    step_size_ = theme.body_size * 0.8 * scale;
    title_size_ = theme.small_size * 1.1 * scale;
    pad_ = 6 * scale, gap_ = 10 * scale;
    double y = box_.y;
    // Heading.
    std::string heading = context_.expand(data_.heading);
    if (!heading.empty()) {
      std::vector<Run> runs{
          {heading, theme.font(theme.body_size * scale, scene::Weight::bold), theme.title}};
      FlowedText t = flow(context_, runs, box_.width);
      if (t.too_wide) ok_ = false;
      place_text(t, {box_.x, y, box_.width, t.height}, Align::left, VAlign::top, items_);
      y += t.height + gap_;
    }
    // Source note at the bottom right.
    std::string source = context_.expand(data_.source);
    double bottom = box_.y + box_.height;
    scene::Font source_font = theme.font(theme.footnote_size * scale);
    if (!source.empty()) {
      double w = context_.measurer.measure(source, source_font).width;
      if (w > box_.width) ok_ = false;
      items_.emplace_back(text_line(context_, source, source_font, theme.muted,
                                    box_.x + box_.width - w, bottom - 0.12 * source_font.size));
      bottom -= source_font.size + gap_ * 0.5;
    }
    // (ク) across the bottom: as tall as its text needs.
    double across_h = panel_height(kAcross, box_.width);
    Rect across{box_.x, bottom - across_h, box_.width, across_h};
    double main_h = across.y - gap_ - y;
    if (main_h < 4 * step_size_) return false;
    double left_w = box_.width * 0.27, arrow_w = std::max(14.0 * scale, box_.width * 0.045);
    Rect left{box_.x, y, left_w, main_h};
    double right_x = box_.x + left_w + arrow_w + gap_;
    double right_w = box_.x + box_.width - right_x;
    double half = (main_h - gap_) / 2;
    Rect solve{right_x, y, right_w, half};
    Rect motivate{right_x, y + half + gap_, right_w, half};
    draw_panel(kPlan, left);
    draw_panel(kSolve, solve);
    draw_panel(kMotivate, motivate);
    draw_panel(kAcross, across);
    // The plan leads into both groups of action.
    Rect block{box_.x + left_w + gap_ * 0.4, y + main_h / 2 - arrow_w * 1.1, arrow_w,
               arrow_w * 2.2};
    items_.emplace_back(filled(block_arrow(block, false), mix(theme.title, {1, 1, 1, 1}, 0.45)));
    used_ = box_.height;
    return ok_;
  }

  double title_height(const Panel& panel) const { return panel.title[0] ? title_size_ * 1.5 : 0; }
  double badge_height() const { return title_size_ * 1.7; }

  // Natural height of a one-row panel `width` wide.
  double panel_height(const Panel& panel, double width) {
    double h = 2 * pad_ + title_height(panel);
    for (const auto& row : panel.rows) {
      if (row_focused(row)) h += badge_height();
      double w = (width - 2 * pad_ - gap_ * (row.size() - 1)) / row.size();
      double row_h = 0;
      for (int s : row)
        row_h = std::max(row_h, text_height(step_runs(s, w - 2 * pad_), w - 2 * pad_) + 2 * pad_);
      h += row_h;
    }
    return h + gap_ * (panel.rows.size() - 1) + (row_focused(panel.rows.back()) ? 0 : 0);
  }

  void draw_panel(const Panel& panel, const Rect& rect) {
    const Theme& theme = context_.theme;
    if (panel.title[0]) {
      items_.emplace_back(filled(rounded_rect(rect, 6), mix(theme.title, {1, 1, 1, 1}, 0.92)));
      scene::Font font = theme.font(title_size_, scene::Weight::bold);
      double w = context_.measurer.measure(panel.title, font).width;
      if (w > rect.width - 2 * pad_) ok_ = false;
      items_.emplace_back(text_line(context_, panel.title, font, theme.title, rect.x + pad_,
                                    rect.y + pad_ + 0.88 * title_size_));
    }
    double inner_h = rect.height - 2 * pad_ - title_height(panel);
    double fixed = gap_ * (panel.rows.size() - 1);
    for (const auto& row : panel.rows) {
      if (row_focused(row)) fixed += badge_height();
    }
    double row_h = (inner_h - fixed) / panel.rows.size();
    double y = rect.y + pad_ + title_height(panel);
    for (size_t r = 0; r < panel.rows.size(); ++r) {
      const auto& row = panel.rows[r];
      bool focus = row_focused(row);
      if (focus) y += badge_height();
      double w = (rect.width - 2 * pad_ - gap_ * (row.size() - 1)) / row.size();
      double run_x0 = 1e18, run_x1 = -1e18;
      for (size_t i = 0; i < row.size(); ++i) {
        Rect cell{rect.x + pad_ + i * (w + gap_), y, w, row_h};
        draw_step(row[i], cell);
        if (focused(row[i]))
          run_x0 = std::min(run_x0, cell.x), run_x1 = std::max(run_x1, cell.x + w);
      }
      if (focus) draw_focus({run_x0, y, run_x1 - run_x0, row_h});
      if (r + 1 < panel.rows.size()) {
        // Vertical panels: the earlier step leads to the next.
        double cx = rect.x + rect.width / 2;
        double next_top = y + row_h + gap_ + (row_focused(panel.rows[r + 1]) ? badge_height() : 0);
        auto head = arrow({cx, y + row_h + 1}, {cx, next_top - 1}, theme.title, 1.5,
                          std::min(gap_ * 0.8, next_top - y - row_h - 2));
        for (auto& item : head) items_.push_back(std::move(item));
      }
      y += row_h + gap_;
    }
  }

  void draw_step(int step, const Rect& cell) {
    const Theme& theme = context_.theme;
    bool focus = focused(step);
    Color fill = focus ? mix(theme.accent, {1, 1, 1, 1}, 0.88) : Color{1, 1, 1, 1};
    items_.emplace_back(stroked(filled(rounded_rect(cell, 4), fill),
                                focus ? theme.accent : theme.table_grid, focus ? 1.2 : 0.8));
    Rect inner{cell.x + pad_, cell.y + pad_, cell.width - 2 * pad_, cell.height - 2 * pad_};
    FlowedText t = balanced_flow(context_, step_runs(step, inner.width), inner.width);
    if (t.too_wide || t.height > inner.height + 0.01) ok_ = false;
    place_text(t, inner, Align::center, VAlign::middle, items_);
  }

  void draw_focus(const Rect& run) {
    const Theme& theme = context_.theme;
    double inflate = std::min(3.0, gap_ * 0.3);
    Rect frame{run.x - inflate, run.y - inflate, run.width + 2 * inflate, run.height + 2 * inflate};
    items_.emplace_back(stroked(rounded_rect(frame, 6), theme.accent, 2));
    std::string label = context_.expand(data_.focus_label);
    if (label.empty()) return;
    scene::Font font = theme.font(title_size_, scene::Weight::bold);
    double w = context_.measurer.measure(label, font).width + 2 * pad_;
    double h = badge_height() - inflate - 1;
    Rect badge{frame.x, frame.y - h, std::min(w, frame.width), h};
    if (w > frame.width) ok_ = false;
    items_.emplace_back(filled(rounded_rect(badge, 3), theme.accent));
    items_.emplace_back(text_line(context_, label, font, {1, 1, 1, 1}, badge.x + pad_,
                                  badge.y + (h - title_size_) / 2 + 0.88 * title_size_));
  }

  const StepsData& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  Rect box_;
  std::vector<scene::Item> items_;
  bool ok_ = true;
  double step_size_ = 14, title_size_ = 12, pad_ = 6, gap_ = 10, used_ = 0;
};

ElementLayout layout_steps(const ElementSpec& element, LayoutContext& context) {
  return StepsBuilder(element.data_as<StepsData>(), element, context).build();
}

}  // namespace

ElementType ministry_steps_element() {
  return {
      "ministry_steps", {"focus", "focus_label", "heading", "source"}, parse_steps, layout_steps};
}

}  // namespace tenkai::layout
