// Placement: rows, columns and grid containers (a slide's body is one of them), explicit boxes,
// and the spacer. Children with an explicit `box` are taken out of the flow and placed relative
// to the container's box.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/layout/classification_use.h"
#include "core/layout/elements.h"

namespace tenkai::layout {
namespace {

struct ContainerData : ElementData {
  std::vector<ElementSpec> children;
  std::optional<double> gap;
  int columns = 2;  // grid only
};

std::shared_ptr<const ElementData> parse_container(const YAML::Node& node, SpecReader& reader,
                                                   bool grid) {
  auto data = std::make_shared<ContainerData>();
  if (node["elements"]) data->children = reader.elements(node["elements"]);
  data->gap = reader.number(node, "gap", 0, 1000);
  if (grid) data->columns = reader.integer(node, "columns", 1, 12).value_or(2);
  return data;
}

scene::Rect explicit_box(const BoxSpec& spec, const scene::Rect& within) {
  return {within.x + spec.x.resolve(within.width), within.y + spec.y.resolve(within.height),
          spec.width.resolve(within.width), spec.height.resolve(within.height)};
}

// Adds a child's items to the container's output; continuation pages are merged by index.
void append(std::vector<scene::Item>& to, std::vector<scene::Item>&& from) {
  if (to.empty()) {
    to = std::move(from);
  } else {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
}

void take(ElementLayout& out, ElementLayout&& child) {
  append(out.items, std::move(child.items));
  if (out.more_pages.size() < child.more_pages.size())
    out.more_pages.resize(child.more_pages.size());
  for (size_t i = 0; i < child.more_pages.size(); ++i) {
    append(out.more_pages[i], std::move(child.more_pages[i]));
  }
}

void place_absolute(const ContainerData& data, LayoutContext& context, ElementLayout& out) {
  for (const auto& child : data.children) {
    if (child.box) take(out, context.layout_child(child, explicit_box(*child.box, context.box)));
  }
}

double gap_of(const ContainerData& data, const LayoutContext& context) {
  return data.gap.value_or(context.theme.element_gap);
}

// Natural height of a child `width` wide, or -1 when it takes a share of the free space.
double natural_height(const ElementSpec& child, LayoutContext& context, double width) {
  if (!child.kind->measure || child.weight_explicit) return -1;
  LayoutContext probe = context;
  probe.box.width = width;
  return child.kind->measure(child, probe);
}

double child_width(const ElementSpec& child, double whole) {
  return child.width ? std::min(whole, child.width->resolve(whole)) : whole;
}

double child_x(const ElementSpec& child, const scene::Rect& box, double width) {
  if (child.align == Align::center) return box.x + (box.width - width) / 2;
  if (child.align == Align::right) return box.x + box.width - width;
  return box.x;
}

ElementLayout layout_rows(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ContainerData>();
  const scene::Rect box = context.box;
  std::vector<const ElementSpec*> flow;
  for (const auto& child : data.children) {
    if (!child.box) flow.push_back(&child);
  }
  const double gap = gap_of(data, context);
  double available = box.height - gap * (flow.empty() ? 0 : double(flow.size() - 1));
  std::vector<double> heights(flow.size(), 0);
  std::vector<bool> natural(flow.size(), false);
  double fixed = 0, naturals = 0, weights = 0;
  for (size_t i = 0; i < flow.size(); ++i) {
    const ElementSpec& child = *flow[i];
    if (child.height) {
      heights[i] = child.height->resolve(box.height);
      fixed += heights[i];
    } else if (double h = natural_height(child, context, child_width(child, box.width)); h >= 0) {
      heights[i] = h;
      natural[i] = true;
      naturals += h;
    } else {
      weights += child.weight;
    }
  }
  double free = available - fixed - naturals;
  if (free < 0 && naturals > 0) {
    // Not enough room: natural-height children give way proportionally (their text shrinks).
    double factor = std::max(0.0, available - fixed) / naturals;
    for (size_t i = 0; i < flow.size(); ++i) {
      if (natural[i]) heights[i] *= factor;
    }
    free = 0;
  }
  free = std::max(0.0, free);
  for (size_t i = 0; i < flow.size(); ++i) {
    if (!flow[i]->height && !natural[i])
      heights[i] = weights > 0 ? free * flow[i]->weight / weights : 0;
  }
  double y = box.y;
  if (weights == 0 && free > 0) {
    if (element.valign == VAlign::middle) y += free / 2;
    if (element.valign == VAlign::bottom) y += free;
  }
  ElementLayout out;
  for (size_t i = 0; i < flow.size(); ++i) {
    double width = child_width(*flow[i], box.width);
    take(out,
         context.layout_child(*flow[i], {child_x(*flow[i], box, width), y, width, heights[i]}));
    y += heights[i] + gap;
  }
  out.used_height = flow.empty() ? 0 : y - gap - box.y;
  place_absolute(data, context, out);
  return out;
}

double measure_rows(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ContainerData>();
  double total = 0;
  size_t count = 0;
  for (const auto& child : data.children) {
    if (child.box) continue;
    double h = child.height ? child.height->resolve(context.box.height)
                            : natural_height(child, context, child_width(child, context.box.width));
    total += std::max(0.0, h);
    ++count;
  }
  return total + gap_of(data, context) * (count ? double(count - 1) : 0);
}

ElementLayout layout_columns(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ContainerData>();
  const scene::Rect box = context.box;
  std::vector<const ElementSpec*> flow;
  for (const auto& child : data.children) {
    if (!child.box) flow.push_back(&child);
  }
  const double gap = gap_of(data, context);
  double available = box.width - gap * (flow.empty() ? 0 : double(flow.size() - 1));
  double fixed = 0, weights = 0;
  for (const auto* child : flow) {
    if (child->width)
      fixed += child->width->resolve(box.width);
    else
      weights += child->weight;
  }
  double free = std::max(0.0, available - fixed);
  ElementLayout out;
  double x = box.x;
  for (const auto* child : flow) {
    double width = child->width ? child->width->resolve(box.width)
                                : (weights > 0 ? free * child->weight / weights : 0);
    double height =
        child->height ? std::min(box.height, child->height->resolve(box.height)) : box.height;
    double y = box.y;
    if (child->valign == VAlign::middle && child->height) y += (box.height - height) / 2;
    take(out, context.layout_child(*child, {x, y, width, height}));
    x += width + gap;
  }
  place_absolute(data, context, out);
  return out;
}

double measure_columns(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ContainerData>();
  double tallest = 0;
  size_t count = 0;
  for (const auto& child : data.children) count += child.box ? 0 : 1;
  double width =
      count ? (context.box.width - gap_of(data, context) * double(count - 1)) / double(count)
            : context.box.width;
  for (const auto& child : data.children) {
    if (!child.box) tallest = std::max(tallest, natural_height(child, context, width));
  }
  return tallest;
}

ElementLayout layout_grid(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ContainerData>();
  const scene::Rect box = context.box;
  std::vector<const ElementSpec*> flow;
  for (const auto& child : data.children) {
    if (!child.box) flow.push_back(&child);
  }
  const double gap = gap_of(data, context);
  const int columns = std::max(1, data.columns);
  const int rows = std::max(1, static_cast<int>((flow.size() + columns - 1) / columns));
  double cell_width = (box.width - gap * (columns - 1)) / columns;
  double cell_height = (box.height - gap * (rows - 1)) / rows;
  ElementLayout out;
  for (size_t i = 0; i < flow.size(); ++i) {
    int column = static_cast<int>(i % columns), row = static_cast<int>(i / columns);
    take(out, context.layout_child(
                  *flow[i], {box.x + column * (cell_width + gap), box.y + row * (cell_height + gap),
                             cell_width, cell_height}));
  }
  place_absolute(data, context, out);
  return out;
}

struct SpacerData : ElementData {};

}  // namespace

ElementType rows_element() {
  return {"rows",
          {"elements", "gap"},
          [](const YAML::Node& n, SpecReader& r) { return parse_container(n, r, false); },
          layout_rows,
          measure_rows};
}

ElementType columns_element() {
  return {"columns",
          {"elements", "gap"},
          [](const YAML::Node& n, SpecReader& r) { return parse_container(n, r, false); },
          layout_columns,
          measure_columns};
}

ElementType grid_element() {
  return {"grid",
          {"elements", "gap", "columns"},
          [](const YAML::Node& n, SpecReader& r) { return parse_container(n, r, true); },
          layout_grid,
          nullptr};
}

ElementType spacer_element() {
  return {"spacer",
          {},
          [](const YAML::Node&, SpecReader&) -> std::shared_ptr<const ElementData> {
            return std::make_shared<SpacerData>();
          },
          [](const ElementSpec&, LayoutContext&) { return ElementLayout{}; },
          nullptr};
}

}  // namespace tenkai::layout

namespace tenkai::layout {

const std::vector<ElementSpec>* container_children(const ElementSpec& element) {
  const auto* data = dynamic_cast<const ContainerData*>(element.data.get());
  return data ? &data->children : nullptr;
}

}  // namespace tenkai::layout
