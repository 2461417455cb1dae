// Text boxes: one box per text block, one a:p per paragraph (not per line), East Asian fonts
// and line-breaking rules set, sized so that re-wrapping gives the lines we laid out.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "renderers/pptx/slide_writer.h"

namespace tenkai::renderers::pptx {
namespace {

// Noto Sans CJK's ascent and descent per em; close enough for the box of other fonts.
constexpr double kAscent = 1.16, kDescent = 0.288;

struct Run {
  std::string text;
  const scene::TextLine* style;
  std::string link_rid;
};

struct VisualLine {
  double baseline = 0, left = 0, right = 0, size = 0;
  std::vector<const PlacedLine*> segments;  // left to right
  std::string text() const {
    std::string out;
    for (const auto* s : segments) out += s->line->text;
    return out;
  }
};

struct Paragraph {
  std::vector<VisualLine> lines;
};

bool ascii_word_char(unsigned char c) {
  return c < 0x80 && std::isalnum(c);
}

bool same_style(const Run& a, const scene::TextLine& b, const std::string& link) {
  const auto& f = a.style->font;
  const auto& c = a.style->color;
  return a.link_rid == link && f.family == b.font.family && f.size == b.font.size &&
         f.weight == b.font.weight && f.italic == b.font.italic && c.r == b.color.r &&
         c.g == b.color.g && c.b == b.color.b;
}

std::vector<Paragraph> group_lines(const std::vector<PlacedLine>& placed) {
  std::vector<uint32_t> order;
  std::vector<Paragraph> paragraphs;
  for (const auto& p : placed) {
    uint32_t block = p.line->block;
    size_t index = paragraphs.size();
    if (block != 0) {
      auto found = std::find(order.begin(), order.end(), block);
      if (found != order.end()) index = static_cast<size_t>(found - order.begin());
    }
    if (index == paragraphs.size()) {
      order.push_back(block);
      paragraphs.emplace_back();
    }
    auto& lines = paragraphs[index].lines;
    auto line = std::find_if(lines.begin(), lines.end(), [&](const VisualLine& l) {
      return std::abs(l.baseline - p.baseline) < 0.5;
    });
    if (line == lines.end()) {
      lines.push_back({p.baseline, p.x, p.x + p.line->width, p.line->font.size, {}});
      line = lines.end() - 1;
    }
    line->left = std::min(line->left, p.x);
    line->right = std::max(line->right, p.x + p.line->width);
    line->size = std::max(line->size, p.line->font.size);
    line->segments.push_back(&p);
  }
  for (auto& paragraph : paragraphs) {
    std::stable_sort(
        paragraph.lines.begin(), paragraph.lines.end(),
        [](const VisualLine& a, const VisualLine& b) { return a.baseline < b.baseline; });
    for (auto& line : paragraph.lines) {
      std::stable_sort(line.segments.begin(), line.segments.end(),
                       [](const PlacedLine* a, const PlacedLine* b) { return a->x < b->x; });
    }
  }
  return paragraphs;
}

// "l", "ctr" or "r", from how the lines line up (or, for one line, where it sits in `box`).
const char* alignment(const Paragraph& p, const scene::Rect* box) {
  const auto& lines = p.lines;
  if (lines.size() >= 2) {
    double left_spread = 0, right_spread = 0, center_spread = 0;
    for (const auto& l : lines) {
      left_spread = std::max(left_spread, std::abs(l.left - lines[0].left));
      right_spread = std::max(right_spread, std::abs(l.right - lines[0].right));
      center_spread = std::max(center_spread,
                               std::abs((l.left + l.right) - (lines[0].left + lines[0].right)) / 2);
    }
    if (left_spread < 0.5) return "l";
    if (center_spread < 0.75) return "ctr";
    if (right_spread < 0.5) return "r";
    return "l";
  }
  if (box && box->width > 0 && !lines.empty()) {
    const auto& l = lines[0];
    if (std::abs(l.left - box->x) < 1) return "l";
    if (std::abs((l.left + l.right) / 2 - (box->x + box->width / 2)) < 1) return "ctr";
    if (std::abs(l.right - (box->x + box->width)) < 1) return "r";
  }
  return "l";
}

}  // namespace

long long font_size_value(double points) {
  long long v = std::llround(points * 100);
  return std::clamp(v, 100LL, 400000LL);
}

void run_properties(XmlWriter& x, const scene::Font& font, const scene::Color& color,
                    const std::string& link_rid, const char* tag) {
  x.open(tag).attr("lang", "ja-JP").attr("altLang", "en-US");
  x.attr("sz", font_size_value(font.size));
  x.attr("b", font.weight == scene::Weight::bold ? "1" : "0");
  if (font.italic) x.attr("i", "1");
  x.attr("dirty", "0");
  x.open("a:solidFill").leaf("a:srgbClr", {{"val", hex_color(color.r, color.g, color.b)}}).close();
  x.leaf("a:latin", {{"typeface", font.family}});
  x.leaf("a:ea", {{"typeface", font.family}});
  x.leaf("a:cs", {{"typeface", font.family}});
  if (!link_rid.empty()) x.leaf("a:hlinkClick", {{"r:id", link_rid}});
  x.close();
}

void SlideWriter::paragraphs(const std::vector<PlacedLine>& placed,
                             const std::vector<std::string>& sources, const scene::Rect* box) {
  auto grouped = group_lines(placed);
  double previous_baseline = 0;
  for (size_t k = 0; k < grouped.size(); ++k) {
    const Paragraph& p = grouped[k];
    if (p.lines.empty()) continue;
    const char* align = alignment(p, box);
    double pitch = p.lines.size() >= 2 ? (p.lines.back().baseline - p.lines.front().baseline) /
                                             double(p.lines.size() - 1)
                                       : (kAscent + kDescent) * p.lines[0].size;
    x_.open("a:p");
    x_.open("a:pPr")
        .attr("algn", align)
        .attr("eaLnBrk", "1")
        .attr("latinLnBrk", "0")
        .attr("hangingPunct", "1");
    x_.open("a:lnSpc")
        .leaf("a:spcPts", {{"val", std::to_string(std::llround(pitch * 100))}})
        .close();
    double before = k == 0 ? 0 : p.lines[0].baseline - previous_baseline - pitch;
    x_.open("a:spcBef")
        .leaf("a:spcPts",
              {{"val", std::to_string(std::clamp(std::llround(before * 100), 0LL, 158400LL))}})
        .close();
    x_.leaf("a:buNone");
    x_.close();
    previous_baseline = p.lines.back().baseline;

    // Runs: the lines joined back into one paragraph, with a break only where the source has
    // one; neighbouring segments of the same look merge into one run.
    const std::string* source = k < sources.size() ? &sources[k] : nullptr;
    size_t at = 0;
    std::vector<Run> runs;
    std::vector<size_t> breaks_before;  // run indexes that start after a forced line break
    for (size_t li = 0; li < p.lines.size(); ++li) {
      std::string text = p.lines[li].text();
      bool forced = false, space = false;
      if (li > 0) {
        size_t found = source ? source->find(text, at) : std::string::npos;
        if (source && found != std::string::npos) {
          std::string_view skipped(source->data() + at, found - at);
          forced = skipped.find('\n') != std::string_view::npos;
          space = !forced && skipped.find(' ') != std::string_view::npos;
        } else if (!runs.empty() && !runs.back().text.empty() && !text.empty()) {
          space = ascii_word_char(static_cast<unsigned char>(runs.back().text.back())) &&
                  ascii_word_char(static_cast<unsigned char>(text.front()));
        }
        if (space && !runs.empty()) runs.back().text += ' ';
      }
      if (source) {
        size_t found = source->find(text, at);
        if (found != std::string::npos) at = found + text.size();
      }
      if (forced) breaks_before.push_back(runs.size());
      bool first_segment = true;
      for (const auto* segment : p.lines[li].segments) {
        bool can_merge = !runs.empty() && !(forced && first_segment) &&
                         same_style(runs.back(), *segment->line, segment->link_rid);
        if (can_merge)
          runs.back().text += segment->line->text;
        else
          runs.push_back({segment->line->text, segment->line, segment->link_rid});
        first_segment = false;
      }
    }
    for (size_t r = 0; r < runs.size(); ++r) {
      if (std::find(breaks_before.begin(), breaks_before.end(), r) != breaks_before.end()) {
        x_.open("a:br");
        run_properties(x_, runs[r].style->font, runs[r].style->color, "");
        x_.close();
      }
      x_.open("a:r");
      run_properties(x_, runs[r].style->font, runs[r].style->color, runs[r].link_rid);
      x_.open("a:t").text(runs[r].text).close();
      x_.close();
    }
    x_.close();  // a:p
  }
}

void SlideWriter::text_box(const std::vector<PlacedLine>& placed, const scene::TextBlock* block,
                           scene::Point offset) {
  if (placed.empty()) return;
  auto grouped = group_lines(placed);
  double left = 1e18, right = -1e18, top = 1e18, bottom = -1e18, size = 0;
  for (const auto& p : grouped) {
    for (const auto& l : p.lines) {
      left = std::min(left, l.left);
      right = std::max(right, l.right);
      top = std::min(top, l.baseline - kAscent * l.size);
      bottom = std::max(bottom, l.baseline + kDescent * l.size);
      size = std::max(size, l.size);
    }
  }
  scene::Rect box_rect;
  const scene::Rect* layout_box = nullptr;
  if (block && block->box.width > 0) {
    box_rect = block->box;
    box_rect.x += offset.x;
    box_rect.y += offset.y;
    layout_box = &box_rect;
  }
  const char* align = alignment(grouped[0], layout_box);
  // A little slack, less than any next character, so a font measured a hair wider in
  // PowerPoint still wraps where we did.
  double slack = 0.25 * size;
  double x0 = left, width = right - left;
  if (layout_box && layout_box->width >= width - 0.5) {
    x0 = layout_box->x;
    width = layout_box->width;
  }
  if (std::string_view(align) == "ctr")
    x0 -= slack / 2;
  else if (std::string_view(align) == "r")
    x0 -= slack;
  width += slack;

  std::string name = block && !block->role.empty() ? block->role : "TextBox";
  // The slide's first title is its title placeholder, so outline view, the slide sorter and
  // screen readers name the slide by it.
  bool title = block && block->role == "title" && !title_written_;
  if (title) title_written_ = true;
  int id = next_id();
  x_.open("p:sp").open("p:nvSpPr");
  x_.leaf("p:cNvPr", {{"id", std::to_string(id)}, {"name", name + " " + std::to_string(id)}});
  if (title) {
    x_.open("p:cNvSpPr").leaf("a:spLocks", {{"noGrp", "1"}}).close();
    x_.open("p:nvPr").leaf("p:ph", {{"type", "title"}}).close();
  } else {
    x_.leaf("p:cNvSpPr", {{"txBox", "1"}});
    x_.leaf("p:nvPr");
  }
  x_.close();
  x_.open("p:spPr");
  transform(emu(x0), emu(top), emu(width), emu(bottom - top));
  x_.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close();
  x_.leaf("a:noFill");
  x_.close();
  x_.open("p:txBody");
  x_.open("a:bodyPr")
      .attr("wrap", "square")
      .attr("lIns", "0")
      .attr("tIns", "0")
      .attr("rIns", "0")
      .attr("bIns", "0")
      .attr("anchor", "t")
      .attr("rtlCol", "0");
  x_.leaf("a:noAutofit");
  x_.close();
  x_.leaf("a:lstStyle");
  std::vector<std::string> sources;
  if (block) sources = block->paragraphs;
  paragraphs(placed, sources, layout_box);
  x_.close();  // txBody
  x_.close();  // sp
}

}  // namespace tenkai::renderers::pptx
