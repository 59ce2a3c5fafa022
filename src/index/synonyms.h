// Bilingual synonyms for query expansion ("kerjasama", "kerja sama" and
// "cooperation" find each other when the user asks for synonyms).
//
// The editable table lives in the project (setting `search_synonyms`, a JSON
// array of groups, each an array of words or phrases), because the index is
// derived data that may be rebuilt at any time. Without that setting the
// table is seeded from a small built-in Indonesian/English glossary of the
// evaluation domain plus the codebook's bilingual labels (each code's name
// with its aliases). The index holds a copy in Xapian's synonym table,
// refreshed whenever the table's fingerprint changes.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

#include "index/source.h"

namespace telaah::index {

using SynonymGroups = std::vector<std::vector<std::string>>;

inline constexpr const char* kSynonymSetting = "search_synonyms";

SynonymGroups seed_synonyms(const std::vector<CodeInfo>& codes);
SynonymGroups project_synonyms(ProjectSource& src);     // the setting, or the seed
SynonymGroups parse_synonyms(const std::string& json);  // throws ValidationError naming the problem
std::string synonyms_to_json(const SynonymGroups& g);
std::string synonyms_fingerprint(const SynonymGroups& g);

// The key Xapian stores: lower case words joined by single spaces.
std::string synonym_key(const std::string& phrase);

// Replaces the database's synonym table with `g` (not committed).
void write_synonyms(Xapian::WritableDatabase& db, const SynonymGroups& g);

}  // namespace telaah::index
