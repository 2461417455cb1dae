// Shapes, connectors bound to their shapes, freeforms for painted paths, pictures and
// clickable areas.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "renderers/cairo/page_renderers.h"
#include "renderers/pptx/slide_writer.h"

namespace tenkai::renderers::pptx {
namespace {

std::string number(long long v) {
  return std::to_string(v);
}

void fill_properties(XmlWriter& x, const std::optional<scene::Color>& fill) {
  if (!fill || fill->a <= 0) {
    x.leaf("a:noFill");
    return;
  }
  x.open("a:solidFill").open("a:srgbClr").attr("val", hex_color(fill->r, fill->g, fill->b));
  if (fill->a < 1) x.leaf("a:alpha", {{"val", number(std::llround(fill->a * 100000))}});
  x.close().close();
}

void line_properties(XmlWriter& x, const std::optional<scene::Stroke>& stroke,
                     scene::ArrowHeads heads = scene::ArrowHeads::none) {
  if (!stroke) {
    x.open("a:ln").leaf("a:noFill").close();
    return;
  }
  x.open("a:ln").attr("w", emu(stroke->width));
  fill_properties(x, stroke->color);
  if (!stroke->dashes.empty() && stroke->width > 0) {
    x.open("a:custDash");
    for (size_t i = 0; i + 1 < stroke->dashes.size() + 1; i += 2) {
      double dash = stroke->dashes[i];
      double space = i + 1 < stroke->dashes.size() ? stroke->dashes[i + 1] : dash;
      // Dash lengths are in thousandths of a percent of the line width.
      x.leaf("a:ds", {{"d", number(std::llround(dash / stroke->width * 100000))},
                      {"sp", number(std::llround(space / stroke->width * 100000))}});
    }
    x.close();
  } else {
    x.leaf("a:prstDash", {{"val", "solid"}});
  }
  if (heads == scene::ArrowHeads::both) x.leaf("a:headEnd", {{"type", "triangle"}});
  if (heads != scene::ArrowHeads::none) x.leaf("a:tailEnd", {{"type", "triangle"}});
  x.close();
}

struct Bounds {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  void add(scene::Point p) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  bool empty() const { return x1 < x0; }
};

Bounds bounds_of(const scene::Path& path) {
  Bounds b;
  for (const auto& s : path.segments) {
    int n = s.verb == scene::PathVerb::curve_to ? 3 : s.verb == scene::PathVerb::close ? 0 : 1;
    for (int i = 0; i < n; ++i) b.add(s.points[i]);
  }
  return b;
}

bool is_axis_rectangle(const scene::Path& path) {
  const auto& s = path.segments;
  if (s.size() != 5 || s[0].verb != scene::PathVerb::move_to || s[4].verb != scene::PathVerb::close)
    return false;
  for (int i = 1; i <= 3; ++i) {
    if (s[i].verb != scene::PathVerb::line_to) return false;
    const auto& a = s[i - 1].points[0];
    const auto& b = s[i].points[0];
    if (std::abs(a.x - b.x) > 1e-6 && std::abs(a.y - b.y) > 1e-6) return false;
  }
  return true;
}

// The connection site of a preset shape nearest to `p`: 0 top, 1 left, 2 bottom, 3 right for
// rectangles; the ellipse numbers eight sites counter-clockwise from the top.
int connection_site(const scene::Rect& box, scene::Point p, scene::ShapeGeometry geometry) {
  double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  double dx = (p.x - cx) / std::max(1.0, box.width), dy = (p.y - cy) / std::max(1.0, box.height);
  int side = std::abs(dx) > std::abs(dy) ? (dx < 0 ? 1 : 3) : (dy < 0 ? 0 : 2);
  if (geometry == scene::ShapeGeometry::ellipse) return side * 2;
  return side;
}

}  // namespace

// The sites of a rectangle (0 top, 1 left, 2 bottom, 3 right, as the preset numbers them).
std::vector<scene::Point> standard_sites(const scene::Rect& b) {
  return {{b.x + b.width / 2, b.y},
          {b.x, b.y + b.height / 2},
          {b.x + b.width / 2, b.y + b.height},
          {b.x + b.width, b.y + b.height / 2}};
}

// The index of the site nearest to `p`.
int site_index(const std::vector<scene::Point>& sites, scene::Point p) {
  int best = 0;
  double best_d = 1e18;
  for (size_t i = 0; i < sites.size(); ++i) {
    double d = std::hypot(sites[i].x - p.x, sites[i].y - p.y);
    if (d < best_d) best_d = d, best = static_cast<int>(i);
  }
  return best;
}

namespace {

const char* preset_for(scene::ShapeGeometry geometry) {
  switch (geometry) {
    case scene::ShapeGeometry::rounded_rectangle:
      return "roundRect";
    case scene::ShapeGeometry::ellipse:
      return "ellipse";
    case scene::ShapeGeometry::plate:
      return "roundRect";
    default:
      return "rect";
  }
}

void custom_geometry(XmlWriter& x, const scene::Path& path, const Bounds& b,
                     const std::vector<scene::Point>& sites = {}) {
  long long w = std::max(1LL, emu(b.x1 - b.x0)), h = std::max(1LL, emu(b.y1 - b.y0));
  x.open("a:custGeom").leaf("a:avLst").leaf("a:gdLst").leaf("a:ahLst");
  if (sites.empty()) {
    x.leaf("a:cxnLst");
  } else {
    // Connection sites where the arrows were drawn; the angle points away from the box.
    x.open("a:cxnLst");
    double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
    for (const auto& site : sites) {
      double dx = (site.x - cx) / std::max(1.0, b.x1 - b.x0);
      double dy = (site.y - cy) / std::max(1.0, b.y1 - b.y0);
      const char* angle = std::abs(dx) > std::abs(dy) ? (dx < 0 ? "10800000" : "0")
                                                      : (dy < 0 ? "16200000" : "5400000");
      x.open("a:cxn").attr("ang", angle);
      x.leaf("a:pos", {{"x", number(emu(site.x - b.x0))}, {"y", number(emu(site.y - b.y0))}});
      x.close();
    }
    x.close();
  }
  x.leaf("a:rect", {{"l", "0"}, {"t", "0"}, {"r", "r"}, {"b", "b"}});
  x.open("a:pathLst").open("a:path").attr("w", w).attr("h", h);
  if (!path.fill) x.attr("fill", "none");
  if (!path.stroke) x.attr("stroke", "0");
  auto pt = [&](scene::Point p) {
    x.leaf("a:pt", {{"x", number(emu(p.x - b.x0))}, {"y", number(emu(p.y - b.y0))}});
  };
  bool open_figure = false;
  for (const auto& s : path.segments) {
    switch (s.verb) {
      case scene::PathVerb::move_to:
        x.open("a:moveTo");
        pt(s.points[0]);
        x.close();
        open_figure = true;
        break;
      case scene::PathVerb::line_to:
        if (!open_figure) {
          x.open("a:moveTo");
          pt(s.points[0]);
          x.close();
          open_figure = true;
          break;
        }
        x.open("a:lnTo");
        pt(s.points[0]);
        x.close();
        break;
      case scene::PathVerb::curve_to:
        x.open("a:cubicBezTo");
        pt(s.points[0]);
        pt(s.points[1]);
        pt(s.points[2]);
        x.close();
        break;
      case scene::PathVerb::close:
        if (open_figure) x.leaf("a:close");
        break;
    }
  }
  x.close().close();
  x.close();
}

scene::Path offset_path(const scene::Path& path, scene::Point offset) {
  scene::Path out = path;
  for (auto& s : out.segments) {
    for (auto& p : s.points) {
      p.x += offset.x;
      p.y += offset.y;
    }
  }
  return out;
}

}  // namespace

void SlideWriter::path(const scene::Path& source, scene::Point offset) {
  if (!source.fill && !source.stroke) return;
  scene::Path p = offset_path(source, offset);
  Bounds b = bounds_of(p);
  if (b.empty()) return;
  int id = next_id();
  const auto& s = p.segments;
  bool straight = s.size() == 2 && s[0].verb == scene::PathVerb::move_to &&
                  s[1].verb == scene::PathVerb::line_to && !p.fill;
  if (straight) {
    // A plain line stays a line a presenter can grab by its ends.
    scene::Point a = s[0].points[0], c = s[1].points[0];
    x_.open("p:cxnSp").open("p:nvCxnSpPr");
    x_.leaf("p:cNvPr", {{"id", number(id)}, {"name", "Line " + number(id)}});
    x_.leaf("p:cNvCxnSpPr").leaf("p:nvPr");
    x_.close();
    x_.open("p:spPr");
    transform(emu(b.x0), emu(b.y0), emu(b.x1 - b.x0), emu(b.y1 - b.y0), "a:xfrm", c.x < a.x,
              c.y < a.y);
    x_.open("a:prstGeom").attr("prst", "line").leaf("a:avLst").close();
    line_properties(x_, p.stroke);
    x_.close();
    x_.close();
    return;
  }
  x_.open("p:sp").open("p:nvSpPr");
  x_.leaf("p:cNvPr", {{"id", number(id)}, {"name", "Freeform " + number(id)}});
  x_.leaf("p:cNvSpPr").leaf("p:nvPr");
  x_.close();
  x_.open("p:spPr");
  transform(emu(b.x0), emu(b.y0), emu(b.x1 - b.x0), emu(b.y1 - b.y0));
  if (is_axis_rectangle(p))
    x_.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close();
  else
    custom_geometry(x_, p, b);
  fill_properties(x_, p.fill);
  line_properties(x_, p.stroke);
  x_.close();
  x_.close();
}

namespace {

// Whether a shape's group is one box with its label: a single painted outline and lines set
// one under another inside the box. Anything more (a header band, a badge above the box, chips
// side by side, boxes inside the box) is written as a group of its own shapes.
bool is_plain_shape(const scene::Group& group, const std::vector<PlacedLine>& lines,
                    const scene::Rect& box) {
  int paths = 0;
  for (const auto& item : group.items) {
    if (std::holds_alternative<scene::Path>(item)) ++paths;
    if (std::holds_alternative<scene::Group>(item) || std::holds_alternative<scene::Image>(item))
      return false;
  }
  if (paths > 1) return false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    double cx = l.x + l.line->width / 2, cy = l.baseline - 0.4 * l.line->font.size;
    if (cx < box.x || cx > box.x + box.width || cy < box.y || cy > box.y + box.height) return false;
    for (size_t k = 0; k < i; ++k) {
      if (std::abs(lines[k].baseline - l.baseline) < 0.5) return false;
    }
  }
  return true;
}

}  // namespace

