// Telaah's encodings in REFI-QDA text fields.
#include "exchange/refi_names.h"

#include <vector>

namespace telaah::exchange::refi {

bool is_reserved_variable(const std::string& name) {
  for (const char* r : {kVarSourceType, kVarLanguage, kVarDate, kVarAuthor, kVarStance})
    if (name == r) return true;
  return false;
}

namespace {
struct Label {
  const char* prefix;
  std::string store::Code::*field;
};
const Label kLabels[] = {{"Inclusion: ", &store::Code::inclusion},
                         {"Exclusion: ", &store::Code::exclusion},
                         {"Example: ", &store::Code::example}};
constexpr const char* kAliases = "Aliases: ";

bool starts_with(const std::string& s, const char* p) {
  return s.rfind(p, 0) == 0;
}
}  // namespace

std::string code_description(const store::Code& c) {
  std::vector<std::string> parts;
  if (!c.definition.empty()) parts.push_back(c.definition);
  for (const auto& l : kLabels)
    if (!(c.*l.field).empty()) parts.push_back(l.prefix + c.*l.field);
  if (!c.aliases.empty()) {
    std::string a = kAliases;
    for (size_t i = 0; i < c.aliases.size(); ++i) a += (i ? "; " : "") + c.aliases[i];
    parts.push_back(a);
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "\n\n" : "") + parts[i];
  return out;
}

void parse_code_description(const std::string& d, store::Code& c) {
  // Paragraphs; an unlabelled paragraph continues the field before it.
  std::vector<std::string> paras;
  size_t a = 0;
  while (a <= d.size()) {
    size_t b = d.find("\n\n", a);
    if (b == std::string::npos) b = d.size();
    paras.push_back(d.substr(a, b - a));
    a = b + 2;
  }
  std::string* cur = &c.definition;
  std::string aliases;
  bool in_aliases = false;
  c.definition.clear();
  for (const auto& l : kLabels) (c.*l.field).clear();
  for (const auto& p : paras) {
    bool labelled = false;
    for (const auto& l : kLabels)
      if (starts_with(p, l.prefix)) {
        cur = &(c.*l.field);
        *cur = p.substr(std::char_traits<char>::length(l.prefix));
        labelled = true;
        in_aliases = false;
      }
    if (!labelled && starts_with(p, kAliases) && p.find('\n') == std::string::npos) {
      aliases = p.substr(std::char_traits<char>::length(kAliases));
      in_aliases = true;
      labelled = true;
    }
    if (labelled) continue;
    if (in_aliases) {  // text after an aliases line belongs to the definition again
      cur = &c.definition;
      in_aliases = false;
    }
    *cur += (cur->empty() ? "" : "\n\n") + p;
  }
  if (!aliases.empty()) {
    c.aliases.clear();
    size_t s = 0;
    while (s <= aliases.size()) {
      size_t e = aliases.find("; ", s);
      if (e == std::string::npos) e = aliases.size();
      if (e > s) c.aliases.push_back(aliases.substr(s, e - s));
      s = e + 2;
    }
  }
}

std::string stance_line(store::Stance s) {
  return std::string(kCaseStance) + store::to_string(s);
}

std::optional<store::Stance> take_stance_line(std::string& d) {
  for (store::Stance s : {store::Stance::supports, store::Stance::contradicts, store::Stance::neutral}) {
    const std::string line = stance_line(s);
    if (d.rfind(line, 0) != 0) continue;
    size_t rest = line.size();
    if (rest < d.size() && d[rest] != '\n') continue;  // "Stance: supportsX" is not ours
    while (rest < d.size() && d[rest] == '\n') ++rest;
    d.erase(0, rest);
    return s;
  }
  return std::nullopt;
}

}  // namespace telaah::exchange::refi
