// Greedy line breaking over styled runs with Japanese rules. Text is cut into tokens (a Latin
// word, one CJK character, a run of spaces, a forced break); kinsoku glues a closing mark to the
// token before it and an opening mark to the token after it, so no line starts with 、。）」 and
// none ends with （「.
#include "core/layout/text_flow.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

namespace tenkai::layout {
namespace {

constexpr double kEpsilon = 1e-6;

// Decodes the code point at `i` and advances `i`; invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, size_t& i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t length = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 1;
  if (i + length > text.size()) length = 1;
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < length; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  if (length == 1 && c >= 0x80) cp = 0xFFFD;
  i += length;
  return cp;
}

bool in(char32_t cp, std::u32string_view set) {
  return set.find(cp) != std::u32string_view::npos;
}

// Characters that may not start a line (closing brackets, Japanese punctuation, small kana).
bool no_line_start(char32_t cp) {
  static constexpr std::u32string_view set =
      U"、。，．・：；？！）」』】〕〉》〙〗｝］〟’”ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅ"
      U"ょゎゕゖ"
      U"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～?!‼⁇⁈⁉,.:;)]}…‥％";
  return in(cp, set);
}

// Characters that may not end a line (opening brackets).
bool no_line_end(char32_t cp) {
  static constexpr std::u32string_view set = U"（「『【〔〈《〘〖｛［〝‘“([{";
  return in(cp, set);
}

// Characters between which a line may break freely: CJK and the symbols set with them.
bool ideographic(char32_t cp) {
  return cp >= 0x2E80 || (cp >= 0x2190 && cp <= 0x2BFF) || cp == 0x203B ||
         (cp >= 0x2460 && cp <= 0x24FF);
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t';
}

// Letters, digits and the common CJK blocks are never kinsoku characters; skip the set scans.
bool plain_character(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z') ||
         (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0x3041 && cp <= 0x3096 && !in(cp, U"ぁぃぅぇぉっゃゅょゎゕゖ"));
}

bool may_break_between(char32_t before, char32_t after) {
  if (!plain_character(after) && no_line_start(after)) return false;
  if (!plain_character(before) && no_line_end(before)) return false;
  return ideographic(before) || ideographic(after);
}

struct Piece {
  size_t run = 0;
  size_t begin = 0, end = 0;  // bytes of runs[run].text
  double width = 0;
  double ascent = 0, descent = 0;
};

enum class TokenKind { word, space, newline };

// A token's pieces: nearly always one (a word inside one run), so they live inline and only
// a word spanning several runs allocates.
class Pieces {
 public:
  Pieces() = default;
  Pieces(std::initializer_list<Piece> pieces) {
    for (const auto& piece : pieces) push_back(piece);
  }
  bool empty() const { return count_ == 0; }
  Piece* begin() { return count_ <= kInline ? small_.data() : large_.data(); }
  Piece* end() { return begin() + count_; }
  const Piece* begin() const { return count_ <= kInline ? small_.data() : large_.data(); }
  const Piece* end() const { return begin() + count_; }
  Piece& back() { return begin()[count_ - 1]; }
  const Piece& front() const { return *begin(); }
  void push_back(const Piece& piece) {
    if (count_ < kInline) {
      small_[count_++] = piece;
      return;
    }
    if (count_ == kInline) large_.assign(small_.begin(), small_.end());
    large_.push_back(piece);
    ++count_;
  }

 private:
  static constexpr size_t kInline = 2;
  std::array<Piece, kInline> small_{};
  std::vector<Piece> large_;
  size_t count_ = 0;
};

struct Token {
  TokenKind kind = TokenKind::word;
  Pieces pieces;
  double width = 0;
};

class Tokenizer {
 public:
  Tokenizer(const std::vector<Run>& runs, scene::TextMeasurer& measurer)
      : runs_(runs), measurer_(measurer) {}

  std::vector<Token> tokens() {
    for (size_t r = 0; r < runs_.size(); ++r) {
      std::string_view text = runs_[r].text;
      for (size_t i = 0; i < text.size();) {
        size_t begin = i;
        char32_t cp = next_code_point(text, i);
        if (cp == U'\n' || cp == U'\r') {
          flush();
          if (cp == U'\n') {
            auto metrics = measurer_.measure(" ", runs_[r].font);
            out_.push_back(
                {TokenKind::newline, {{r, begin, begin, 0, metrics.ascent, metrics.descent}}, 0});
          }
          previous_ = 0;
          continue;
        }
        TokenKind kind = is_space(cp) ? TokenKind::space : TokenKind::word;
        bool start_new = current_.pieces.empty() || current_.kind != kind ||
                         (kind == TokenKind::word && may_break_between(previous_, cp));
        if (start_new) {
          flush();
          current_.kind = kind;
        }
        append(r, begin, i);
        previous_ = kind == TokenKind::space ? 0 : cp;
      }
    }
    flush();
    return std::move(out_);
  }

