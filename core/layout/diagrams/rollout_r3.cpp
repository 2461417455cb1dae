// 展開手順３: two small municipalities in different prefectures exchanging know-how, one arrow per
// exchange, visit or lecturer link between them.
#include <algorithm>

#include "core/analysis/reason_text.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/rollout_common.h"

namespace tenkai::layout {
namespace {

using diagrams::Canvas;
using registry::LinkKind;
using scene::Rect;

ElementLayout layout_r3(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<diagrams::SubjectData>();
  auto pick = diagrams::rollout_subject(context, element, analysis::Rollout::R3, data.prefecture);
  if (!pick.evidence || pick.evidence->regions.size() < 2) {
    return diagrams::no_example(context, element,
                                "展開手順３（都道府県を越えた小規模市町村どうしの伝播）に当たる"
                                "市町村が登録簿にありません");
  }
  const auto& reg = context.registry;
  const auto& theme = context.theme;
  size_t a = pick.evidence->regions[0], b = pick.evidence->regions[1];
  std::vector<size_t> links;
  for (size_t l : pick.evidence->links) {
    const auto& link = reg.links[l];
    if ((link.from_index == a && link.to_index == b) ||
        (link.from_index == b && link.to_index == a)) {
      links.push_back(l);
    }
  }
  // Exchanges first (they came first in the story), then visits and lecturers, each by year.
  std::stable_sort(links.begin(), links.end(), [&](size_t x, size_t y) {
    auto rank = [&](size_t l) { return reg.links[l].kind == LinkKind::exchange ? 0 : 1; };
    if (rank(x) != rank(y)) return rank(x) < rank(y);
    return reg.links[x].fiscal_year.value_or(0) < reg.links[y].fiscal_year.value_or(0);
  });

  Canvas canvas(context, element);
  Rect box = diagrams::caption_area(canvas, context.box, context.expand(data.caption));
  box = diagrams::example_area(canvas, box, data,
                               reg.regions[a].prefecture + reg.regions[a].name + "と" +
                                   reg.regions[b].prefecture + reg.regions[b].name);
  double size = std::clamp(box.height / 18, 8.0, theme.body_size * 0.9);
  double note_h = size * 2.6;
  Rect stage{box.x, box.y + note_h, box.width, box.height - 2 * note_h};
  double side_w = box.width * 0.27;
  scene::Color green = diagrams::function_color(registry::Function::intro);
  auto municipality = [&](size_t r, const Rect& rect) {
    const auto& region = reg.regions[r];
    size_t mark = canvas.mark();
    canvas.rect(rect, diagrams::tint(green, 0.9), green, 1.5, 10);
    canvas.label(region.prefecture,
                 {rect.x + 6, rect.y + rect.height * 0.12, rect.width - 12, rect.height * 0.2},
                 size * 0.9, theme.muted, Align::center, VAlign::bottom, true);
    canvas.label(region.name,
                 {rect.x + 6, rect.y + rect.height * 0.34, rect.width - 12, rect.height * 0.3},
                 size * 1.5, theme.text, Align::center, VAlign::middle, true);
    if (region.population) {
      canvas.label(diagrams::population_label(*region.population),
                   {rect.x + 6, rect.y + rect.height * 0.66, rect.width - 12, rect.height * 0.2},
                   size * 0.9, theme.text, Align::center, VAlign::top);
    }
    std::string text = region.prefecture + region.name;
    if (region.population) text += "\n" + diagrams::population_label(*region.population);
    return canvas.shape(mark, "region", text, region.id);
  };
  Rect left{stage.x, stage.y + stage.height * 0.15, side_w, stage.height * 0.7};
  Rect right{stage.x + stage.width - side_w, left.y, side_w, left.height};
  std::string id_a = municipality(a, left);
  std::string id_b = municipality(b, right);

  // One lane per link between the two boxes, as many as keep their captions at the floor (a
  // lane holds a line of caption and its arrow); the drawing counts the links left out.
  double lane_x0 = left.x + left.width + 6, lane_x1 = right.x - 6;
  size_t lanes = static_cast<size_t>(left.height / (std::max(size, theme.min_body_size) * 2.6));
  if (links.size() > std::max<size_t>(1, lanes)) links.resize(std::max<size_t>(1, lanes));
  size_t n = std::max<size_t>(1, links.size());
  double lane_h = left.height / n;
  for (size_t i = 0; i < links.size(); ++i) {
    const auto& link = reg.links[links[i]];
    double y = left.y + lane_h * (i + 0.62);
    bool both = link.kind == LinkKind::exchange;
    bool to_right = link.from_index == a;
    scene::Color color = link.kind == LinkKind::exchange ? theme.title : theme.accent;
    scene::Point from{to_right ? lane_x0 : lane_x1, y}, to{to_right ? lane_x1 : lane_x0, y};
    size_t mark = canvas.mark();
    canvas.arrow(from, to, color, 2.2, both);
    std::string caption = diagrams::link_caption(reg, links[i], data.era);
    canvas.label(caption,
                 {lane_x0 + 6, left.y + lane_h * i + 2, lane_x1 - lane_x0 - 12, lane_h * 0.62 - 4},
                 size, color, Align::center, VAlign::bottom, true);
    canvas.connector(mark, to_right ? id_a : id_b, to_right ? id_b : id_a,
                     {canvas.link_ref(links[i])}, caption);
  }
  bool any_exchange = false, any_transfer = false;
  for (size_t l : links) {
    (reg.links[l].kind == LinkKind::exchange ? any_exchange : any_transfer) = true;
  }
  if (any_exchange) {
    canvas.label("①同規模自治体で情報交換・意見交換", {box.x, box.y, box.width, note_h},
                 size * 1.05, theme.text, Align::left, VAlign::middle, true);
  }
  if (any_transfer) {
    canvas.label("②視察や研修会講師を通じ、小規模市町村どうしで展開ノウハウが伝播",
                 {box.x, box.y + box.height - note_h, box.width, note_h}, size * 1.05, theme.text,
                 Align::left, VAlign::middle, true);
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t l : pick.evidence->links) {
    std::pair<size_t, size_t> pair = std::minmax(reg.links[l].from_index, reg.links[l].to_index);
    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
  }
  if (pairs.size() > 1) {
    canvas.label("ほかに" + std::to_string(pairs.size() - 1) + "組の交流あり",
                 {box.x, box.y, box.width, note_h}, size * 0.8, theme.muted, Align::right,
                 VAlign::middle);
  }
  return canvas.finish("展開手順３の例：" + reg.regions[a].prefecture + reg.regions[a].name + "と" +
                       reg.regions[b].prefecture + reg.regions[b].name + "の交流");
}

std::shared_ptr<const ElementData> parse_r3(const YAML::Node& node, SpecReader& reader) {
  return diagrams::parse_subject(node, reader, false, true);
}

}  // namespace

ElementType rollout_r3_element() {
  return {.name = "rollout_r3",
          .keys = diagrams::subject_keys(false, true),
          .parse = parse_r3,
          .layout = layout_r3};
}

}  // namespace tenkai::layout
