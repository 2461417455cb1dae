// Bullet lists, nested to any depth, with **bold** runs or a whole item emphasised. The list is
// shrunk as one block (all levels keep their proportions) when it does not fit.
#include <algorithm>

#include "core/layout/text_meaning.h"
#include "core/layout/text_style.h"

namespace tenkai::layout {
namespace {

struct BulletItem {
  std::string text;
  bool emphasis = false;
  std::vector<BulletItem> items;
};

struct BulletsData : ElementData {
  std::vector<BulletItem> items;
  std::optional<SizeSpec> size;
  std::vector<std::string> markers = {"■", "–", "・"};
};

bool parse_items(const YAML::Node& list, SpecReader& reader, std::vector<BulletItem>& out,
                 int depth) {
  if (!list.IsSequence()) {
    reader.error(list, "'items' must be a list of texts or {text, emphasis, items} maps");
    return false;
  }
  if (depth > 8) {
    reader.error(list, "bullet lists nest at most 8 levels deep");
    return false;
  }
  bool ok = true;
  for (const auto& node : list) {
    BulletItem item;
    if (node.IsMap() && !(node.size() == 1 && node.begin()->second.IsNull())) {
      reader.check_keys(node, {"text", "emphasis", "items"}, "bullet item");
      if (!reader.require(node, "text", "bullet item")) {
        ok = false;
        continue;
      }
      auto text = reader.text(node, "text");
      ok = ok && text.has_value();
      item.text = text.value_or("");
      item.emphasis = reader.boolean(node, "emphasis").value_or(false);
      if (node["items"]) ok = parse_items(node["items"], reader, item.items, depth + 1) && ok;
    } else {
      auto text = reader.text_value(node);
      ok = ok && text.has_value();
      item.text = text.value_or("");
    }
    out.push_back(std::move(item));
  }
  return ok;
}

std::shared_ptr<const ElementData> parse_bullets(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<BulletsData>();
  if (!reader.require(node, "items", "bullets")) return nullptr;
  bool ok = parse_items(node["items"], reader, data->items, 0);
  data->size = read_size(reader, node, "size");
  if (auto markers = reader.string_list(node, "markers")) {
    if (markers->empty())
      reader.error(node["markers"], "'markers' needs at least one marker");
    else
      data->markers = *markers;
  }
  return ok ? data : nullptr;
}

struct Placed {
  std::vector<scene::Item> items;
  double height = 0;
  bool too_wide = false;
};

// Level sizes: each level a little smaller than its parent.
double level_scale(int level) {
  return level == 0 ? 1.0 : level == 1 ? 0.85 : 0.75;
}

void place_items(const std::vector<BulletItem>& items, int level, const BulletsData& data,
                 LayoutContext& context, double scale, double& y, Placed& out) {
  const Theme& theme = context.theme;
  double base = resolve_size(theme, data.size, theme.body_size) * scale;
  const scene::Rect& box = context.box;
  for (const auto& item : items) {
    double size = base * level_scale(level);
    scene::Font font = theme.font(size, level == 0 ? scene::Weight::bold : scene::Weight::regular);
    scene::Color color = level == 0 ? theme.title : theme.text;
    if (item.emphasis) {
      font.weight = scene::Weight::bold;
      color = theme.accent;
    }
    double indent = 0;
    for (int l = 0; l < level; ++l) indent += theme.bullet_indent * base * level_scale(l);
    const std::string& marker = data.markers[std::min<size_t>(level, data.markers.size() - 1)];
    scene::Font marker_font = font;
    marker_font.weight = scene::Weight::regular;
    double marker_width = context.measurer.measure(marker, marker_font).width;
    double text_x = box.x + indent + std::max(marker_width + size * 0.35, size);
    double width = std::max(1.0, box.x + box.width - text_x);
    std::vector<Run> runs = parse_emphasis(context.expand(item.text), font, color, theme.accent);
    FlowedText flowed = flow_text(runs, width, context.measurer, theme.line_spacing);
    out.too_wide = out.too_wide || flowed.too_wide;
    if (y > box.y) y += theme.paragraph_gap * size;
    const size_t first = out.items.size();
    if (!flowed.lines.empty()) {
      double baseline = y + flowed.lines.front().ascent;
      scene::TextLine mark{{box.x + indent, baseline},
                           marker,
                           marker_font,
                           level == 0 ? theme.accent : theme.muted,
                           marker_width};
      out.items.emplace_back(std::move(mark));
    }
    place_text(flowed, {text_x, y, width, flowed.height}, Align::left, VAlign::top, out.items);
    // The marker belongs to its item: one block, one text item per bullet.
    share_block(out.items, first, scene::new_block());
    wrap_text_block(out.items, first, level == 0 ? "bullet" : "bullet_" + std::to_string(level + 1),
                    {plain_text(runs)},
                    {box.x + indent, y, box.x + box.width - (box.x + indent), flowed.height},
                    context.measurer);
    y += flowed.height;
    place_items(item.items, level + 1, data, context, scale, y, out);
  }
}

Placed place_all(const BulletsData& data, LayoutContext& context, double scale) {
  Placed out;
  double y = context.box.y;
  place_items(data.items, 0, data, context, scale, y, out);
  out.height = y - context.box.y;
  return out;
}

ElementLayout layout_bullets(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<BulletsData>();
  const double limit = std::clamp(context.theme.min_scale, 0.1, 1.0);
  Placed placed;
  for (double scale = 1.0;; scale -= 0.05) {
    if (scale < limit + 1e-9) scale = limit;
    placed = place_all(data, context, scale);
    bool fits = !placed.too_wide && placed.height <= context.box.height + 0.01;
    if (fits) break;
    if (scale == limit) {
      context.warn(element, "bullet list does not fit its box even at " +
                                std::to_string(static_cast<int>(limit * 100 + 0.5)) +
                                "% size; it runs past the box");
      break;
    }
  }
  ElementLayout out;
  double shift = 0;
  if (element.valign == VAlign::middle)
    shift = std::max(0.0, (context.box.height - placed.height) / 2);
  if (element.valign == VAlign::bottom) shift = std::max(0.0, context.box.height - placed.height);
  if (shift > 0) {
    scene::Group group;
    group.offset = {0, shift};
    group.items = std::move(placed.items);
    out.items.emplace_back(std::move(group));
  } else {
    out.items = std::move(placed.items);
  }
  out.used_height = placed.height + shift;
  return out;
}

double measure_bullets(const ElementSpec& element, LayoutContext& context) {
  return place_all(element.data_as<BulletsData>(), context, 1.0).height;
}

}  // namespace

ElementType bullets_element() {
  return {"bullets", {"items", "size", "markers"}, parse_bullets, layout_bullets, measure_bullets};
}

}  // namespace tenkai::layout
