// Freeing xref entries of objects Cairo 1.16 reserved but never wrote; see pdf_xref.h.
#include "renderers/cairo/pdf_xref.h"

#include <charconv>
#include <cstdio>
#include <vector>

namespace tenkai::renderers {

namespace {

constexpr size_t kEntryLength = 20;  // "oooooooooo ggggg n \n" or "... n\r\n"

bool parse_number(const std::string& text, size_t& at, long long& value) {
  size_t start = at;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
  if (at == start) return false;
  return std::from_chars(text.data() + start, text.data() + at, value).ec == std::errc();
}

void skip_whitespace(const std::string& text, size_t& at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\r' || text[at] == '\n')) ++at;
}

// Whether the bytes at `offset` open object `number`.
bool object_starts_at(const std::string& pdf, long long offset, long long number) {
  if (offset < 0 || static_cast<size_t>(offset) >= pdf.size()) return false;
  size_t at = static_cast<size_t>(offset);
  long long found = 0, generation = 0;
  if (!parse_number(pdf, at, found) || found != number) return false;
  if (at >= pdf.size() || pdf[at] != ' ') return false;
  ++at;
  if (!parse_number(pdf, at, generation)) return false;
  return pdf.compare(at, 4, " obj") == 0;
}

}  // namespace

int free_unwritten_xref_entries(std::string& pdf) {
  size_t marker = pdf.rfind("startxref");
  if (marker == std::string::npos) return 0;
  size_t at = marker + 9;
  skip_whitespace(pdf, at);
  long long xref_offset = 0;
  if (!parse_number(pdf, at, xref_offset) || xref_offset < 0 ||
      static_cast<size_t>(xref_offset) >= pdf.size())
    return 0;
  at = static_cast<size_t>(xref_offset);
  if (pdf.compare(at, 4, "xref") != 0) return 0;
  at += 4;
  skip_whitespace(pdf, at);
  long long first = 0, count = 0;
  if (!parse_number(pdf, at, first) || first != 0) return 0;
  skip_whitespace(pdf, at);
  if (!parse_number(pdf, at, count) || count <= 0) return 0;
  skip_whitespace(pdf, at);
  size_t table = at;
  if (table + static_cast<size_t>(count) * kEntryLength > pdf.size()) return 0;
  // Only a table followed by its trailer is the form expected; anything else is left alone.
  if (pdf.compare(table + static_cast<size_t>(count) * kEntryLength, 7, "trailer") != 0) return 0;

  std::vector<long long> freed;
  for (long long number = 1; number < count; ++number) {
    size_t entry = table + static_cast<size_t>(number) * kEntryLength;
    if (pdf[entry + 17] != 'n') continue;
    size_t cursor = entry;
    long long offset = 0;
    if (!parse_number(pdf, cursor, offset)) return 0;
    if (!object_starts_at(pdf, offset, number)) freed.push_back(number);
  }
  if (freed.empty()) return 0;

  // Free entries form a list: entry 0 names the first free object, each names the next, the last
  // names 0. A freed object's next generation is 1.
  auto write_entry = [&](long long number, long long next, int generation) {
    char text[kEntryLength + 1];
    std::snprintf(text, sizeof text, "%010lld %05d f", next, generation);
    pdf.replace(table + static_cast<size_t>(number) * kEntryLength, 18, text, 18);
  };
  write_entry(0, freed.front(), 65535);
  for (size_t i = 0; i < freed.size(); ++i)
    write_entry(freed[i], i + 1 < freed.size() ? freed[i + 1] : 0, 1);
  return static_cast<int>(freed.size());
}

}  // namespace tenkai::renderers