void SlideWriter::shape_body(const scene::Shape& shape, const scene::Rect& box, int id,
                             const std::vector<PlacedLine>& lines, const scene::Path* outline,
                             scene::Point offset) {
  x_.open("p:sp").open("p:nvSpPr");
  std::string name = (shape.role.empty() ? std::string("Shape") : shape.role) + " " + number(id);
  x_.open("p:cNvPr").attr("id", id).attr("name", name);
  if (!shape.region.empty()) x_.attr("descr", shape.text.empty() ? shape.region : shape.text);
  x_.close();
  x_.leaf("p:cNvSpPr").leaf("p:nvPr");
  x_.close();
  x_.open("p:spPr");
  transform(emu(box.x), emu(box.y), emu(box.width), emu(box.height));
  // A shape that took no outline from a rectangle (an arrow block) is its painted path.
  bool painted = outline && !shape.fill && !shape.stroke;
  const std::vector<scene::Point>* sites = nullptr;
  if (auto found = sites_.find(shape.id); found != sites_.end() && found->second.size() > 4)
    sites = &found->second;
  if ((shape.geometry == scene::ShapeGeometry::freeform || painted) && outline) {
    scene::Path p = offset_path(*outline, offset);
    Bounds b = bounds_of(p);
    custom_geometry(x_, p, b, sites ? *sites : std::vector<scene::Point>{});
  } else if (sites && shape.geometry != scene::ShapeGeometry::ellipse) {
    // Arrows drawn off the middles of the sides (two arrows between the same boxes) bind to
    // sites of their own, so a renderer that routes bound connectors keeps them apart.
    scene::Path p = outline && shape.geometry == scene::ShapeGeometry::rounded_rectangle
                        ? offset_path(*outline, offset)
                        : scene::rectangle(box);
    Bounds b;
    b.add({box.x, box.y});
    b.add({box.x + box.width, box.y + box.height});
    custom_geometry(x_, p, b, *sites);
  } else {
    x_.open("a:prstGeom").attr("prst", preset_for(shape.geometry)).open("a:avLst");
    // The corner radius as painted (a roundRect's default is a sixth of the shorter side).
    double shorter = std::min(box.width, box.height);
    if (shape.geometry == scene::ShapeGeometry::rounded_rectangle && outline && shorter > 0 &&
        !outline->segments.empty()) {
      Bounds b = bounds_of(*outline);
      double radius = outline->segments[0].points[0].x - b.x0;
      long long adj = std::clamp(std::llround(radius / shorter * 100000), 0LL, 50000LL);
      x_.leaf("a:gd", {{"name", "adj"}, {"fmla", "val " + number(adj)}});
    }
    x_.close().close();
  }
  fill_properties(x_, painted ? outline->fill : shape.fill);
  line_properties(x_, painted ? outline->stroke : shape.stroke);
  x_.close();
  x_.open("p:txBody");
  // The label's lines were set (balanced, or one per line) by the layout: every break is kept
  // and the box does not wrap, so PowerPoint and LibreOffice show our lines. The insets put the
  // centre of the inner box on the centre of the lines, so the label sits where it was painted
  // and stays centred when edited.
  double left = box.x + box.width, right = box.x, top = box.y + box.height, bottom = box.y;
  for (const auto& l : lines) {
    left = std::min(left, l.x);
    right = std::max(right, l.x + l.line->width);
    top = std::min(top, l.baseline - 1.16 * l.line->font.size);
    bottom = std::max(bottom, l.baseline + 0.288 * l.line->font.size);
  }
  double l_ins = lines.empty() ? 3.6 : std::max(0.0, left - box.x);
  double r_ins = lines.empty() ? 3.6 : std::max(0.0, box.x + box.width - right);
  double t_ins = lines.empty() ? 0 : std::max(0.0, top - box.y);
  double b_ins = lines.empty() ? 0 : std::max(0.0, box.y + box.height - bottom);
  x_.open("a:bodyPr")
      .attr("wrap", lines.empty() ? "square" : "none")
      .attr("lIns", emu(l_ins))
      .attr("rIns", emu(r_ins))
      .attr("tIns", emu(t_ins))
      .attr("bIns", emu(b_ins))
      .attr("anchor", "ctr")
      .attr("rtlCol", "0");
  x_.leaf("a:noAutofit");
  x_.close();
  x_.leaf("a:lstStyle");
  if (lines.empty())
    x_.open("a:p").leaf("a:endParaRPr", {{"lang", "ja-JP"}}).close();
  else
    paragraphs(lines, {}, &box, box.x + l_ins);
  x_.close();
  x_.close();
}

