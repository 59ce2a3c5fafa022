// Typed reads of project settings (see project_settings.h).
#include "analysis/project_settings.h"

#include <algorithm>
#include <cstdlib>

#include "analysis/method_settings.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

int int_setting(const store::Project& p, const std::string& key, int fallback) {
  std::string v = p.setting(key);
  if (v.empty()) return fallback;
  char* end = nullptr;
  long x = std::strtol(v.c_str(), &end, 10);
  if (*end != '\0' || x < -1000000 || x > 1000000)
    throw ValidationError("project setting " + key + " must be a whole number, not '" + v + "'");
  return static_cast<int>(x);
}

double real_setting(const store::Project& p, const std::string& key, double fallback) {
  std::string v = p.setting(key);
  if (v.empty()) return fallback;
  char* end = nullptr;
  double x = std::strtod(v.c_str(), &end);
  if (*end != '\0') throw ValidationError("project setting " + key + " must be a number, not '" + v + "'");
  return x;
}

std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find(',', i);
    if (j == std::string::npos) j = v.size();
    std::string item = v.substr(i, j - i);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.erase(0, 1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.pop_back();
    if (!item.empty()) out.push_back(item);
    i = j + 1;
  }
  return out;
}

std::vector<std::string> list_setting(const store::Project& p, const std::string& key,
                                      const std::vector<std::string>& fallback) {
  std::string v = p.setting(key);
  if (v.empty()) return fallback;
  return split_list(v);
}

std::string check_method_setting(const store::Project& p, const std::string& key, const std::string& value) {
  const SettingSpec* spec = find_setting(key);
  if (!spec) {
    std::string keys;
    for (const auto& s : method_settings()) keys += (keys.empty() ? "" : ", ") + s.key;
    throw NotFound("there is no method setting '" + key + "' (settings: " + keys + ")");
  }
  std::string v = value == "default" ? "" : validate_setting(*spec, value);
  if (key == "triangulation.coders" && !v.empty()) {
    auto names = split_list(v);
    const bool all = std::find(names.begin(), names.end(), "all") != names.end();
    if (all && names.size() > 1)
      throw ValidationError("setting triangulation.coders cannot be '" + value +
                            "': 'all' stands alone (every coder), or name the coders");
    if (!all) {
      std::string known;
      for (const auto& c : p.coders()) known += (known.empty() ? "" : ", ") + c.name;
      for (const auto& n : names)
        if (!p.find_coder(n))
          throw NotFound("setting triangulation.coders cannot be '" + value + "': there is no coder '" + n +
                         "' in this project (coders: " + (known.empty() ? "none yet" : known) + ", or all)");
    }
  }
  return v;
}

std::string set_method_setting(store::Project& p, const std::string& key, const std::string& value) {
  const std::string v = check_method_setting(p, key, value);
  if (p.setting(key) == v) return v;
  p.set_setting(key, v);
  return v;
}

void set_method_settings(store::Project& p, const std::vector<std::pair<std::string, std::string>>& changes,
                         const std::string& label) {
  for (const auto& [key, value] : changes) check_method_setting(p, key, value);  // all valid, or nothing written
  auto action = p.begin_action(label);
  for (const auto& [key, value] : changes) set_method_setting(p, key, value);  // each joins the action
  action.commit();
}

}  // namespace telaah::analysis
