// Session timelines for パターン３ (functions changing over time) and パターン１ (one function).
#include "core/layout/diagrams/session_timeline.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/analysis/reason_text.h"
#include "core/layout/diagrams/examples.h"
#include "core/registry/fiscal_year.h"

namespace tenkai::layout::diagrams {

using registry::Function;
using scene::Rect;

namespace {

struct SessionView {
  size_t index;
  const registry::Session* session;
  Function function;
};

// "1.5〜2.0日" over the sessions' days (empty when none has days).
std::string days_range(const std::vector<SessionView>& list) {
  double low = 0, high = 0;
  bool any = false;
  for (const auto& v : list) {
    if (!v.session->days) continue;
    double d = *v.session->days;
    low = any ? std::min(low, d) : d;
    high = any ? std::max(high, d) : d;
    any = true;
  }
  if (!any) return "";
  if (low == high) return analysis::format_days(low) + "日";
  return analysis::format_days(low) + "〜" + analysis::format_days(high) + "日";
}

std::string field_range(const std::vector<SessionView>& list) {
  double low = 0, high = 0;
  bool any = false;
  for (const auto& v : list) {
    if (!v.session->field_hours) continue;
    double h = *v.session->field_hours;
    low = any ? std::min(low, h) : h;
    high = any ? std::max(high, h) : h;
    any = true;
  }
  if (!any) return "";
  std::string text = analysis::format_number(low);
  if (high != low) text += "〜" + analysis::format_number(high);
  return "同行" + text + "時間";
}

std::string ordinal_text(const registry::Session& s) {
  return s.ordinal ? "第" + std::to_string(*s.ordinal) + "回" : "";
}

// Ordinal, length and accompanied visits on lines of their own, then the session's note; `detail`
// 2 is all of it, 1 drops the visits and the note, 0 keeps the ordinal (or the length) only.
std::string box_text(const registry::Session& s, int detail) {
  std::vector<std::string> lines;
  if (s.ordinal) lines.push_back(ordinal_text(s));
  if (detail >= 1 || lines.empty()) {
    if (s.days) lines.push_back(analysis::format_days(*s.days) + "日");
    if (s.hours) lines.push_back(analysis::format_number(*s.hours) + "時間");
  }
  if (detail >= 2) {
    if (s.field_hours) lines.push_back("同行" + analysis::format_number(*s.field_hours) + "時間");
    if (!s.note.empty()) lines.push_back(s.note);
  }
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) text += (i ? "\n" : "") + lines[i];
  return text;
}

// How often a meeting is held, as the source says it: "平日夜2時間×年数回", "2時間×3回".
std::string meeting_text(const registry::Session& s) {
  std::string text = s.when + length_label(s);
  std::string count = s.several ? "数回" : s.times ? std::to_string(*s.times) + "回" : "";
  if (count.empty()) return text;
  return text + "×" + (s.until ? "年" : "") + count;
}

// Meetings of one year (or all of them): their shared wording when they are said alike, else
// the length and how many entries there are.
std::string meetings_text(const std::vector<const SessionView*>& list) {
  if (list.empty()) return "";
  std::string first = meeting_text(*list.front()->session);
  bool same = true;
  for (const auto* v : list) same = same && meeting_text(*v->session) == first;
  const auto& s = *list.front()->session;
  if (same && (s.several || s.times || s.until)) return first;
  std::string length = s.when + length_label(s);
  return length + "×" + std::to_string(list.size()) + "回";
}

}  // namespace