void SlideWriter::shape(const scene::Shape& shape, const scene::Group& group, scene::Point offset) {
  scene::Rect box = shape.box;
  box.x += offset.x;
  box.y += offset.y;
  auto found = shape_ids_.find(shape.id);
  int id = found != shape_ids_.end() ? found->second : next_id();
  std::vector<PlacedLine> lines;
  lines_of(group.items, offset, lines);
  const scene::Path* outline = nullptr;
  for (const auto& item : group.items) {
    if ((outline = std::get_if<scene::Path>(&item))) break;
  }
  if (is_plain_shape(group, lines, box)) {
    shape_body(shape, box, id, lines, outline, offset);
    return;
  }
  // A box with more painted on it: a group holding the box (the shape connectors bind to, with
  // its fill and outline) and, above it, everything else as its own shapes and text boxes.
  Bounds b;
  b.add({box.x, box.y});
  b.add({box.x + box.width, box.y + box.height});
  for (const auto& item : group.items) {
    if (const auto* p = std::get_if<scene::Path>(&item)) {
      Bounds pb = bounds_of(offset_path(*p, offset));
      if (!pb.empty()) b.add({pb.x0, pb.y0}), b.add({pb.x1, pb.y1});
    }
  }
  for (const auto& l : lines) {
    b.add({l.x, l.baseline - 1.16 * l.line->font.size});
    b.add({l.x + l.line->width, l.baseline + 0.288 * l.line->font.size});
  }
  int group_id = next_id();
  x_.open("p:grpSp").open("p:nvGrpSpPr");
  x_.leaf("p:cNvPr", {{"id", number(group_id)},
                      {"name", (shape.role.empty() ? std::string("Shape") : shape.role) +
                                   " group " + number(group_id)}});
  x_.leaf("p:cNvGrpSpPr").leaf("p:nvPr");
  x_.close();
  x_.open("p:grpSpPr").open("a:xfrm");
  x_.leaf("a:off", {{"x", number(emu(b.x0))}, {"y", number(emu(b.y0))}});
  x_.leaf("a:ext", {{"cx", number(emu(b.x1 - b.x0))}, {"cy", number(emu(b.y1 - b.y0))}});
  x_.leaf("a:chOff", {{"x", number(emu(b.x0))}, {"y", number(emu(b.y0))}});
  x_.leaf("a:chExt", {{"cx", number(emu(b.x1 - b.x0))}, {"cy", number(emu(b.y1 - b.y0))}});
  x_.close().close();
  shape_body(shape, box, id, {}, outline, offset);
  std::vector<scene::Item> rest;
  bool skipped = !(shape.fill || shape.stroke);  // no outline was taken from the painting
  for (const auto& item : group.items) {
    if (!skipped && std::holds_alternative<scene::Path>(item)) {
      skipped = true;
      continue;
    }
    rest.push_back(item);
  }
  walk(rest, offset);
  x_.close();
}

