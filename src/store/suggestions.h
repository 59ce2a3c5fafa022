// Code suggestions in the store (issue 27): the passages a researcher
// rejected as suggestions for a code (table suggestion_rejections), and the
// researcher's decisions on a batch of suggestions applied as ONE undoable
// action. Accepted suggestions become codings of a distinct coder (setting
// suggestions.coder, default "suggestions"), so intercoder agreement can
// compare the researcher with the suggestions and the report can count them.
#pragma once
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

inline constexpr const char* kSuggestionsCoderKey = "suggestions.coder";
inline constexpr const char* kSuggestionsEnabledKey = "suggestions.enabled";
inline constexpr const char* kDefaultSuggestionsCoder = "suggestions";
inline constexpr const char* kSuggestionOrigin = "suggestion";

struct Rejection {
  Id id = 0, code = 0, doc = 0;
  int64_t start = 0, end = 0;
  std::string coder, created;
};

// The rejections of these codes (all codes when `codes` is empty), by document then start.
std::vector<Rejection> suggestion_rejections(const Project& p, const std::vector<Id>& codes = {});

// The setting suggestions.enabled ("false"/"off"/"no"/"0" switch it off; default on).
bool suggestions_enabled(const Project& p);
// The coder name accepted suggestions are recorded under (setting suggestions.coder).
std::string suggestions_coder(const Project& p);
// How many live codings that coder holds (0 when the coder does not exist).
int64_t suggestion_coding_count(const Project& p);

struct SuggestionDecision {
  enum class Kind { accept, reject } kind = Kind::accept;
  Id doc = 0;
  int64_t start = 0, end = 0;
  Id code = 0;  // accept: the code to code with (the suggested code, or another); reject: the suggested code
};

struct DecisionResult {
  std::vector<Id> codings;     // new codings (accepted)
  std::vector<Id> rejections;  // new rejection rows
  int64_t skipped = 0;         // already coded with that code / already rejected
  int64_t revision = 0;        // 0 when nothing changed
};

// Applies a batch as one undoable action labelled "Suggestions for CODE: N
// accepted, M rejected". Every span is checked first (document alive, span
// inside it, code exists); a bad one throws and nothing changes. An accepted
// span already coded with that code (same span, any coder) and a rejection
// already recorded are skipped. Refuses when suggestions are switched off.
DecisionResult apply_suggestion_decisions(Project& p, Id code, const std::vector<SuggestionDecision>& decisions);

// Within an open action (code deletion / merge): the code's rejections go,
// or move to `into` (a span rejected for both stays once).
void remove_code_rejections(Project& p, ActionScope& a, Id code);
void move_code_rejections(Project& p, ActionScope& a, Id from, Id into);
// Project::check(): rejections that point at a missing code or document.
std::vector<std::string> check_rejections(const Project& p);

}  // namespace telaah::store
