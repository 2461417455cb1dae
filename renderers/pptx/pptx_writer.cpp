// The package: every part PowerPoint expects, in a fixed order, from the pages of a document.
#include "renderers/pptx/pptx_writer.h"

#include <algorithm>
#include <cmath>

#include "renderers/pptx/notes_part.h"
#include "renderers/pptx/opc_package.h"
#include "renderers/pptx/slide_writer.h"
#include "renderers/pptx/static_parts.h"
#include "renderers/pptx/xml_writer.h"

namespace tenkai::renderers {
namespace {

using namespace pptx;

constexpr const char* kPml = "application/vnd.openxmlformats-officedocument.presentationml.";

std::string type(const char* part) {
  return std::string(kPml) + part + "+xml";
}

std::string presentation_xml(const scene::Document& document, size_t first_slide_rid) {
  XmlWriter x;
  x.open("p:presentation").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.attr("saveSubsetFonts", "1");
  x.open("p:sldMasterIdLst")
      .leaf("p:sldMasterId", {{"id", "2147483648"}, {"r:id", "rId1"}})
      .close();
  x.open("p:notesMasterIdLst").leaf("p:notesMasterId", {{"r:id", "rId2"}}).close();
  x.open("p:sldIdLst");
  for (size_t i = 0; i < document.pages.size(); ++i) {
    x.leaf("p:sldId", {{"id", std::to_string(256 + i)},
                       {"r:id", "rId" + std::to_string(first_slide_rid + i)}});
  }
  x.close();
  const scene::Page& first = document.pages.front();
  long long cx = std::clamp(emu(first.width), 914400LL, 51206400LL);
  long long cy = std::clamp(emu(first.height), 914400LL, 51206400LL);
  x.open("p:sldSz").attr("cx", cx).attr("cy", cy);
  if (cx == 9144000 && cy == 6858000) x.attr("type", "screen4x3");
  x.close();
  x.leaf("p:notesSz", {{"cx", std::to_string(kNotesWidth)}, {"cy", std::to_string(kNotesHeight)}});
  x.close();
  return x.finish();
}

}  // namespace

bool write_pptx(const scene::Document& document, const PptxOptions& options,
                const std::string& path, std::string& error) {
  if (document.pages.empty()) {
    error = "the deck has no pages";
    return false;
  }
  const scene::Page& first = document.pages.front();
  if (!(first.width > 0 && first.height > 0 && std::isfinite(first.width) &&
        std::isfinite(first.height))) {
    error = "page size must be positive";
    return false;
  }
  Package package;
  SharedParts shared{options, {}, {}, {}};

  // The slides first, so the pictures and charts they use are known.
  struct SlideOut {
    std::string xml;
    Relationships rels;
  };
  std::vector<SlideOut> slides;
  for (const auto& page : document.pages) {
    SlideOut out;
    SlideWriter writer(page, shared);
    out.xml = writer.write(out.rels);
    slides.push_back(std::move(out));
  }
  if (!shared.error.empty()) {
    error = shared.error;
    return false;
  }

  Relationships root;
  root.add("officeDocument", "ppt/presentation.xml");
  root.add(rel::kCoreProperties, "docProps/core.xml");
  root.add("extended-properties", "docProps/app.xml");
  package.add_relationships("", root);
  package.add_part("docProps/core.xml",
                   "application/vnd.openxmlformats-package.core-properties+xml",
                   core_props_xml(document.info));
  std::vector<std::string> titles;
  size_t notes_count = 0;
  for (const auto& page : document.pages) {
    titles.push_back(page.title);
    if (!page.notes.empty()) ++notes_count;
  }
  package.add_part("docProps/app.xml",
                   "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                   app_props_xml(titles, notes_count));

  Relationships presentation;
  presentation.add("slideMaster", "slideMasters/slideMaster1.xml");
  presentation.add("notesMaster", "notesMasters/notesMaster1.xml");
  const size_t first_slide_rid = 3;
  for (size_t i = 0; i < slides.size(); ++i)
    presentation.add("slide", "slides/slide" + std::to_string(i + 1) + ".xml");
  presentation.add("presProps", "presProps.xml");
  presentation.add("viewProps", "viewProps.xml");
  presentation.add("theme", "theme/theme1.xml");
  presentation.add("tableStyles", "tableStyles.xml");
  package.add_part("ppt/presentation.xml", type("presentation.main"),
                   presentation_xml(document, first_slide_rid));
  package.add_relationships("ppt/presentation.xml", presentation);

  Relationships master;
  master.add("slideLayout", "../slideLayouts/slideLayout1.xml");
  master.add("theme", "../theme/theme1.xml");
  package.add_part("ppt/slideMasters/slideMaster1.xml", type("slideMaster"),
                   slide_master_xml(options.theme, first.width, first.height));
  package.add_relationships("ppt/slideMasters/slideMaster1.xml", master);
  Relationships layout;
  layout.add("slideMaster", "../slideMasters/slideMaster1.xml");
  package.add_part("ppt/slideLayouts/slideLayout1.xml", type("slideLayout"),
                   slide_layout_xml(first.width, first.height));
  package.add_relationships("ppt/slideLayouts/slideLayout1.xml", layout);
  const std::string theme_type = "application/vnd.openxmlformats-officedocument.theme+xml";
  package.add_part("ppt/theme/theme1.xml", theme_type, theme_xml(options.theme, "tenkai"));
  package.add_part("ppt/theme/theme2.xml", theme_type, theme_xml(options.theme, "tenkai notes"));
  Relationships notes_master;
  notes_master.add("theme", "../theme/theme2.xml");
  package.add_part("ppt/notesMasters/notesMaster1.xml", type("notesMaster"),
                   notes_master_xml(options.theme));
  package.add_relationships("ppt/notesMasters/notesMaster1.xml", notes_master);

  for (size_t i = 0; i < slides.size(); ++i) {
    std::string n = std::to_string(i + 1);
    const scene::Page& page = document.pages[i];
    if (!page.notes.empty())
      slides[i].rels.add("notesSlide", "../notesSlides/notesSlide" + n + ".xml");
    package.add_part("ppt/slides/slide" + n + ".xml", type("slide"), std::move(slides[i].xml));
    package.add_relationships("ppt/slides/slide" + n + ".xml", slides[i].rels);
  }
  for (size_t i = 0; i < slides.size(); ++i) {
    const scene::Page& page = document.pages[i];
    if (page.notes.empty()) continue;
    std::string n = std::to_string(i + 1);
    std::string xml = notes_slide_xml(page.notes, options.theme);
    Relationships rels;
    rels.add("notesMaster", "../notesMasters/notesMaster1.xml");
    rels.add("slide", "../slides/slide" + n + ".xml");
    package.add_part("ppt/notesSlides/notesSlide" + n + ".xml", type("notesSlide"), std::move(xml));
    package.add_relationships("ppt/notesSlides/notesSlide" + n + ".xml", rels);
  }
  for (size_t i = 0; i < shared.charts.size(); ++i) {
    std::string n = std::to_string(i + 1);
    Relationships rels;
    rels.add("package", "../embeddings/Microsoft_Excel_Worksheet" + n + ".xlsx");
    package.add_part("ppt/charts/chart" + n + ".xml",
                     "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                     std::move(shared.charts[i].xml));
    package.add_relationships("ppt/charts/chart" + n + ".xml", rels);
    package.add_part("ppt/embeddings/Microsoft_Excel_Worksheet" + n + ".xlsx", "",
                     std::move(shared.charts[i].workbook));
  }
  for (auto& media : shared.media)
    package.add_part("ppt/media/" + media.name, "", std::move(media.bytes));
  package.add_part("ppt/presProps.xml", type("presProps"), pres_props_xml());
  package.add_part("ppt/viewProps.xml", type("viewProps"), view_props_xml());
  package.add_part("ppt/tableStyles.xml", type("tableStyles"), table_styles_xml());
  return package.write(path, error);
}

}  // namespace tenkai::renderers
