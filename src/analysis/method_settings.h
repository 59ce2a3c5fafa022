// The method's settings in one registry: every key a researcher may set, its
// group, kind, default, bounds and meaning (English and Indonesian). The CLI
// (`telaah settings`), the window (Project › Method settings…) and the report's
// method section all read this one table; the analysis code reads values
// through project_settings.h. Each group's entries are defined beside the
// rule they configure (settings_triangulation.cpp, settings_evaluation.cpp).
#pragma once
#include <string>
#include <vector>

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

enum class SettingKind { integer, real, boolean, choice, list, text };

struct SettingSpec {
  std::string key;    // "triangulation.k"
  std::string group;  // "triangulation", "evaluation", "agreement", "coders", "source types"
  SettingKind kind = SettingKind::text;
  std::string default_value;         // as stored; "" = unset means the default
  std::vector<std::string> choices;  // SettingKind::choice: the allowed values
  double min = 0, max = 0;           // integer / real: allowed range when min < max
  std::string meaning_en;            // one line: what it decides
  std::string meaning_id;            // the same in Bahasa Indonesia
};

// Each group's entries, defined next to the rules they configure.
std::vector<SettingSpec> triangulation_setting_specs();  // settings_triangulation.cpp
std::vector<SettingSpec> evaluation_setting_specs();     // settings_evaluation.cpp
std::vector<SettingSpec> agreement_setting_specs();      // settings_evaluation.cpp
std::vector<SettingSpec> suggestion_setting_specs();     // settings_suggestions.cpp

// All groups in display order.
const std::vector<SettingSpec>& method_settings();
// nullptr when the key is not a method setting.
const SettingSpec* find_setting(const std::string& key);
// The value normalised for storage, or a store::ValidationError naming the
// key, the value and what is allowed.
std::string validate_setting(const SettingSpec& spec, const std::string& value);
// The value in force: the stored one or the default.
std::string setting_value(const store::Project& p, const SettingSpec& spec);

}  // namespace telaah::analysis
