// The frame of a diagram drawn at the largest scale that fits its box (cards, panels): the
// element's data, context, box and canvas, and the search that retries the drawing from a clean
// canvas at smaller scales until it fits.
#pragma once

#include <string>

#include "core/layout/diagrams/diagram_kit.h"

namespace tenkai::layout::diagrams {

template <class Data>
class ScaledBuilder {
 public:
  ScaledBuilder(const Data& data, const ElementSpec& element, LayoutContext& context)
      : data_(data),
        element_(element),
        context_(context),
        box_(context.box),
        canvas_(context, element) {}
  virtual ~ScaledBuilder() = default;
  ScaledBuilder(const ScaledBuilder&) = delete;
  ScaledBuilder& operator=(const ScaledBuilder&) = delete;

 protected:
  // Draws the whole diagram at `scale` (1 = full size); false when something does not fit.
  virtual bool attempt(double scale) = 0;

  // Draws at the largest scale that fits (warning with `what` when none does) and returns the
  // diagram as one drawing saying `alt`.
  ElementLayout fit_and_finish(const std::string& what, std::string alt) {
    search_scale(context_, element_, what, [&](double scale) {
      canvas_.clear();
      return attempt(scale);
    });
    return canvas_.finish(std::move(alt));
  }

  const Data& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  scene::Rect box_;
  Canvas canvas_;
};

}  // namespace tenkai::layout::diagrams
