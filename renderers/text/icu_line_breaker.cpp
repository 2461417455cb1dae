// ICU line breaking over UTF-8 without conversion: a UText on the bytes makes the iterator's
// offsets byte offsets. Answers are memoised per text (layout re-flows the same paragraph while
// fitting sizes and balancing lines); the table is only looked up, never iterated.
#include "renderers/text/icu_line_breaker.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tenkai::renderers {
namespace {

class IcuLineBreaker : public scene::LineBreaker {
 public:
  IcuLineBreaker() {
    for (const char* locale : {"ja@lw=phrase", "ja"}) {
      UErrorCode status = U_ZERO_ERROR;
      iterator_ = ubrk_open(UBRK_LINE, locale, nullptr, 0, &status);
      if (U_SUCCESS(status) && iterator_ != nullptr) break;
      if (iterator_ != nullptr) ubrk_close(iterator_);
      iterator_ = nullptr;
    }
  }
  ~IcuLineBreaker() override {
    if (iterator_ != nullptr) ubrk_close(iterator_);
  }
  IcuLineBreaker(const IcuLineBreaker&) = delete;
  IcuLineBreaker& operator=(const IcuLineBreaker&) = delete;

  std::vector<size_t> break_points(std::string_view text) override {
    auto found = memo_.find(text);
    if (found != memo_.end()) return found->second;
    return memo_.emplace(std::string(text), compute(text)).first->second;
  }

 private:
  std::vector<size_t> compute(std::string_view text) {
    std::vector<size_t> points;
    if (iterator_ == nullptr || text.empty()) return points;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) ubrk_setUText(iterator_, utext, &status);
    if (U_SUCCESS(status)) {
      for (int32_t at = ubrk_next(iterator_); at != UBRK_DONE; at = ubrk_next(iterator_)) {
        if (at > 0 && static_cast<size_t>(at) < text.size()) points.push_back(at);
      }
    }
    // Detach the iterator from the text before the text goes away.
    UErrorCode reset = U_ZERO_ERROR;
    static const UChar kEmpty[1] = {0};
    ubrk_setText(iterator_, kEmpty, 0, &reset);
    utext_close(utext);
    return points;
  }

  // Looked up by the text itself, without copying it into a key.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  UBreakIterator* iterator_ = nullptr;
  std::unordered_map<std::string, std::vector<size_t>, Hash, std::equal_to<>> memo_;
};

}  // namespace

std::unique_ptr<scene::LineBreaker> make_icu_line_breaker() {
  return std::make_unique<IcuLineBreaker>();
}

}  // namespace tenkai::renderers
