// Greedy line breaking over styled runs with Japanese rules. The text of each paragraph goes to
// the line breaker (or, without one, every boundary between CJK characters is a candidate); the
// candidates are filtered by kinsoku and by the rules that keep kanji and katakana runs and
// numbers with their counters whole; with a breaker, a unit of one kana or kanji is then joined
// to its neighbour. Tokens (a unit, a run of spaces, a forced break) are laid out greedily; a
// unit wider than the line is split where the script changes, a piece still too wide at the
// breaker's words, and one still too wide between characters (see Break).
#include "core/layout/text_flow.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

#include "core/scene/line_breaker.h"

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

bool kinsoku_allows(char32_t before, char32_t after) {
  if (!plain_character(after) && no_line_start(after)) return false;
  if (!plain_character(before) && no_line_end(before)) return false;
  return true;
}

bool may_break_between(char32_t before, char32_t after) {
  return kinsoku_allows(before, after) && (ideographic(before) || ideographic(after));
}

bool kanji(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == U'々' ||
         cp == U'〆' || cp == U'〇' || cp == U'ヶ';
}

bool katakana(char32_t cp) {
  return (cp >= 0x30A1 && cp <= 0x30FA) || cp == U'ー' || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F);
}

bool hiragana(char32_t cp) {
  return cp >= 0x3041 && cp <= 0x309F;
}

bool digit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９');
}

// Kanji that lead a number: 第3回, 計12回, 約3万人.
bool number_prefix(char32_t cp) {
  return in(cp, U"第計約全各毎総延同満");
}

// A letter rather than punctuation: what "a unit of one character" counts.
bool letter(char32_t cp) {
  return kanji(cp) || katakana(cp) || hiragana(cp) || digit(cp) || (cp >= U'A' && cp <= U'Z') ||
         (cp >= U'a' && cp <= U'z') || (cp >= 0xFF21 && cp <= 0xFF5A);
}

// The rules that keep a unit whole unless it is wider than the line.
bool keeps_together(char32_t before, char32_t after) {
  if (kanji(before) && kanji(after)) return true;
  if (katakana(before) && katakana(after)) return true;
  if (digit(before) && !is_space(after) && !no_line_end(after)) return true;  // 12回, 3万人
  if (digit(after) && (digit(before) || number_prefix(before) || in(before, U",.，．")))
    return true;
  return false;
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
  size_t begin = 0, end = 0;  // bytes of the runs' joined text
};

// How freely a line may break before a code point: `strong` between units; inside a unit wider
// than the line, first at `word` points (where the script changes: 会|の, or a single letter's
// join), then at `dictionary` points (the breaker's words inside a kanji run: 医師|会).
enum class Break : uint8_t { never, dictionary, word, strong };

// Cuts the runs' joined text into tokens; keeps the points inside units so that a unit wider
// than a line can be split.
class Tokenizer {
 public:
  Tokenizer(const std::vector<Run>& runs, scene::TextMeasurer& measurer)
      : runs_(runs), measurer_(measurer), breaker_(measurer.line_breaker()) {
    starts_.reserve(runs_.size());
    for (const auto& run : runs_) {
      starts_.push_back(joined_.size());
      if (runs_.size() > 1) joined_ += run.text;
    }
    // A single run (nearly every cell) is its own joined text.
    text_ = runs_.size() == 1 ? std::string_view(runs_[0].text) : std::string_view(joined_);
  }

  std::vector<Token> tokens() {
    std::vector<Token> out;
    out.reserve(text_.size() / 3 + 1);  // a token per CJK character at most, usually fewer
    for (size_t begin = 0;;) {
      size_t newline = text_.find('\n', begin);
      paragraph(begin, newline == std::string::npos ? text_.size() : newline, out);
      if (newline == std::string::npos) break;
      size_t run = run_at(newline);
      auto metrics = measurer_.measure(" ", runs_[run].font);
      size_t local = newline - starts_[run];
      out.push_back({TokenKind::newline,
                     {{run, local, local, 0, metrics.ascent, metrics.descent}},
                     0,
                     newline,
                     newline});
      begin = newline + 1;
    }
    return out;
  }

  // Widest piece of `word` cut at every point inside it (characters only where none is).
  double widest_piece(const Token& word) {
    double widest = 0;
    auto point =
        std::upper_bound(points_.begin(), points_.end(), std::pair{word.begin, Break::strong});
    // No point inside: the one piece is the word, measured already.
    if (point == points_.end() || point->first >= word.end) return word.width;
    for (size_t from = word.begin; from < word.end;) {
      size_t to = point != points_.end() && point->first < word.end ? (point++)->first : word.end;
      widest = std::max(widest, make_token(TokenKind::word, from, to).width);
      from = to;
    }
    return widest;
  }

