// Typed reads of project settings for the analysis layer. A malformed value
// is a ValidationError naming the setting, never a silent default.
#pragma once
#include <string>
#include <vector>

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

int int_setting(const store::Project& p, const std::string& key, int fallback);
double real_setting(const store::Project& p, const std::string& key, double fallback);
// A comma-separated list, items trimmed, empty items dropped; `fallback` when unset.
std::vector<std::string> list_setting(const store::Project& p, const std::string& key,
                                      const std::vector<std::string>& fallback);
std::vector<std::string> split_list(const std::string& v);

// Sets one method setting (method_settings.h) as one undoable action: the key
// must be in the registry and the value valid for it (and, for
// triangulation.coders, "all" or coders of this project); "default" returns
// the setting to its default. Throws NotFound / ValidationError naming the
// key, the value and what is allowed, and then changes nothing. Returns the
// value stored ("" for the default).
std::string set_method_setting(store::Project& p, const std::string& key, const std::string& value);

}  // namespace telaah::analysis
