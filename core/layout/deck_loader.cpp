// Reads a deck spec (tenkai: 1, deck: ...) into DeckSpec, reporting every problem at its position.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/layout/deck.h"
#include "core/layout/spec_positions.h"
#include "core/registry/prefectures.h"
#include "core/registry/source_map.h"
#include "core/registry/yaml_document.h"

namespace tenkai::layout {
namespace {

bool valid_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  int month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void read_meta(const YAML::Node& node, SpecReader& reader, DeckSpec& spec) {
  if (!reader.check_keys(node, {"title", "author", "subject", "date"}, "meta")) return;
  spec.info.title = reader.text(node, "title").value_or("{registry.title}");
  spec.info.author = reader.text(node, "author").value_or("");
  spec.info.subject = reader.text(node, "subject").value_or("");
  if (auto date = reader.string(node, "date")) {
    if (valid_date(*date))
      spec.info.creation_date = *date;
    else
      reader.error(node["date"], "'date' must be a date like 2015-10-16, not '" + *date + "'");
  }
}

void read_page(const YAML::Node& node, SpecReader& reader, DeckSpec& spec) {
  if (node.IsScalar()) {
    const std::string& name = node.Scalar();
    if (name == "4:3")
      spec.page = {"4:3", 720, 540};
    else if (name == "16:9")
      spec.page = {"16:9", 960, 540};
    else if (name == "a4-landscape")
      spec.page = {"a4-landscape", 841.89, 595.28};
    else {
      reader.error(node,
                   "unknown page size '" + name + "' (4:3, 16:9, a4-landscape or {width, height})",
                   [&] {
                     std::string m = closest_match(name, {"4:3", "16:9", "a4-landscape"});
                     return m.empty() ? std::string() : "did you mean '" + m + "'?";
                   }());
    }
    return;
  }
  if (!reader.check_keys(node, {"width", "height"}, "page")) return;
  bool ok = reader.require(node, "width", "page") & reader.require(node, "height", "page");
  auto width = reader.number(node, "width", 72, 14400);
  auto height = reader.number(node, "height", 72, 14400);
  if (ok && width && height) spec.page = {"custom", *width, *height};
}

void read_theme(const YAML::Node& node, SpecReader& reader, Theme& theme) {
  if (!reader.check_keys(
          node,
          {"font", "sizes", "colors", "margins", "min_scale", "line_spacing", "paragraph_gap",
           "bullet_indent", "element_gap", "header_height", "footer_height"},
          "theme")) {
    return;
  }
  if (auto font = reader.string(node, "font")) theme.font_family = *font;
  if (const YAML::Node sizes = node["sizes"]) {
    struct Entry {
      const char* key;
      double* value;
    };
    const Entry entries[] = {
        {"title", &theme.title_size},          {"cover_title", &theme.cover_title_size},
        {"subtitle", &theme.subtitle_size},    {"body", &theme.body_size},
        {"small", &theme.small_size},          {"footnote", &theme.footnote_size},
        {"footer", &theme.footer_size},        {"table", &theme.table_size},
        {"table_note", &theme.table_note_size}};
    std::vector<std::string> keys;
    for (const auto& e : entries) keys.emplace_back(e.key);
    if (reader.check_keys(sizes, keys, "theme sizes")) {
      for (const auto& e : entries) {
        if (auto v = reader.number(sizes, e.key, 4, 200)) *e.value = *v;
      }
    }
  }
  if (const YAML::Node colors = node["colors"]) {
    struct Entry {
      const char* key;
      scene::Color* value;
    };
    const Entry entries[] = {{"text", &theme.text},
                             {"title", &theme.title},
                             {"accent", &theme.accent},
                             {"muted", &theme.muted},
                             {"link", &theme.link},
                             {"rule", &theme.rule},
                             {"table_header_fill", &theme.table_header_fill},
                             {"table_header_text", &theme.table_header_text},
                             {"table_stripe_fill", &theme.table_stripe_fill},
                             {"table_grid", &theme.table_grid},
                             {"mark", &theme.mark}};
    std::vector<std::string> keys;
    for (const auto& e : entries) keys.emplace_back(e.key);
    if (reader.check_keys(colors, keys, "theme colors")) {
      for (const auto& e : entries) {
        if (auto v = reader.color(colors, e.key)) *e.value = *v;
      }
    }
  }
  if (const YAML::Node margins = node["margins"]) {
    if (reader.check_keys(margins, {"top", "right", "bottom", "left"}, "theme margins")) {
      if (auto v = reader.number(margins, "top", 0, 500)) theme.margins.top = *v;
      if (auto v = reader.number(margins, "right", 0, 500)) theme.margins.right = *v;
      if (auto v = reader.number(margins, "bottom", 0, 500)) theme.margins.bottom = *v;
      if (auto v = reader.number(margins, "left", 0, 500)) theme.margins.left = *v;
    }
  }
  if (auto v = reader.number(node, "min_scale", 0.3, 1)) theme.min_scale = *v;
  if (auto v = reader.number(node, "line_spacing", 1, 3)) theme.line_spacing = *v;
  if (auto v = reader.number(node, "paragraph_gap", 0, 5)) theme.paragraph_gap = *v;
  if (auto v = reader.number(node, "bullet_indent", 0, 10)) theme.bullet_indent = *v;
  if (auto v = reader.number(node, "element_gap", 0, 200)) theme.element_gap = *v;
  if (auto v = reader.number(node, "header_height", 0, 300)) theme.header_height = *v;
  if (auto v = reader.number(node, "footer_height", 0, 200)) theme.footer_height = *v;
}

void read_master(const YAML::Node& node, SpecReader& reader, FooterSpec& footer) {
  if (!reader.check_keys(node, {"footer", "page_number", "logo"}, "master")) return;
  footer.text = reader.text(node, "footer").value_or("");
  footer.page_number = reader.boolean(node, "page_number").value_or(true);
  footer.logo = reader.text(node, "logo").value_or("");
}

std::optional<ForEachSpec> read_for_each(const YAML::Node& node, SpecReader& reader);

const std::vector<std::string> kSlideKeys = {"name",     "style",     "title", "footer",
                                             "layout",   "columns",   "gap",   "valign",
                                             "elements", "footnotes", "notes", "for_each"};

std::optional<SlideSpec> read_slide(const YAML::Node& node, SpecReader& reader) {
  if (!reader.check_keys(node, kSlideKeys, "slide")) return std::nullopt;
  SlideSpec slide;
  // Read first: it makes {prefecture}, {region} … valid in the slide's texts.
  if (const YAML::Node each = node["for_each"]) slide.for_each = read_for_each(each, reader);
  struct ClearLocal {
    SpecReader& reader;
    ~ClearLocal() { reader.set_local_placeholders({}); }
  } clear_local{reader};
  slide.pos = reader.pos(node);
  slide.name = reader.string(node, "name").value_or("");
  if (auto style = reader.choice(node, "style", {"content", "title", "section"})) {
    slide.style = *style == "title"     ? SlideStyle::title
                  : *style == "section" ? SlideStyle::section
                                        : SlideStyle::content;
  }
  slide.title = reader.text(node, "title").value_or("");
  slide.footer = reader.boolean(node, "footer").value_or(slide.style != SlideStyle::title);
  std::string layout = reader.choice(node, "layout", {"rows", "columns", "grid"}).value_or("rows");
  if (node["columns"] && layout != "grid") {
    reader.error(node["columns"], "'columns' applies to layout: grid");
  }
  // The body is a container of the chosen layout, parsed from the slide's own keys.
  const ElementType* kind = find_element_type(layout);
  slide.body.type = layout;
  slide.body.kind = kind;
  slide.body.pos = slide.pos;
  slide.body.id = slide.name;
  slide.body.valign = slide.style == SlideStyle::content ? VAlign::top : VAlign::middle;
  if (auto valign = reader.choice(node, "valign", {"top", "middle", "bottom"})) {
    slide.body.valign = *valign == "middle"   ? VAlign::middle
                        : *valign == "bottom" ? VAlign::bottom
                                              : VAlign::top;
  }
  slide.body.data = kind->parse(node, reader);
  if (const YAML::Node notes = node["footnotes"]) {
    if (notes.IsSequence()) {
      for (const auto& note : notes) {
        if (auto text = reader.text_value(note)) slide.footnotes.push_back(*text);
      }
    } else if (auto text = reader.text_value(notes)) {
      slide.footnotes.push_back(*text);
    }
  }
  if (auto notes = reader.text(node, "notes")) slide.notes = *notes;
  return slide;
}

// `for_each: {prefecture: all | [names], region: all | [ids], where, sort, limit, empty,
// empty_note}`; see ForEachSpec.
std::optional<ForEachSpec> read_for_each(const YAML::Node& node, SpecReader& reader) {
  std::vector<std::string> keys = {"prefecture", "region", "empty", "empty_note"};
  keys.insert(keys.end(), selection_keys().begin(), selection_keys().end());
  if (!reader.check_keys(node, keys, "for_each")) return std::nullopt;
  ForEachSpec each;
  each.pos = reader.pos(node);
  // Until the list is known, its placeholders are valid, so a mistake here is reported once.
  reader.set_local_placeholders({"prefecture", "prefecture_code", "regions", "sessions",
                                 "first_year", "region", "region_id"});
  if (node["prefecture"] && node["region"]) {
    reader.error(node["region"], "for_each takes 'prefecture' or 'region', not both");
    return std::nullopt;
  }
  if (!node["prefecture"] && !node["region"]) {
    reader.error(node, "for_each needs 'prefecture' or 'region' (a list, or all)");
    return std::nullopt;
  }
  each.over = node["region"] ? Listing::regions : Listing::prefectures;
  const char* key = each.over == Listing::regions ? "region" : "prefecture";
  const YAML::Node list = node[key];
  bool ok = true;
  if (list.IsScalar() && list.Scalar() == "all") {
    // every one with counted sessions in the period
  } else if (list.IsSequence() && list.size() > 0) {
    for (const auto& item : list) {
      if (!item.IsScalar()) {
        reader.error(item, std::string("each entry of '") + key + "' is a name");
        ok = false;
        continue;
      }
      const std::string name = item.Scalar();
      if (each.over == Listing::prefectures && registry::prefecture_code(name) == 0) {
        std::string m = closest_match(name, registry::prefecture_names());
        reader.error(item, "unknown prefecture '" + name + "' (one of the 47 official names)",
                     m.empty() ? std::string() : "did you mean '" + m + "'?");
        ok = false;
      } else if (each.over == Listing::regions && reader.registry() &&
                 !reader.registry()->find_region(name)) {
        std::vector<std::string> ids;
        for (const auto& r : reader.registry()->regions) ids.push_back(r.id);
        std::string m = closest_match(name, ids);
        reader.error(item, "unknown region '" + name + "'",
                     m.empty() ? std::string() : "did you mean '" + m + "'?");
        ok = false;
      } else if (std::find(each.list.begin(), each.list.end(), name) != each.list.end()) {
        reader.error(item, "'" + name + "' is listed twice");
        ok = false;
      } else {
        each.list.push_back(name);
      }
    }
  } else {
    reader.error(list, std::string("'") + key + "' is all or a non-empty list");
    ok = false;
  }
  each.selection = read_selection(node, reader, each.over);
  std::vector<std::string> local = {"prefecture", "prefecture_code", "regions", "sessions",
                                    "first_year"};
  if (each.over == Listing::regions) local.insert(local.end(), {"region", "region_id"});
  reader.set_local_placeholders(local);
  if (auto empty = reader.choice(node, "empty", {"note", "skip"}))
    each.skip_empty = *empty == "skip";
  each.empty_note =
      reader.text(node, "empty_note")
          .value_or(each.over == Listing::regions
                        ? "{region}では、この期間に把握している開催はありません。"
                        : "{prefecture}では、この期間に把握している開催はありません。");
  if (!each.list.empty() && (each.selection.limit || !each.selection.sort.empty())) {
    reader.error(node[node["sort"] ? "sort" : "limit"],
                 std::string("'sort' and 'limit' order and cut ") + key +
                     ": all; an explicit list is repeated in its own order");
    ok = false;
  }
  // The body of a repeat with nothing to show: that line, centred.
  YAML::Node line;
  line["type"] = "text";
  line["text"] = each.empty_note;
  line["align"] = "center";
  YAML::Node body;
  body["elements"].push_back(line);
  each.empty_body.type = "rows";
  each.empty_body.kind = find_element_type("rows");
  each.empty_body.pos = each.pos;
  each.empty_body.valign = VAlign::middle;
  each.empty_body.data = each.empty_body.kind->parse(body, reader);
  if (!ok) return std::nullopt;
  return each;
}

void read_formats(const YAML::Node& node, SpecReader& reader, DeckSpec& spec) {
  const std::vector<std::string> known = {"pdf", "pptx"};
  std::vector<std::string> formats;
  if (!node.IsSequence() || node.size() == 0) {
    reader.error(node, "'formats' must be a non-empty list of formats (pdf, pptx)");
    return;
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      reader.error(item, "a format is a name: pdf or pptx");
      continue;
    }
    const std::string name_text = item.Scalar();
    const std::string* name = &name_text;
    if (std::find(known.begin(), known.end(), *name) == known.end()) {
      std::string m = closest_match(*name, known);
      reader.error(item, "unknown format '" + *name + "' (pdf or pptx)",
                   m.empty() ? std::string() : "did you mean '" + m + "'?");
    } else if (std::find(formats.begin(), formats.end(), *name) != formats.end()) {
      reader.error(item, "format '" + *name + "' is listed twice");
    } else {
      formats.push_back(*name);
    }
  }
  spec.formats = formats;
}

}  // namespace