  // A word split for a line `max_width` wide: at its word points, a piece still too wide at its
  // dictionary points, and one still too wide between characters (which sets `characters`).
  std::vector<Token> split(const Token& word, double max_width, bool& characters) {
    std::vector<Token> out;
    split_at(Break::word, word.begin, word.end, max_width, characters, out);
    return out;
  }

 private:
  // Pieces of text_[begin, end) at `level`'s points; a last piece of one kana or kanji (と, る。,
  // 会) stays with the piece before it, since it could otherwise end up alone on a line.
  void split_at(Break level, size_t begin, size_t end, double max_width, bool& characters,
                std::vector<Token>& out) {
    std::vector<std::pair<size_t, size_t>> pieces;
    if (level == Break::never) {
      characters = true;
      pieces = characters_of(begin, end);
      join_last_letter(pieces);
    } else {
      auto point =
          std::upper_bound(points_.begin(), points_.end(), std::pair{begin, Break::strong});
      for (size_t from = begin; from < end;) {
        while (point != points_.end() && point->first < end && point->second < level) ++point;
        size_t to = point != points_.end() && point->first < end ? (point++)->first : end;
        pieces.push_back({from, to});
        from = to;
      }
      join_last_letter(pieces);
    }
    Break next = level == Break::word ? Break::dictionary : Break::never;
    for (size_t i = 0; i < pieces.size(); ++i) {
      const auto [from, to] = pieces[i];
      Token piece = make_token(TokenKind::word, from, to);
      if (piece.width <= max_width + kEpsilon || level == Break::never)
        out.push_back(std::move(piece));
      else
        split_at(next, from, to, max_width, characters, out);
    }
  }

  void join_last_letter(std::vector<std::pair<size_t, size_t>>& pieces) const {
    if (pieces.size() < 2) return;
    int letters = 0;
    char32_t only = 0;
    for (size_t i = pieces.back().first; i < pieces.back().second;) {
      char32_t cp = next_code_point(text_, i);
      if (letter(cp)) ++letters, only = cp;
    }
    if (letters == 1 && (hiragana(only) || katakana(only) || kanji(only))) {
      pieces[pieces.size() - 2].second = pieces.back().second;
      pieces.pop_back();
    }
  }

  // The last resort for a piece wider than a line: single characters, except that kinsoku
  // still holds and a last lone kana stays with the character before it.
  std::vector<std::pair<size_t, size_t>> characters_of(size_t begin, size_t end) const {
    std::vector<std::pair<size_t, size_t>> out;
    char32_t previous = 0;
    for (size_t i = begin; i < end;) {
      size_t from = i;
      char32_t cp = next_code_point(text_, i);
      if (out.empty() || kinsoku_allows(previous, cp)) {
        out.push_back({from, i});
      } else {
        out.back().second = i;
      }
      previous = cp;
    }
    return out;
  }

  size_t run_at(size_t offset) const {
    auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
    size_t run = static_cast<size_t>(after - starts_.begin()) - 1;
    // Skip empty runs that start at the same offset: the text belongs to the last of them.
    return std::min(run, runs_.size() - 1);
  }

  Token make_token(TokenKind kind, size_t begin, size_t end) {
    Token token;
    token.kind = kind;
    token.begin = begin;
    token.end = end;
    for (size_t run = run_at(begin); run < runs_.size() && starts_[run] < end; ++run) {
      size_t from = std::max(begin, starts_[run]) - starts_[run];
      size_t to = std::min(end, starts_[run] + runs_[run].text.size()) - starts_[run];
      if (from >= to) continue;
      auto metrics = measurer_.measure(std::string_view(runs_[run].text).substr(from, to - from),
                                       runs_[run].font);
      token.pieces.push_back({run, from, to, metrics.width, metrics.ascent, metrics.descent});
      token.width += metrics.width;
    }
    return token;
  }

  // Tokens of text_[begin, end), a paragraph without forced breaks.
  void paragraph(size_t begin, size_t end, std::vector<Token>& out) {
    std::vector<size_t> offsets;
    std::vector<char32_t> cps;
    offsets.reserve(end - begin + 1);
    cps.reserve(end - begin);
    for (size_t i = begin; i < end;) {
      offsets.push_back(i);
      cps.push_back(next_code_point(text_, i));
    }
    offsets.push_back(end);
    const size_t n = cps.size();
    if (n == 0) return;
    std::vector<Break> breaks = break_strengths(begin, offsets, cps);
    points_.reserve(points_.size() + n);
    for (size_t k = 1; k < n; ++k) {
      if (breaks[k] != Break::never) points_.push_back({offsets[k], breaks[k]});
    }
    bool open = false;
    TokenKind kind = TokenKind::word;
    size_t token_begin = 0;
    auto flush = [&](size_t at) {
      if (open) out.push_back(make_token(kind, token_begin, at));
      open = false;
    };
    for (size_t k = 0; k < n; ++k) {
      if (cps[k] == U'\r') {
        flush(offsets[k]);
        continue;
      }
      TokenKind here = is_space(cps[k]) ? TokenKind::space : TokenKind::word;
      if (!open || here != kind || (here == TokenKind::word && breaks[k] == Break::strong)) {
        flush(offsets[k]);
        open = true;
        kind = here;
        token_begin = offsets[k];
      }
    }
    flush(end);
  }

