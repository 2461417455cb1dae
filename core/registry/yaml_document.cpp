// Document boundaries are probed with yaml-cpp's event parser, only when the text could hold more
// than one document or a stray token, so the common case parses once.
#include "core/registry/yaml_document.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <vector>

namespace tenkai::registry::yaml {
namespace {

// Records where each document starts and whether it holds anything but an empty node.
class DocumentProbe : public YAML::EventHandler {
 public:
  struct Document {
    YAML::Mark start;
    bool has_content = false;
  };
  std::vector<Document> documents;

  void OnDocumentStart(const YAML::Mark& mark) override { documents.push_back({mark, false}); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { mark_content(); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    mark_content();
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    mark_content();
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    mark_content();
  }
  void OnMapEnd() override {}

 private:
  void mark_content() {
    if (!documents.empty()) documents.back().has_content = true;
  }
};

bool starts_line_with(std::string_view text, std::string_view prefix) {
  for (size_t at = text.find(prefix); at != std::string_view::npos;
       at = text.find(prefix, at + 1)) {
    if (at == 0 || text[at - 1] == '\n') return true;
  }
  return false;
}

// Only these can make yaml-cpp see more than one document, or skip a stray token silently.
bool needs_probe(std::string_view text, const YAML::Node& root) {
  if (!root.IsMap() || root.Style() == YAML::EmitterStyle::Flow) return true;
  return starts_line_with(text, "---") || starts_line_with(text, "...") ||
         starts_line_with(text, "%");
}

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

std::optional<YAML::Node> load_single_document(std::string_view text, const SourceMap& source,
                                               const std::string& file, Diagnostics& diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
    if (!needs_probe(text, root)) return root;
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    DocumentProbe probe;
    // Each round either consumes input or repeats the previous start: then it is stuck.
    constexpr size_t kMaxDocuments = 1000;
    while (probe.documents.size() < kMaxDocuments && parser.HandleNextDocument(probe)) {
      const auto& docs = probe.documents;
      if (docs.size() >= 2 && docs[docs.size() - 1].start.pos == docs[docs.size() - 2].start.pos) {
        const YAML::Mark& at = docs.back().start;
        diagnostics.error(source.pos(file, at),
                          "invalid YAML: unexpected '" + character_at(source, at) + "'");
        return std::nullopt;
      }
    }
    for (size_t i = 1; i < probe.documents.size(); ++i) {
      if (!probe.documents[i].has_content) continue;
      diagnostics.error(source.pos(file, probe.documents[i].start),
                        "a registry must be a single YAML document",
                        "remove the '---' that starts a second one");
      break;
    }
    return root;
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.pos(file, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace tenkai::registry::yaml