void SlideWriter::connector(const scene::Connector& c, const scene::Group& group,
                            scene::Point offset) {
  scene::Point a{c.start.x + offset.x, c.start.y + offset.y};
  scene::Point b{c.end.x + offset.x, c.end.y + offset.y};
  int id = next_id();
  x_.open("p:cxnSp").open("p:nvCxnSpPr");
  x_.leaf("p:cNvPr", {{"id", number(id)}, {"name", "Connector " + number(id)}});
  x_.open("p:cNvCxnSpPr");
  auto bind = [&](const char* tag, const std::string& shape_id, scene::Point p) {
    auto found = shape_ids_.find(shape_id);
    if (found == shape_ids_.end()) return;
    const scene::Rect& box = shape_boxes_[shape_id];
    int site = connection_site(box, p, scene::ShapeGeometry::rectangle);
    if (auto own = sites_.find(shape_id); own != sites_.end() && own->second.size() > 4)
      site = site_index(own->second, p);
    x_.leaf(tag, {{"id", number(found->second)}, {"idx", number(site)}});
  };
  bind("a:stCxn", c.from, a);
  bind("a:endCxn", c.to, b);
  x_.close();
  x_.leaf("p:nvPr");
  x_.close();
  x_.open("p:spPr");
  transform(emu(std::min(a.x, b.x)), emu(std::min(a.y, b.y)), emu(std::abs(b.x - a.x)),
            emu(std::abs(b.y - a.y)), "a:xfrm", b.x < a.x, b.y < a.y);
  x_.open("a:prstGeom").attr("prst", "straightConnector1").leaf("a:avLst").close();
  line_properties(x_, c.stroke, c.heads);
  x_.close();
  x_.close();
  // A connector has no text body: its label is a text box beside it.
  std::vector<PlacedLine> lines;
  lines_of(group.items, offset, lines);
  if (!lines.empty()) text_box(lines, nullptr, offset);
}