void draw_session_timeline(Canvas& canvas, const Rect& area, const LayoutContext& context,
                           size_t region, TimelineStory story, bool era) {
  const auto& reg = context.registry;
  const auto& theme = context.theme;
  std::vector<SessionView> counted, separate;
  for (const auto& c : context.classification.sessions) {
    const auto& s = reg.sessions[c.session_index];
    if (s.region_index != region) continue;
    (s.counted ? counted : separate).push_back({c.session_index, &s, c.function});
  }
  if (counted.empty() && separate.empty()) return;
  int first_year = 9999, last_year = 0;
  for (const auto* list : {&counted, &separate}) {
    for (const auto& v : *list) {
      first_year = std::min(first_year, v.session->fiscal_year);
      last_year = std::max(last_year, v.session->fiscal_year);
    }
  }
  const double size = std::clamp(area.height / 20, 7.0, theme.body_size * 0.9);
  const bool has_separate = !separate.empty();

  // Bands, top to bottom: heading + legend, sessions, year axis, separate meetings, notes.
  double y = area.y;
  double heading_h = size * 1.8;
  double notes_h = std::min(area.height * 0.3, size * 6.5);
  double separate_h = has_separate ? std::min(area.height * 0.16, size * 4.5) : 0;
  double main_h =
      area.height - heading_h - size * 0.4 - size * 2.0 - separate_h - notes_h - size * 0.6;
  double axis_h = size * 2.0;
  // The lane names set the left column; a year's column widens with the sessions it holds.
  std::string lane_name = "別途の会合";
  if (has_separate) {
    bool same_note = !separate.front().session->note.empty();
    for (const auto& v : separate)
      same_note = same_note && v.session->note == separate.front().session->note;
    if (same_note) lane_name = separate.front().session->note;
  }
  double lane_w =
      std::clamp(std::max(canvas.text_width("研修会", size * 0.9, true),
                          has_separate ? canvas.text_width(lane_name, size * 0.8, true) : 0.0) +
                     10,
                 size * 4, area.width * 0.2);
  double x0 = area.x + lane_w;
  // The notes tell the whole story; the lanes show the latest years whose boxes keep at least
  // their ordinal (or length) unbroken at the floor, and the axis says what came before.
  const std::vector<SessionView> counted_all = counted, separate_all = separate;
  const double floor = theme.min_body_size;
  int omitted = 0;
  {
    auto fits = [&](int start) {
      double column = (area.width - lane_w) / (last_year - start + 1);
      for (const auto& v : counted) {
        if (v.session->fiscal_year < start) continue;
        double need = canvas.text_width(box_text(*v.session, 0), floor, true) / 0.98 + 16;
        if (need > column) return false;
      }
      return true;
    };
    int start = first_year;
    while (start < last_year && !fits(start)) ++start;
    if (start > first_year) {
      auto before = [&](const SessionView& v) {
        return (v.session->until ? *v.session->until : v.session->fiscal_year) < start;
      };
      size_t n = counted.size() + separate.size();
      std::erase_if(counted, before);
      std::erase_if(separate, before);
      omitted = static_cast<int>(n - counted.size() - separate.size());
      first_year = start;
    }
  }
  const int years = last_year - first_year + 1;
  // Two ways to set a year's sessions: side by side in a column that widens with their number,
  // or stacked in equal columns. Whichever gives the more legible labels is drawn.
  std::map<int, int> per_year;
  for (const auto& v : counted) ++per_year[v.session->fiscal_year];
  auto columns_for = [&](bool stacked) {
    std::vector<double> weights(years, 1.0);
    if (!stacked) {
      for (const auto& [year, n] : per_year) weights[year - first_year] = std::max(1, n);
    }
    double weight_sum = 0;
    for (double w : weights) weight_sum += w;
    std::vector<double> xs(years + 1, x0);
    for (int k = 0; k < years; ++k) {
      xs[k + 1] = xs[k] + (area.width - lane_w) * weights[k] / weight_sum;
    }
    return xs;
  };
  std::vector<double> col_x = columns_for(false);
  auto col_left = [&](int year) { return col_x[year - first_year]; };
  auto col_width = [&](int year) {
    return col_x[year - first_year + 1] - col_x[year - first_year];
  };

  std::vector<Function> present;
  for (Function f : {Function::leader, Function::intro, Function::connect}) {
    bool any = false;
    for (const auto* list : {&counted, &separate}) {
      for (const auto& v : *list) any = any || v.function == f;
    }
    if (any) present.push_back(f);
  }
  canvas.label(analysis::region_label(reg, region), {area.x, y, area.width * 0.4, heading_h},
               size * 1.15, theme.title, Align::left, VAlign::middle, true);
  function_legend(canvas, {area.x + area.width * 0.42, y, area.width * 0.58, heading_h},
                  size * 0.85, present);
  y += heading_h + size * 0.4;

  // Sessions lane.
  Rect main_lane{x0, y, area.width - lane_w, main_h};
  canvas.label("研修会", {area.x, y, lane_w - 6, main_h}, size * 0.9, theme.text, Align::right,
               VAlign::middle, true);
  std::map<int, std::vector<const SessionView*>> by_year;
  for (const auto& v : counted) by_year[v.session->fiscal_year].push_back(&v);
  std::vector<Rect> first_box;
  // Boxes, then one type size for all their labels: as much detail as stays legible unbroken in
  // every box (the narrowest decides), else less detail.
  struct Plan {
    std::vector<double> col_x;
    std::vector<std::pair<Rect, const registry::Session*>> boxes;
    int detail = 0;
    double size = 0;
  };
  auto plan_for = [&](bool stacked) {
    Plan plan;
    plan.col_x = columns_for(stacked);
    for (const auto& [year, list] : by_year) {
      double cx = plan.col_x[year - first_year];
      double cw = plan.col_x[year - first_year + 1] - cx;
      double pad = std::min(cw * 0.06, 6.0), gap = std::min(cw * 0.04, 4.0);
      size_t n = list.size();
      double top = main_lane.y + main_h * 0.08, height = main_h * 0.84;
      for (size_t i = 0; i < n; ++i) {
        Rect r = stacked ? Rect{cx + pad, top + i * (height + 3) / n, cw - 2 * pad,
                                (height - 3 * (n - 1)) / n}
                         : Rect{cx + pad + i * ((cw - 2 * pad - gap * (n - 1)) / n + gap), top,
                                (cw - 2 * pad - gap * (n - 1)) / n, height};
        plan.boxes.push_back({r, list[i]->session});
      }
    }
    const double kLegible = floor;
    for (plan.detail = 2; plan.detail >= 0; --plan.detail) {
      plan.size = size * 0.95;
      for (const auto& [r, session] : plan.boxes) {
        plan.size = std::min(
            plan.size, canvas.unbroken_size(box_text(*session, plan.detail),
                                            {0, 0, r.width - 4, r.height - 4}, size * 0.95, true));
      }
      if (plan.size >= kLegible) break;
    }
    plan.detail = std::max(plan.detail, 0);
    return plan;
  };
  Plan plan = plan_for(false);
  if (plan.detail < 2 || plan.size < 8) {
    Plan stacked = plan_for(true);
    if (std::make_pair(stacked.detail, stacked.size) > std::make_pair(plan.detail, plan.size)) {
      plan = std::move(stacked);
    }
  }
  col_x = plan.col_x;
  for (size_t i = 0; i < plan.boxes.size(); ++i) {
    const auto& [r, session] = plan.boxes[i];
    Function function = Function::intro;
    for (const auto& v : counted) {
      if (v.session == session) function = v.function;
    }
    size_t mark = canvas.mark();
    canvas.rect(r, function_color(function), std::nullopt, 1,
                std::min({6.0, r.width * 0.15, r.height * 0.2}));
    if (first_box.size() < 2) first_box.push_back(r);
    std::string text = box_text(*session, plan.detail);
    // Too small for legible text: colour alone tells the function.
    if (plan.size >= floor - 1e-9) {
      canvas.label(text, {r.x + 2, r.y + 2, r.width - 4, r.height - 4}, plan.size, {1, 1, 1, 1},
                   Align::center, VAlign::middle, true, plan.size, true);
    }
    canvas.shape(mark, "session", text, reg.regions[region].id, std::nullopt,
                 "session-" + std::to_string(i));
  }
  y += main_h;

  // Year axis.
  double axis_y = y + size * 0.4;
  canvas.arrow({x0, axis_y}, {area.x + area.width - 1, axis_y}, theme.muted, 1.2);
  // Year labels: the full form if every one fits its column unbroken, else the short one
  // (2011 / H23), else every k-th.
  auto short_year = [&](int year) {
    return era ? registry::era_short_label(year) : std::to_string(year);
  };
  bool full = true;
  double narrowest = area.width;
  for (int k = 0; k < years; ++k) {
    double cw = col_x[k + 1] - col_x[k];
    narrowest = std::min(narrowest, cw);
    full = full && canvas.text_width(year_label(first_year + k, era), size * 0.85) <= cw - 4;
  }
  double short_w = canvas.text_width(short_year(last_year), size * 0.8) + 4;
  int every = full ? 1 : std::max(1, static_cast<int>(std::ceil(short_w / narrowest)));
  for (int k = 0; k < years; ++k) {
    double cx = col_x[k], cw = col_x[k + 1] - col_x[k];
    canvas.polyline({{cx, axis_y - 3}, {cx, axis_y + 3}}, theme.muted, 0.8);
    if (k % every != 0) continue;
    std::string text = full ? year_label(first_year + k, era) : short_year(first_year + k);
    double w = std::max(cw, short_w);
    canvas.label(text, {cx + cw / 2 - w / 2 + 1, axis_y + 2, w - 2, axis_h - 4},
                 size * (full ? 0.85 : 0.8), theme.text, Align::center, VAlign::middle, false, 4,
                 true);
  }
  if (omitted > 0) {
    // What the axis leaves out, left of where it starts: 〜2019年度 / ほか12回.
    canvas.label(
        ("〜" + year_label(first_year - 1, era) + "\nほか" + std::to_string(omitted) + "回"),
        {area.x, axis_y - axis_h * 0.5, lane_w - 6, axis_h * 1.5}, size * 0.8, theme.muted,
        Align::right, VAlign::middle, false, floor, true);
  }
  y += axis_h;

  // Separate meetings: one box per year and function, "2時間×3回".
  Rect separate_box{};
  if (has_separate) {
    canvas.label(lane_name + "\n（集計外）", {area.x, y, lane_w - 6, separate_h}, size * 0.8,
                 theme.text, Align::right, VAlign::middle, true, 5, true);
    // A recurring meeting (`until`) is one bar over its years, said as the source says it
    // (平日夜2時間×年数回); other meetings are grouped per year and function.
    std::map<std::pair<int, int>, std::vector<const SessionView*>> groups;
    for (const auto& v : separate) {
      if (v.session->until) continue;
      groups[{v.session->fiscal_year, static_cast<int>(v.function)}].push_back(&v);
    }
    int bar = 0;
    for (const auto& v : separate) {
      if (!v.session->until) continue;
      int from = std::max(v.session->fiscal_year, first_year);
      int to = std::min(*v.session->until, last_year);
      double x0 = col_left(from), x1 = col_left(to) + col_width(to);
      double pad = std::min(col_width(from) * 0.1, 8.0);
      Rect r{x0 + pad, y + separate_h * 0.1 + bar * 2, x1 - x0 - 2 * pad, separate_h * 0.8};
      ++bar;
      scene::Color fill = function_color(v.function);
      size_t mark = canvas.mark();
      canvas.rect(r, tint(fill, 0.75), fill, 1, 4, {3, 2});
      std::string text = meeting_text(*v.session);
      canvas.label(text, {r.x + 2, r.y + 2, r.width - 4, r.height - 4}, size * 0.85, theme.text,
                   Align::center, VAlign::middle, false, 4);
      canvas.shape(mark, "session", text, reg.regions[region].id, std::nullopt,
                   "meeting-" + std::to_string(v.index));
      if (separate_box.width == 0) separate_box = r;
    }
    std::map<int, int> per_year;
    for (const auto& [key, list] : groups) ++per_year[key.first];
    std::map<int, int> placed_in_year;
    for (const auto& [key, list] : groups) {
      int year = key.first;
      int count = per_year[year], slot = placed_in_year[year]++;
      double cx = col_left(year), cw = col_width(year);
      double pad = std::min(cw * 0.1, 8.0);
      double w = (cw - 2 * pad) / count;
      Rect r{cx + pad + slot * w, y + separate_h * 0.1, w - 2, separate_h * 0.8};
      scene::Color fill = function_color(list.front()->function);
      size_t mark = canvas.mark();
      canvas.rect(r, tint(fill, 0.75), fill, 1, 4, {3, 2});
      std::string text = meetings_text(list);
      canvas.label(text, {r.x + 2, r.y + 2, r.width - 4, r.height - 4}, size * 0.85, theme.text,
                   Align::center, VAlign::middle, false, 4);
      canvas.shape(mark, "session", text, reg.regions[region].id, std::nullopt,
                   "meeting-" + std::to_string(list.front()->index));
      if (separate_box.width == 0) separate_box = r;
    }
    y += separate_h;
  }

  // Notes from the data.
  // Notes: at most about five lines high; spare height goes to the bands above instead.
  Rect notes{area.x, y + size * 0.6, area.width, area.y + area.height - y - size * 0.6};
  if (notes.height < size * 2) return;
  std::string first_note, second_note;
  // The notes speak of every session, also those before the years drawn.
  counted = counted_all;
  separate = separate_all;
  for (const auto& v : counted_all) first_year = std::min(first_year, v.session->fiscal_year);
  for (const auto& v : separate_all) first_year = std::min(first_year, v.session->fiscal_year);
  std::vector<SessionView> all = counted;
  all.insert(all.end(), separate.begin(), separate.end());
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.session->fiscal_year < b.session->fiscal_year;
  });
  const SessionView& opening = counted.empty() ? all.front() : counted.front();
  std::string opening_name = ordinal_text(*opening.session);
  if (opening_name.empty()) opening_name = year_label(opening.session->fiscal_year, era) + "の初回";
  if (story == TimelineStory::p3) {
    if (opening.function == Function::leader) {
      first_note = "①" + opening_name + "が（結果的に）地域リーダー研修として機能";
    } else {
      first_note = "①" + opening_name + "は" + function_title(opening.function) + "として開催";
    }
    std::vector<SessionView> later(counted.begin() + (counted.empty() ? 0 : 1), counted.end());
    std::vector<std::string> later_names;
    for (Function f : {Function::leader, Function::intro, Function::connect}) {
      for (const auto& v : later) {
        if (v.function == f) {
          later_names.push_back(function_short(f));
          break;
        }
      }
    }
    std::string joined;
    for (size_t i = 0; i < later_names.size(); ++i) joined += (i ? "・" : "") + later_names[i];
    second_note = "②以降、" + (joined.empty() ? std::string("研修会") : joined) + "を継続開催";
    if (has_separate) {
      // Named by the meetings' note when they share one (顔の見える関係会議), else by function.
      std::string name = lane_name != "別途の会合"
                             ? lane_name
                             : std::string(function_short(separate.front().function));
      std::vector<const SessionView*> all_separate;
      for (const auto& v : separate) all_separate.push_back(&v);
      second_note += "＋別途" + name + "（" + meetings_text(all_separate) + "）を開催";
    }
    std::string course;
    if (!counted.empty()) {
      std::vector<SessionView> head(counted.begin(), counted.begin() + 1);
      std::string l1 = length_label(*counted.front().session);
      if (!l1.empty()) course += opening_name + "：" + l1;
      std::string d = days_range(later), f = field_range(later);
      if (!later.empty() && (!d.empty() || !f.empty())) {
        std::string span = ordinal_text(*later.front().session);
        std::string last = ordinal_text(*later.back().session);
        if (!span.empty() && !last.empty() && span != last) span += "〜" + last;
        course += std::string(course.empty() ? "" : "　") + (span.empty() ? "以降" : span) + "：" +
                  d + (d.empty() || f.empty() ? "" : "＋") + f;
      }
    }
    if (!course.empty()) second_note += "\n" + course;
  } else {
    std::string span = first_year == last_year
                           ? year_label(first_year, era)
                           : year_label(first_year, era) + "〜" + year_label(last_year, era);
    first_note = "①市町村単位で" + std::string(function_short(opening.function)) + "を" +
                 (all.size() > 1 ? "継続開催（" : "開催（") + std::to_string(all.size()) + "回、" +
                 span + "）";
    second_note = "※パターン１は本資料で補足した類型（一つの機能の研修会を市町村単位で開催）";
  }
  double gap = area.width * 0.03;
  Rect left{notes.x, notes.y, notes.width * 0.42, notes.height};
  Rect right{notes.x + notes.width * 0.42 + gap, notes.y, notes.width * 0.58 - gap, notes.height};
  size_t mark = canvas.mark();
  canvas.rect(left, tint(theme.accent, 0.92), std::nullopt, 1, 6);
  canvas.label(first_note, {left.x + 6, left.y + 4, left.width - 12, left.height - 8}, size,
               theme.text, Align::left, VAlign::middle, true);
  canvas.shape(mark, "note", first_note);
  mark = canvas.mark();
  canvas.rect(right, tint(theme.title, 0.93), std::nullopt, 1, 6);
  canvas.label(second_note, {right.x + 6, right.y + 4, right.width - 12, right.height - 8}, size,
               theme.text, Align::left, VAlign::middle, true);
  canvas.shape(mark, "note", second_note);
  // ① and ② as badges on what they explain: the opening session and the later ones.
  auto badge = [&](const Rect& target, const char* mark, scene::Color color, bool at_left = false) {
    double radius = std::clamp(size * 0.75, 5.0, 10.0);
    scene::Point centre{target.x + target.width - radius * 0.4, target.y - radius * 0.2};
    // The corner, clear of the centred label, its centre just outside the box.
    if (at_left) centre = {target.x - radius * 0.25, target.y - radius * 0.25};
    size_t at = canvas.mark();
    canvas.circle(centre, radius, color);
    canvas.label(mark, {centre.x - radius, centre.y - radius, 2 * radius, 2 * radius}, radius * 1.3,
                 {1, 1, 1, 1}, Align::center, VAlign::middle, true, 4);
    canvas.shape(at, "badge", mark);
  };
  if (!first_box.empty()) badge(first_box.front(), "1", theme.accent);
  if (first_box.size() > 1 && story == TimelineStory::p3) badge(first_box.back(), "2", theme.title);
  if (separate_box.width > 0 && story == TimelineStory::p3)
    badge(separate_box, "2", theme.title, true);
}

