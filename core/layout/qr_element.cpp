// QR code element: the encoder handed in by the driver gives the module matrix; layout draws it
// as filled rectangles (horizontal runs of dark modules merged) with a white quiet zone.
#include <algorithm>

#include "core/layout/text_style.h"

namespace tenkai::layout {
namespace {

constexpr int kQuietModules = 4;

struct QrData : ElementData {
  std::string text;  // what the code encodes; may hold placeholders
  double size = 100;
  QrLevel level = QrLevel::M;
  std::string caption;
};

std::shared_ptr<const ElementData> parse_qr(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<QrData>();
  if (!reader.require(node, "data", "qr")) return nullptr;
  auto text = reader.text(node, "data");
  if (!text) return nullptr;
  if (text->empty()) {
    reader.error(node["data"], "'data' of a QR code must not be empty");
    return nullptr;
  }
  data->text = *text;
  data->size = reader.number(node, "size", 20, 1000).value_or(100);
  if (auto level = reader.choice(node, "level", {"L", "M", "Q", "H"})) {
    data->level = *level == "L"   ? QrLevel::L
                  : *level == "Q" ? QrLevel::Q
                  : *level == "H" ? QrLevel::H
                                  : QrLevel::M;
  }
  data->caption = reader.text(node, "caption").value_or("");
  return data;
}

double caption_height(const QrData& data, const LayoutContext& context) {
  return data.caption.empty() ? 0 : context.theme.small_size * context.theme.line_spacing + 4;
}

ElementLayout layout_qr(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<QrData>();
  ElementLayout out;
  if (!context.qr) {
    context.diagnostics.error(element.pos, context.slide + ", " + element.describe() +
                                               ": no QR encoder is available to this build");
    return out;
  }
  std::string text = context.expand(data.text);
  auto matrix = context.qr->encode(text, data.level);
  if (!matrix || matrix->size <= 0) {
    context.diagnostics.error(element.pos, context.slide + ", " + element.describe() +
                                               ": cannot encode '" + text + "' as a QR code");
    return out;
  }
  const scene::Rect& box = context.box;
  double caption = caption_height(data, context);
  double side = std::min({data.size, box.width, std::max(0.0, box.height - caption)});
  if (side < data.size - 0.5) context.warn(element, "QR code shrunk to fit its box");
  double x = box.x, y = box.y;
  if (element.align == Align::center) x += (box.width - side) / 2;
  if (element.align == Align::right) x += box.width - side;
  if (element.valign == VAlign::middle) y += (box.height - side - caption) / 2;
  if (element.valign == VAlign::bottom) y += box.height - side - caption;

  const int total = matrix->size + 2 * kQuietModules;
  const double module = side / total;
  // One drawing, so editable outputs can keep it whole (PPTX writes it as a picture).
  std::vector<scene::Item> painted;
  scene::Path background = scene::rectangle({x, y, side, side});
  background.fill = scene::Color{1, 1, 1, 1};
  painted.emplace_back(std::move(background));
  scene::Path modules;
  modules.fill = scene::Color{0, 0, 0, 1};
  for (int row = 0; row < matrix->size; ++row) {
    for (int col = 0; col < matrix->size;) {
      if (!matrix->dark(col, row)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < matrix->size && matrix->dark(end, row)) ++end;
      scene::Rect run{x + (kQuietModules + col) * module, y + (kQuietModules + row) * module,
                      (end - col) * module, module};
      auto rect = scene::rectangle(run).segments;
      modules.segments.insert(modules.segments.end(), rect.begin(), rect.end());
      col = end;
    }
  }
  painted.emplace_back(std::move(modules));
  std::string alt = data.caption.empty() ? "QRコード（" + text + "）"
                                         : context.expand(data.caption) + "のQRコード";
  out.items.emplace_back(
      scene::meaningful(scene::Drawing{"qr_code", {x, y, side, side}, alt}, std::move(painted)));
  out.items.emplace_back(scene::Link{{x, y, side, side}, text});
  if (!data.caption.empty()) {
    auto runs =
        parse_emphasis(context.expand(data.caption), context.theme.font(context.theme.small_size),
                       context.theme.muted, context.theme.accent);
    scene::Rect caption_box{box.x, y + side + 4, box.width, caption};
    fit_text(context, element, runs, caption_box, Align::center, VAlign::top, out.items);
  }
  out.used_height = y - box.y + side + caption;
  return out;
}

double measure_qr(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<QrData>();
  return std::min(data.size, context.box.width) + caption_height(data, context);
}

}  // namespace

ElementType qr_element() {
  return {"qr", {"data", "size", "level", "caption"}, parse_qr, layout_qr, measure_qr};
}

}  // namespace tenkai::layout