void SlideWriter::picture_part(const std::string& extension, std::string bytes,
                               const scene::Rect& box, const std::string& alt) {
  std::string name = shared_.add_media(extension, std::move(bytes));
  std::string rid = rels_->add("image", "../media/" + name);
  std::string link = link_at(box.x, box.y, box.width, box.height);
  int id = next_id();
  x_.open("p:pic").open("p:nvPicPr");
  x_.open("p:cNvPr").attr("id", id).attr("name", "Picture " + number(id)).attr("descr", alt);
  if (!link.empty()) x_.leaf("a:hlinkClick", {{"r:id", link}});
  x_.close();
  x_.open("p:cNvPicPr").leaf("a:picLocks", {{"noChangeAspect", "1"}}).close();
  x_.leaf("p:nvPr");
  x_.close();
  x_.open("p:blipFill").leaf("a:blip", {{"r:embed", rid}});
  x_.open("a:stretch").leaf("a:fillRect").close();
  x_.close();
  x_.open("p:spPr");
  transform(emu(box.x), emu(box.y), emu(box.width), emu(box.height));
  x_.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close();
  x_.close();
  x_.close();
}

void SlideWriter::picture(const scene::Image& image, scene::Point offset) {
  if (!image.data || image.data->bytes.empty()) return;
  scene::Rect box = image.box;
  box.x += offset.x;
  box.y += offset.y;
  std::string extension = image.data->format == "jpeg" ? "jpeg" : "png";
  picture_part(extension, std::string(image.data->bytes.begin(), image.data->bytes.end()), box,
               image.alt);
}

