// The deck's look: page size, fonts, sizes, colours, margins and the shrink limit for text.
#pragma once

#include <string>

#include "core/scene/scene.h"

namespace tenkai::layout {

struct PageSize {
  std::string name = "4:3";  // "4:3", "16:9", "a4-landscape" or "custom"
  double width = 720;        // points
  double height = 540;
};

struct Margins {
  double top = 28, right = 36, bottom = 30, left = 36;
};

struct Theme {
  std::string font_family = "Noto Sans CJK JP";
  // Font sizes in points.
  double title_size = 24;        // slide heading in the header band
  double cover_title_size = 28;  // `title` element (title and section slides)
  double subtitle_size = 18;
  double body_size = 18;   // text and bullets
  double small_size = 11;  // small type: notes in tables, captions
  double footnote_size = 9;
  double footer_size = 8;
  double table_size = 11;  // rollout table body
  double table_note_size = 8;
  double line_spacing = 1.3;   // line height as a multiple of the font size
  double paragraph_gap = 0.4;  // extra gap between paragraphs / bullet items, in lines
  double bullet_indent = 1.2;  // indent per bullet level, in ems of the body size
  double element_gap = 10;     // gap between elements in rows / columns / grid, points
  // Text that does not fit its box is shrunk down to this scale, then reported.
  double min_scale = 0.7;
  // Size floors no shrinking goes below: any text, and body text, table cells and diagram
  // labels (tables paginate or summarise instead).
  double min_type_size = 8;
  double min_body_size = 10;

  scene::Color text{0.13, 0.13, 0.13, 1};
  scene::Color title{0.05, 0.22, 0.45, 1};   // headings
  scene::Color accent{0.80, 0.20, 0.10, 1};  // emphasis
  scene::Color muted{0.40, 0.40, 0.40, 1};   // notes, footer
  scene::Color link{0.05, 0.30, 0.70, 1};
  scene::Color rule{0.05, 0.22, 0.45, 1};  // header band rule, table lines
  scene::Color table_header_fill{0.05, 0.22, 0.45, 1};
  scene::Color table_header_text{1, 1, 1, 1};
  scene::Color table_stripe_fill{0.93, 0.95, 0.98, 1};
  scene::Color table_grid{0.70, 0.74, 0.80, 1};
  scene::Color mark{0.80, 0.20, 0.10, 1};  // the ● of the rollout table

  Margins margins;
  double header_height = 56;  // band holding the slide title, below the top margin
  double footer_height = 18;  // band holding the footer, above the bottom margin

  scene::Font font(double size, scene::Weight weight = scene::Weight::regular) const {
    return scene::Font{font_family, size, weight, false};
  }
};

}  // namespace tenkai::layout
