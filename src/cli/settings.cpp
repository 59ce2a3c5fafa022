// telaah settings: the method settings (analysis/method_settings.h) listed
// with their value, default and meaning, or one of them set (one undoable
// action; a bad key or value changes nothing).
#include <iostream>
#include <sstream>

#include "analysis/method_settings.h"
#include "analysis/project_settings.h"
#include "cli/cli.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, key, value;
};

const char* kind_name(analysis::SettingKind k) {
  switch (k) {
    case analysis::SettingKind::integer:
      return "whole number";
    case analysis::SettingKind::real:
      return "number";
    case analysis::SettingKind::boolean:
      return "true/false";
    case analysis::SettingKind::choice:
      return "choice";
    case analysis::SettingKind::list:
      return "list";
    default:
      return "text";
  }
}

std::string allowed(const analysis::SettingSpec& s) {
  std::string a = kind_name(s.kind);
  if (s.kind == analysis::SettingKind::choice) {
    a = "";
    for (const auto& c : s.choices) a += (a.empty() ? "" : "|") + c;
  } else if (s.min < s.max) {
    std::ostringstream o;
    o << a << " " << s.min << "–" << s.max;
    a = o.str();
  }
  return a;
}

std::string keys_footer() {
  std::string f = "Settings (telaah settings P KEY VALUE; VALUE 'default' restores the default):\n";
  for (const auto& s : analysis::method_settings())
    f += "  " + s.key + " (" + allowed(s) + ", default " + s.default_value + "): " + s.meaning_en + "\n";
  return f;
}

Registrar reg(74, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("settings",
                                 "List the method settings (value, default, meaning), or set one: "
                                 "telaah settings P KEY VALUE (one undoable action)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("key", a->key, "the setting to change");
  cmd->add_option("value", a->value, "its new value ('default' for the default)");
  cmd->footer(keys_footer());
  cmd->callback([a, &ctx] {
    if (!a->key.empty() && a->value.empty())
      throw UserError("give a value for " + a->key + " (or 'default'), e.g. telaah settings P " + a->key + " VALUE");
    text::require_valid_utf8(a->value, "the value");
    auto p = a->key.empty() ? open_for_reading(a->project) : open_project(a->project);
    if (!a->key.empty()) {
      analysis::set_method_setting(*p, a->key, a->value);
      const auto* spec = analysis::find_setting(a->key);
      const std::string now = analysis::setting_value(*p, *spec);
      if (ctx.json)
        print_json({{"key", a->key}, {"value", now}, {"revision", p->revision()}});
      else
        std::cout << a->key << " = " << now << "\n";
      return;
    }
    if (ctx.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& s : analysis::method_settings())
        out.push_back({{"key", s.key},
                       {"group", s.group},
                       {"value", analysis::setting_value(*p, s)},
                       {"default", s.default_value},
                       {"allowed", allowed(s)},
                       {"meaning", s.meaning_en},
                       {"meaning_id", s.meaning_id}});
      print_json({{"settings", out}, {"revision", p->revision()}});
      return;
    }
    std::string group;
    for (const auto& s : analysis::method_settings()) {
      if (s.group != group) {
        group = s.group;
        std::cout << (group.empty() ? "" : "\n") << "[" << group << "]\n";
      }
      const std::string v = analysis::setting_value(*p, s);
      std::cout << "  " << s.key << " = " << v
                << (v == s.default_value ? " (default)" : " (default " + s.default_value + ")") << "\n      "
                << allowed(s) << ": " << s.meaning_en << "\n";
    }
  });
});

}  // namespace
}  // namespace telaah::cli
