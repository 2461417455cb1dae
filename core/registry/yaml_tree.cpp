// Accessors of the compact YAML tree; out-of-range requests give an absent (empty) node.
#include "core/registry/yaml_tree.h"

namespace tenkai::registry::yaml {

const std::string& Node::Scalar() const {
  static const std::string kEmpty;
  return IsScalar() ? data().scalar : kEmpty;
}

size_t Node::size() const {
  if (IsSequence()) return data().count;
  if (IsMap()) return data().count / 2;
  return 0;
}

Node Node::child(size_t i) const {
  if (!valid() || i >= data().count) return {};
  return Node(tree_, tree_->children[data().first + i]);
}

Node Node::item(size_t i) const {
  return IsSequence() ? child(i) : Node();
}
Node Node::key(size_t i) const {
  return IsMap() ? child(2 * i) : Node();
}
Node Node::value(size_t i) const {
  return IsMap() ? child(2 * i + 1) : Node();
}

}  // namespace tenkai::registry::yaml
