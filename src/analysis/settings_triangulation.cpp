// The triangulation group of the method settings (see method_settings.h).
#include "analysis/method_settings.h"

namespace telaah::analysis {

std::vector<SettingSpec> triangulation_setting_specs() {
  return {};
}

}  // namespace telaah::analysis
