// Function inference for sessions; the reason quotes the length and the threshold it was held to.
#include "core/analysis/session_function.h"

#include "core/analysis/reason_text.h"
#include "core/analysis/work_meter.h"

namespace tenkai::analysis {

using registry::Function;

namespace {

std::string length_text(const registry::Session& session) {
  std::vector<std::string> parts;
  if (session.days) parts.push_back("日数 " + format_days(*session.days) + "日");
  if (session.hours) parts.push_back("時間 " + format_number(*session.hours) + "時間");
  return join_list(parts);
}

}  // namespace

SessionClass classify_session(const registry::Registry& registry, const SessionNames& names,
                              size_t session_index) {
  const auto& session = registry.sessions.at(session_index);
  SessionClass result;
  result.session_index = session_index;
  const std::string who = names.label(session_index) + "は、";

  if (session.function) {
    result.function = *session.function;
    result.inferred = false;
    result.rule = FunctionRule::explicit_value;
    std::string length = length_text(session);
    result.reason = who + "登録簿で function: " + registry::to_string(*session.function) +
                    " と明示されているため " + function_label(*session.function) + "（推定なし" +
                    (length.empty() ? "" : "、" + length) + "）。";
    return result;
  }

  result.inferred = true;
  if (!session.days && session.hours) {
    result.function = Function::connect;
    result.rule = FunctionRule::hours_only;
    result.reason = who + "時間 " + format_number(*session.hours) +
                    "時間のみ記録され日数がないため、規則1（時間のみ、または日数 < 0.5）により " +
                    function_label(Function::connect) + " と推定。";
  } else if (session.days && *session.days < kShortestIntroDays) {
    result.function = Function::connect;
    result.rule = FunctionRule::short_days;
    result.reason = who + "日数 " + format_days(*session.days) +
                    " < 0.5 のため、規則1（時間のみ、または日数 < 0.5）により " +
                    function_label(Function::connect) + " と推定。";
  } else if (session.days && *session.days > kLongestIntroDays) {
    result.function = Function::leader;
    result.rule = FunctionRule::long_days;
    result.reason = who + "日数 " + format_days(*session.days) + " > 2 のため、規則2により " +
                    function_label(Function::leader) + " と推定。";
  } else if (session.days) {
    result.function = Function::intro;
    result.rule = FunctionRule::standard_days;
    result.reason = who + "日数 " + format_days(*session.days) +
                    " が 0.5 以上 2 以下のため、規則3により " + function_label(Function::intro) +
                    " と推定。";
  } else {
    result.function = Function::intro;
    result.rule = FunctionRule::missing_length;
    result.reason = who +
                    "長さ（日数・時間）の記録がないため、規則4により標準コース（1.5〜2.0日）と"
                    "みなして " +
                    function_label(Function::intro) + " と推定（長さ不明のため確度は低い）。";
  }
  return result;
}

std::vector<SessionClass> classify_sessions(const registry::Registry& registry) {
  std::vector<SessionClass> result;
  result.reserve(registry.sessions.size());
  SessionNames names(registry);
  work_meter::add(registry.sessions.size());
  for (size_t i = 0; i < registry.sessions.size(); ++i) {
    result.push_back(classify_session(registry, names, i));
  }
  return result;
}

}  // namespace tenkai::analysis
