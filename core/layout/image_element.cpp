// Image element: a PNG or JPEG file beside the spec (or the registry), scaled into its box with
// its aspect ratio kept, with the alt text every picture needs. The file is read and checked
// when the spec is loaded, so a missing or foreign file is reported at its position.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/layout/text_style.h"

namespace tenkai::layout {
namespace {

namespace fs = std::filesystem;

struct ImageElementData : ElementData {
  std::shared_ptr<scene::ImageData> image;
  std::string alt;
  double size = 0;  // largest side in points; 0: as large as the box allows
  std::string caption;
};

uint32_t big_endian(const std::string& b, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// Format and pixel size from the file's own header; false when it is neither PNG nor JPEG.
bool sniff(const std::string& b, scene::ImageData& out) {
  if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 &&
      b.compare(12, 4, "IHDR") == 0) {
    out.format = "png";
    out.pixel_width = static_cast<int>(big_endian(b, 16, 4));
    out.pixel_height = static_cast<int>(big_endian(b, 20, 4));
    return out.pixel_width > 0 && out.pixel_height > 0;
  }
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8) {
    size_t at = 2;
    while (at + 9 < b.size()) {
      if (static_cast<unsigned char>(b[at]) != 0xFF) return false;
      unsigned marker = static_cast<unsigned char>(b[at + 1]);
      if (marker == 0xFF) {
        ++at;
        continue;
      }
      uint32_t length = big_endian(b, at + 2, 2);
      bool sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        out.format = "jpeg";
        out.pixel_height = static_cast<int>(big_endian(b, at + 5, 2));
        out.pixel_width = static_cast<int>(big_endian(b, at + 7, 2));
        return out.pixel_width > 0 && out.pixel_height > 0;
      }
      if (length < 2) return false;
      at += 2 + length;
    }
  }
  return false;
}

bool inside(const fs::path& file, const fs::path& folder) {
  auto f = file.begin();
  for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
    if (d->empty()) continue;  // a trailing separator
    if (f == file.end() || *f != *d) return false;
  }
  return true;
}

std::shared_ptr<const ElementData> parse_image(const YAML::Node& node, SpecReader& reader) {
  // Both are checked, so a spec missing both hears of both.
  bool has_path = reader.require(node, "path", "image");
  bool has_alt = reader.require(node, "alt", "image");
  bool ok = has_path && has_alt;
  auto data = std::make_shared<ImageElementData>();
  auto path = reader.string(node, "path");
  auto alt = reader.text(node, "alt");
  if (alt && alt->empty())
    reader.error(node["alt"], "'alt' must say what the picture shows (it is read out instead)");
  data->size = reader.number(node, "size", 8, 5000).value_or(0);
  data->caption = reader.text(node, "caption").value_or("");
  if (!ok || !path || !alt || alt->empty()) return nullptr;
  data->alt = *alt;

  // Relative to the spec, and confined to the spec's folder or the registry's.
  std::error_code ec;
  fs::path spec_dir = fs::weakly_canonical(fs::absolute(reader.path(), ec).parent_path(), ec);
  std::vector<fs::path> roots{spec_dir};
  if (reader.registry() && !reader.registry()->path.empty())
    roots.push_back(
        fs::weakly_canonical(fs::absolute(reader.registry()->path, ec).parent_path(), ec));
  fs::path file = fs::weakly_canonical(spec_dir / fs::path(*path), ec);
  if (ec || fs::path(*path).is_absolute() ||
      std::none_of(roots.begin(), roots.end(),
                   [&](const fs::path& r) { return inside(file, r); })) {
    std::string where = roots[0].string();
    if (roots.size() > 1) where += " or " + roots[1].string();
    reader.error(node["path"], "image '" + *path +
                                   "' is outside the folders images may come from (" + where + ")");
    return nullptr;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in || fs::is_directory(file, ec)) {
    reader.error(node["path"], "cannot read image '" + *path + "'");
    return nullptr;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();
  data->image = std::make_shared<scene::ImageData>();
  if (bytes.size() > 64u * 1024 * 1024 || !sniff(bytes, *data->image)) {
    reader.error(node["path"], "image '" + *path + "' is not a PNG or JPEG file");
    return nullptr;
  }
  data->image->bytes.assign(bytes.begin(), bytes.end());
  return data;
}

double caption_height(const ImageElementData& data, const LayoutContext& context) {
  return data.caption.empty() ? 0 : context.theme.small_size * context.theme.line_spacing + 4;
}

// The picture's size in `box`: its aspect ratio kept, no larger than `size` when set.
scene::Rect fitted(const ImageElementData& data, double width, double height) {
  double aspect = double(data.image->pixel_height) / double(data.image->pixel_width);
  double w = data.size > 0 ? std::min(width, data.size / std::max(1.0, aspect)) : width;
  if (data.size > 0 && aspect <= 1) w = std::min(width, data.size);
  double h = w * aspect;
  if (h > height) {
    h = height;
    w = h / aspect;
  }
  return {0, 0, std::max(0.0, w), std::max(0.0, h)};
}

ElementLayout layout_image(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ImageElementData>();
  ElementLayout out;
  const scene::Rect& box = context.box;
  double caption = caption_height(data, context);
  scene::Rect r = fitted(data, box.width, std::max(0.0, box.height - caption));
  if (r.width < 1 || r.height < 1) {
    context.warn(element, "the box leaves no room for the picture");
    return out;
  }
  r.x = box.x;
  r.y = box.y;
  if (element.align == Align::center) r.x += (box.width - r.width) / 2;
  if (element.align == Align::right) r.x += box.width - r.width;
  if (element.valign == VAlign::middle) r.y += (box.height - r.height - caption) / 2;
  if (element.valign == VAlign::bottom) r.y += box.height - r.height - caption;
  out.items.emplace_back(scene::Image{r, data.image, context.expand(data.alt)});
  if (!data.caption.empty()) {
    auto runs =
        parse_emphasis(context.expand(data.caption), context.theme.font(context.theme.small_size),
                       context.theme.muted, context.theme.accent);
    fit_text(context, element, runs, {box.x, r.y + r.height + 4, box.width, caption}, Align::center,
             VAlign::top, out.items);
  }
  out.used_height = r.y - box.y + r.height + caption;
  return out;
}

double measure_image(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<ImageElementData>();
  return fitted(data, context.box.width, 1e9).height + caption_height(data, context);
}

}  // namespace

ElementType image_element() {
  return {"image", {"path", "alt", "size", "caption"}, parse_image, layout_image, measure_image};
}

}  // namespace tenkai::layout
