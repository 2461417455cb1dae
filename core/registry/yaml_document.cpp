// Builds the first document's tree from parser events, then walks any further documents only to
// see whether they hold something (an error) or make no progress (a stray token).
#include "core/registry/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/node/parse.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <vector>

#include "core/text/utf8.h"

namespace tenkai::registry::yaml {
namespace {

using Kind = Tree::Kind;

// Records where each document starts and whether it holds anything but an empty node; builds
// the nodes into `tree` while one is given.
class TreeBuilder : public YAML::EventHandler {
 public:
  struct Document {
    YAML::Mark start;
    bool has_content = false;
  };
  std::vector<Document> documents;

  // Scalars (after escapes such as "\0" are resolved) are checked for control characters and
  // length, reported here at their own position.
  void check_scalars(const SourceMap* source, const std::string* file, Diagnostics* diagnostics) {
    source_ = source, file_ = file, diagnostics_ = diagnostics;
  }

  void build_into(Tree* tree) {
    tree_ = tree;
    stack_.clear();
    anchors_.clear();
  }

  void OnDocumentStart(const YAML::Mark& mark) override { documents.push_back({mark, false}); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(Kind::null, mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    mark_content();
    if (!tree_) return;
    if (anchor < anchors_.size() && anchors_[anchor] != Tree::kNone) {
      attach(anchors_[anchor]);  // shared, not copied: reading is budgeted against repeats
    } else {
      add(Kind::null, mark, 0);
    }
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    mark_content();
    check_scalar(mark, value);
    uint32_t index = add(Kind::scalar, mark, anchor);
    if (index == Tree::kNone) return;
    tree_->nodes[index].scalar = value;
    tree_->nodes[index].quoted = tag == "!";  // yaml-cpp's tag for quoted scalars
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Kind::sequence, mark, anchor, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Kind::map, mark, anchor, style);
  }
  void OnMapEnd() override { close(); }

 private:
  void check_scalar(const YAML::Mark& mark, const std::string& value) {
    if (!diagnostics_) return;
    if (auto problem = text::check_text(value)) {
      diagnostics_->error(source_->pos(*file_, mark), problem->message);
    } else if (value.size() > kMaxTextBytes && text::character_count(value) > kMaxTextCharacters) {
      diagnostics_->error(source_->pos(*file_, mark),
                          "this text is too long (" + std::to_string(text::character_count(value)) +
                              " characters; at most " + std::to_string(kMaxTextCharacters) + ")");
    }
  }

  void mark_content() {
    if (!documents.empty()) documents.back().has_content = true;
  }

  uint32_t add(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (!tree_) return Tree::kNone;
    auto index = static_cast<uint32_t>(tree_->nodes.size());
    tree_->nodes.push_back({kind, false, false, mark, {}, {}});
    attach(index);
    if (anchor != 0) {
      // yaml-cpp numbers anchors 1, 2, ... in document order, so this stays node-count sized.
      if (anchor >= anchors_.size()) anchors_.resize(anchor + 1, Tree::kNone);
      anchors_[anchor] = index;
    }
    return index;
  }

  void attach(uint32_t index) {
    if (stack_.empty()) {
      if (tree_->root == Tree::kNone) tree_->root = index;
    } else {
      tree_->nodes[stack_.back()].children.push_back(index);
    }
  }

  void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    mark_content();
    uint32_t index = add(kind, mark, anchor);
    if (index == Tree::kNone) return;
    tree_->nodes[index].flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back(index);
  }

  void close() {
    if (tree_ && !stack_.empty()) stack_.pop_back();
  }

  Tree* tree_ = nullptr;
  const SourceMap* source_ = nullptr;
  const std::string* file_ = nullptr;
  Diagnostics* diagnostics_ = nullptr;
  std::vector<uint32_t> stack_;
  std::vector<uint32_t> anchors_;
};

// The character at `mark`, for a message about a stray token.
std::string character_at(const SourceMap& source, const YAML::Mark& mark) {
  if (mark.line < 0 || static_cast<size_t>(mark.line) >= source.line_count()) return {};
  size_t at = source.line_start(static_cast<size_t>(mark.line)) + static_cast<size_t>(mark.column);
  std::string_view text = source.source();
  if (at >= text.size()) return {};
  size_t length = 1;
  while (at + length < text.size() &&
         (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return std::string(text.substr(at, length));
}

}  // namespace

std::optional<Tree> load_single_document(std::string_view text, const SourceMap& source,
                                         const std::string& file, Diagnostics& diagnostics) {
  // Bytes first: the first invalid UTF-8 byte or control character, at its exact position.
  if (auto problem = text::check_text(text)) {
    diagnostics.error(source.pos_of_offset(file, problem->offset), problem->message);
    return std::nullopt;
  }
  try {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    Tree tree;
    TreeBuilder builder;
    builder.check_scalars(&source, &file, &diagnostics);
    builder.build_into(&tree);
    if (!parser.HandleNextDocument(builder)) return tree;  // no document at all: empty
    builder.build_into(nullptr);
    builder.check_scalars(nullptr, nullptr, nullptr);
    // Each further round either consumes input or repeats the previous start: then it is stuck
    // on a token no document can begin with.
    constexpr size_t kMaxDocuments = 1000;
    while (builder.documents.size() < kMaxDocuments && parser.HandleNextDocument(builder)) {
      const auto& docs = builder.documents;
      if (docs.size() >= 2 && docs[docs.size() - 1].start.pos == docs[docs.size() - 2].start.pos) {
        const YAML::Mark& at = docs.back().start;
        diagnostics.error(source.pos(file, at),
                          "invalid YAML: unexpected '" + character_at(source, at) + "'");
        return std::nullopt;
      }
    }
    for (size_t i = 1; i < builder.documents.size(); ++i) {
      if (!builder.documents[i].has_content) continue;
      diagnostics.error(source.pos(file, builder.documents[i].start),
                        "a registry must be a single YAML document",
                        "remove the '---' that starts a second one");
      break;
    }
    return tree;
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.pos(file, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

std::optional<YAML::Node> load_single_node(std::string_view text, const SourceMap& source,
                                           const std::string& file, Diagnostics& diagnostics) {
  // The event pass finds what YAML::Load would silently skip or loop on; only then build nodes.
  if (!load_single_document(text, source, file, diagnostics)) return std::nullopt;
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.pos(file, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace tenkai::registry::yaml
