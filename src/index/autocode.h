// Auto-coding from search: turn every match of a query into codings of one
// code, at the scope the researcher chooses (the matched words, their
// sentences, their paragraphs, or whole documents). The plan can be shown
// first (a dry run); applying it is one undoable action, and each coding
// records the query that produced it (Coding::origin = "search: QUERY").
#pragma once
#include <string>
#include <vector>

#include "index/search.h"
#include "store/project.h"

namespace telaah::index {

enum class Scope { hit, sentence, paragraph, document };
Scope scope_from_string(const std::string& s);  // throws ValidationError
const char* to_string(Scope s);

struct AutocodeSpan {
  Id doc = 0;
  int64_t start = 0, end = 0;  // code points
  std::string title, quote;
  bool already_coded = false;  // the same span already carries this code
};

// Every span the query would code, over all matches (not one page of
// results), overlapping spans of a document merged, in document order.
std::vector<AutocodeSpan> autocode_plan(Index& idx, const std::string& query, Scope scope, Id code,
                                        bool synonyms = false);

// One undoable action; spans already coded are skipped. Returns the new coding ids.
std::vector<Id> autocode_apply(store::Project& p, const std::vector<AutocodeSpan>& plan, Id code,
                               const std::string& query, store::Stance stance = store::Stance::neutral);

}  // namespace telaah::index
