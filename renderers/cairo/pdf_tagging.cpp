// The finishing pass over a tagged Cairo PDF: a reader of the few objects concerned (the
// trailer, the catalog, the structure tree down to its Figures) and an incremental update.
#include "renderers/cairo/pdf_tagging.h"

#include <glib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string_view>

#include "renderers/cairo/pango_setup.h"

namespace tenkai::renderers {
namespace {

// Deeper nesting than this in one object is refused (Cairo writes at most three levels).
constexpr int kMaxNesting = 64;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

// Reads the objects of one PDF as Cairo 1.16 writes it: a single cross-reference table and its
// trailer. Values are kept as the byte ranges they occupy; only what the pass needs is decoded.
class Reader {
 public:
  explicit Reader(const std::string& pdf) : pdf_(pdf) {}

  // One dictionary: its entries (key without the slash, value as written) in file order.
  struct Dictionary {
    std::vector<std::pair<std::string, std::string_view>> entries;
    std::string_view find(std::string_view key) const {
      for (const auto& [name, value] : entries)
        if (name == key) return value;
      return {};
    }
  };

  void read_cross_references() {
    size_t marker = pdf_.rfind("startxref");
    if (marker == std::string::npos) throw std::runtime_error("no startxref");
    at_ = marker + 9;
    xref_offset_ = number();
    if (xref_offset_ >= pdf_.size()) throw std::runtime_error("startxref beyond the file");
    at_ = xref_offset_;
    if (pdf_.compare(at_, 4, "xref") != 0) throw std::runtime_error("no cross-reference table");
    at_ += 4;
    while (true) {
      skip_space();
      if (pdf_.compare(at_, 7, "trailer") == 0) break;
      size_t first = number(), count = number();
      skip_space();
      if (count > (pdf_.size() - at_) / 20 || first > pdf_.size())
        throw std::runtime_error("cross-reference section beyond the file");
      if (offsets_.size() < first + count) offsets_.resize(first + count, SIZE_MAX);
      for (size_t i = 0; i < count; ++i) {
        const char* entry = pdf_.data() + at_ + 20 * i;
        size_t offset = 0;
        std::from_chars(entry, entry + 10, offset);
        if (entry[17] == 'n') offsets_[first + i] = offset;
      }
      at_ += 20 * count;
    }
    at_ += 7;
    trailer_ = dictionary(0);
  }

  const Dictionary& trailer() const { return trailer_; }
  size_t xref_offset() const { return xref_offset_; }

  // The object a reference ("12 0 R") points to, as a dictionary; its number in `id`.
  Dictionary object(std::string_view reference, size_t& id) {
    id = reference_number(reference);
    if (id >= offsets_.size() || offsets_[id] >= pdf_.size())
      throw std::runtime_error("object " + std::to_string(id) + " not in the table");
    at_ = offsets_[id];
    if (number() != id) throw std::runtime_error("object " + std::to_string(id) + " misplaced");
    number();
    skip_space();
    if (pdf_.compare(at_, 3, "obj") != 0) throw std::runtime_error("no obj keyword");
    at_ += 3;
    return dictionary(0);
  }

  // The number of a reference "N G R"; throws on anything else.
  static size_t reference_number(std::string_view reference) {
    size_t id = 0;
    auto result = std::from_chars(reference.data(), reference.data() + reference.size(), id);
    if (result.ec != std::errc() || reference.size() < 5 ||
        reference.substr(reference.size() - 1) != "R")
      throw std::runtime_error("not a reference: " + std::string(reference.substr(0, 32)));
    return id;
  }

  // The items of an array value ("[ 4 0 R 5 0 R ]"), or the value itself when it is no array.
  std::vector<std::string_view> items(std::string_view value) {
    std::vector<std::string_view> out;
    if (value.empty() || value.front() != '[') {
      out.push_back(value);
      return out;
    }
    at_ = static_cast<size_t>(value.data() - pdf_.data()) + 1;
    while (true) {
      skip_space();
      if (at_ >= pdf_.size()) throw std::runtime_error("unterminated array");
      if (pdf_[at_] == ']') break;
      out.push_back(this->value(1));
    }
    return out;
  }

 private:
  void skip_space() {
    while (at_ < pdf_.size()) {
      if (is_space(pdf_[at_])) {
        ++at_;
      } else if (pdf_[at_] == '%') {
        while (at_ < pdf_.size() && pdf_[at_] != '\n' && pdf_[at_] != '\r') ++at_;
      } else {
        break;
      }
    }
  }

  size_t number() {
    skip_space();
    size_t value = 0;
    auto result = std::from_chars(pdf_.data() + at_, pdf_.data() + pdf_.size(), value);
    if (result.ec != std::errc()) throw std::runtime_error("number expected");
    at_ = static_cast<size_t>(result.ptr - pdf_.data());
    return value;
  }

  // A regular token (number, keyword, name without its slash) from `at_`.
  void skip_regular() {
    while (at_ < pdf_.size() && !is_space(pdf_[at_]) && !is_delimiter(pdf_[at_])) ++at_;
  }

