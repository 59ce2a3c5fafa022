// The method-settings registry (see method_settings.h): the groups' tables in
// display order, lookup, validation and the value in force.
#include "analysis/method_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "analysis/project_settings.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

const std::vector<SettingSpec>& method_settings() {
  static const std::vector<SettingSpec> all = [] {
    std::vector<SettingSpec> v;
    for (auto part : {triangulation_setting_specs(), evaluation_setting_specs(), agreement_setting_specs(),
                      suggestion_setting_specs()})
      for (auto& s : part) v.push_back(std::move(s));
    return v;
  }();
  return all;
}

const SettingSpec* find_setting(const std::string& key) {
  for (const auto& s : method_settings())
    if (s.key == key) return &s;
  return nullptr;
}

static std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

static std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

static std::string number_text(double x) {
  std::ostringstream o;
  o << x;
  return o.str();
}

static std::string range_text(const SettingSpec& s) {
  if (!(s.min < s.max)) return "";
  return " from " + number_text(s.min) + " to " + number_text(s.max);
}

std::string validate_setting(const SettingSpec& spec, const std::string& in) {
  const std::string v = trim(in);
  auto bad = [&](const std::string& allowed) -> ValidationError {
    return ValidationError("setting " + spec.key + " cannot be '" + in + "': it must be " + allowed);
  };
  switch (spec.kind) {
    case SettingKind::integer: {
      char* end = nullptr;
      long x = v.empty() ? 0 : std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0') throw bad("a whole number" + range_text(spec));
      if (spec.min < spec.max && (static_cast<double>(x) < spec.min || static_cast<double>(x) > spec.max))
        throw bad("a whole number" + range_text(spec));
      return std::to_string(x);
    }
    case SettingKind::real: {
      char* end = nullptr;
      double x = v.empty() ? 0 : std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !std::isfinite(x)) throw bad("a number" + range_text(spec));
      if (spec.min < spec.max && (x < spec.min || x > spec.max)) throw bad("a number" + range_text(spec));
      return number_text(x);
    }
    case SettingKind::boolean: {
      const std::string l = lower(v);
      if (l == "true" || l == "yes" || l == "on" || l == "1") return "true";
      if (l == "false" || l == "no" || l == "off" || l == "0") return "false";
      throw bad("true or false");
    }
    case SettingKind::choice: {
      std::string allowed;
      for (size_t i = 0; i < spec.choices.size(); ++i) {
        if (lower(spec.choices[i]) == lower(v)) return spec.choices[i];
        allowed += (i == 0 ? "" : i + 1 == spec.choices.size() ? " or " : ", ") + spec.choices[i];
      }
      throw bad(allowed);
    }
    case SettingKind::list: {
      auto items = split_list(v);
      if (items.empty()) throw bad("a comma-separated list of one or more names");
      std::string out;
      for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
      return out;
    }
    case SettingKind::text:
      if (v.empty()) throw bad("a non-empty text");
      return v;
  }
  return v;
}

std::string setting_value(const store::Project& p, const SettingSpec& spec) {
  std::string v = p.setting(spec.key);
  return v.empty() ? spec.default_value : v;
}

}  // namespace telaah::analysis
