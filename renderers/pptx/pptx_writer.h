// Writes a laid-out deck (scene::Document) as an editable PowerPoint file (PresentationML):
// text as text boxes, tables as a:tbl, charts as c:chart with an embedded workbook, diagrams as
// grouped shapes and bound connectors, pictures, hyperlinks and speaker notes. Painted items
// with no meaning fall back to text boxes and freeforms, so every page shows what the PDF shows.
#pragma once

#include <string>

#include "core/scene/scene.h"

namespace tenkai::renderers {

// What the master and theme carry: the deck's fonts and colours.
struct PptxTheme {
  std::string font_family = "Noto Sans CJK JP";  // latin and East Asian theme font
  scene::Color text{0.13, 0.13, 0.13};
  scene::Color title{0.12, 0.22, 0.39};
  scene::Color accent{0.75, 0, 0};
  scene::Color muted{0.35, 0.35, 0.35};
  scene::Color link{0.02, 0.39, 0.76};
  scene::Color header_fill{0.12, 0.22, 0.39};
};

struct PptxOptions {
  PptxTheme theme;
  // A private folder for the embedded chart workbooks (libxlsxwriter writes files only);
  // created and emptied by the caller.
  std::string work_dir;
};

// Writes `document` to `path`; false with a message in `error`. Identical inputs give
// byte-identical files.
bool write_pptx(const scene::Document& document, const PptxOptions& options,
                const std::string& path, std::string& error);

}  // namespace tenkai::renderers