  // Skips one value from `at_` (a reference counts as one) and returns the bytes it occupies.
  std::string_view value(int depth) {
    if (depth > kMaxNesting) throw std::runtime_error("nested too deeply");
    skip_space();
    if (at_ >= pdf_.size()) throw std::runtime_error("value expected");
    size_t start = at_;
    char c = pdf_[at_];
    if (c == '<' && pdf_.compare(at_, 2, "<<") == 0) {
      dictionary(depth + 1);
    } else if (c == '<') {
      size_t end = pdf_.find('>', at_);
      if (end == std::string::npos) throw std::runtime_error("unterminated hex string");
      at_ = end + 1;
    } else if (c == '(') {
      int open = 0;
      for (; at_ < pdf_.size(); ++at_) {
        if (pdf_[at_] == '\\') {
          ++at_;
        } else if (pdf_[at_] == '(') {
          ++open;
        } else if (pdf_[at_] == ')' && --open == 0) {
          break;
        }
      }
      if (at_ >= pdf_.size()) throw std::runtime_error("unterminated string");
      ++at_;
    } else if (c == '[') {
      ++at_;
      while (true) {
        skip_space();
        if (at_ >= pdf_.size()) throw std::runtime_error("unterminated array");
        if (pdf_[at_] == ']') break;
        value(depth + 1);
      }
      ++at_;
    } else if (c == '/') {
      ++at_;
      skip_regular();
    } else if (!is_delimiter(c)) {
      skip_regular();
      // "N G R" is one value: look ahead for a second integer and the R.
      size_t after = at_;
      skip_space();
      size_t second = at_;
      skip_regular();
      bool integer = at_ > second && pdf_.find_first_not_of("0123456789", second) >= at_;
      skip_space();
      if (integer && at_ < pdf_.size() && pdf_[at_] == 'R' &&
          (at_ + 1 >= pdf_.size() || is_space(pdf_[at_ + 1]) || is_delimiter(pdf_[at_ + 1]))) {
        ++at_;
      } else {
        at_ = after;
      }
    } else {
      throw std::runtime_error("unexpected delimiter");
    }
    return std::string_view(pdf_).substr(start, at_ - start);
  }

  Dictionary dictionary(int depth) {
    if (depth > kMaxNesting) throw std::runtime_error("nested too deeply");
    skip_space();
    if (pdf_.compare(at_, 2, "<<") != 0) throw std::runtime_error("dictionary expected");
    at_ += 2;
    Dictionary out;
    while (true) {
      skip_space();
      if (at_ >= pdf_.size()) throw std::runtime_error("unterminated dictionary");
      if (pdf_.compare(at_, 2, ">>") == 0) break;
      if (pdf_[at_] != '/') throw std::runtime_error("name expected in a dictionary");
      size_t start = ++at_;
      skip_regular();
      std::string key = pdf_.substr(start, at_ - start);
      out.entries.emplace_back(std::move(key), value(depth + 1));
    }
    at_ += 2;
    return out;
  }

