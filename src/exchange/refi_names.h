// The names and text layouts by which Telaah encodes its own concepts in
// REFI-QDA (see exchange.h), shared by export and import so a round trip
// reads back exactly what was written.
#pragma once
#include <optional>
#include <string>

#include "store/types.h"

namespace telaah::exchange::refi {

inline constexpr const char* kProjectNs = "urn:QDA-XML:project:1.0";
inline constexpr const char* kCodebookNs = "urn:QDA-XML:codebook:1.0";

// Variables on every TextSource.
inline constexpr const char* kVarSourceType = "Source type";
inline constexpr const char* kVarLanguage = "Language";
inline constexpr const char* kVarDate = "Date";
inline constexpr const char* kVarAuthor = "Author";
inline constexpr const char* kVarStance = "Stance";  // on the stance Cases
// An attribute whose name collides with one of the names above gets this suffix.
inline constexpr const char* kAttributeSuffix = " (attribute)";
bool is_reserved_variable(const std::string& name);

// Cases that group sources by type and selections by stance.
inline constexpr const char* kCaseSourceType = "Source type: ";
inline constexpr const char* kCaseStance = "Stance: ";

// Sets that carry the code kind of the evaluation framework.
inline constexpr const char* kSetVariables = "Framework: variables";
inline constexpr const char* kSetIndicators = "Framework: indicators";

// A TextSource's Description names the original file.
inline constexpr const char* kOriginalFile = "Original file: ";

// Code description: the definition, then labelled paragraphs
// "Inclusion: ...", "Exclusion: ...", "Example: ...", "Aliases: a; b".
std::string code_description(const store::Code& c);
// Fills definition, inclusion, exclusion, example and aliases of `c` from a
// description (any tool's: unlabelled text is the definition).
void parse_code_description(const std::string& description, store::Code& c);

// The selection Description Telaah writes: "Stance: supports".
std::string stance_line(store::Stance s);
// When `description` starts with a stance line, removes it (and the blank
// line after it) and returns the stance.
std::optional<store::Stance> take_stance_line(std::string& description);

}  // namespace telaah::exchange::refi
