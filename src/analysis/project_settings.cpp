// Typed reads of project settings (see project_settings.h).
#include "analysis/project_settings.h"

#include <cstdlib>

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

}  // namespace telaah::analysis
