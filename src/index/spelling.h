// "Did you mean": the closest word of the index's spelling table, and among
// equally close ones the most frequent in the corpus. Distance is
// Damerau-Levenshtein (a swap of two neighbouring letters is one edit).
#pragma once
#include <xapian.h>

#include <string>

namespace telaah::index {

// The correction of `word` at most `max_edits` (1 or 2) away, or "" when
// there is none. Distance 1 is searched exhaustively (every deletion, swap,
// substitution and insertion looked up in the table); distance 2 falls back
// to Xapian's own suggestion, which also prefers distance, then frequency.
std::string spelling_correction(const Xapian::Database& db, const std::string& word, unsigned max_edits = 2);

}  // namespace telaah::index
