// The evaluation and agreement groups of the method settings (see method_settings.h).
#include "analysis/method_settings.h"

namespace telaah::analysis {

std::vector<SettingSpec> evaluation_setting_specs() {
  return {};
}
std::vector<SettingSpec> agreement_setting_specs() {
  return {};
}

}  // namespace telaah::analysis
