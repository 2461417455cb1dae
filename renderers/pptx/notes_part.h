// The notes slide of one page: its slide image and the presenter's notes.
#pragma once

#include <string>

#include "renderers/pptx/pptx_writer.h"

namespace tenkai::renderers::pptx {

// `notes` split at newlines into paragraphs (a trailing newline adds none).
std::string notes_slide_xml(const std::string& notes, const PptxTheme& theme);

}  // namespace tenkai::renderers::pptx
