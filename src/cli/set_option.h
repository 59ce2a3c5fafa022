// `--set NAME` (issue 22): the commands that answer over documents (search,
// codings, triangulate, agreement) restricted to a document set's members.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::cli {

// The members of the document set named by --set (its name or number);
// nullopt when `name` is empty (no set chosen); NotFound for an unknown set.
std::optional<std::vector<store::Id>> set_members(const store::Project& p, const std::string& name);
inline constexpr const char* kSetHelp =
    "only the documents of this document set (its name or number; see 'telaah sets')";

}  // namespace telaah::cli