  // breaks[k]: how a line may break before cps[k].
  std::vector<Break> break_strengths(size_t begin, const std::vector<size_t>& offsets,
                                     const std::vector<char32_t>& cps) {
    const size_t n = cps.size();
    std::vector<bool> candidate(n, false);
    if (breaker_) {
      size_t length = offsets.back() - begin;
      for (size_t point : breaker_->break_points(std::string_view(text_).substr(begin, length))) {
        auto at = std::lower_bound(offsets.begin(), offsets.end(), begin + point);
        if (at != offsets.end() && *at == begin + point) {
          size_t k = static_cast<size_t>(at - offsets.begin());
          if (k > 0 && k < n) candidate[k] = true;
        }
      }
    } else {
      for (size_t k = 1; k < n; ++k) candidate[k] = may_break_between(cps[k - 1], cps[k]);
    }
    std::vector<Break> breaks(n, Break::never);
    for (size_t k = 1; k < n; ++k) {
      if (!kinsoku_allows(cps[k - 1], cps[k])) continue;
      bool together = keeps_together(cps[k - 1], cps[k]);
      if (candidate[k])
        breaks[k] = together ? Break::dictionary : Break::strong;
      else if (!together && may_break_between(cps[k - 1], cps[k]))
        breaks[k] = Break::word;
    }
    if (breaker_) join_single_letters(cps, breaks);
    return breaks;
  }

  // No unit of one kana or kanji (を, 主, 別）) stands alone: a kana or a unit ending in closing
  // punctuation joins the unit before it, any other the unit after it.
  static void join_single_letters(const std::vector<char32_t>& cps, std::vector<Break>& breaks) {
    struct Unit {
      size_t begin, end;
    };
    std::vector<Unit> units;
    const size_t n = cps.size();
    units.reserve(n);
    for (size_t k = 0; k < n; ++k) {
      bool blank = is_space(cps[k]) || cps[k] == U'\r';
      if (blank) continue;
      if (k == 0 || is_space(cps[k - 1]) || cps[k - 1] == U'\r' || breaks[k] == Break::strong)
        units.push_back({k, k + 1});
      else
        units.back().end = k + 1;
    }
    std::vector<size_t> demote;
    for (size_t u = 0; u < units.size(); ++u) {
      char32_t only = 0;
      int letters = 0;
      for (size_t k = units[u].begin; k < units[u].end; ++k) {
        if (letter(cps[k])) {
          ++letters;
          only = cps[k];
        }
      }
      if (letters != 1 || !(kanji(only) || katakana(only) || hiragana(only))) continue;
      bool before = u > 0 && units[u - 1].end == units[u].begin;
      bool after = u + 1 < units.size() && units[u + 1].begin == units[u].end;
      bool backward = hiragana(only) || !after || !letter(cps[units[u].end - 1]);
      if (backward && before)
        demote.push_back(units[u].begin);
      else if (after)
        demote.push_back(units[u].end);
      else if (before)
        demote.push_back(units[u].begin);
    }
    for (size_t k : demote) breaks[k] = Break::word;
  }

  const std::vector<Run>& runs_;
  scene::TextMeasurer& measurer_;
  scene::LineBreaker* breaker_;
  std::string joined_;          // every run's text, joined, when there are several
  std::string_view text_;       // the runs' joined text
  std::vector<size_t> starts_;  // where each run starts in text_
  // Every point inside a unit where it may be split, with how freely, ascending.
  std::vector<std::pair<size_t, Break>> points_;
};

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
  Tokenizer tokenizer(runs, measurer);
  std::vector<Token> tokens = tokenizer.tokens();
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
    // A unit wider than the whole line: split it, as finely as it takes.
    out.unit_split = true;
    for (const auto& part : tokenizer.split(token, max_width, out.too_wide)) {
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
  Tokenizer tokenizer(runs, measurer);
  for (const auto& token : tokenizer.tokens()) {
    if (token.kind == TokenKind::newline) {
      current = spaces = 0;
    } else if (token.kind == TokenKind::space) {
      if (current > 0) spaces += token.width;
    } else {
      current += spaces + token.width;
      spaces = 0;
      out.max = std::max(out.max, current);
      for (const auto& piece : token.pieces) {
        out.ascent = std::max(out.ascent, piece.ascent);
        out.descent = std::max(out.descent, piece.descent);
      }
      if (token.width > out.min) out.min = std::max(out.min, tokenizer.widest_piece(token));
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
