// Common function words of Indonesian and English (articles, pronouns,
// prepositions, conjunctions, auxiliaries, particles): words that say how a
// sentence is built, not what it is about. Code suggestions (suggest.h) never
// use them as model terms or reasons, however small the corpus.
#pragma once
#include <set>
#include <string>
#include <string_view>

#include "index/analyzer.h"

namespace telaah::index {

// Is `word` (lower case, as tokenized) one of the function words?
bool is_function_word(std::string_view word);

// The index terms ("Z" + stem) that stand for function words: every function
// word's English stem, and its Indonesian stem when that stem is the word
// itself or another function word ("setelah" -> "telah"); an Indonesian stem
// that is a content word ("menurut" -> "turut", "terhadap" -> "hadap") is
// kept, since the index cannot tell the two apart.
std::set<std::string> function_word_terms(Stemmers& stemmers);

}  // namespace telaah::index
