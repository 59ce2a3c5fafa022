// GUIDs for REFI-QDA: stable per project, so that exporting the same project
// twice gives the same identifiers and other tools can match re-imports.
#pragma once
#include <string>
#include <string_view>

namespace telaah::exchange {

// RFC 4122 version-5 UUID (SHA-1 name-based) of `project_id/kind/key` under a
// fixed Telaah namespace, lower-case, without braces.
std::string stable_guid(std::string_view project_id, std::string_view kind, std::string_view key);

// A GUID as written by other tools ("{ABC...}", upper case) in one canonical
// form (lower case, no braces) for matching references; empty if malformed.
std::string canonical_guid(std::string_view g);

}  // namespace telaah::exchange
