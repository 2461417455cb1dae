// One slide's shape tree from one scene page: the walk over painted items and their meanings,
// shared by the files that write each kind of object (text boxes, shapes and connectors,
// tables, charts, pictures).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/scene/scene.h"
#include "renderers/pptx/opc_package.h"
#include "renderers/pptx/pptx_writer.h"
#include "renderers/pptx/xml_writer.h"

namespace tenkai::renderers::pptx {

// Pictures and charts collected over all slides, written once by the package.
struct MediaFile {
  std::string name;  // "image1.png" under ppt/media/
  std::string bytes;
};
struct ChartFile {
  std::string xml;       // ppt/charts/chartN.xml
  std::string workbook;  // ppt/embeddings/Microsoft_Excel_WorksheetN.xlsx
};
struct SharedParts {
  const PptxOptions& options;
  std::vector<MediaFile> media;
  std::vector<ChartFile> charts;
  std::string error;  // first failure (rasterizing, writing a workbook)
  // ppt/media/ name for these bytes, adding them once.
  std::string add_media(const std::string& extension, std::string bytes);
};

// A line of text in slide coordinates, with the link it lies under ("" when none).
struct PlacedLine {
  const scene::TextLine* line = nullptr;
  double x = 0, baseline = 0;
  std::string link_rid;
};

class SlideWriter {
 public:
  SlideWriter(const scene::Page& page, SharedParts& shared);
  // The slide part; `rels` receives the slide's relationships (layout first).
  std::string write(Relationships& rels);

 private:
  // Walk (slide_part.cpp).
  void walk(const std::vector<scene::Item>& items, scene::Point offset);
  void assign_shape_ids(const std::vector<scene::Item>& items, scene::Point offset);
  void collect_links(const std::vector<scene::Item>& items, scene::Point offset);
  void lines_of(const std::vector<scene::Item>& items, scene::Point offset,
                std::vector<PlacedLine>& out);
  // The hyperlink id of a link area under this box's centre ("" when none), marked as used.
  std::string link_at(double x, double y, double width, double height);
  int next_id() { return next_id_++; }

  // Text boxes (text_body.cpp).
  void text_box(const std::vector<PlacedLine>& lines, const scene::TextBlock* block,
                scene::Point offset);
  void paragraphs(const std::vector<PlacedLine>& lines, const std::vector<std::string>& sources,
                  const scene::Rect* box, double box_left);

  // Shapes, freeforms, connectors, pictures (shapes.cpp).
  void path(const scene::Path& path, scene::Point offset);
  void shape(const scene::Shape& shape, const scene::Group& group, scene::Point offset);
  void shape_body(const scene::Shape& shape, const scene::Rect& box, int id,
                  const std::vector<PlacedLine>& lines, const scene::Path* outline,
                  scene::Point offset);
  void connector(const scene::Connector& connector, const scene::Group& group, scene::Point offset);
  void picture(const scene::Image& image, scene::Point offset);
  void picture_part(const std::string& extension, std::string bytes, const scene::Rect& box,
                    const std::string& alt);
  void rasterized(const scene::Drawing& drawing, const scene::Group& group, scene::Point offset);
  void link_area(const scene::Link& link, scene::Point offset);
  void drawing(const scene::Drawing& drawing, const scene::Group& group, scene::Point offset);

  // Tables (table.cpp) and charts (chart_part.cpp).
  void table(const scene::Table& table, const scene::Group& group, scene::Point offset);
  void chart(const scene::Chart& chart, scene::Point offset);

  void transform(long long x, long long y, long long cx, long long cy, const char* tag = "a:xfrm",
                 bool flip_h = false, bool flip_v = false);

  const scene::Page& page_;
  SharedParts& shared_;
  XmlWriter x_;
  Relationships* rels_ = nullptr;
  int next_id_ = 2;
  bool title_written_ = false;
  std::map<std::string, int> shape_ids_;            // scene shape id -> cNvPr id
  std::map<std::string, scene::Rect> shape_boxes_;  // scene shape id -> slide box
  // scene shape id -> its connection sites: the rectangle's four, then where arrows end that
  // are not at one of those (only present when some arrow ends elsewhere).
  std::map<std::string, std::vector<scene::Point>> sites_;
  std::map<std::string, std::vector<scene::Point>> ends_;  // where arrows end, per shape id
  struct LinkArea {
    scene::Rect area;
    std::string uri, rid;
    bool used = false;
  };
  std::vector<LinkArea> links_;
};

std::vector<scene::Point> standard_sites(const scene::Rect& box);
int site_index(const std::vector<scene::Point>& sites, scene::Point p);

// Whether a box of these lines should let PowerPoint wrap them: when some line break was not
// forced, or every line is well short of the layout box; otherwise the lines are kept as laid.
bool needs_wrap(const std::vector<PlacedLine>& lines, const std::vector<std::string>& sources,
                const scene::Rect* box);

// Font sizes are hundredths of a point in DrawingML, 1..4000 pt.
long long font_size_value(double points);
// Run properties for one painted line (size, bold, colour, latin + East Asian fonts, link).
void run_properties(XmlWriter& x, const scene::Font& font, const scene::Color& color,
                    const std::string& link_rid, const char* tag = "a:rPr");

}  // namespace tenkai::renderers::pptx