void SlideWriter::rasterized(const scene::Drawing& drawing, const scene::Group& group,
                             scene::Point offset) {
  scene::Rect box = drawing.box;
  box.x += offset.x;
  box.y += offset.y;
  if (box.width <= 0 || box.height <= 0) return;
  scene::Page page;
  page.width = box.width;
  page.height = box.height;
  scene::Group moved;
  moved.offset = {offset.x - box.x, offset.y - box.y};
  moved.items = group.items;
  page.items.emplace_back(std::move(moved));
  std::string file =
      shared_.options.work_dir + "/raster" + std::to_string(shared_.media.size()) + ".png";
  std::string error;
  // Four pixels per point keeps a QR code's modules crisp when the slide is projected.
  if (!write_png(page, file, error, 4.0)) {
    if (shared_.error.empty()) shared_.error = error;
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  in.close();
  std::remove(file.c_str());
  picture_part("png", bytes.str(), box, drawing.alt);
}

void SlideWriter::link_area(const scene::Link& link, scene::Point offset) {
  std::string rid;
  for (const auto& l : links_) {
    if (l.uri == link.uri && l.area.x == link.area.x && l.area.y == link.area.y) rid = l.rid;
  }
  if (rid.empty()) return;
  int id = next_id();
  x_.open("p:sp").open("p:nvSpPr");
  x_.open("p:cNvPr").attr("id", id).attr("name", "Link " + number(id));
  x_.leaf("a:hlinkClick", {{"r:id", rid}});
  x_.close();
  x_.leaf("p:cNvSpPr").leaf("p:nvPr");
  x_.close();
  x_.open("p:spPr");
  transform(emu(link.area.x + offset.x), emu(link.area.y + offset.y), emu(link.area.width),
            emu(link.area.height));
  x_.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close();
  x_.leaf("a:noFill");
  x_.open("a:ln").leaf("a:noFill").close();
  x_.close();
  x_.close();
}

void SlideWriter::drawing(const scene::Drawing& drawing, const scene::Group& group,
                          scene::Point offset) {
  if (drawing.role == "qr_code") {
    rasterized(drawing, group, offset);
    return;
  }
  scene::Rect box = drawing.box;
  box.x += offset.x;
  box.y += offset.y;
  int id = next_id();
  x_.open("p:grpSp").open("p:nvGrpSpPr");
  x_.open("p:cNvPr").attr("id", id).attr(
      "name", (drawing.role.empty() ? "Drawing" : drawing.role) + " " + number(id));
  if (!drawing.alt.empty()) x_.attr("descr", drawing.alt);
  x_.close();
  x_.leaf("p:cNvGrpSpPr").leaf("p:nvPr");
  x_.close();
  x_.open("p:grpSpPr").open("a:xfrm");
  x_.leaf("a:off", {{"x", number(emu(box.x))}, {"y", number(emu(box.y))}});
  x_.leaf("a:ext", {{"cx", number(emu(box.width))}, {"cy", number(emu(box.height))}});
  x_.leaf("a:chOff", {{"x", number(emu(box.x))}, {"y", number(emu(box.y))}});
  x_.leaf("a:chExt", {{"cx", number(emu(box.width))}, {"cy", number(emu(box.height))}});
  x_.close().close();
  walk(group.items, offset);
  x_.close();
}

}  // namespace tenkai::renderers::pptx