std::optional<DeckSpec> parse_deck_spec(std::string_view text, const std::string& path,
                                        const registry::Registry* registry,
                                        Diagnostics& diagnostics) {
  size_t errors_before = diagnostics.error_count();
  // The registry's loading: text checked (UTF-8, control characters, length), one document,
  // and positions in characters through the shared mapping.
  registry::yaml::SourceMap source(text);
  YAML::Node root;
  try {
    auto loaded = registry::yaml::load_single_node(text, source, path, diagnostics);
    if (!loaded) return std::nullopt;
    root = *loaded;
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.pos(path, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  SpecReader reader(path, diagnostics, registry);
  SpecPositions positions(source.positions());
  DeckSpec spec;
  spec.path = path;
  // A look at the text is enough (a comment naming one only costs the classification's time).
  for (const char* prefix : {"{patterns.", "{rollouts.", "{example."}) {
    if (text.find(prefix) != std::string_view::npos) spec.texts_read_classification = true;
  }
  spec.info.title = "{registry.title}";
  if (!root.IsMap()) {
    diagnostics.error({path, 1, 1}, "a deck spec is a map with 'tenkai: 1' and 'deck:'");
    return std::nullopt;
  }
  reader.check_keys(root, {"tenkai", "deck"}, "the top level");
  if (reader.require(root, "tenkai", "the spec")) {
    auto version = reader.integer(root, "tenkai", 1, 1);
    (void)version;
  }
  if (!reader.require(root, "deck", "the spec")) return std::nullopt;
  const YAML::Node deck = root["deck"];
  if (!reader.check_keys(
          deck, {"output", "formats", "meta", "page", "theme", "master", "continued", "slides"},
          "deck")) {
    return std::nullopt;
  }
  if (auto output = reader.string(deck, "output")) {
    bool plain = !output->empty() && output->find('/') == std::string::npos &&
                 output->find("..") == std::string::npos;
    if (!plain)
      reader.error(deck["output"], "'output' must be a plain file name like forum-2015.pdf");
    else if (output->size() < 5 || output->substr(output->size() - 4) != ".pdf")
      reader.error(deck["output"], "'output' must end in .pdf");
    else
      spec.output = *output;
  }
  if (const YAML::Node formats = deck["formats"]) read_formats(formats, reader, spec);
  if (const YAML::Node meta = deck["meta"]) read_meta(meta, reader, spec);
  if (const YAML::Node page = deck["page"]) read_page(page, reader, spec);
  if (const YAML::Node theme = deck["theme"]) read_theme(theme, reader, spec.theme);
  if (const YAML::Node master = deck["master"]) read_master(master, reader, spec.footer);
  if (auto continued = reader.text(deck, "continued")) spec.continued = *continued;
  if (reader.require(deck, "slides", "deck")) {
    const YAML::Node slides = deck["slides"];
    if (!slides.IsSequence() || slides.size() == 0) {
      reader.error(slides, "'slides' must be a non-empty list of slides");
    } else {
      for (const auto& node : slides) {
        if (auto slide = read_slide(node, reader)) spec.slides.push_back(std::move(*slide));
      }
    }
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return spec;
}

std::optional<DeckSpec> load_deck_spec(const std::string& path, const registry::Registry* registry,
                                       Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error({path, 0, 0}, "cannot read layout spec");
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_deck_spec(buffer.str(), path, registry, diagnostics);
}

std::string SlideSpec::describe(size_t index) const {
  std::string out = "slide " + std::to_string(index + 1);
  if (!name.empty()) out += " '" + name + "'";
  return out;
}

}  // namespace tenkai::layout
