// Year labels shared by the rollout table and the diagrams.
#include "core/layout/year_style.h"

#include "core/registry/fiscal_year.h"

namespace tenkai::layout {

std::optional<YearStyle> read_year_style(SpecReader& reader, const YAML::Node& node) {
  auto years = reader.choice(node, "years", {"western", "fiscal", "era", "era_short"});
  if (!years) return std::nullopt;
  return *years == "fiscal"      ? YearStyle::fiscal
         : *years == "era"       ? YearStyle::era
         : *years == "era_short" ? YearStyle::era_short
                                 : YearStyle::western;
}

std::string year_label(int year, YearStyle style) {
  switch (style) {
    case YearStyle::fiscal:
      return registry::western_year_label(year);
    case YearStyle::era:
      return registry::era_year_label(year);
    case YearStyle::era_short:
      return registry::era_short_label(year);
    case YearStyle::western:
      break;
  }
  return std::to_string(year) + "年";
}

}  // namespace tenkai::layout