  const std::string& pdf_;
  size_t at_ = 0;
  size_t xref_offset_ = 0;
  std::vector<size_t> offsets_;  // by object number; SIZE_MAX: free or absent
  Dictionary trailer_;
};

// A PDF text string: literal when plain ASCII, else UTF-16BE with its byte order mark.
std::string text_string(const std::string& text) {
  std::string storage;
  std::string_view valid = valid_utf8(text, storage);
  bool plain = true;
  for (char c : valid)
    if (c < 0x20 || c > 0x7e || c == '(' || c == ')' || c == '\\') plain = false;
  if (plain) return "(" + std::string(valid) + ")";
  glong length = 0;
  gunichar2* units =
      g_utf8_to_utf16(valid.data(), static_cast<glong>(valid.size()), nullptr, &length, nullptr);
  if (units == nullptr) return "()";
  std::string out = "<feff";
  char hex[8];
  for (glong i = 0; i < length; ++i) {
    std::snprintf(hex, sizeof hex, "%04x", static_cast<unsigned>(units[i]));
    out += hex;
  }
  g_free(units);
  out += ">";
  return out;
}

// A dictionary written again without the keys in `replaced`, then with `added` (" /Key value"
// pieces) at its end.
std::string rewritten(const Reader::Dictionary& dictionary,
                      std::initializer_list<std::string_view> replaced, const std::string& added) {
  std::string out = "<<";
  for (const auto& [key, value] : dictionary.entries) {
    bool skip = false;
    for (std::string_view name : replaced) skip = skip || key == name;
    if (skip) continue;
    out += " /" + key + " ";
    out += value;
  }
  out += added + " >>";
  return out;
}

// Figure elements in document order, at most `wanted`: depth first through /K, which holds child
// elements, marked-content references (integers or /MCR dictionaries) and object references.
// The painter opens a Figure only directly in the Document or a page's Sect, so the walk enters
// nothing else: a national table's thousands of TR/TD elements are never read.
void collect_figures(Reader& reader, std::string_view reference, size_t wanted, int depth,
                     std::set<size_t>& seen,
                     std::vector<std::pair<size_t, Reader::Dictionary>>& out) {
  if (out.size() >= wanted || depth > kMaxNesting) return;
  size_t id = Reader::reference_number(reference);
  if (!seen.insert(id).second) return;
  Reader::Dictionary element = reader.object(reference, id);
  std::string_view type = element.find("S");
  if (type == "/Figure") {
    out.emplace_back(id, std::move(element));
    return;
  }
  if (!type.empty() && type != "/Document" && type != "/Sect") return;
  std::string_view kids = element.find("K");
  if (kids.empty()) return;
  for (std::string_view kid : reader.items(kids)) {
    if (out.size() >= wanted) return;
    if (!kid.empty() && kid.back() == 'R')
      collect_figures(reader, kid, wanted, depth + 1, seen, out);
  }
}

// One object of the incremental update: its number and its new body.
struct UpdatedObject {
  size_t id;
  std::string body;
};

std::string hex(const guint8* bytes, size_t length) {
  std::string out;
  char pair[4];
  for (size_t i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", bytes[i]);
    out += pair;
  }
  return out;
}

// The trailer of the update: the original's entries, /Prev pointing at the original
// cross-reference table, and an /ID made from the original bytes when Cairo wrote none (the same
// bytes give the same /ID).
std::string update_trailer(const Reader& reader, const std::string& pdf) {
  std::string out = "<<";
  for (const char* key : {"ID", "Info", "Root", "Size"}) {
    std::string_view value = reader.trailer().find(key);
    if (!value.empty()) out += std::string(" /") + key + " " + std::string(value);
  }
  if (reader.trailer().find("ID").empty()) {
    GChecksum* md5 = g_checksum_new(G_CHECKSUM_MD5);
    g_checksum_update(md5, reinterpret_cast<const guchar*>(pdf.data()),
                      static_cast<gssize>(pdf.size()));
    guint8 digest[16];
    gsize length = sizeof digest;
    g_checksum_get_digest(md5, digest, &length);
    g_checksum_free(md5);
    std::string id = "<" + hex(digest, length) + ">";
    out += " /ID [ " + id + " " + id + " ]";
  }
  out += " /Prev " + std::to_string(reader.xref_offset()) + " >>";
  return out;
}

// Appends the objects as an incremental update (ISO 32000-1 7.5.6): their new bodies, a
// cross-reference section for just them, and the trailer. Cairo's bytes before it are kept as
// they are, so the pass costs what the few changed objects cost, not a rewrite of the file.
void append_update(std::string& pdf, std::vector<UpdatedObject> updates,
                   const std::string& trailer) {
  std::sort(updates.begin(), updates.end(),
            [](const UpdatedObject& a, const UpdatedObject& b) { return a.id < b.id; });
  if (pdf.empty() || pdf.back() != '\n') pdf += '\n';
  std::vector<size_t> offsets;
  for (const auto& object : updates) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(object.id) + " 0 obj\n" + object.body + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n";
  char entry[32];
  for (size_t i = 0; i < updates.size(); ++i) {
    pdf += std::to_string(updates[i].id) + " 1\n";
    // Every entry is exactly 20 bytes: offset, generation, type, and a two-byte end of line.
    std::snprintf(entry, sizeof(entry), "%010zu 00000 n \n", offsets[i]);
    pdf += entry;
  }
  pdf += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace

bool finish_tagged_pdf(std::string& pdf, const std::vector<std::string>& figure_alts,
                       const std::string& language, std::string& error) {
  try {
    Reader reader(pdf);
    reader.read_cross_references();
    std::vector<UpdatedObject> updates;
    std::string_view root_reference = reader.trailer().find("Root");
    if (root_reference.empty()) throw std::runtime_error("the trailer names no catalog");
    size_t root_id = 0;
    Reader::Dictionary root = reader.object(root_reference, root_id);
    std::string added = " /Lang " + text_string(language);
    if (root.find("MarkInfo").empty()) added += " /MarkInfo << /Marked true >>";
    // Viewers then show the title, not the file name (PDF/UA asks for it).
    added += " /ViewerPreferences << /DisplayDocTitle true >>";
    updates.push_back({root_id, rewritten(root, {"Lang", "ViewerPreferences"}, added)});
    std::string_view tree = root.find("StructTreeRoot");
    if (!tree.empty() && !figure_alts.empty()) {
      std::vector<std::pair<size_t, Reader::Dictionary>> figures;
      std::set<size_t> seen;
      collect_figures(reader, tree, figure_alts.size(), 0, seen, figures);
      for (size_t i = 0; i < figures.size() && i < figure_alts.size(); ++i) {
        if (figure_alts[i].empty()) continue;
        updates.push_back({figures[i].first, rewritten(figures[i].second, {"Alt"},
                                                       " /Alt " + text_string(figure_alts[i]))});
      }
    }
    std::string trailer = update_trailer(reader, pdf);
    append_update(pdf, updates, trailer);
    return true;
  } catch (const std::exception& e) {
    error = std::string("cannot finish the tagged PDF: ") + e.what();
    return false;
  }
}

}  // namespace tenkai::renderers
