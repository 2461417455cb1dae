// 研修会の種類（機能）: the three training functions side by side (purpose, scope, typical
// length), each with how many sessions of the registry have it.
#include <algorithm>

#include "core/layout/diagrams/diagrams.h"

namespace tenkai::layout {
namespace {

using diagrams::Canvas;
using registry::Function;
using scene::Rect;

struct FunctionText {
  Function function;
  const char* purpose;
  const char* scope;
  const char* length;
};

// DOMAIN.md's table, worded as the forum deck words it.
const FunctionText kFunctions[] = {
    {Function::leader, "地域の在宅医療・介護連携を推進するリーダーを養成する", "広域開催",
     "1日〜数か月に渡る複数日開催"},
    {Function::intro, "主に新規受講者を対象に、在宅医療多職種連携が実践できる人のすそ野を広げる",
     "広域〜市町開催", "半日〜2日開催"},
    {Function::connect, "「顔の見える関係会議」「症例検討会」など、多職種の交流を主目的とする",
     "市町〜地域包括開催", "1回2〜3時間程度"},
};

struct FunctionTypesData : diagrams::SubjectData {
  bool counts = true;
};

std::shared_ptr<const ElementData> parse_function_types(const YAML::Node& node,
                                                        SpecReader& reader) {
  auto data = std::make_shared<FunctionTypesData>();
  data->caption = reader.text(node, "caption").value_or("");
  data->counts = reader.boolean(node, "counts").value_or(true);
  return data;
}

ElementLayout layout_function_types(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<FunctionTypesData>();
  Canvas canvas(context, element);
  const auto& theme = context.theme;
  Rect box = diagrams::caption_area(canvas, context.box, context.expand(data.caption));
  double size = std::clamp(box.height / 20, 7.0, theme.body_size * 0.85);
  double axis_h = size * 2.6;
  double gap = box.width * 0.03;
  double card_w = (box.width - 2 * gap) / 3;
  double card_h = box.height - axis_h - size * 0.5;

  int counts[3] = {0, 0, 0};
  for (const auto& s : context.classification.sessions) ++counts[static_cast<int>(s.function)];
  // One size for the three headings and one for the three counts, each on one line if it can.
  double head_h = card_h * 0.16, footer_h = data.counts ? card_h * 0.15 : 0;
  double head_size = size * 1.15, count_size = size * 0.9;
  std::string count_texts[3];
  for (int i = 0; i < 3; ++i) {
    const auto& f = kFunctions[i];
    int n = counts[static_cast<int>(f.function)];
    count_texts[i] = "該当する開催 " + std::to_string(n) + "回";
    double one_line =
        canvas.fitting_size(diagrams::function_title(f.function),
                            {0, 0, card_w - 12, size * 1.15 * 1.2}, size * 1.15, true, size * 0.75);
    head_size = std::min(head_size, std::abs(one_line));
    double count_line = canvas.fitting_size(count_texts[i], {0, 0, card_w - 20, footer_h - 8},
                                            size * 0.9, true, size * 0.6, true);
    count_size = std::min(count_size, std::abs(count_line));
  }
  for (int i = 0; i < 3; ++i) {
    const auto& f = kFunctions[i];
    scene::Color color = diagrams::function_color(f.function);
    Rect card{box.x + i * (card_w + gap), box.y, card_w, card_h};
    size_t mark = canvas.mark();
    canvas.rect(card, diagrams::tint(color, 0.92), color, 1.5, 8);
    canvas.rect({card.x, card.y, card.width, head_h}, color, std::nullopt, 1, 8);
    canvas.rect({card.x, card.y + head_h * 0.5, card.width, head_h * 0.5}, color, std::nullopt);
    canvas.label(diagrams::function_title(f.function),
                 {card.x + 6, card.y + 2, card.width - 12, head_h - 4}, head_size, {1, 1, 1, 1},
                 Align::center, VAlign::middle, true);
    double body_y = card.y + head_h + size * 0.5;
    double body_h = card.y + card.height - footer_h - body_y;
    const std::pair<const char*, const char*> rows[] = {
        {"目的", f.purpose}, {"開催範囲", f.scope}, {"長さ", f.length}};
    const double shares[] = {0.5, 0.25, 0.25};
    double y = body_y;
    for (int k = 0; k < 3; ++k) {
      double h = body_h * shares[k];
      canvas.label(rows[k].first, {card.x + 8, y, card.width - 16, size * 1.3}, size * 0.8, color,
                   Align::left, VAlign::top, true);
      canvas.label(rows[k].second, {card.x + 8, y + size * 1.35, card.width - 16, h - size * 1.5},
                   size, theme.text, Align::left, VAlign::top);
      y += h;
    }
    if (data.counts) {
      canvas.rect({card.x + 6, card.y + card.height - footer_h, card.width - 12, footer_h - 6},
                  scene::Color{1, 1, 1, 1}, diagrams::tint(color, 0.5), 0.8, 4);
      canvas.label(
          count_texts[i],
          {card.x + 10, card.y + card.height - footer_h + 1, card.width - 20, footer_h - 8},
          count_size, theme.text, Align::center, VAlign::middle, true);
    }
    std::string text = std::string(diagrams::function_title(f.function)) + "\n目的：" + f.purpose +
                       "\n開催範囲：" + f.scope + "\n長さ：" + f.length;
    if (data.counts) text += "\n" + count_texts[i];
    canvas.shape(mark, "card", text);
  }
  // Scope axis under the cards: wide area on the left, the community on the right.
  double axis_y = box.y + card_h + size * 0.5 + axis_h * 0.35;
  canvas.arrow({box.x + card_w * 0.5, axis_y}, {box.x + box.width - card_w * 0.5, axis_y},
               theme.muted, 1.5, true);
  canvas.label("広域", {box.x, axis_y - size, card_w * 0.45, size * 2}, size * 0.9, theme.muted,
               Align::right, VAlign::middle, true);
  canvas.label("地域包括",
               {box.x + box.width - card_w * 0.45, axis_y - size, card_w * 0.45, size * 2},
               size * 0.9, theme.muted, Align::left, VAlign::middle, true);
  canvas.label("開催範囲", {box.x + box.width / 2 - card_w / 2, axis_y + 2, card_w, axis_h * 0.6},
               size * 0.8, theme.muted, Align::center, VAlign::top);
  return canvas.finish(
      "研修会の三つの種類（機能）：地域リーダーの養成、動機づけ・入門、多職種のつながりを深める");
}

}  // namespace

ElementType function_types_element() {
  return {.name = "function_types",
          .keys = {"counts", "caption"},
          .parse = parse_function_types,
          .layout = layout_function_types};
}

}  // namespace tenkai::layout
