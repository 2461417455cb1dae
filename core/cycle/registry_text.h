// Edits a registry file as text, so its comments, order and layout stay and a change reads as a
// small diff: append items to a top-level list, rewrite `registry.years` in place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tenkai::cycle {

// A YAML scalar written so that it reads back as the same string (plain when safe, otherwise
// double-quoted). `in_flow` also quotes the characters that end a flow collection item.
std::string yaml_scalar(std::string_view text, bool in_flow);
// "[a, b]" with each item a flow scalar.
std::string yaml_flow_list(const std::vector<std::string>& items);

// How the items of a top-level list are written in an existing file.
struct ListStyle {
  std::string indent = "  ";  // before "- "
  bool flow_items = false;    // "- {key: value, ...}" rather than one key per line
};

class RegistryText {
 public:
  explicit RegistryText(std::string_view text);

  // Style of the items under top-level `key`, or the default when it has none.
  ListStyle list_style(const std::string& key) const;

  // Appends `lines` (without newlines) as the last lines of the top-level list `key`, after its
  // last item and before any blank or comment lines that lead into the next section; creates the
  // section at the end of the file when missing. Applied by finish().
  void append_to_list(const std::string& key, std::vector<std::string> lines);

  // Rewrites `years:` inside `registry:` as "[first, last]", keeping any trailing comment; false
  // when the registry has no years key or it has a shape this editor does not rewrite.
  bool set_years(int first, int last);

  // Applies the appends and returns the edited text.
  std::string finish();
  // After finish(): the 1-based line of the first line of the n-th append_to_list call.
  int first_line_of_append(size_t n) const { return append_lines_.at(n); }

 private:
  struct Section {
    std::string key;
    size_t header = 0;  // line index of "key:"
    size_t end = 0;     // one past the section's last line
  };
  std::optional<Section> section(const std::string& key) const;
  size_t insertion_point(const Section& section) const;

  std::vector<std::string> lines_;
  bool trailing_newline_ = true;
  struct Append {
    std::string key;
    std::vector<std::string> lines;
  };
  std::vector<Append> appends_;
  std::vector<int> append_lines_;
};

}  // namespace tenkai::cycle
