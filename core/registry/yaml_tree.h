// A compact read-only YAML tree built from libyaml's parser events, with each node's mark.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/registry/source_map.h"

namespace tenkai::registry::yaml {

// Why not YAML::Node: building yaml-cpp's own node graph costs about as much again as parsing,
// and a registry is read once, front to back. Here nodes live in one vector and refer to each
// other by index, and the children of all collections share one more vector; an alias is one
// more reference to the anchored node, never a copy.
class Tree {
 public:
  enum class Kind : uint8_t { null, scalar, sequence, map };

  struct Data {
    Kind kind = Kind::null;
    bool flow = false;    // written in flow style ([a, b] / {a: b})
    bool quoted = false;  // a quoted scalar ("404000"): a string, never a number
    TextMark mark;        // where the node (its anchor or tag, if any) starts
    std::string scalar;
    // The node's children are children[first, first + count): sequence items; for a map, key
    // and value alternately.
    uint32_t first = 0;
    uint32_t count = 0;
  };

  std::vector<Data> nodes;
  // Every collection's children, each collection's in one run (stored when it closes).
  std::vector<uint32_t> children;
  uint32_t root = kNone;

  static constexpr uint32_t kNone = UINT32_MAX;
};

// A handle on one node of a Tree (or on nothing: an absent node behaves as an empty one).
class Node {
 public:
  Node() = default;
  Node(const Tree* tree, uint32_t index) : tree_(tree), index_(index) {}

  bool IsNull() const { return kind() == Tree::Kind::null; }
  bool IsScalar() const { return kind() == Tree::Kind::scalar; }
  bool IsSequence() const { return kind() == Tree::Kind::sequence; }
  bool IsMap() const { return kind() == Tree::Kind::map; }
  bool is_flow() const { return valid() && data().flow; }
  bool is_quoted() const { return valid() && data().quoted; }
  const std::string& Scalar() const;
  TextMark Mark() const { return valid() ? data().mark : TextMark{}; }

  // Number of items of a sequence, or of entries of a map.
  size_t size() const;
  Node item(size_t i) const;   // sequence item
  Node key(size_t i) const;    // map entry's key
  Node value(size_t i) const;  // map entry's value

 private:
  bool valid() const { return tree_ != nullptr && index_ < tree_->nodes.size(); }
  const Tree::Data& data() const { return tree_->nodes[index_]; }
  Tree::Kind kind() const { return valid() ? data().kind : Tree::Kind::null; }
  Node child(size_t i) const;

  const Tree* tree_ = nullptr;
  uint32_t index_ = Tree::kNone;
};

inline Node root_of(const Tree& tree) {
  return Node(&tree, tree.root);
}

}  // namespace tenkai::registry::yaml
