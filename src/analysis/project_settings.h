// Typed reads of project settings for the analysis layer. A malformed value
// is a ValidationError naming the setting, never a silent default.
#pragma once
#include <string>
#include <utility>
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
// The checks of set_method_setting without writing: the value as it would be
// stored ("" for the default), or the same errors.
std::string check_method_setting(const store::Project& p, const std::string& key, const std::string& value);
// Several settings as ONE undoable action (one transaction, one change-log
// row, labelled `label`): every value is checked first; one bad value throws
// and nothing changes. Values as for set_method_setting ("default" allowed).
void set_method_settings(store::Project& p, const std::vector<std::pair<std::string, std::string>>& changes,
                         const std::string& label);

}  // namespace telaah::analysis
