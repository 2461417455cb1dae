// 展開手順２: a prefecture-wide layer of training above municipal sessions sized to each
// municipality (box widths follow population where it is known).
#include <algorithm>
#include <cmath>

#include "core/analysis/reason_text.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/fan_out.h"
#include "core/layout/diagrams/rollout_common.h"

namespace tenkai::layout {
namespace {

using diagrams::Canvas;
using registry::Function;
using scene::Rect;

ElementLayout layout_r2(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<diagrams::SubjectData>();
  auto pick = diagrams::rollout_subject(context, element, analysis::Rollout::R2, data.prefecture);
  if (!pick.evidence) {
    return diagrams::no_example(context, element,
                                "展開手順２（都道府県単位の開催＋市町村単位の開催）に当たる"
                                "都道府県が登録簿にありません");
  }
  const auto& reg = context.registry;
  const auto& theme = context.theme;
  const std::string& pref = pick.prefecture->prefecture;
  size_t hub = pick.evidence->regions.front();
  std::vector<size_t> others(pick.evidence->regions.begin() + 1, pick.evidence->regions.end());

  Canvas canvas(context, element);
  Rect box = diagrams::caption_area(canvas, context.box, context.expand(data.caption));
  box = diagrams::example_area(canvas, box, data, pref);
  double size = std::clamp(box.height / 18, 8.0, theme.body_size * 0.9);
  double notes_w = box.width * 0.25;
  Rect diagram{box.x + notes_w + box.width * 0.03, box.y, box.width - notes_w - box.width * 0.03,
               box.height};

  // The prefecture layer: its sessions as chips coloured by function.
  Rect band{diagram.x, diagram.y + box.height * 0.02, diagram.width, box.height * 0.3};
  scene::Color blue = diagrams::function_color(Function::leader);
  std::vector<const analysis::SessionClass*> chips;
  std::string programme;
  for (const auto& s : context.classification.sessions) {
    const auto& session = reg.sessions[s.session_index];
    if (session.region_index != hub) continue;
    chips.push_back(&s);
    if (programme.empty()) programme = session.programme;
  }
  // The programme by its own name when the registry gives one (滋賀県在宅医療セミナー).
  std::string band_text = programme.empty() ? diagrams::short_name(reg.regions[hub], pref) +
                                                  "：県全域を対象とした多職種研修会"
                                            : programme;
  size_t band_mark = canvas.mark();
  canvas.rect(band, diagrams::tint(blue, 0.9), blue, 1.5, 8);
  canvas.label(band_text, {band.x + 8, band.y + 4, band.width - 16, band.height * 0.4}, size * 1.05,
               theme.text, Align::center, VAlign::middle, true);
  std::string band_id = canvas.shape(band_mark, "region", band_text, reg.regions[hub].id);
  // As many chips as keep their names whole at the floor; past them the last chip says how many
  // sessions it stands for (ほか3回).
  auto chip_text = [&](size_t i) {
    const auto& session = reg.sessions[chips[i]->session_index];
    // A training named in the registry by its name (県リーダー研修), else its year and function.
    return session.title.empty() ? diagrams::year_label(session.fiscal_year, data.era) + "\n" +
                                       diagrams::function_short(chips[i]->function)
                                 : session.title;
  };
  const double chip_gap = 6, floor = theme.min_body_size;
  const double chip_size = std::max(size * 0.85, floor);
  auto chip_rect = [&](size_t i, size_t count) {
    double w = (band.width - 16 - chip_gap * (count - 1)) / count;
    return Rect{band.x + 8 + i * (w + chip_gap), band.y + band.height * 0.48, w,
                band.height * 0.42};
  };
  auto more_text = [&](size_t count) {
    return "ほか" + std::to_string(chips.size() - (count - 1)) + "回";
  };
  size_t shown = std::min<size_t>(chips.size(), 6);
  for (; shown > 1; --shown) {
    bool fits = true;
    for (size_t i = 0; i < shown && fits; ++i) {
      Rect chip = chip_rect(i, shown);
      std::string text = i + 1 == shown && shown < chips.size() ? more_text(shown) : chip_text(i);
      fits = canvas.fitting_size(text, {0, 0, chip.width - 4, chip.height - 4}, chip_size, true,
                                 floor, true) > 0;
    }
    if (fits) break;
  }
  for (size_t i = 0; i < shown; ++i) {
    Rect chip = chip_rect(i, shown);
    size_t mark = canvas.mark();
    if (i + 1 == shown && shown < chips.size()) {
      std::string text = more_text(shown);
      canvas.rect(chip, scene::Color{1, 1, 1, 1}, theme.muted, 1, 5);
      canvas.label(text, {chip.x + 2, chip.y + 2, chip.width - 4, chip.height - 4}, chip_size,
                   theme.text, Align::center, VAlign::middle, true, floor, true);
      canvas.shape(mark, "more", text, reg.regions[hub].id, std::nullopt, "chip-more");
      break;
    }
    std::string text = chip_text(i);
    canvas.rect(chip, diagrams::function_color(chips[i]->function), std::nullopt, 1, 5);
    canvas.label(text, {chip.x + 2, chip.y + 2, chip.width - 4, chip.height - 4}, chip_size,
                 {1, 1, 1, 1}, Align::center, VAlign::middle, true, floor, true);
    canvas.shape(mark, "session", text, reg.regions[hub].id, std::nullopt,
                 "chip-" + std::to_string(i));
  }

  // The municipalities, sized by population where known.
  double mean = 0;
  int known = 0;
  for (size_t r : others) {
    if (reg.regions[r].population) {
      mean += std::sqrt(static_cast<double>(*reg.regions[r].population));
      ++known;
    }
  }
  mean = known ? mean / known : 1;
  std::vector<diagrams::FanItem> items;
  long long low = 0, high = 0;
  for (size_t r : others) {
    const auto& region = reg.regions[r];
    diagrams::FanItem item;
    item.title = diagrams::short_name(region, pref);
    std::vector<size_t> sessions;
    Function function = Function::intro;
    for (const auto& s : context.classification.sessions) {
      if (reg.sessions[s.session_index].region_index != r) continue;
      sessions.push_back(s.session_index);
      function = s.function;
    }
    item.detail = diagrams::years_list(reg, sessions, data.era);
    if (region.population) {
      item.detail = diagrams::population_label(*region.population) + "\n" + item.detail;
      item.weight = std::sqrt(static_cast<double>(*region.population));
      low = low ? std::min(low, *region.population) : *region.population;
      high = std::max(high, *region.population);
    } else {
      item.weight = mean;
    }
    item.fill = diagrams::tint(diagrams::function_color(function), 0.88);
    item.stroke = diagrams::function_color(function);
    item.region = region.id;
    for (size_t l = 0; l < reg.links.size(); ++l) {
      if (reg.links[l].from_index == hub && reg.links[l].to_index == r) {
        item.links.push_back(canvas.link_ref(l));
      }
    }
    items.push_back(item);
  }
  Rect area{diagram.x, band.y + band.height + box.height * 0.14, diagram.width,
            box.y + box.height - (band.y + band.height + box.height * 0.14)};
  diagrams::FanStyle style;
  style.max_size = size * 1.05;
  style.arrow = blue;
  style.source_id = band_id;
  auto placed = diagrams::draw_fan(canvas, band, area, items, style);

  double bottom = area.y;
  for (const auto& r : placed) bottom = std::max(bottom, r.y + r.height);
  canvas.label("①県全域を対象とした多職種研修会を開催", {box.x, band.y, notes_w, band.height}, size,
               theme.text, Align::left, VAlign::middle, true);
  std::string second =
      "②市町単位で（県の研修より軽い）研修会や会合を、市町村規模に合わせて開催し、"
      "つながりを強める（" +
      std::to_string(others.size()) + "地域";
  if (known >= 2 && low != high) {
    second += "、" + diagrams::population_label(low).substr(std::string("人口").size()) + "〜" +
              diagrams::population_label(high).substr(std::string("人口").size());
  }
  second += "）";
  double top = placed.empty() ? area.y : placed.front().y;
  canvas.label(second, {box.x, top, notes_w, std::max(bottom - top, size * 5)}, size, theme.text,
               Align::left, VAlign::middle, true);
  return canvas.finish("展開手順２の例：" + pref + "の県全域の研修会と、" +
                       std::to_string(others.size()) + "の市町の研修会");
}

std::shared_ptr<const ElementData> parse_r2(const YAML::Node& node, SpecReader& reader) {
  return diagrams::parse_subject(node, reader, false, true);
}

}  // namespace

ElementType rollout_r2_element() {
  return {.name = "rollout_r2",
          .keys = diagrams::subject_keys(false, true),
          .parse = parse_r2,
          .layout = layout_r2};
}

}  // namespace tenkai::layout
