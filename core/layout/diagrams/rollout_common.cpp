// Shared wording and subject choice for the rollout diagrams.
#include "core/layout/diagrams/rollout_common.h"

#include "core/analysis/reason_text.h"

namespace tenkai::layout::diagrams {

RolloutPick rollout_subject(LayoutContext& context, const ElementSpec& element,
                            analysis::Rollout rollout, const std::string& requested) {
  RolloutPick pick = pick_rollout(context.registry, context.classification, rollout, requested);
  if (!requested.empty() && pick.prefecture && pick.prefecture->prefecture != requested) {
    context.warn(element, requested + " does not show " + analysis::to_string(rollout) +
                              "; showing " + pick.prefecture->prefecture);
  }
  return pick;
}

std::string link_caption(const registry::Registry& registry, size_t link_index, bool era) {
  const auto& link = registry.links.at(link_index);
  std::string text;
  switch (link.kind) {
    case registry::LinkKind::leader_alumni:
      text = "リーダー研修受講者";
      break;
    case registry::LinkKind::know_how:
      text = "開催ノウハウ";
      break;
    case registry::LinkKind::exchange:
      text = "情報交換・意見交換";
      break;
    case registry::LinkKind::visit:
      text = "視察";
      break;
    case registry::LinkKind::lecturer:
      text = "研修会講師";
      break;
    case registry::LinkKind::spread:
      text = "伝播";
      break;
  }
  if (!link.note.empty()) text = link.note;
  if (link.fiscal_year) text += "（" + year_label(*link.fiscal_year, era) + "）";
  return text;
}

std::string short_name(const registry::Region& region, const std::string& prefecture) {
  if (region.prefecture != prefecture) return analysis::region_label(region);
  if (region.level == registry::Level::prefecture) return analysis::region_label(region);
  return region.name.empty() ? analysis::region_label(region) : region.name;
}

}  // namespace tenkai::layout::diagrams
