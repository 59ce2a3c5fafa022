// The suggestions group of the method settings (see method_settings.h). The
// rule they configure: index/suggest.h (code suggestions, issue 27).
#include "analysis/method_settings.h"

namespace telaah::analysis {

std::vector<SettingSpec> suggestion_setting_specs() {
  const std::string g = "suggestions";
  return {
      {"suggestions.enabled",
       g,
       SettingKind::boolean,
       "true",
       {},
       0,
       0,
       "Whether code suggestions (from the passages already coded, computed on this machine) are offered at all; "
       "false removes them from the window and the command line.",
       "Apakah saran kode (dari bagian yang sudah dikode, dihitung di komputer ini) ditawarkan sama sekali; false "
       "menghapusnya dari jendela dan baris perintah."},
      {"suggestions.coder",
       g,
       SettingKind::text,
       "suggestions",
       {},
       0,
       0,
       "The coder name accepted suggestions are recorded under (so agreement can compare researcher and "
       "suggestions).",
       "Nama pengode untuk saran yang diterima (agar kesepakatan dapat membandingkan peneliti dengan saran)."},
  };
}

}  // namespace telaah::analysis