 private:
  void append(size_t run, size_t begin, size_t end) {
    if (!current_.pieces.empty() && current_.pieces.back().run == run &&
        current_.pieces.back().end == begin) {
      current_.pieces.back().end = end;
    } else {
      current_.pieces.push_back({run, begin, end, 0, 0, 0});
    }
  }

  void flush() {
    if (current_.pieces.empty()) return;
    current_.width = 0;
    for (auto& piece : current_.pieces) {
      std::string_view text =
          std::string_view(runs_[piece.run].text).substr(piece.begin, piece.end - piece.begin);
      auto metrics = measurer_.measure(text, runs_[piece.run].font);
      piece.width = metrics.width;
      piece.ascent = metrics.ascent;
      piece.descent = metrics.descent;
      current_.width += piece.width;
    }
    out_.push_back(std::move(current_));
    current_ = Token{};
  }

  const std::vector<Run>& runs_;
  scene::TextMeasurer& measurer_;
  std::vector<Token> out_;
  Token current_;
  char32_t previous_ = 0;
};

// Splits a word wider than a line into single characters (an emergency; reported as too_wide).
std::vector<Token> split_characters(const Token& word, const std::vector<Run>& runs,
                                    scene::TextMeasurer& measurer) {
  std::vector<Token> out;
  for (const auto& piece : word.pieces) {
    std::string_view text = runs[piece.run].text;
    for (size_t i = piece.begin; i < piece.end;) {
      size_t begin = i;
      next_code_point(text, i);
      auto metrics = measurer.measure(text.substr(begin, i - begin), runs[piece.run].font);
      out.push_back({TokenKind::word,
                     {{piece.run, begin, i, metrics.width, metrics.ascent, metrics.descent}},
                     metrics.width});
    }
  }
  return out;
}

class LineBuilder {
 public:
  LineBuilder(const std::vector<Run>& runs, scene::TextMeasurer& measurer, double line_spacing)
      : runs_(runs), measurer_(measurer), line_spacing_(line_spacing) {}

  void add(const Token& token) {
    for (const auto& piece : token.pieces) {
      if (!pieces_.empty() && pieces_.back().run == piece.run &&
          pieces_.back().end == piece.begin) {
        pieces_.back().end = piece.end;
        pieces_.back().width += piece.width;
        pieces_.back().ascent = std::max(pieces_.back().ascent, piece.ascent);
        pieces_.back().descent = std::max(pieces_.back().descent, piece.descent);
      } else {
        pieces_.push_back(piece);
      }
    }
    width_ += token.width;
  }
  double width() const { return width_; }
  bool empty() const { return pieces_.empty(); }

  // Ends the current line; `run_hint` gives the font of an empty line.
  void finish(size_t run_hint, FlowedText& out) {
    FlowLine line;
    double x = 0;
    double largest = 0;
    for (const auto& piece : pieces_) {
      const Run& run = runs_[piece.run];
      scene::TextLine text_line;
      text_line.baseline = {x, 0};
      text_line.text = run.text.substr(piece.begin, piece.end - piece.begin);
      text_line.font = run.font;
      text_line.color = run.color;
      text_line.width = piece.width;
      x += piece.width;
      line.ascent = std::max(line.ascent, piece.ascent);
      line.descent = std::max(line.descent, piece.descent);
      largest = std::max(largest, run.font.size);
      line.pieces.push_back(std::move(text_line));
    }
    if (pieces_.empty() && !runs_.empty()) {
      const Run& run = runs_[std::min(run_hint, runs_.size() - 1)];
      auto metrics = measurer_.measure(" ", run.font);
      line.ascent = metrics.ascent;
      line.descent = metrics.descent;
      largest = run.font.size;
    }
    line.width = width_;
    line.advance = largest * line_spacing_;
    out.width = std::max(out.width, line.width);
    out.lines.push_back(std::move(line));
    pieces_.clear();
    width_ = 0;
  }

 private:
  const std::vector<Run>& runs_;
  scene::TextMeasurer& measurer_;
  double line_spacing_;
  std::vector<Piece> pieces_;
  double width_ = 0;
};

}  // namespace

std::vector<Run> parse_emphasis(std::string_view markup, const scene::Font& font,
                                scene::Color plain, scene::Color strong) {
  std::vector<Run> runs;
  scene::Font bold = font;
  bold.weight = scene::Weight::bold;
  bool emphasised = false;
  std::string current;
  auto flush = [&] {
    if (!current.empty())
      runs.push_back({current, emphasised ? bold : font, emphasised ? strong : plain});
    current.clear();
  };
  for (size_t i = 0; i < markup.size(); ++i) {
    if (markup.compare(i, 2, "**") == 0) {
      flush();
      emphasised = !emphasised;
      ++i;
    } else {
      current.push_back(markup[i]);
    }
  }
  flush();
  return runs;
}

