// Theme size names resolved to points.
#include "core/layout/text_style.h"

namespace tenkai::layout {

const std::vector<std::string>& size_names() {
  static const std::vector<std::string> names = {"title", "cover_title", "subtitle",
                                                 "body",  "small",       "footnote"};
  return names;
}

std::optional<SizeSpec> read_size(SpecReader& reader, const YAML::Node& map, const char* key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  if (value.IsScalar()) {
    for (const auto& name : size_names()) {
      if (value.Scalar() == name) return SizeSpec{name, 0};
    }
    char first = value.Scalar().empty() ? '0' : value.Scalar()[0];
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      std::string match = closest_match(value.Scalar(), size_names());
      reader.error(value, "unknown size '" + value.Scalar() + "' (a theme size name or points)",
                   match.empty() ? "" : "did you mean '" + match + "'?");
      return std::nullopt;
    }
    if (auto points = reader.number(map, key, 4, 200)) return SizeSpec{"", *points};
    return std::nullopt;
  }
  reader.error(value, std::string("'") + key + "' must be a size name or points");
  return std::nullopt;
}

double resolve_size(const Theme& theme, const std::optional<SizeSpec>& size, double fallback) {
  if (!size) return fallback;
  if (size->name.empty()) return size->points;
  if (size->name == "title") return theme.title_size;
  if (size->name == "cover_title") return theme.cover_title_size;
  if (size->name == "subtitle") return theme.subtitle_size;
  if (size->name == "body") return theme.body_size;
  if (size->name == "small") return theme.small_size;
  return theme.footnote_size;
}

}  // namespace tenkai::layout
