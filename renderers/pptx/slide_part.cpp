// The walk from a scene page to a slide's shape tree: meanings become native objects, painted
// items without one fall back to text boxes, freeforms and pictures, in painting order.
#include <algorithm>
#include <cmath>
#include <set>

#include "renderers/pptx/slide_writer.h"
#include "renderers/pptx/static_parts.h"

namespace tenkai::renderers::pptx {

std::string SharedParts::add_media(const std::string& extension, std::string bytes) {
  for (const auto& file : media) {
    if (file.bytes == bytes && file.name.size() > extension.size() &&
        file.name.compare(file.name.size() - extension.size(), std::string::npos, extension) == 0)
      return file.name;
  }
  std::string name = "image" + std::to_string(media.size() + 1) + "." + extension;
  media.push_back({name, std::move(bytes)});
  return name;
}

SlideWriter::SlideWriter(const scene::Page& page, SharedParts& shared)
    : page_(page), shared_(shared) {}

std::string SlideWriter::write(Relationships& rels) {
  rels_ = &rels;
  rels.add("slideLayout", "../slideLayouts/slideLayout1.xml");
  assign_shape_ids(page_.items, {0, 0});
  // Connection sites: an arrow end more than 1.5 pt from each of its box's four gets its own.
  for (auto& [id, ends] : ends_) {
    auto box = shape_boxes_.find(id);
    if (box == shape_boxes_.end()) continue;
    std::vector<scene::Point> sites = standard_sites(box->second);
    for (const auto& end : ends) {
      const auto& near = sites[site_index(sites, end)];
      if (std::hypot(near.x - end.x, near.y - end.y) > 1.5) sites.push_back(end);
    }
    if (sites.size() > 4) sites_[id] = std::move(sites);
  }
  collect_links(page_.items, {0, 0});
  x_.open("p:sld").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
  x_.open("p:cSld");
  if (!page_.title.empty()) x_.attr("name", page_.title);
  x_.open("p:spTree");
  x_.open("p:nvGrpSpPr")
      .leaf("p:cNvPr", {{"id", "1"}, {"name", ""}})
      .leaf("p:cNvGrpSpPr")
      .leaf("p:nvPr")
      .close();
  x_.open("p:grpSpPr");
  transform(0, 0, 0, 0);
  x_.close();
  walk(page_.items, {0, 0});
  // Link areas over no text (a QR code, a picture) stay clickable as transparent rectangles.
  for (auto& link : links_) {
    if (!link.used) link_area({link.area, link.uri}, {0, 0});
  }
  x_.close();  // spTree
  x_.close();  // cSld
  x_.open("p:clrMapOvr").leaf("a:masterClrMapping").close();
  x_.close();
  std::string xml = x_.finish();
  if (!x_.problem().empty() && shared_.error.empty())
    shared_.error = "slide '" + page_.title + "': " + x_.problem();
  return xml;
}

void SlideWriter::transform(long long x, long long y, long long cx, long long cy, const char* tag,
                            bool flip_h, bool flip_v) {
  x_.open(tag);
  if (flip_h) x_.attr("flipH", "1");
  if (flip_v) x_.attr("flipV", "1");
  x_.leaf("a:off", {{"x", std::to_string(x)}, {"y", std::to_string(y)}});
  x_.leaf("a:ext",
          {{"cx", std::to_string(std::max(0LL, cx))}, {"cy", std::to_string(std::max(0LL, cy))}});
  if (std::string_view(tag) == "a:xfrm" && cx == 0 && cy == 0 && x == 0 && y == 0) {
    x_.leaf("a:chOff", {{"x", "0"}, {"y", "0"}});
    x_.leaf("a:chExt", {{"cx", "0"}, {"cy", "0"}});
  }
  x_.close();
}

void SlideWriter::assign_shape_ids(const std::vector<scene::Item>& items, scene::Point offset) {
  for (const auto& item : items) {
    const auto* group = std::get_if<scene::Group>(&item);
    if (!group) continue;
    scene::Point inner{offset.x + group->offset.x, offset.y + group->offset.y};
    if (group->meaning) {
      if (const auto* c = std::get_if<scene::Connector>(&*group->meaning)) {
        ends_[c->from].push_back({c->start.x + inner.x, c->start.y + inner.y});
        ends_[c->to].push_back({c->end.x + inner.x, c->end.y + inner.y});
      }
      if (const auto* shape = std::get_if<scene::Shape>(&*group->meaning)) {
        if (!shape->id.empty() && !shape_ids_.count(shape->id)) {
          shape_ids_[shape->id] = next_id();
          scene::Rect box = shape->box;
          box.x += inner.x;
          box.y += inner.y;
          shape_boxes_[shape->id] = box;
        }
      }
    }
    assign_shape_ids(group->items, inner);
  }
}

void SlideWriter::collect_links(const std::vector<scene::Item>& items, scene::Point offset) {
  for (const auto& item : items) {
    if (const auto* link = std::get_if<scene::Link>(&item)) {
      if (link->uri.empty()) continue;
      scene::Rect area = link->area;
      area.x += offset.x;
      area.y += offset.y;
      std::string rid = rels_->add("hyperlink", link->uri, true);
      links_.push_back({area, link->uri, rid, false});
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      collect_links(group->items, {offset.x + group->offset.x, offset.y + group->offset.y});
    }
  }
}

std::string SlideWriter::link_at(double x, double y, double width, double height) {
  double cx = x + width / 2, cy = y + height / 2;
  for (auto& link : links_) {
    const auto& a = link.area;
    if (cx >= a.x - 1 && cx <= a.x + a.width + 1 && cy >= a.y - 1 && cy <= a.y + a.height + 1) {
      link.used = true;
      return link.rid;
    }
  }
  return "";
}

void SlideWriter::lines_of(const std::vector<scene::Item>& items, scene::Point offset,
                           std::vector<PlacedLine>& out) {
  for (const auto& item : items) {
    if (const auto* line = std::get_if<scene::TextLine>(&item)) {
      PlacedLine placed{line, line->baseline.x + offset.x, line->baseline.y + offset.y, ""};
      double size = line->font.size;
      placed.link_rid = link_at(placed.x, placed.baseline - 0.8 * size, line->width, size);
      out.push_back(placed);
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      lines_of(group->items, {offset.x + group->offset.x, offset.y + group->offset.y}, out);
    }
  }
}

void SlideWriter::walk(const std::vector<scene::Item>& items, scene::Point offset) {
  std::set<uint32_t> done;  // blocks already written as one text box
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (const auto* line = std::get_if<scene::TextLine>(&item)) {
      if (line->block != 0 && done.count(line->block)) continue;
      // Every line of this block in this list, wherever it was painted, forms one box.
      std::vector<PlacedLine> lines;
      for (size_t k = i; k < items.size(); ++k) {
        const auto* other = std::get_if<scene::TextLine>(&items[k]);
        if (!other) continue;
        bool same = line->block != 0 ? other->block == line->block : k == i;
        if (!same) continue;
        PlacedLine placed{other, other->baseline.x + offset.x, other->baseline.y + offset.y, ""};
        placed.link_rid = link_at(placed.x, placed.baseline - 0.8 * other->font.size, other->width,
                                  other->font.size);
        lines.push_back(placed);
      }
      if (line->block != 0) done.insert(line->block);
      text_box(lines, nullptr, offset);
    } else if (const auto* p = std::get_if<scene::Path>(&item)) {
      path(*p, offset);
    } else if (const auto* image = std::get_if<scene::Image>(&item)) {
      picture(*image, offset);
    } else if (std::get_if<scene::Link>(&item)) {
      // Written as hyperlinks on the text beneath, or as a clickable area (see write()).
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      scene::Point inner{offset.x + group->offset.x, offset.y + group->offset.y};
      if (!group->meaning) {
        walk(group->items, inner);
        continue;
      }
      const scene::Meaning& meaning = *group->meaning;
      if (const auto* block = std::get_if<scene::TextBlock>(&meaning)) {
        std::vector<PlacedLine> lines;
        lines_of(group->items, inner, lines);
        // Non-text items of the block (a bullet mark drawn as a path) keep their painting.
        std::vector<scene::Item> rest;
        for (const auto& child : group->items) {
          if (!std::holds_alternative<scene::TextLine>(child)) rest.push_back(child);
        }
        for (const auto& child : rest) {
          if (const auto* pp = std::get_if<scene::Path>(&child)) path(*pp, inner);
          if (const auto* im = std::get_if<scene::Image>(&child)) picture(*im, inner);
        }
        if (!lines.empty()) text_box(lines, block, inner);
      } else if (const auto* shape = std::get_if<scene::Shape>(&meaning)) {
        this->shape(*shape, *group, inner);
      } else if (const auto* conn = std::get_if<scene::Connector>(&meaning)) {
        connector(*conn, *group, inner);
      } else if (const auto* tbl = std::get_if<scene::Table>(&meaning)) {
        table(*tbl, *group, inner);
      } else if (const auto* ch = std::get_if<scene::Chart>(&meaning)) {
        chart(*ch, inner);
        // Texts painted around the plot inside the chart's group (a caption) stay text.
      } else if (const auto* dr = std::get_if<scene::Drawing>(&meaning)) {
        drawing(*dr, *group, inner);
      }
    }
  }
}

}  // namespace tenkai::renderers::pptx