ElementLayout layout_pattern_timeline(const ElementSpec& element, LayoutContext& context,
                                      analysis::Pattern pattern) {
  const auto& data = element.data_as<SubjectData>();
  auto region = pick_pattern_region(context.registry, context.classification, pattern, data.region);
  if (!region) {
    return no_example(context, element,
                      pattern == analysis::Pattern::P3
                          ? "パターン３（市町村単位の開催＋時系列で研修会の機能が変化）に当たる地域"
                            "が登録簿にありません"
                          : "パターン１（市町村単位の開催）に当たる地域が登録簿にありません");
  }
  const auto* area = context.classification.area(*region);
  if (!data.region.empty() && area && area->pattern != pattern) {
    context.warn(element, "region '" + data.region + "' is " + analysis::to_string(area->pattern) +
                              ", not " + analysis::to_string(pattern) + "; drawn as named");
  }
  Canvas canvas(context, element);
  scene::Rect box = caption_area(canvas, context.box, context.expand(data.caption));
  const auto& shown = context.registry.regions[*region];
  box = example_area(canvas, box, data,
                     shown.name.empty() ? analysis::region_label(shown) : shown.name);
  draw_session_timeline(canvas, box, context, *region,
                        pattern == analysis::Pattern::P3 ? TimelineStory::p3 : TimelineStory::p1,
                        data.era);
  return canvas.finish(std::string(pattern == analysis::Pattern::P3 ? "パターン３" : "パターン１") +
                       "の例：" + analysis::region_label(context.registry, *region) +
                       "の研修会の年度別の推移");
}

}  // namespace tenkai::layout::diagrams
