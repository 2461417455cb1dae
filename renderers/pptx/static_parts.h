// The parts every deck has and whose content hardly depends on the pages: theme, slide master
// and layout, notes master, presentation/view properties, table styles and document properties.
#pragma once

#include <string>
#include <vector>

#include "core/scene/scene.h"
#include "renderers/pptx/pptx_writer.h"
#include "renderers/pptx/xml_writer.h"

namespace tenkai::renderers::pptx {

inline constexpr const char* kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kNsP = "http://schemas.openxmlformats.org/presentationml/2006/main";
inline constexpr const char* kNsC = "http://schemas.openxmlformats.org/drawingml/2006/chart";

// `name` distinguishes the slides' theme from the notes' own theme.
std::string theme_xml(const PptxTheme& theme, const std::string& name);
std::string slide_master_xml(const PptxTheme& theme, double width, double height);
std::string slide_layout_xml(double width, double height);
std::string notes_master_xml(const PptxTheme& theme);
std::string pres_props_xml();
std::string view_props_xml();
std::string table_styles_xml();
std::string core_props_xml(const scene::DocumentInfo& info);
std::string app_props_xml(const std::vector<std::string>& slide_titles, size_t notes);

// The non-visual and transform properties of a shape tree's root group (id 1, no offset), which
// every slide, master, layout and notes page starts with.
void empty_group_properties(XmlWriter& x);

// The notes page size (portrait A4-ish, as PowerPoint's default), in EMU.
inline constexpr long long kNotesWidth = 6858000, kNotesHeight = 9144000;

}  // namespace tenkai::renderers::pptx
