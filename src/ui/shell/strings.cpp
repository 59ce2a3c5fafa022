// The string table (see strings.h).
#include "ui/shell/strings.h"

#include <atomic>
#include <cctype>
#include <cstdio>

namespace telaah::ui {

namespace {
struct Entry {
  const char* en;
  const char* id;
};
constexpr Entry kTable[] = {
#define TELAAH_UI_STRING_ENTRY(key, en, id) {en, id},
    TELAAH_UI_STRINGS(TELAAH_UI_STRING_ENTRY)
#undef TELAAH_UI_STRING_ENTRY
};
static_assert(sizeof(kTable) / sizeof(kTable[0]) == static_cast<size_t>(S::COUNT));

// The one process-wide language setting, like ImGui's current context.
std::atomic<Lang> g_lang{Lang::en};
}  // namespace

const char* tr(S s, Lang l) {
  const auto i = static_cast<size_t>(s);
  if (i >= static_cast<size_t>(S::COUNT)) return "?";
  return l == Lang::id ? kTable[i].id : kTable[i].en;
}

const char* tr(S s) {
  return tr(s, g_lang.load());
}
void set_language(Lang l) {
  g_lang = l;
}
Lang language() {
  return g_lang.load();
}

const char* stance_label(store::Stance s) {
  switch (s) {
    case store::Stance::supports:
      return tr(S::stance_supports);
    case store::Stance::contradicts:
      return tr(S::stance_contradicts);
    case store::Stance::neutral:
      return tr(S::stance_neutral);
  }
  return "";
}

std::string source_type_label(const std::string& name) {
  if (name == "interview") return tr(S::type_interview);
  if (name == "news") return tr(S::type_news);
  if (name == "official") return tr(S::type_official);
  return name;
}

std::string count_text(long long n, S one, S many) {
  char b[96];
  std::snprintf(b, sizeof b, tr(n == 1 ? one : many), n);
  return b;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace telaah::ui
