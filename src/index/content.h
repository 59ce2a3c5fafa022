// Content analysis over the corpus (issue 23): word frequencies of a subset,
// keyness between two subsets, and keyword-in-context concordances. Words are
// the index's words (analyzer.h's tokeniser and stemmers), so a frequency
// table, a KWIC line and a search hit agree on what a word is.
//
// Rules (shown in `telaah frequencies --help`, `telaah kwic --help`, README):
// - A word is a token of the tokeniser with at least one letter (numbers such
//   as "2013" or "1,5" are not counted), lower-cased.
// - Stop words: a word in the Indonesian OR the English stop list (settings
//   content.stopwords.id / content.stopwords.en, editable; "none" empties a
//   list) is left out of the table, in every document whatever its language.
// - Stemmed: words are counted under the stem of their document's language
//   (the index's stemmers); the row shows the stem and its most frequent form.
// - N, a subset's size, is every word counted before stop words are left out
//   (the running words of the subset), so per-thousand rates and keyness do
//   not change when the stop list does.
// - Keyness (Rayson & Garside 2000, log-likelihood): a word occurring a times
//   in subset A (N_A words) and b times in B (N_B words) has
//     E_A = N_A (a+b) / (N_A+N_B),  E_B = N_B (a+b) / (N_A+N_B),
//     G2  = 2 (a ln(a/E_A) + b ln(b/E_B))   (a term with a or b = 0 is 0).
//   It is "more in A" when a/N_A > b/N_B. G2 >= 3.84 is p < 0.05, 6.63
//   p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001 (one degree of freedom).
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/analyzer.h"
#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::index {

class Index;
using store::Id;

// --- stop lists ---
const std::vector<std::string>& default_stopwords_id();
const std::vector<std::string>& default_stopwords_en();
// The lists in force (the settings, else the defaults), as one set.
std::set<std::string> project_stopwords(const store::Project& p);

// --- frequencies ---
struct WordCount {
  std::string word;   // the word, or the stem when stemmed
  std::string form;   // stemmed: the most frequent surface form (ties: the first in byte order); else = word
  int64_t count = 0;  // occurrences
  int64_t docs = 0;   // texts (documents or coded passages) it occurs in
};

struct FreqTable {
  std::vector<WordCount> words;                  // count descending, then word ascending
  int64_t running_words = 0;                     // N: every word, stop words included
  int64_t counted_words = 0;                     // the words in the table (stop words left out)
  int64_t texts = 0;                             // texts added
  int64_t count(const std::string& word) const;  // 0 when absent
};

class FrequencyCounter {
 public:
  FrequencyCounter(Stemmers& stemmers, bool stem, std::set<std::string> stopwords);
  // One text (a document or a coded passage) in its document's language.
  void add(std::string_view text, Lang lang);
  FreqTable table() const;

 private:
  struct Entry {
    int64_t count = 0, docs = 0, last_text = -1;
    std::unordered_map<std::string, int64_t> forms;  // stemmed only
  };
  Stemmers& stemmers_;
  bool stem_;
  std::set<std::string> stop_;
  std::unordered_map<std::string, Entry> counts_;
  std::vector<Token> scratch_;
  int64_t running_ = 0, counted_ = 0, texts_ = 0;
};

// --- keyness ---
double log_likelihood(int64_t a, int64_t b, int64_t n_a, int64_t n_b);  // G2 as above

struct KeyRow {
  std::string word, form;
  int64_t a = 0, b = 0;
  double per_k_a = 0, per_k_b = 0;  // per 1,000 running words
  double g2 = 0;
  bool more_in_a = false;
  std::string p;  // "<0.0001", "<0.001", "<0.01", "<0.05" or ""
};
// Every word of either table, G2 descending (then word ascending).
std::vector<KeyRow> keyness(const FreqTable& a, const FreqTable& b);
std::string significance(double g2);

// --- subsets ---
// Which texts a table counts: the documents a query finds (every document
// when empty; filters type: year: outlet: code: … of the query language
// apply), of a document set, and — with `code` — only the passages coded with
// that code or its sub-codes in those documents.
struct Subset {
  std::string query, set, code;
};
struct SubsetDoc {
  store::Document doc;
  std::string group;  // the --by value ("" when not grouped)
};
// The documents of a subset, by id. `by`: "" | type | outlet | year | an
// attribute's name; documents without a value are in group "(none)".
std::vector<SubsetDoc> subset_documents(Index* idx, const store::Project& p, const Subset& s,
                                        const std::string& by = "");
// The group a document falls into under `by`.
std::string group_of(const store::Project& p, const store::Document& d, const std::string& by);

struct FreqOptions {
  bool stem = false;
  bool use_stopwords = true;
};
// Counts the subset's texts: one table per group (just "" when not grouped),
// groups in byte order.
std::vector<std::pair<std::string, FreqTable>> count_subset(const store::Project& p, Stemmers& stemmers,
                                                            const std::vector<SubsetDoc>& docs, const Subset& s,
                                                            const FreqOptions& o);

// --- keyword in context ---
struct KwicLine {
  Id doc = 0;
  int64_t start = 0, end = 0;        // the match, code points in the document
  std::string left, keyword, right;  // one line each (breaks and runs of blanks become one space)
  std::string title, date, source_type;
};
// Sort keys (ties: document, then position):
//   document: document id, then position;
//   left:  the case-folded words of the left context read outwards from the
//          keyword (the nearest word first), compared word by word in byte
//          order, a shorter sequence first when it is a prefix of the other;
//   right: the same for the right context (nearest word first).
enum class KwicSort { document, left, right };
KwicSort kwic_sort_from(const std::string& s);  // "doc" | "left" | "right"; ValidationError otherwise
void sort_kwic(std::vector<KwicLine>& lines, KwicSort s);
// The line of one match: `width` code points of context on each side.
KwicLine kwic_line(std::string_view text, Id doc, int64_t start, int64_t end, int width);
// Every match of the query (the index's highlighted matches), one line each.
std::vector<KwicLine> kwic(Index& idx, const std::string& query, int width, KwicSort sort);

}  // namespace telaah::index

namespace telaah::store {
struct Dictionary;
struct DictionaryTerm;
}  // namespace telaah::store

namespace telaah::index {

// --- dictionaries (store/dictionaries.h) as queries ---
// A term as a query: a word matches that form only (=word), a "phrase" those
// words in a row (="a b"), word* the words that begin so; a term with a
// language only in documents of that language ((=word lang:en)).
std::string term_query(const store::DictionaryTerm& t);
// The dictionary's terms ORed.
std::string dictionary_query(const store::Dictionary& d);
// The concepts of a dictionary: a synonym group (same nonzero syn) is one
// concept named by its first term; a term of its own is its own concept.
std::vector<std::string> dictionary_concepts(const store::Dictionary& d);

struct DictionaryDocCount {
  Id doc = 0;
  std::string title, date;
  std::vector<int64_t> counts;  // per concept (dictionary_concepts' order): matches in this document
  int64_t total = 0;
};
// Matches of each concept per document (documents with at least one), by document.
std::vector<DictionaryDocCount> count_dictionary(Index& idx, const store::Dictionary& d);

}  // namespace telaah::index
