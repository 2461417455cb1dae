// Lays a deck out: per slide the master (header band, footnotes, footer with © and page number)
// around the body container; continuation pages for elements that overflow; named figures.
#include <algorithm>

#include "core/layout/deck.h"
#include "core/layout/diagrams/examples.h"
#include "core/layout/figure_alt.h"
#include "core/layout/measure_cache.h"
#include "core/layout/text_meaning.h"
#include "core/registry/prefectures.h"

namespace tenkai::layout {
namespace {

struct SlideFrame {
  scene::Rect header;  // empty height on title / section slides
  scene::Rect body;
  scene::Rect notes;  // footnotes, above the footer
  scene::Rect footer;
};

// A pseudo-element for the master's texts, so their warnings have a name and a position.
ElementSpec master_element(const std::string& what, const SourcePos& pos) {
  ElementSpec spec;
  spec.type = what;
  spec.pos = pos;
  return spec;
}

double footnotes_height(const std::vector<std::string>& notes, LayoutContext& context) {
  if (notes.empty()) return 0;
  double height = 0;
  for (const auto& note : notes) {
    auto runs =
        parse_emphasis(context.expand(note), context.theme.font(context.theme.footnote_size),
                       context.theme.muted, context.theme.accent);
    height +=
        flow_text(runs, context.box.width, context.measurer, context.theme.line_spacing).height;
  }
  return height + 4.0 * double(notes.size() - 1);
}

SlideFrame frame_for(const DeckSpec& spec, const SlideSpec& slide, LayoutContext& context) {
  const Theme& theme = spec.theme;
  const double left = theme.margins.left, right = spec.page.width - theme.margins.right;
  const double width = right - left;
  SlideFrame frame;
  double top = theme.margins.top;
  if (slide.style == SlideStyle::content) {
    frame.header = {left, top, width, theme.header_height};
    top += theme.header_height + theme.element_gap;
  }
  double bottom = spec.page.height - theme.margins.bottom;
  frame.footer = {left, bottom - theme.footer_height, width, theme.footer_height};
  if (slide.footer) bottom = frame.footer.y - 4;
  context.box = {left, top, width, 0};
  double notes = footnotes_height(slide.footnotes, context);
  frame.notes = {left, bottom - notes, width, notes};
  if (notes > 0) bottom -= notes + theme.element_gap / 2;
  frame.body = {left, top, width, std::max(0.0, bottom - top)};
  return frame;
}

void add_header(const DeckSpec& spec, const SlideSpec& slide, const SlideFrame& frame,
                const std::string& title, LayoutContext& context, std::vector<scene::Item>& out) {
  if (slide.style != SlideStyle::content) return;
  const Theme& theme = spec.theme;
  ElementSpec element = master_element("slide title", slide.pos);
  auto runs = parse_emphasis(title, theme.font(theme.title_size, scene::Weight::bold), theme.title,
                             theme.accent);
  scene::Rect box = frame.header;
  box.height -= 6;  // keep clear of the rule
  const size_t first = out.size();
  fit_text(context, element, runs, box, Align::left, VAlign::middle, out);
  wrap_text_block(out, first, "title", {plain_text(runs)}, box, context.measurer);
  double y = frame.header.y + frame.header.height - 1;
  scene::Path rule = scene::line({frame.header.x, y}, {frame.header.x + frame.header.width, y});
  rule.stroke = scene::Stroke{theme.rule, 2, {}};
  out.emplace_back(std::move(rule));
}

void add_footnotes(const SlideSpec& slide, const SlideFrame& frame, LayoutContext& context,
                   std::vector<scene::Item>& out) {
  double y = frame.notes.y;
  ElementSpec element = master_element("footnote", slide.pos);
  for (const auto& note : slide.footnotes) {
    auto runs =
        parse_emphasis(context.expand(note), context.theme.font(context.theme.footnote_size),
                       context.theme.muted, context.theme.accent);
    FlowedText flowed =
        flow_text(runs, frame.notes.width, context.measurer, context.theme.line_spacing);
    const size_t first = out.size();
    place_text(flowed, {frame.notes.x, y, frame.notes.width, flowed.height}, Align::left,
               VAlign::top, out);
    wrap_text_block(out, first, "footnote", {plain_text(runs)},
                    {frame.notes.x, y, frame.notes.width, flowed.height}, context.measurer);
    y += flowed.height + 4;
  }
}

void add_footer(const DeckSpec& spec, const SlideSpec& slide, const SlideFrame& frame,
                int page_number, LayoutContext& context, std::vector<scene::Item>& out) {
  if (!slide.footer) return;
  const Theme& theme = spec.theme;
  const FooterSpec& footer = spec.footer;
  scene::Font font = theme.font(theme.footer_size);
  std::string number = std::to_string(page_number);
  double number_width = footer.page_number ? context.measurer.measure(number, font).width : 0;
  double logo_width = 0;
  if (!footer.logo.empty()) {
    scene::Font bold = theme.font(theme.footer_size, scene::Weight::bold);
    std::string logo = context.expand(footer.logo);
    logo_width = std::min(frame.footer.width / 3, context.measurer.measure(logo, bold).width);
    ElementSpec element = master_element("footer logo", slide.pos);
    const size_t first = out.size();
    scene::Rect box{frame.footer.x, frame.footer.y, logo_width, frame.footer.height};
    fit_text(context, element, {{logo, bold, theme.title}}, box, Align::left, VAlign::bottom, out);
    wrap_text_block(out, first, "footer", {logo}, box, context.measurer);
  }
  if (!footer.text.empty()) {
    double reserve = std::max(logo_width, number_width) + 8;
    ElementSpec element = master_element("footer", slide.pos);
    const size_t first = out.size();
    std::string text = context.expand(footer.text);
    scene::Rect box{frame.footer.x + reserve, frame.footer.y, frame.footer.width - 2 * reserve,
                    frame.footer.height};
    fit_text(context, element, {{text, font, theme.muted}}, box, Align::center, VAlign::bottom,
             out);
    wrap_text_block(out, first, "footer", {text}, box, context.measurer);
  }
  if (footer.page_number) {
    auto metrics = context.measurer.measure(number, font);
    const size_t first = out.size();
    out.emplace_back(scene::TextLine{{frame.footer.x + frame.footer.width - number_width,
                                      frame.footer.y + frame.footer.height - metrics.descent},
                                     number,
                                     font,
                                     theme.muted,
                                     number_width,
                                     scene::new_block()});
    wrap_text_block(out, first, "page_number", {number},
                    {frame.footer.x + frame.footer.width - number_width, frame.footer.y,
                     number_width, frame.footer.height},
                    context.measurer);
  }
}

std::string iso_date(const DeckSpec& spec, const registry::Registry& registry) {
  // Never the clock: the spec's date, else the registry's as-of date, else a fixed epoch.
  std::string date = !spec.info.creation_date.empty() ? spec.info.creation_date
                     : !registry.as_of.empty()        ? registry.as_of
                                                      : "1970-01-01";
  return date.substr(0, 10) + "T00:00:00Z";
}

// {example.p1} … {example.r3}: the region or prefecture each diagram shows when the spec names
// none, so notes can say which example was chosen.
void add_example_placeholders(const LayoutInputs& inputs, Placeholders& placeholders) {
  const registry::Registry& reg = inputs.registry;
  auto region = [&](std::optional<size_t> index) {
    return index && *index < reg.regions.size() ? reg.regions[*index].label : std::string("—");
  };
  using analysis::Pattern;
  using analysis::Rollout;
  placeholders.values.push_back({"example.p1", region(diagrams::pick_pattern_region(
                                                   reg, inputs.classification, Pattern::P1, ""))});
  placeholders.values.push_back(
      {"example.p2", region(diagrams::pick_p2_hub(reg, inputs.classification, ""))});
  placeholders.values.push_back({"example.p3", region(diagrams::pick_pattern_region(
                                                   reg, inputs.classification, Pattern::P3, ""))});
  const std::pair<const char*, Rollout> rollouts[] = {
      {"example.r1", Rollout::R1}, {"example.r2", Rollout::R2}, {"example.r3", Rollout::R3}};
  for (const auto& [name, rollout] : rollouts) {
    auto pick = diagrams::pick_rollout(reg, inputs.classification, rollout, "");
    placeholders.values.push_back({name, pick.prefecture ? pick.prefecture->prefecture : "—"});
  }
}

// {patterns.p1} … {rollouts.r3}: how many regions hold each pattern and how many prefectures show
// each rollout, among those `scope` admits (all of them off a for_each slide); and
// {matrix.prefectures}, how many prefectures hold a row of the matrix.
void add_count_placeholders(const LayoutInputs& inputs, const analysis::SpreadMatrix& matrix,
                            const DataSelection* scope, Placeholders& placeholders) {
  const registry::Registry& reg = inputs.registry;
  using analysis::Pattern;
  using analysis::Rollout;
  int patterns[4] = {0, 0, 0, 0};
  for (const auto& area : inputs.classification.areas) {
    if (area.region_index >= reg.regions.size()) continue;
    if (scope && !scope->matches(reg.regions[area.region_index])) continue;
    ++patterns[static_cast<int>(area.pattern)];
  }
  int rollouts[3] = {0, 0, 0};
  int with_any = 0;
  for (const auto& prefecture : inputs.classification.prefectures) {
    if (scope && !scope->prefectures.empty() &&
        std::find(scope->prefectures.begin(), scope->prefectures.end(), prefecture.prefecture) ==
            scope->prefectures.end())
      continue;
    for (const auto& rollout : prefecture.rollouts) ++rollouts[static_cast<int>(rollout.rollout)];
    if (!prefecture.rollouts.empty()) ++with_any;
  }
  auto& v = placeholders.values;
  v.push_back({"patterns.p1", std::to_string(patterns[static_cast<int>(Pattern::P1)])});
  v.push_back({"patterns.p2", std::to_string(patterns[static_cast<int>(Pattern::P2)])});
  v.push_back({"patterns.p3", std::to_string(patterns[static_cast<int>(Pattern::P3)])});
  v.push_back({"rollouts.r1", std::to_string(rollouts[static_cast<int>(Rollout::R1)])});
  v.push_back({"rollouts.r2", std::to_string(rollouts[static_cast<int>(Rollout::R2)])});
  v.push_back({"rollouts.r3", std::to_string(rollouts[static_cast<int>(Rollout::R3)])});
  v.push_back({"rollouts.prefectures", std::to_string(with_any)});
  v.push_back({"matrix.prefectures", std::to_string(prefecture_entries(matrix, reg).size())});
}

// One repeat of a for_each slide: what it is restricted to and its own placeholders.
struct Repeat {
  DataSelection scope;
  std::vector<std::pair<std::string, std::string>> values;
};

std::string count_text(int n) {
  return std::to_string(n);
}

std::vector<Repeat> repeats_of(const ForEachSpec& each, const LayoutInputs& inputs) {
  const registry::Registry& reg = inputs.registry;
  DataSelection where = each.selection;
  where.sort.clear();
  where.limit.reset();
  const analysis::SpreadMatrix in_where = select_matrix(inputs.matrix, reg, where).matrix;
  std::vector<Repeat> out;
  auto first_year_text = [](int year) { return year > 0 ? std::to_string(year) : "—"; };
  if (each.over == Listing::prefectures) {
    std::vector<PrefectureEntry> entries = prefecture_entries(in_where, reg);
    if (each.list.empty()) {
      entries = select_prefectures(std::move(entries), each.selection);
    } else {
      std::vector<PrefectureEntry> listed;
      for (const auto& name : each.list) {
        auto found = std::find_if(entries.begin(), entries.end(),
                                  [&](const PrefectureEntry& e) { return e.name == name; });
        PrefectureEntry entry;
        entry.name = name;
        entry.code = registry::prefecture_code(name);
        listed.push_back(found != entries.end() ? *found : entry);
      }
      entries = std::move(listed);
    }
    for (const auto& entry : entries) {
      DataSelection one;
      one.prefectures = {entry.name};
      Repeat repeat{where.narrowed_by(one), {}};
      repeat.values = {{"prefecture", entry.name},
                       {"prefecture_code", jis_code(entry.code)},
                       {"regions", count_text(entry.regions)},
                       {"sessions", count_text(entry.sessions)},
                       {"first_year", first_year_text(entry.first_year)}};
      out.push_back(std::move(repeat));
    }
    return out;
  }
  std::vector<std::string> ids = each.list;
  if (ids.empty()) {
    for (const auto& row : select_matrix(inputs.matrix, reg, each.selection).matrix.rows)
      ids.push_back(row.region);
  }
  for (const auto& id : ids) {
    const registry::Region* region = reg.find_region(id);
    if (!region) continue;
    DataSelection one;
    one.regions = {id};
    Repeat repeat{where.narrowed_by(one), {}};
    int sessions = 0, first = 0, rows = 0;
    for (const auto& row : in_where.rows) {
      if (row.region != id) continue;
      ++rows;
      first = row.first_year;
      for (const auto& [year, cell] : row.cells) sessions += cell.sessions;
    }
    repeat.values = {{"region", region->label},
                     {"region_id", region->id},
                     {"prefecture", region->prefecture},
                     {"prefecture_code", jis_code(region->prefecture_code)},
                     {"regions", count_text(rows)},
                     {"sessions", count_text(sessions)},
                     {"first_year", first_year_text(first)}};
    out.push_back(std::move(repeat));
  }
  return out;
}

}  // namespace

scene::Document layout_deck(const DeckSpec& spec, const LayoutInputs& inputs,
                            Diagnostics& diagnostics) {
  scene::Document document;
  MeasureCache measurer(inputs.measurer);
  // Metadata texts may use registry placeholders; deck.* placeholders are not available there.
  Placeholders base = make_placeholders(inputs.registry, inputs.matrix, {});
  document.info.title = base.expand(spec.info.title);
  document.info.author = base.expand(spec.info.author);
  document.info.subject = base.expand(spec.info.subject);
  document.info.creation_date = iso_date(spec, inputs.registry);
  Placeholders placeholders = make_placeholders(inputs.registry, inputs.matrix, document.info);
  add_example_placeholders(inputs, placeholders);
  add_count_placeholders(inputs, inputs.matrix, nullptr, placeholders);

  bool first_repeat = false;
  // Lays out one slide (once, or one repeat of a for_each slide) over `matrix`.
  auto lay_out = [&](const SlideSpec& slide, size_t index, const ElementSpec& body_spec,
                     const analysis::SpreadMatrix& matrix, const Placeholders& texts,
                     const DataSelection* scope, const std::string& suffix) {
    LayoutContext context{inputs.registry,
                          matrix,
                          inputs.classification,
                          spec.theme,
                          measurer,
                          diagnostics,
                          inputs.qr,
                          texts,
                          slide.describe(index),
                          {},
                          // A repeated slide writes its figures once, from its first repeat.
                          suffix.empty() || first_repeat ? &document.figures : nullptr,
                          scope};
    SlideFrame frame = frame_for(spec, slide, context);
    context.box = frame.body;
    ElementLayout body = body_spec.kind->layout(body_spec, context);
    apply_alt(body_spec, body);

    std::string title = context.expand(slide.title);
    std::string outline = !title.empty()        ? title
                          : !slide.name.empty() ? slide.name
                                                : document.info.title;
    for (char& c : outline) {
      if (c == '\n') c = ' ';
    }
    const size_t pages_of_slide = 1 + body.more_pages.size();
    size_t page_of_slide = 0;
    // A repeat with nothing to show has that line as its notes, not counts of nothing.
    const std::string notes = context.expand(
        &body_spec == &slide.body || !slide.for_each ? slide.notes : slide.for_each->empty_note);
    auto emit = [&](std::vector<scene::Item>&& items, bool continued) {
      scene::Page page;
      page.width = spec.page.width;
      page.height = spec.page.height;
      page.slide =
          (!slide.name.empty() ? slide.name : "slide-" + std::to_string(index + 1)) + suffix;
      number_loose_lines(items);
      std::string heading = continued ? title + context.expand(spec.continued) : title;
      page.title = continued ? outline + context.expand(spec.continued) : outline;
      page.notes = notes;
      // Body first (moved, not copied); the master's items follow. They never overlap, so the
      // painting order does not matter.
      page.items = std::move(items);
      add_header(spec, slide, frame, heading, context, page.items);
      // The slide's footnotes remark on what it shows as a whole: once, after its last page.
      if (++page_of_slide == pages_of_slide) add_footnotes(slide, frame, context, page.items);
      add_footer(spec, slide, frame, static_cast<int>(document.pages.size() + 1), context,
                 page.items);
      document.pages.push_back(std::move(page));
    };
    emit(std::move(body.items), false);
    for (auto& more : body.more_pages) emit(std::move(more), true);
  };

  for (size_t index = 0; index < spec.slides.size(); ++index) {
    const SlideSpec& slide = spec.slides[index];
    if (!slide.for_each) {
      lay_out(slide, index, slide.body, inputs.matrix, placeholders, nullptr, "");
      continue;
    }
    first_repeat = true;
    // A for_each slide: once per prefecture / region, over its rows only, with its own texts.
    for (const Repeat& repeat : repeats_of(*slide.for_each, inputs)) {
      SelectedMatrix scoped = select_matrix(inputs.matrix, inputs.registry, repeat.scope);
      const bool empty = scoped.matrix.rows.empty();
      if (empty && slide.for_each->skip_empty) continue;
      Placeholders texts = make_placeholders(inputs.registry, scoped.matrix, document.info);
      add_example_placeholders(inputs, texts);
      add_count_placeholders(inputs, scoped.matrix, &repeat.scope, texts);
      texts.values.insert(texts.values.end(), repeat.values.begin(), repeat.values.end());
      // Pages name their repeat: prefecture-13, region-kashiwa.
      const std::string suffix = "-" + repeat.values[1].second;
      lay_out(slide, index, empty ? slide.for_each->empty_body : slide.body, scoped.matrix, texts,
              &repeat.scope, suffix);
      first_repeat = false;
    }
  }
  return document;
}

}  // namespace tenkai::layout
