// Character columns for the deck spec being read: while a SpecPositions lives on this thread,
// SpecReader::pos() maps yaml-cpp's byte columns through its text::PositionMap.
#pragma once

#include "core/text/utf8.h"

namespace tenkai::layout {

// Scoped: installs `positions` for SpecReader::pos() on this thread, restores the previous one.
class SpecPositions {
 public:
  explicit SpecPositions(const text::PositionMap& positions);
  ~SpecPositions();
  SpecPositions(const SpecPositions&) = delete;
  SpecPositions& operator=(const SpecPositions&) = delete;
  // The positions in force on this thread, or null (byte columns then).
  static const text::PositionMap* current();

 private:
  const text::PositionMap* previous_;
};

}  // namespace tenkai::layout