FlowedText flow_text(const std::vector<Run>& runs, double max_width, scene::TextMeasurer& measurer,
                     double line_spacing) {
  FlowedText out;
  std::vector<Token> tokens = Tokenizer(runs, measurer).tokens();
  LineBuilder line(runs, measurer, line_spacing);
  std::vector<const Token*> pending_spaces;
  double pending_width = 0;
  size_t last_run = 0;
  auto place_word = [&](const Token& word) {
    for (const Token* space : pending_spaces) line.add(*space);
    pending_spaces.clear();
    pending_width = 0;
    line.add(word);
  };
  for (const auto& token : tokens) {
    last_run = token.pieces.front().run;
    if (token.kind == TokenKind::newline) {
      pending_spaces.clear();
      pending_width = 0;
      line.finish(last_run, out);
      continue;
    }
    if (token.kind == TokenKind::space) {
      if (!line.empty()) {  // spaces at the start of a line are dropped
        pending_spaces.push_back(&token);
        pending_width += token.width;
      }
      continue;
    }
    if (line.empty() || line.width() + pending_width + token.width <= max_width + kEpsilon) {
      if (!line.empty() || token.width <= max_width + kEpsilon) {
        place_word(token);
        continue;
      }
    } else {
      pending_spaces.clear();
      pending_width = 0;
      line.finish(last_run, out);
      if (token.width <= max_width + kEpsilon) {
        line.add(token);
        continue;
      }
    }
    // A word wider than the whole line: break it between characters.
    out.too_wide = true;
    for (const auto& part : split_characters(token, runs, measurer)) {
      if (!line.empty() && line.width() + part.width > max_width + kEpsilon)
        line.finish(last_run, out);
      line.add(part);
    }
  }
  if (!line.empty()) line.finish(last_run, out);  // a trailing newline adds no empty line
  // Height: first line's ascent, the advances between baselines, the last line's descent.
  if (!out.lines.empty()) {
    out.height = out.lines.front().ascent + out.lines.back().descent;
    for (size_t i = 1; i < out.lines.size(); ++i) out.height += out.lines[i].advance;
  }
  return out;
}

std::vector<std::string> break_lines(std::string_view text, const scene::Font& font,
                                     double max_width, scene::TextMeasurer& measurer) {
  std::vector<Run> runs{{std::string(text), font, {}}};
  FlowedText flowed = flow_text(runs, max_width, measurer);
  std::vector<std::string> lines;
  for (const auto& line : flowed.lines) {
    std::string joined;
    for (const auto& piece : line.pieces) joined += piece.text;
    lines.push_back(std::move(joined));
  }
  return lines;
}

ContentWidths content_widths(const std::vector<Run>& runs, scene::TextMeasurer& measurer) {
  ContentWidths out;
  double current = 0, spaces = 0;
  for (const auto& token : Tokenizer(runs, measurer).tokens()) {
    if (token.kind == TokenKind::newline) {
      current = spaces = 0;
    } else if (token.kind == TokenKind::space) {
      if (current > 0) spaces += token.width;
    } else {
      current += spaces + token.width;
      spaces = 0;
      out.max = std::max(out.max, current);
      out.min = std::max(out.min, token.width);
    }
  }
  return out;
}

double min_content_width(const std::vector<Run>& runs, scene::TextMeasurer& measurer) {
  return content_widths(runs, measurer).min;
}

double max_content_width(const std::vector<Run>& runs, scene::TextMeasurer& measurer) {
  return content_widths(runs, measurer).max;
}

void place_text(const FlowedText& text, const scene::Rect& box, Align align, VAlign valign,
                std::vector<scene::Item>& out) {
  double top = box.y;
  if (valign == VAlign::middle) top += std::max(0.0, (box.height - text.height) / 2);
  if (valign == VAlign::bottom) top += std::max(0.0, box.height - text.height);
  double baseline = top;
  // The lines of one flowed text are one block, unless the caller numbered them already.
  const uint32_t block = scene::new_block();
  for (size_t i = 0; i < text.lines.size(); ++i) {
    const FlowLine& line = text.lines[i];
    baseline += i == 0 ? line.ascent : line.advance;
    double x = box.x;
    if (align == Align::center) x += (box.width - line.width) / 2;
    if (align == Align::right) x += box.width - line.width;
    for (const auto& piece : line.pieces) {
      scene::TextLine placed = piece;
      placed.baseline = {x + piece.baseline.x, baseline};
      if (placed.block == 0) placed.block = block;
      out.emplace_back(std::move(placed));
    }
  }
}

std::vector<Run> scale_runs(const std::vector<Run>& runs, double scale) {
  std::vector<Run> out = runs;
  for (auto& run : out) run.font.size *= scale;
  return out;
}

}  // namespace tenkai::layout
