// Theme, masters and property parts, written from the deck's theme so an edited slide keeps the
// deck's fonts and colours.
#include "renderers/pptx/static_parts.h"

#include "renderers/pptx/xml_writer.h"

namespace tenkai::renderers::pptx {
namespace {

std::string hex(const scene::Color& c) {
  return hex_color(c.r, c.g, c.b);
}

void solid(XmlWriter& x, const std::string& rgb) {
  x.open("a:solidFill").leaf("a:srgbClr", {{"val", rgb}}).close();
}

void scheme_color(XmlWriter& x, const char* name, const std::string& rgb) {
  x.open(name).leaf("a:srgbClr", {{"val", rgb}}).close();
}

void font_collection(XmlWriter& x, const char* name, const std::string& family) {
  x.open(name);
  x.leaf("a:latin", {{"typeface", family}});
  x.leaf("a:ea", {{"typeface", family}});
  x.leaf("a:cs", {{"typeface", ""}});
  x.leaf("a:font", {{"script", "Jpan"}, {"typeface", family}});
  x.close();
}

// The masters' mapping of the theme's colours (background 1 on light 1, text 1 on dark 1).
void color_map(XmlWriter& x) {
  x.leaf("p:clrMap", {{"bg1", "lt1"},
                      {"tx1", "dk1"},
                      {"bg2", "lt2"},
                      {"tx2", "dk2"},
                      {"accent1", "accent1"},
                      {"accent2", "accent2"},
                      {"accent3", "accent3"},
                      {"accent4", "accent4"},
                      {"accent5", "accent5"},
                      {"accent6", "accent6"},
                      {"hlink", "hlink"},
                      {"folHlink", "folHlink"}});
}

// A placeholder shape on a master or layout: `type` title/body/sldImg/…, at the given box.
void placeholder(XmlWriter& x, int id, const std::string& name, const char* type, int idx,
                 long long left, long long top, long long width, long long height, bool with_text) {
  x.open("p:sp").open("p:nvSpPr");
  x.leaf("p:cNvPr", {{"id", std::to_string(id)}, {"name", name}});
  x.open("p:cNvSpPr").leaf("a:spLocks", {{"noGrp", "1"}}).close();
  x.open("p:nvPr").open("p:ph").attr("type", type);
  if (idx > 0) x.attr("idx", idx);
  x.close().close();
  x.close();
  x.open("p:spPr").open("a:xfrm");
  x.leaf("a:off", {{"x", std::to_string(left)}, {"y", std::to_string(top)}});
  x.leaf("a:ext", {{"cx", std::to_string(width)}, {"cy", std::to_string(height)}});
  x.close();
  x.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close();
  x.close();
  if (with_text) {
    x.open("p:txBody").leaf("a:bodyPr").leaf("a:lstStyle");
    x.open("a:p").leaf("a:endParaRPr", {{"lang", "ja-JP"}}).close();
    x.close();
  }
  x.close();
}

void level_style(XmlWriter& x, const char* name, double size, bool bold, const std::string& rgb,
                 const char* align, int level_indent) {
  x.open(name)
      .attr("marL", level_indent)
      .attr("algn", align)
      .attr("eaLnBrk", "1")
      .attr("hangingPunct", "1")
      .attr("latinLnBrk", "0");
  x.open("a:defRPr").attr("sz", static_cast<long long>(size * 100)).attr("b", bold ? "1" : "0");
  x.attr("kern", "1200");
  solid(x, rgb);
  x.leaf("a:latin", {{"typeface", "+mn-lt"}});
  x.leaf("a:ea", {{"typeface", "+mn-ea"}});
  x.leaf("a:cs", {{"typeface", "+mn-cs"}});
  x.close();
  x.close();
}

}  // namespace

void empty_group_properties(XmlWriter& x) {
  x.open("p:nvGrpSpPr")
      .leaf("p:cNvPr", {{"id", "1"}, {"name", ""}})
      .leaf("p:cNvGrpSpPr")
      .leaf("p:nvPr")
      .close();
  x.open("p:grpSpPr").open("a:xfrm");
  x.leaf("a:off", {{"x", "0"}, {"y", "0"}}).leaf("a:ext", {{"cx", "0"}, {"cy", "0"}});
  x.leaf("a:chOff", {{"x", "0"}, {"y", "0"}}).leaf("a:chExt", {{"cx", "0"}, {"cy", "0"}});
  x.close().close();
}

std::string theme_xml(const PptxTheme& theme, const std::string& name) {
  XmlWriter x;
  x.open("a:theme").attr("xmlns:a", kNsA).attr("name", name);
  x.open("a:themeElements");
  x.open("a:clrScheme").attr("name", "tenkai");
  x.open("a:dk1").leaf("a:srgbClr", {{"val", hex(theme.text)}}).close();
  x.open("a:lt1").leaf("a:srgbClr", {{"val", "FFFFFF"}}).close();
  scheme_color(x, "a:dk2", hex(theme.title));
  scheme_color(x, "a:lt2", "EEF2F8");
  scheme_color(x, "a:accent1", hex(theme.title));
  scheme_color(x, "a:accent2", hex(theme.accent));
  scheme_color(x, "a:accent3", hex(theme.muted));
  scheme_color(x, "a:accent4", "5B9BD5");
  scheme_color(x, "a:accent5", "70AD47");
  scheme_color(x, "a:accent6", "ED7D31");
  scheme_color(x, "a:hlink", hex(theme.link));
  scheme_color(x, "a:folHlink", hex(theme.link));
  x.close();
  x.open("a:fontScheme").attr("name", "tenkai");
  font_collection(x, "a:majorFont", theme.font_family);
  font_collection(x, "a:minorFont", theme.font_family);
  x.close();
  x.open("a:fmtScheme").attr("name", "tenkai");
  x.open("a:fillStyleLst");
  for (int i = 0; i < 3; ++i) x.open("a:solidFill").leaf("a:schemeClr", {{"val", "phClr"}}).close();
  x.close();
  x.open("a:lnStyleLst");
  for (int w : {6350, 12700, 19050}) {
    x.open("a:ln").attr("w", w).attr("cap", "flat").attr("cmpd", "sng").attr("algn", "ctr");
    x.open("a:solidFill").leaf("a:schemeClr", {{"val", "phClr"}}).close();
    x.leaf("a:prstDash", {{"val", "solid"}}).leaf("a:miter", {{"lim", "800000"}});
    x.close();
  }
  x.close();
  x.open("a:effectStyleLst");
  for (int i = 0; i < 3; ++i) x.open("a:effectStyle").leaf("a:effectLst").close();
  x.close();
  x.open("a:bgFillStyleLst");
  for (int i = 0; i < 3; ++i) x.open("a:solidFill").leaf("a:schemeClr", {{"val", "phClr"}}).close();
  x.close();
  x.close();  // fmtScheme
  x.close();  // themeElements
  x.leaf("a:objectDefaults").leaf("a:extraClrSchemeLst");
  x.close();
  return x.finish();
}

std::string slide_master_xml(const PptxTheme& theme, double width, double height) {
  XmlWriter x;
  x.open("p:sldMaster").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.open("p:cSld");
  x.open("p:bg").open("p:bgPr");
  solid(x, "FFFFFF");
  x.leaf("a:effectLst").close().close();
  x.open("p:spTree");
  empty_group_properties(x);
  long long margin = emu(36);
  placeholder(x, 2, "Title Placeholder 1", "title", 0, margin, margin, emu(width) - 2 * margin,
              emu(50), true);
  placeholder(x, 3, "Text Placeholder 2", "body", 1, margin, margin + emu(70),
              emu(width) - 2 * margin, emu(height) - 2 * margin - emu(100), true);
  x.close();  // spTree
  x.close();  // cSld
  color_map(x);
  x.open("p:sldLayoutIdLst")
      .open("p:sldLayoutId")
      .attr("id", "2147483649")
      .attr("r:id", "rId1")
      .close()
      .close();
  x.open("p:txStyles");
  x.open("p:titleStyle");
  level_style(x, "a:lvl1pPr", 24, true, hex(theme.title), "l", 0);
  x.close();
  x.open("p:bodyStyle");
  level_style(x, "a:lvl1pPr", 20, false, hex(theme.text), "l", 0);
  level_style(x, "a:lvl2pPr", 18, false, hex(theme.text), "l", 457200);
  x.close();
  x.open("p:otherStyle");
  level_style(x, "a:lvl1pPr", 18, false, hex(theme.text), "l", 0);
  x.close();
  x.close();  // txStyles
  x.close();
  return x.finish();
}

std::string slide_layout_xml(double width, double /*height*/) {
  XmlWriter x;
  x.open("p:sldLayout").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.attr("type", "titleOnly").attr("preserve", "1");
  x.open("p:cSld").attr("name", "Title Only");
  x.open("p:spTree");
  empty_group_properties(x);
  long long margin = emu(36);
  placeholder(x, 2, "Title 1", "title", 0, margin, margin, emu(width) - 2 * margin, emu(50), true);
  x.close().close();
  x.open("p:clrMapOvr").leaf("a:masterClrMapping").close();
  x.close();
  return x.finish();
}

std::string notes_master_xml(const PptxTheme& theme) {
  XmlWriter x;
  x.open("p:notesMaster").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.open("p:cSld");
  x.open("p:bg").open("p:bgRef").attr("idx", "1001").leaf("a:schemeClr", {{"val", "bg1"}});
  x.close().close();
  x.open("p:spTree");
  empty_group_properties(x);
  placeholder(x, 2, "Slide Image Placeholder 1", "sldImg", 2, 381000, 685800, 6096000, 3429000,
              false);
  placeholder(x, 3, "Notes Placeholder 2", "body", 3, 685800, 4343400, 5486400, 4114800, true);
  x.close().close();
  color_map(x);
  x.open("p:notesStyle");
  level_style(x, "a:lvl1pPr", 12, false, hex(theme.text), "l", 0);
  x.close();
  x.close();
  return x.finish();
}

std::string pres_props_xml() {
  XmlWriter x;
  x.open("p:presentationPr").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.close();
  return x.finish();
}

std::string view_props_xml() {
  XmlWriter x;
  x.open("p:viewPr").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x.open("p:normalViewPr")
      .leaf("p:restoredLeft", {{"sz", "15620"}})
      .leaf("p:restoredTop", {{"sz", "80000"}})
      .close();
  x.open("p:slideViewPr").open("p:cSldViewPr").open("p:cViewPr").attr("varScale", "1");
  x.open("p:scale")
      .leaf("a:sx", {{"n", "100"}, {"d", "100"}})
      .leaf("a:sy", {{"n", "100"}, {"d", "100"}})
      .close();
  x.leaf("p:origin", {{"x", "0"}, {"y", "0"}});
  x.close().leaf("p:guideLst").close().close();
  x.open("p:gridSpacing").attr("cx", "72008").attr("cy", "72008").close();
  x.close();
  return x.finish();
}

std::string table_styles_xml() {
  XmlWriter x;
  x.open("a:tblStyleLst").attr("xmlns:a", kNsA);
  // No styles of our own: every table sets its cell fills and borders explicitly.
  x.attr("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}");
  x.close();
  return x.finish();
}

std::string core_props_xml(const scene::DocumentInfo& info) {
  XmlWriter x;
  x.open("cp:coreProperties")
      .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
      .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
      .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.open("dc:title").text(info.title).close();
  if (!info.subject.empty()) x.open("dc:subject").text(info.subject).close();
  x.open("dc:creator").text(info.author).close();
  std::string date = info.creation_date.empty() ? "1970-01-01T00:00:00Z" : info.creation_date;
  x.open("dcterms:created").attr("xsi:type", "dcterms:W3CDTF").text(date).close();
  x.open("dcterms:modified").attr("xsi:type", "dcterms:W3CDTF").text(date).close();
  x.close();
  return x.finish();
}

std::string app_props_xml(const std::vector<std::string>& slide_titles, size_t notes) {
  XmlWriter x;
  x.open("Properties")
      .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
      .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  x.open("Application").text("tenkai").close();
  x.open("Slides").text(std::to_string(slide_titles.size())).close();
  x.open("Notes").text(std::to_string(notes)).close();
  x.close();
  return x.finish();
}

}  // namespace tenkai::renderers::pptx
