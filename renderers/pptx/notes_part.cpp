// Notes slides: the speaker notes of a page under its slide image, one paragraph per line.
#include "renderers/pptx/notes_part.h"

#include "renderers/pptx/static_parts.h"
#include "renderers/pptx/xml_writer.h"

namespace tenkai::renderers::pptx {

std::string notes_slide_xml(const std::string& notes, const PptxTheme& theme) {
  XmlWriter x;
  x.open("p:notes").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.open("p:cSld").open("p:spTree");
  empty_group_properties(x);
  x.open("p:sp").open("p:nvSpPr").leaf("p:cNvPr", {{"id", "2"}, {"name", "Slide Image 1"}});
  x.open("p:cNvSpPr")
      .leaf("a:spLocks", {{"noGrp", "1"}, {"noRot", "1"}, {"noChangeAspect", "1"}})
      .close();
  x.open("p:nvPr").leaf("p:ph", {{"type", "sldImg"}}).close();
  x.close();
  x.leaf("p:spPr");
  x.close();
  x.open("p:sp").open("p:nvSpPr").leaf("p:cNvPr", {{"id", "3"}, {"name", "Notes 2"}});
  x.open("p:cNvSpPr").leaf("a:spLocks", {{"noGrp", "1"}}).close();
  x.open("p:nvPr").leaf("p:ph", {{"type", "body"}, {"idx", "1"}}).close();
  x.close();
  x.leaf("p:spPr");
  x.open("p:txBody").leaf("a:bodyPr").leaf("a:lstStyle");
  size_t start = 0;
  bool any = false;
  while (start <= notes.size()) {
    size_t end = notes.find('\n', start);
    std::string line =
        notes.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() || end != std::string::npos) {
      any = true;
      x.open("a:p");
      if (!line.empty()) {
        x.open("a:r")
            .open("a:rPr")
            .attr("lang", "ja-JP")
            .attr("altLang", "en-US")
            .attr("dirty", "0");
        x.leaf("a:latin", {{"typeface", theme.font_family}});
        x.leaf("a:ea", {{"typeface", theme.font_family}});
        x.close();
        x.open("a:t").text(line).close().close();
      } else {
        x.leaf("a:endParaRPr", {{"lang", "ja-JP"}});
      }
      x.close();
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (!any) x.open("a:p").leaf("a:endParaRPr", {{"lang", "ja-JP"}}).close();
  x.close();  // txBody
  x.close();  // sp
  x.close().close();
  x.open("p:clrMapOvr").leaf("a:masterClrMapping").close();
  x.close();
  return x.finish();
}

}  // namespace tenkai::renderers::pptx
