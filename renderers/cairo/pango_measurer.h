// The two ways the Pango measurer measures a text at its reference size: through a PangoLayout,
// which always applies, and by shaping plain text with HarfBuzz directly, the way the layout
// would, at a fraction of the cost. Internal to the renderers; a test holds the two to the same
// answers.
#pragma once

#include <pango/pangocairo.h>

#include <map>
#include <optional>
#include <string_view>

#include "core/scene/scene.h"
#include "core/scene/text_measurer.h"
#include "renderers/cairo/pango_setup.h"
#include "renderers/cairo/plain_shaping.h"

namespace tenkai::renderers {

class ReferenceMeasurer {
 public:
  ReferenceMeasurer();
  ~ReferenceMeasurer();
  ReferenceMeasurer(const ReferenceMeasurer&) = delete;
  ReferenceMeasurer& operator=(const ReferenceMeasurer&) = delete;

  // False for a size Pango cannot set (not a positive finite number of sane magnitude).
  bool can_set(const scene::Font& font);

  // Width and the line's logical ascent and descent, in points, as a PangoLayout measures them.
  // All zero when the font cannot be set.
  scene::TextMetrics laid_out(std::string_view text, const scene::Font& font);

  // The same answer, bit for bit, from HarfBuzz alone; nullopt when the text is not plain enough
  // to be sure of that (see plain_shaping.cpp), and the caller lays it out instead.
  std::optional<scene::TextMetrics> shaped(std::string_view text, const scene::Font& font);

 private:
  struct Line {
    double ascent;
    double descent;
  };

  std::optional<int> shaped_width(std::string_view text, const PangoFontDescription* description);

  PangoContext* context_;
  PangoLayout* layout_;
  PlainShaper shaper_;
  FontDescriptionCache fonts_;
  const PangoFontDescription* current_ = nullptr;
  // A font's logical ascent and descent, the same for every text set in that one font alone.
  std::map<const PangoFontDescription*, Line> lines_;
};

}  // namespace tenkai::renderers
