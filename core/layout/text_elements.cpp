// Text elements: title, subtitle, text, footnote, link and rule.
#include <algorithm>

#include "core/layout/text_meaning.h"
#include "core/layout/text_style.h"

namespace tenkai::layout {
namespace {

// Which text element, deciding its default font and colour.
enum class TextRole { title, subtitle, text, footnote, link };

struct TextData : ElementData {
  TextRole role = TextRole::text;
  std::string text;  // may hold placeholders and **bold** runs
  std::optional<SizeSpec> size;
  std::optional<scene::Color> color;
  bool emphasis = false;  // whole text in the emphasis style
  bool bold = false;
  std::string url;  // links only
};

std::shared_ptr<const ElementData> parse_text_like(const YAML::Node& node, SpecReader& reader,
                                                   TextRole role) {
  auto data = std::make_shared<TextData>();
  data->role = role;
  const char* what = role == TextRole::link ? "link" : "text element";
  if (role == TextRole::link) {
    if (!reader.require(node, "url", what)) return nullptr;
    auto url = reader.string(node, "url");
    if (!url) return nullptr;
    data->url = *url;
    data->text = reader.text(node, "text").value_or(*url);
  } else {
    if (!reader.require(node, "text", what)) return nullptr;
    auto text = reader.text(node, "text");
    if (!text) return nullptr;
    data->text = *text;
  }
  data->size = read_size(reader, node, "size");
  data->color = reader.color(node, "color");
  data->emphasis = reader.boolean(node, "emphasis").value_or(false);
  data->bold = reader.boolean(node, "bold").value_or(role == TextRole::title);
  return data;
}

std::vector<Run> runs_for(const TextData& data, const LayoutContext& context) {
  const Theme& theme = context.theme;
  double fallback = data.role == TextRole::title      ? theme.cover_title_size
                    : data.role == TextRole::subtitle ? theme.subtitle_size
                    : data.role == TextRole::footnote ? theme.footnote_size
                                                      : theme.body_size;
  scene::Color color = data.role == TextRole::title      ? theme.title
                       : data.role == TextRole::footnote ? theme.muted
                       : data.role == TextRole::link     ? theme.link
                                                         : theme.text;
  if (data.color) color = *data.color;
  scene::Font font = theme.font(resolve_size(theme, data.size, fallback),
                                data.bold ? scene::Weight::bold : scene::Weight::regular);
  if (data.emphasis) {
    font.weight = scene::Weight::bold;
    color = theme.accent;
  }
  return parse_emphasis(context.expand(data.text), font, color, theme.accent);
}

const char* role_name(TextRole role) {
  switch (role) {
    case TextRole::title:
      return "title";
    case TextRole::subtitle:
      return "subtitle";
    case TextRole::footnote:
      return "footnote";
    case TextRole::link:
      return "link_text";
    case TextRole::text:
      break;
  }
  return "body";
}

ElementLayout layout_text(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<TextData>();
  ElementLayout out;
  std::vector<Run> runs = runs_for(data, context);
  fit_text(context, element, runs, context.box, element.align, element.valign, out.items);
  if (data.role == TextRole::link) {
    // Underline each line and make its extent clickable.
    std::vector<scene::Item> extra;
    for (const auto& item : out.items) {
      const auto* line = std::get_if<scene::TextLine>(&item);
      if (!line) continue;
      double size = line->font.size;
      double underline_y = line->baseline.y + 0.12 * size;
      scene::Path underline = scene::line({line->baseline.x, underline_y},
                                          {line->baseline.x + line->width, underline_y});
      underline.stroke = scene::Stroke{line->color, std::max(0.5, size / 18), {}};
      extra.emplace_back(std::move(underline));
      extra.emplace_back(scene::Link{
          {line->baseline.x, line->baseline.y - 0.9 * size, line->width, 1.2 * size}, data.url});
    }
    out.items.insert(out.items.end(), extra.begin(), extra.end());
  }
  wrap_text_block(out.items, 0, role_name(data.role), {plain_text(runs)}, context.box,
                  context.measurer);
  return out;
}

double measure_text(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<TextData>();
  return flow_text(runs_for(data, context), context.box.width, context.measurer,
                   context.theme.line_spacing)
      .height;
}

const std::vector<std::string> kTextKeys = {"text", "size", "color", "emphasis", "bold"};

struct RuleData : ElementData {
  std::optional<scene::Color> color;
  double thickness = 1;
};

std::shared_ptr<const ElementData> parse_rule(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<RuleData>();
  data->color = reader.color(node, "color");
  data->thickness = reader.number(node, "thickness", 0.1, 20).value_or(1);
  return data;
}

ElementLayout layout_rule(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<RuleData>();
  const scene::Rect& box = context.box;
  double y = box.y + data.thickness / 2;
  scene::Path path = scene::line({box.x, y}, {box.x + box.width, y});
  path.stroke = scene::Stroke{data.color.value_or(context.theme.rule), data.thickness, {}};
  ElementLayout out;
  out.items.emplace_back(std::move(path));
  out.used_height = data.thickness;
  return out;
}

double measure_rule(const ElementSpec& element, LayoutContext&) {
  return element.data_as<RuleData>().thickness;
}

}  // namespace

ElementType title_element() {
  return {"title", kTextKeys,
          [](const YAML::Node& n, SpecReader& r) { return parse_text_like(n, r, TextRole::title); },
          layout_text, measure_text};
}

ElementType subtitle_element() {
  return {
      "subtitle", kTextKeys,
      [](const YAML::Node& n, SpecReader& r) { return parse_text_like(n, r, TextRole::subtitle); },
      layout_text, measure_text};
}

ElementType text_element() {
  return {"text", kTextKeys,
          [](const YAML::Node& n, SpecReader& r) { return parse_text_like(n, r, TextRole::text); },
          layout_text, measure_text};
}

ElementType footnote_element() {
  return {
      "footnote", kTextKeys,
      [](const YAML::Node& n, SpecReader& r) { return parse_text_like(n, r, TextRole::footnote); },
      layout_text, measure_text};
}

ElementType link_element() {
  return {"link",
          {"url", "text", "size", "color", "emphasis", "bold"},
          [](const YAML::Node& n, SpecReader& r) { return parse_text_like(n, r, TextRole::link); },
          layout_text,
          measure_text};
}

ElementType rule_element() {
  return {"rule", {"color", "thickness"}, parse_rule, layout_rule, measure_rule};
}

}  // namespace tenkai::layout
