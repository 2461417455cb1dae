// パターン２: a wide-area leader training (the hub) fanning out to the municipalities whose
// sessions its alumni hold. Hub and alumni come from the classification's P2 evidence.
#include <algorithm>

#include "core/analysis/reason_text.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/examples.h"
#include "core/layout/diagrams/fan_out.h"

namespace tenkai::layout {
namespace {

using diagrams::Canvas;
using registry::Function;
using scene::Rect;

ElementLayout layout_p2(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<diagrams::SubjectData>();
  const auto& reg = context.registry;
  auto hub = diagrams::pick_p2_hub(reg, context.classification, data.region);
  if (!hub) {
    return diagrams::no_example(context, element,
                                "パターン２（広域でリーダー研修＋市町村単位の開催）に当たる地域が"
                                "登録簿にありません");
  }
  if (!data.region.empty() && reg.regions[*hub].id != data.region &&
      !context.classification.area(reg.region_index.at(data.region))) {
    context.warn(element,
                 "region '" + data.region + "' has no sessions; showing " + reg.regions[*hub].id);
  }
  Canvas canvas(context, element);
  const auto& theme = context.theme;
  Rect box = diagrams::caption_area(canvas, context.box, context.expand(data.caption));
  box = diagrams::example_area(
      canvas, box, data,
      reg.regions[*hub].name.empty() ? analysis::region_label(reg, *hub) : reg.regions[*hub].name);

  std::vector<size_t> leader_sessions,
      alumni = diagrams::alumni_of(reg, context.classification, *hub);
  for (const auto& s : context.classification.sessions) {
    if (reg.sessions[s.session_index].region_index == *hub && s.function == Function::leader) {
      leader_sessions.push_back(s.session_index);
    }
  }

  // Notes column on the left (① at the hub's height, ② at the alumni's), diagram on the right.
  double notes_width = box.width * 0.27;
  Rect diagram{box.x + notes_width + box.width * 0.03, box.y,
               box.width - notes_width - box.width * 0.03, box.height};
  double size = std::clamp(box.height / 16, 8.0, theme.body_size);
  Rect hub_box{diagram.x + diagram.width * 0.18, diagram.y + box.height * 0.02,
               diagram.width * 0.64, box.height * 0.24};
  scene::Color leader = diagrams::function_color(Function::leader);
  size_t hub_mark = canvas.mark();
  canvas.rect(hub_box, diagrams::tint(leader, 0.85), leader, 1.5, 8);
  Rect hub_title{hub_box.x + 8, hub_box.y + 4, hub_box.width - 16, hub_box.height * 0.5 - 4};
  Rect hub_detail{hub_box.x + 8, hub_box.y + hub_box.height * 0.5, hub_box.width - 16,
                  hub_box.height * 0.5 - 4};
  // The training by its own name when the registry gives one (東京都 在宅療養地域リーダー研修).
  std::string training = "地域リーダー研修";
  for (size_t l : leader_sessions) {
    if (!reg.sessions[l].title.empty()) {
      training = reg.sessions[l].title;
      break;
    }
  }
  const auto& hub_region = reg.regions[*hub];
  std::string hub_name =
      hub_region.name.empty() ? analysis::region_label(reg, *hub) : hub_region.name;
  std::string hub_text = hub_name + " " + training;
  std::string hub_years = diagrams::years_list(reg, leader_sessions, data.era) + "（" +
                          std::to_string(leader_sessions.size()) + "回）";
  if (!leader_sessions.empty() &&
      canvas.fitting_size(hub_years, hub_detail, size * 0.85, false, theme.min_body_size) < 0) {
    // Too many years to list: their span, and the count.
    int first = 9999, last = 0;
    for (size_t l : leader_sessions) {
      first = std::min(first, reg.sessions[l].fiscal_year);
      last = std::max(last, reg.sessions[l].fiscal_year);
    }
    hub_years = diagrams::year_label(first, data.era) + "〜" +
                diagrams::year_label(last, data.era) + "（" +
                std::to_string(leader_sessions.size()) + "回）";
  }
  canvas.label(hub_text, hub_title, size * 1.1, leader, Align::center, VAlign::bottom, true);
  canvas.label(hub_years, hub_detail, size * 0.85, theme.text, Align::center, VAlign::top);
  std::string hub_id = canvas.shape(hub_mark, "region", hub_text + "\n" + hub_years, hub_region.id);

  std::vector<diagrams::FanItem> items;
  const std::string& hub_pref = reg.regions[*hub].prefecture;
  for (size_t r : alumni) {
    const auto& region = reg.regions[r];
    diagrams::FanItem item;
    item.title = region.prefecture == hub_pref ? region.name : analysis::region_label(region);
    const auto* area = context.classification.area(r);
    item.detail = area ? diagrams::years_list(reg, area->sessions, data.era) : "";
    item.fill = diagrams::tint(diagrams::function_color(Function::intro), 0.88);
    item.stroke = diagrams::function_color(Function::intro);
    item.region = region.id;
    const auto* hub_area = context.classification.area(*hub);
    for (size_t l : hub_area ? hub_area->links : std::vector<size_t>{}) {
      if (reg.links[l].from_index == *hub && reg.links[l].to_index == r) {
        item.links.push_back(canvas.link_ref(l));
      }
    }
    items.push_back(item);
  }
  Rect alumni_area{diagram.x, hub_box.y + hub_box.height + box.height * 0.16, diagram.width,
                   box.y + box.height - (hub_box.y + hub_box.height + box.height * 0.16)};
  diagrams::FanStyle style;
  style.max_size = size * 1.1;
  style.arrow = leader;
  style.source_id = hub_id;
  auto placed = diagrams::draw_fan(canvas, hub_box, alumni_area, items, style);

  // Step notes, left, each at the height of what it explains.
  double alumni_top = placed.empty() ? alumni_area.y : placed.front().y;
  double alumni_bottom = alumni_top;
  for (const auto& r : placed) alumni_bottom = std::max(alumni_bottom, r.y + r.height);
  canvas.label("①広域でリーダー研修会を開催", {box.x, hub_box.y, notes_width, hub_box.height}, size,
               theme.text, Align::left, VAlign::middle, true);
  canvas.label("②リーダー研修会受講者により、市区町村単位で研修会が開催（" +
                   std::to_string(alumni.size()) + "地域）",
               {box.x, alumni_top, notes_width, std::max(alumni_bottom - alumni_top, size * 4)},
               size, theme.text, Align::left, VAlign::middle, true);
  return canvas.finish("パターン２の例：" + hub_text + "の受講者により、" +
                       std::to_string(alumni.size()) + "地域で研修会が開催");
}

std::shared_ptr<const ElementData> parse_p2(const YAML::Node& node, SpecReader& reader) {
  return diagrams::parse_subject(node, reader, true, false);
}

}  // namespace

ElementType pattern_p2_element() {
  return {.name = "pattern_p2",
          .keys = diagrams::subject_keys(true, false),
          .parse = parse_p2,
          .layout = layout_p2};
}

}  // namespace tenkai::layout
