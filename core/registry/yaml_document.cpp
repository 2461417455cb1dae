// Builds the first document's tree from libyaml's parser events, then reads any further
// documents' events only to see whether they hold something (an error).
#include "core/registry/yaml_document.h"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/yaml.h>
#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <new>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text/utf8.h"

namespace tenkai::registry::yaml {
namespace {

using Kind = Tree::Kind;

// Further documents are looked at up to this many (each is reported or empty).
constexpr size_t kMaxDocuments = 1000;
// The tree's vectors are sized ahead for at most this many nodes.
constexpr size_t kMaxReservedNodes = size_t{1} << 20;

// One parser over a text, and the event it last produced.
class EventParser {
 public:
  explicit EventParser(std::string_view text) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    // The encoding is detected: UTF-8, after a byte order mark if any (UTF-16 is not valid
    // UTF-8, so it never gets here).
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~EventParser() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;

  // The next event, or false on a syntax error (see parser()).
  bool next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    if (!has_event_ && parser_.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
    return has_event_;
  }
  const yaml_event_t& event() const { return event_; }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

TextMark mark_of(const yaml_mark_t& mark) {
  return {static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

// The character at `mark`, for a message about a stray token ("" at the end of the text).
std::string character_at(const SourceMap& source, const TextMark& mark) {
  std::string_view text = source.source();
  size_t at = source.offset_of(mark);
  if (at >= text.size()) return {};
  size_t length = 1;
  while (at + length < text.size() &&
         (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return std::string(text.substr(at, length));
}

std::string line_col(const SourcePos& pos) {
  return std::to_string(pos.line) + ":" + std::to_string(pos.col);
}

// An empty or plain null scalar without a tag is a null node, as YAML's core schema reads it.
bool is_null(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  if (scalar.tag != nullptr || scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// A quoted scalar ("404000", '1') is a string, never a number; so is one with the non-specific
// tag "!" ("! 12"), but not the empty value of a lone "!". Any other tag (!!str 1) is left to
// the reader.
bool is_quoted(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  if (scalar.tag == nullptr) return scalar.style != YAML_PLAIN_SCALAR_STYLE;
  return std::string_view(reinterpret_cast<const char*>(scalar.tag)) == "!" &&
         (scalar.length > 0 || scalar.style != YAML_PLAIN_SCALAR_STYLE);
}

const char* anchor_of(const yaml_event_t& event) {
  const yaml_char_t* anchor = nullptr;
  if (event.type == YAML_SCALAR_EVENT) anchor = event.data.scalar.anchor;
  if (event.type == YAML_SEQUENCE_START_EVENT) anchor = event.data.sequence_start.anchor;
  if (event.type == YAML_MAPPING_START_EVENT) anchor = event.data.mapping_start.anchor;
  return reinterpret_cast<const char*>(anchor);
}

// Reads the events of every document: builds the first into a tree, checks its scalars, keeps
// track of where each document starts and whether it holds anything but an empty node.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const SourceMap& source, const std::string& file,
              Diagnostics& diagnostics)
      : parser_(text), source_(source), file_(file), diagnostics_(diagnostics) {
    // A registry has about one node per 9 bytes: no regrowing (capped for a huge text).
    size_t expected = std::min(text.size() / 8, kMaxReservedNodes);
    tree_.nodes.reserve(expected);
    tree_.children.reserve(expected);
  }

  std::optional<Tree> run() {
    size_t documents = 0;
    std::optional<TextMark> second_with_content;
    bool has_content = false;
    TextMark document_start;
    while (true) {
      if (!parser_.next()) {
        if (after_explicit_end_ && !building_ &&
            is_problem("did not find expected <document start>")) {
          // Text after a '...' that ends the first document: YAML 1.2 reads a second document.
          diagnostics_.error(source_.pos(file_, mark_of(parser_.parser().problem_mark)),
                             "a registry must be a single YAML document",
                             "remove what follows the '...' that ends the first");
          return std::move(tree_);
        }
        report_syntax_error();
        return std::nullopt;
      }
      const yaml_event_t& event = parser_.event();
      TextMark mark = mark_of(event.start_mark);
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (documents == kMaxDocuments) break;
          ++documents;
          document_start = mark, has_content = false;
          anchors_.clear();
          continue;
        case YAML_DOCUMENT_END_EVENT:
          if (documents > 1 && has_content && !second_with_content) {
            second_with_content = document_start;
          }
          building_ = false;
          after_explicit_end_ = event.data.document_end.implicit == 0;
          continue;
        case YAML_ALIAS_EVENT: {
          has_content = true;
          auto found = anchors_.find(reinterpret_cast<const char*>(event.data.alias.anchor));
          if (found == anchors_.end()) {
            diagnostics_.error(source_.pos(file_, mark),
                               "invalid YAML: the referenced anchor is not defined");
            return std::nullopt;
          }
          if (building_) attach(found->second);  // shared, not copied: reading is budgeted
          continue;
        }
        case YAML_SCALAR_EVENT: {
          bool null = is_null(event);
          has_content = has_content || !null;
          if (!building_) {
            remember_anchor(event, Tree::kNone);
            continue;
          }
          uint32_t index = add(null ? Kind::null : Kind::scalar, mark, event);
          if (null) continue;
          Tree::Data& node = tree_.nodes[index];
          node.scalar.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                             event.data.scalar.length);
          node.quoted = is_quoted(event);
          check_scalar(mark, node.scalar,
                       event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
          continue;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          has_content = true;
          if (++depth_ > kMaxNestingDepth) {
            diagnostics_.error(source_.pos(file_, mark),
                               "invalid YAML: lists and maps nested more than " +
                                   std::to_string(kMaxNestingDepth) + " deep");
            return std::nullopt;
          }
          bool sequence = event.type == YAML_SEQUENCE_START_EVENT;
          bool flow = sequence ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                               : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
          if (!building_) {
            remember_anchor(event, Tree::kNone);
            continue;
          }
          uint32_t index = add(sequence ? Kind::sequence : Kind::map, mark, event);
          tree_.nodes[index].flow = flow;
          stack_.push_back({index, pending_.size()});
          continue;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          --depth_;
          if (building_ && !stack_.empty()) close_collection();
          continue;
        default:
          continue;
      }
      break;  // the end of the stream, or of the documents looked at
    }
    if (second_with_content) {
      diagnostics_.error(source_.pos(file_, *second_with_content),
                         "a registry must be a single YAML document",
                         "remove the '---' that starts a second one");
    }
    return std::move(tree_);
  }

 private:
  // Scalars are checked for length, and double-quoted ones (after escapes such as "\0" are
  // resolved) for control characters, reported at their own position. Any other scalar holds
  // only characters of the text, which was checked as a whole before, and line breaks that
  // libyaml writes as "\n".
  void check_scalar(const TextMark& mark, const std::string& value, bool escaped) {
    if (auto problem = escaped ? text::check_text(value) : std::nullopt) {
      diagnostics_.error(source_.pos(file_, mark), problem->message);
    } else if (value.size() > kMaxTextBytes && text::character_count(value) > kMaxTextCharacters) {
      diagnostics_.error(source_.pos(file_, mark),
                         "this text is too long (" + std::to_string(text::character_count(value)) +
                             " characters; at most " + std::to_string(kMaxTextCharacters) + ")");
    }
  }

  void remember_anchor(const yaml_event_t& event, uint32_t index) {
    if (const char* anchor = anchor_of(event)) anchors_[anchor] = index;
  }

  uint32_t add(Kind kind, const TextMark& mark, const yaml_event_t& event) {
    auto index = static_cast<uint32_t>(tree_.nodes.size());
    tree_.nodes.push_back({kind, false, false, mark, {}, 0, 0});
    attach(index);
    remember_anchor(event, index);  // before its items, as an alias inside it may refer to it
    return index;
  }

  void attach(uint32_t index) {
    if (stack_.empty()) {
      if (tree_.root == Tree::kNone) tree_.root = index;
    } else {
      pending_.push_back(index);
    }
  }

  // The innermost open collection is complete: its children move from the pending ones into
  // the tree's shared list, in one run.
  void close_collection() {
    auto [index, start] = stack_.back();
    stack_.pop_back();
    Tree::Data& node = tree_.nodes[index];
    node.first = static_cast<uint32_t>(tree_.children.size());
    node.count = static_cast<uint32_t>(pending_.size() - start);
    tree_.children.insert(tree_.children.end(), pending_.begin() + static_cast<ptrdiff_t>(start),
                          pending_.end());
    pending_.resize(start);
  }

  bool is_problem(std::string_view problem) const {
    const yaml_parser_t& parser = parser_.parser();
    return parser.problem != nullptr && problem == parser.problem;
  }

  // libyaml's reader, scanner and parser problems as "invalid YAML: ..." at their position.
  void report_syntax_error() {
    const yaml_parser_t& parser = parser_.parser();
    if (parser.error == YAML_READER_ERROR) {
      // Only characters YAML does not allow (U+FFFE, U+FFFF) get past the checks before.
      std::string what = parser.problem ? parser.problem : "unreadable text";
      if (parser.problem_value >= 0) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(parser.problem_value));
        what = std::string("character ") + code + " is not allowed in YAML";
      }
      diagnostics_.error(source_.pos_of_offset(file_, parser.problem_offset),
                         "invalid YAML: " + what);
      return;
    }
    TextMark at = mark_of(parser.problem_mark);
    std::string message = syntax_message(parser, at);
    diagnostics_.error(source_.pos(file_, at), "invalid YAML: " + message);
  }

  // libyaml's wording for the mistakes people make, said plainly; anything else as libyaml
  // says it, with where the construct it was reading began.
  std::string syntax_message(const yaml_parser_t& parser, const TextMark& at) const {
    std::string_view problem = parser.problem ? parser.problem : "";
    std::string context = parser.context ? parser.context : "";
    std::string began = context.empty()
                            ? std::string()
                            : line_col(source_.pos(file_, mark_of(parser.context_mark)));
    std::string found = character_at(source_, at);
    auto unexpected = [&] {
      if (found.empty()) return std::string("unexpected end of the file");
      if (found == "\t") return std::string("unexpected tab (indent with spaces)");
      return "unexpected '" + found + "'";
    };
    if (problem == "did not find expected node content" ||
        problem == "did not find expected <document start>" ||
        problem == "found character that cannot start any token") {
      return unexpected();
    }
    if (problem == "mapping values are not allowed in this context") {
      return "a ':' cannot start a value here (quote a text that holds ': ', or check the "
             "indentation)";
    }
    if (problem == "did not find expected ',' or ']'") {
      return "the list at " + began + " is not closed: expected ',' or ']'";
    }
    if (problem == "did not find expected ',' or '}'") {
      return "the map at " + began + " is not closed: expected ',' or '}'";
    }
    if (problem == "could not find expected ':'" && context == "while scanning a simple key") {
      return "expected ':' after the key at " + began + " (a key and its ':' are on one line)";
    }
    if (problem == "did not find expected key") {
      return unexpected() + ": it does not continue the map at " + began +
             " (check the indentation)";
    }
    if (problem == "did not find expected '-' indicator") {
      return unexpected() + ": it does not continue the list at " + began +
             " (check the indentation)";
    }
    if (problem == "found unexpected end of stream" &&
        context == "while scanning a quoted scalar") {
      return "the quoted text at " + began + " is not closed";
    }
    if (problem == "did not find expected whitespace or line break" &&
        context == "while scanning a tag") {
      return unexpected() + " in the tag at " + began + " (quote a text that starts with '!')";
    }
    if (problem == "found unknown escape character") {
      TextMark next{at.line, at.column + 1};
      return "unknown escape '\\" + character_at(source_, next) + "'";
    }
    std::string message(problem.empty() ? "unreadable text" : problem);
    if (!context.empty()) message += " (" + context + " at " + began + ")";
    return message;
  }

  EventParser parser_;
  const SourceMap& source_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  Tree tree_;
  bool building_ = true;             // only the first document becomes the tree
  bool after_explicit_end_ = false;  // the last event ended a document with '...'
  size_t depth_ = 0;
  // The open collections, innermost last, each with where its children start in pending_.
  std::vector<std::pair<uint32_t, size_t>> stack_;
  std::vector<uint32_t> pending_;  // children of the open collections, outermost first
  // Anchors of the current document (the node of each, in the first document).
  std::unordered_map<std::string, uint32_t> anchors_;
};

// The first line break that libyaml would count but the source map does not (a lone CR and NEL
// are control characters, rejected before): U+2028 and U+2029.
size_t first_unicode_line_break(std::string_view text) {
  for (size_t at = text.find("\xE2\x80"); at != std::string_view::npos;
       at = text.find("\xE2\x80", at + 1)) {
    if (at + 2 < text.size() && (text[at + 2] == '\xA8' || text[at + 2] == '\xA9')) return at;
  }
  return std::string_view::npos;
}

// Where yaml-cpp's nodes first read the text differently from the tree (kind, text or number of
// items), or nullopt when they agree. Each tree node is compared once: aliases and cycles are
// shared in both.
std::optional<TextMark> first_disagreement(const Tree& tree, const YAML::Node& root) {
  if (tree.root == Tree::kNone) {
    if (root.IsNull() || !root.IsDefined()) return std::nullopt;
    return TextMark{0, 0};
  }
  std::vector<bool> seen(tree.nodes.size(), false);
  std::vector<std::pair<uint32_t, YAML::Node>> pending{{tree.root, root}};
  while (!pending.empty()) {
    auto [index, node] = std::move(pending.back());
    pending.pop_back();
    if (index >= tree.nodes.size() || seen[index]) continue;
    seen[index] = true;
    const Tree::Data& data = tree.nodes[index];
    bool same = false;
    switch (data.kind) {
      case Kind::null:
        same = node.IsNull();
        break;
      case Kind::scalar:
        same = node.IsScalar() && node.Scalar() == data.scalar;
        break;
      case Kind::sequence: {
        same = node.IsSequence() && node.size() == data.count;
        size_t i = data.first;
        for (auto it = node.begin(); same && it != node.end(); ++it, ++i) {
          pending.emplace_back(tree.children[i], *it);
        }
        break;
      }
      case Kind::map: {
        same = node.IsMap() && 2 * node.size() == data.count;
        size_t i = data.first;
        for (auto it = node.begin(); same && it != node.end(); ++it, i += 2) {
          pending.emplace_back(tree.children[i], it->first);
          pending.emplace_back(tree.children[i + 1], it->second);
        }
        break;
      }
    }
    if (!same) return data.mark;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Tree> load_single_document(std::string_view text, const SourceMap& source,
                                         const std::string& file, Diagnostics& diagnostics) {
  // Bytes first: the first invalid UTF-8 byte or control character, at its exact position.
  if (auto problem = text::check_text(text)) {
    diagnostics.error(source.pos_of_offset(file, problem->offset), problem->message);
    return std::nullopt;
  }
  if (size_t at = first_unicode_line_break(text); at != std::string_view::npos) {
    diagnostics.error(source.pos_of_offset(file, at),
                      std::string(text[at + 2] == '\xA8' ? "line separator U+2028"
                                                         : "paragraph separator U+2029") +
                          " is not allowed in text",
                      "use an ordinary line break");
    return std::nullopt;
  }
  return TreeBuilder(text, source, file, diagnostics).run();
}

std::optional<YAML::Node> load_single_node(std::string_view text, const SourceMap& source,
                                           const std::string& file, Diagnostics& diagnostics) {
  // libyaml's pass finds every syntax problem (and what yaml-cpp's Load would silently skip or
  // loop on), so the same mistake reads the same in a spec as in a registry; only then build
  // yaml-cpp's nodes, which the spec readers walk. Should yaml-cpp refuse the text, or read it
  // differently (an anchor name holding ':', say), that is reported too, never passed over.
  auto tree = load_single_document(text, source, file, diagnostics);
  if (!tree) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.pos(file, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  if (auto at = first_disagreement(*tree, root)) {
    diagnostics.error(source.pos(file, *at),
                      "invalid YAML: YAML parsers read this in different ways",
                      "quote the text, or write it more plainly");
    return std::nullopt;
  }
  return root;
}

}  // namespace tenkai::registry::yaml
