// The study's metadata as project settings (see report_meta.h).
#include "exchange/report_meta.h"

#include "store/errors.h"
#include "store/project.h"

namespace telaah::exchange {

const std::vector<std::string>& meta_fields() {
  static const std::vector<std::string> f = {"title", "question", "period", "citation"};
  return f;
}

std::string meta_key(const std::string& field) {
  for (const auto& f : meta_fields())
    if (f == field) return "project." + f;
  throw ValidationError("unknown project field '" + field + "' (use title, question, period or citation)");
}

ProjectMeta load_meta(const store::Project& p) {
  return {p.setting("project.title"), p.setting("project.question"), p.setting("project.period"),
          p.setting("project.citation")};
}

void set_meta(store::Project& p, const std::string& field, const std::string& value) {
  const std::string key = meta_key(field);
  std::string v = value;
  while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\t')) v.pop_back();
  while (!v.empty() && (v.front() == ' ' || v.front() == '\n' || v.front() == '\t')) v.erase(0, 1);
  if (v.size() > 4000) throw ValidationError("the " + field + " is longer than 4,000 bytes");
  for (unsigned char c : v)
    if (c < 0x20 && c != '\n' && c != '\t') throw ValidationError("the " + field + " contains a control character");
  if (field == "title" && v.find('\n') != std::string::npos)
    throw ValidationError("the title is one line (put the rest in the research question)");
  p.set_setting(key, v);  // one action, validated as text by the store
}

}  // namespace telaah::exchange
