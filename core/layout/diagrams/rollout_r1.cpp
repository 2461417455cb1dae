// 展開手順１: one municipality's continuing sessions, then its know-how spreading to the rest
// of the prefecture (the regions its know_how / spread links reach).
#include <algorithm>
#include <cmath>

#include "core/analysis/reason_text.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/fan_out.h"
#include "core/layout/diagrams/rollout_common.h"
#include "core/registry/fiscal_year.h"

namespace tenkai::layout {
namespace {

using diagrams::Canvas;
using registry::Function;
using scene::Rect;

// Dots for each fiscal year from `first` to `last`, filled where the region held a session.
void year_dots(Canvas& canvas, const Rect& r, const std::vector<int>& years, int first, int last,
               bool era, double size) {
  int n = last - first + 1;
  if (n <= 0) return;
  double w = r.width / n;
  double radius = std::min({w * 0.3, r.height * 0.22, size * 0.7});
  scene::Color on = diagrams::function_color(Function::intro);
  // Label every year when the labels fit their slots, else every k-th (first and last always).
  auto label_of = [&](int year) {
    return era ? registry::era_short_label(year) : std::to_string(year);
  };
  double widest = canvas.text_width(label_of(last), size * 0.8) + 3;
  // The first and last labels are kept inside the box, so they may sit up to `shift` off their
  // dot, towards their neighbours.
  double shift = std::max(0.0, std::min(widest, r.width) / 2 - w / 2);
  int every = std::max(1, static_cast<int>(std::ceil((widest + shift) / w)));
  for (int k = 0; k < n; ++k) {
    int year = first + k;
    bool held = std::find(years.begin(), years.end(), year) != years.end();
    scene::Point c{r.x + w * (k + 0.5), r.y + radius + 1};
    canvas.circle(c, radius, held ? on : diagrams::tint(canvas.theme().muted, 0.75));
    bool regular = k % every == 0;
    // The last year too, when it clears the previous label.
    bool last_clear = k == n - 1 && (k - (k / every) * every) * w >= widest + shift;
    if (!regular && !last_clear) continue;
    double lw = std::min(widest, r.width);
    // Centred under its dot, but never past the box's ends (the first and last year).
    double lx = std::clamp(c.x - lw / 2, r.x, r.x + r.width - lw);
    canvas.label(label_of(year), {lx, c.y + radius + 1, lw, r.height - 2 * radius - 2}, size * 0.8,
                 canvas.theme().muted, Align::center, VAlign::top, false, 4);
  }
}

ElementLayout layout_r1(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<diagrams::SubjectData>();
  auto pick = diagrams::rollout_subject(context, element, analysis::Rollout::R1, data.prefecture);
  if (!pick.evidence) {
    return diagrams::no_example(context, element,
                                "展開手順１（市町村での開催→全県での開催）に当たる都道府県が"
                                "登録簿にありません");
  }
  const auto& reg = context.registry;
  const auto& theme = context.theme;
  const std::string& pref = pick.prefecture->prefecture;
  size_t m = pick.evidence->regions.front();
  std::vector<size_t> links, targets;
  for (size_t l : pick.evidence->links) {
    if (reg.links[l].from_index != m) continue;
    links.push_back(l);
    if (std::find(targets.begin(), targets.end(), reg.links[l].to_index) == targets.end()) {
      targets.push_back(reg.links[l].to_index);
    }
  }
  Canvas canvas(context, element);
  Rect box = diagrams::caption_area(canvas, context.box, context.expand(data.caption));
  {
    // 浦添市医師会・沖縄県医師会: the municipality and the regions it reached, with the organizer
    // the registry names first for each (as the seed's （例：…） does).
    auto with_organizer = [&](size_t r) {
      const auto& region = reg.regions[r];
      std::string name = region.name.empty() ? analysis::region_label(region) : region.name;
      if (!region.organizers.empty() &&
          region.organizers.front().find("医師会") != std::string::npos)
        name += "医師会";
      return name;
    };
    std::string example = with_organizer(m);
    for (size_t t : targets) {
      if (reg.regions[t].level == registry::Level::prefecture) example += "・" + with_organizer(t);
    }
    box = diagrams::example_area(canvas, box, data, example);
  }
  double size = std::clamp(box.height / 18, 8.0, theme.body_size * 0.9);

  // The municipality, left.
  std::vector<int> years;
  int first = 9999, last = 0;
  for (const auto& s : reg.sessions) {
    if (s.region_index != m) continue;
    years.push_back(s.fiscal_year);
    first = std::min(first, s.fiscal_year);
    last = std::max(last, s.fiscal_year);
  }
  for (size_t t : targets) {
    for (const auto& s : reg.sessions) {
      if (s.region_index == t) last = std::max(last, s.fiscal_year);
    }
  }
  Rect left{box.x, box.y + box.height * 0.1, box.width * 0.33, box.height * 0.56};
  scene::Color green = diagrams::function_color(Function::intro);
  size_t left_mark = canvas.mark();
  canvas.rect(left, diagrams::tint(green, 0.9), green, 1.5, 8);
  std::string left_text = diagrams::short_name(reg.regions[m], pref) + "\n多職種連携研修会";
  canvas.label(left_text, {left.x + 8, left.y + 6, left.width - 16, left.height * 0.38}, size * 1.1,
               theme.text, Align::center, VAlign::middle, true, 5, true);
  year_dots(canvas, {left.x + 10, left.y + left.height * 0.45, left.width - 20, left.height * 0.45},
            years, first, last, data.era, size);
  std::string left_id = canvas.shape(left_mark, "region", left_text, reg.regions[m].id);
  canvas.label("①１つの市町村で研修会が継続開催（" + std::to_string(years.size()) + "回）",
               {left.x, left.y + left.height + size * 0.6, left.width, box.height * 0.22}, size,
               theme.text, Align::left, VAlign::top, true);

  // The regions reached, right.
  Rect right{box.x + box.width * 0.6, box.y + box.height * 0.04, box.width * 0.4,
             box.height * 0.72};
  bool reaches_prefecture = false;
  std::vector<diagrams::FanItem> items;
  for (size_t t : targets) {
    const auto& region = reg.regions[t];
    reaches_prefecture = reaches_prefecture || region.level == registry::Level::prefecture;
    diagrams::FanItem item;
    item.title = diagrams::short_name(region, pref);
    std::vector<size_t> sessions;
    for (size_t s = 0; s < reg.sessions.size(); ++s) {
      if (reg.sessions[s].region_index == t) sessions.push_back(s);
    }
    item.detail = diagrams::years_list(reg, sessions, data.era) + "に開催";
    scene::Color blue = diagrams::function_color(Function::leader);
    item.fill = diagrams::tint(blue, 0.9);
    item.stroke = blue;
    item.region = region.id;
    items.push_back(item);
  }
  // What the regions reached say of their training: its name (沖縄県医師会多職種研修会) heads the
  // frame as its annual plan, and their sessions' notes (the unified 受講票) close it.
  std::string heading;
  std::vector<std::string> notes;
  for (size_t t : targets) {
    for (const auto& session : reg.sessions) {
      if (session.region_index != t) continue;
      if (heading.empty() && !session.title.empty()) heading = session.title + "年間計画";
      if (!session.note.empty() &&
          std::find(notes.begin(), notes.end(), session.note) == notes.end() && notes.size() < 2) {
        notes.push_back(session.note);
      }
    }
  }
  size_t frame_mark = canvas.mark();
  canvas.rect(right, std::nullopt, theme.muted, 0.8, 10, {4, 3});
  Rect inner{right.x + 10, right.y + 10, right.width - 20, right.height - 20};
  if (!heading.empty()) {
    double h = size * 2.6;
    canvas.label(heading, {inner.x, inner.y, inner.width, h}, size * 1.05, theme.title,
                 Align::center, VAlign::middle, true);
    inner.y += h + size * 0.3;
    inner.height -= h + size * 0.3;
  }
  std::string note_text;
  for (size_t i = 0; i < notes.size(); ++i) note_text += (i ? "\n" : "") + notes[i];
  if (!note_text.empty()) {
    double h = std::min(inner.height * 0.45, size * 0.85 * 1.2 * 4);
    canvas.label(note_text, {inner.x, inner.y + inner.height - h, inner.width, h}, size * 0.85,
                 theme.text, Align::left, VAlign::bottom);
    inner.height -= h + size * 0.4;
  }
  std::string frame_id =
      canvas.shape(frame_mark, "group", heading.empty() ? note_text : heading + "\n" + note_text);
  diagrams::FanStyle style;
  style.arrows = false;
  style.max_size = size * 1.1;
  diagrams::draw_fan(canvas, inner, inner, items, style);

  // The know-how arrow between them, captioned by the links: one connector standing for all.
  double mid_y = left.y + left.height / 2;
  size_t arrow_mark = canvas.mark();
  canvas.arrow({left.x + left.width + 4, mid_y}, {right.x - 4, mid_y}, theme.accent, 3);
  std::vector<std::string> captions;
  for (size_t l : links) captions.push_back(diagrams::link_caption(reg, l, data.era));
  std::string joined;
  for (size_t i = 0; i < captions.size() && i < 3; ++i) joined += (i ? "\n" : "") + captions[i];
  if (captions.size() > 3) joined += "\nほか" + std::to_string(captions.size() - 3) + "件";
  double gap_w = right.x - (left.x + left.width) - 8;
  canvas.label("②" + joined, {left.x + left.width + 4, left.y, gap_w, mid_y - left.y - 4},
               size * 0.9, theme.accent, Align::center, VAlign::bottom, true);
  std::vector<scene::LinkRef> refs;
  for (size_t l : links) refs.push_back(canvas.link_ref(l));
  canvas.connector(arrow_mark, left_id, frame_id, refs, "②" + joined);
  std::string outcome = reaches_prefecture ? "→全県で研修会が開催＋全県で研修会を共有"
                                           : "→県内の他の地域で研修会が開催";
  canvas.label(outcome,
               {right.x, right.y + right.height + size * 0.5, right.width, box.height * 0.2}, size,
               theme.text, Align::left, VAlign::top, true);
  return canvas.finish("展開手順１の例：" + diagrams::short_name(reg.regions[m], pref) +
                       "の研修会から開催ノウハウが" + pref + "内に広がった");
}

std::shared_ptr<const ElementData> parse_r1(const YAML::Node& node, SpecReader& reader) {
  return diagrams::parse_subject(node, reader, false, true);
}

}  // namespace

ElementType rollout_r1_element() {
  return {.name = "rollout_r1",
          .keys = diagrams::subject_keys(false, true),
          .parse = parse_r1,
          .layout = layout_r1};
}

}  // namespace tenkai::layout
