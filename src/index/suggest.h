// Code suggestions from the evidence already coded (issue 27): local,
// explainable, measured. Nothing leaves the machine: the model is the
// project's own search index (Xapian relevance feedback).
//
// The rule, as `telaah suggest --help` and the review view state it:
//  1. The passages (index units: paragraphs, turns, headings) that overlap
//     the codings of the code and its sub-codes (optionally one coder's, or
//     only "supports") form the relevance set (Xapian::RSet).
//  2. Xapian's expansion (Enquire::get_eset) picks the kExpandTerms body
//     stems that best tell those passages from the rest, each with its
//     weight. Function words of either language (function_words.h) are never
//     model terms (nor reasons), and words in more than kCommonShare of the
//     passages are left out once the index has kCommonMinPassages passages.
//  3. The words of the code's name and definition are added with weight
//     kDefinitionWeight x the mean expansion weight (added to a word that is
//     an expansion term already).
//  4. Rejected passages of the code (store/suggestions.h) are never
//     suggested again, and form a second relevance set: its expansion terms
//     (weight w-) lower the positive weight of the same term (w+ - w-; a term
//     at or below 0 leaves the query); a term with w- > w+ that occurs in
//     no coded passage is a rejection term, and a passage's score is multiplied by 1 - kMaxDemotion x (the
//     share of the rejection terms' weight, w- - w+, that the passage holds).
//  5. Passages are ranked by Xapian (BM25 per term, each term scaled by its
//     weight) over the corpus, or a filtered part of it (the search language's
//     filters: type:, year:, date:, doc:, lang:...), leaving out every
//     passage that already carries a coding of the code (any coder) and the
//     rejected ones. The best kPoolFactor x limit are re-scored by step 4.
//  6. Scope: paragraph = the passage; sentence = its sentence with the most
//     model-term weight; hit = that sentence from its first to its last
//     model word.
//  Each suggestion carries its reasons: its heaviest matching model terms
//  with their weights, the rejection terms that demoted it, and the coded
//  passage most like it (the largest summed weight of shared model terms).
#pragma once
#include <string>
#include <vector>

#include "index/autocode.h"
#include "index/search.h"
#include "store/project.h"

namespace telaah::index {

inline constexpr unsigned kExpandTerms = 40;
inline constexpr double kCommonShare = 0.2;
inline constexpr unsigned kCommonMinPassages = 100;
inline constexpr double kDefinitionWeight = 0.5;
inline constexpr unsigned kRejectTerms = 20;
inline constexpr double kMaxDemotion = 0.75;
inline constexpr int kPoolFactor = 3;

struct SuggestSpan {
  Id doc = 0;
  int64_t start = 0, end = 0;
};

// "12:340-512" and back (throws ValidationError naming the id).
std::string suggestion_id(Id doc, int64_t start, int64_t end);
SuggestSpan parse_suggestion_id(const std::string& id);

struct SuggestRequest {
  std::string code_name;              // for messages and the plain query
  std::string definition;             // name + definition words
  std::vector<SuggestSpan> seeds;     // what the model learns from
  std::vector<SuggestSpan> coded;     // every span coded with the code: never suggested
  std::vector<SuggestSpan> rejected;  // never suggested; their terms demote
  Scope scope = Scope::paragraph;     // hit | sentence | paragraph
  int64_t limit = 20;
  std::string filter;                                               // search-language filters, "" for the whole corpus
  enum class Ranker { model, plain_query } ranker = Ranker::model;  // plain_query: the benchmark baseline
  std::string empty_message;                                        // what to say when there are no seeds
};

struct TermWeight {
  std::string term;  // the stem as indexed
  double weight = 0;
};

struct Suggestion {
  std::string id;  // suggestion_id(doc, start, end)
  Id doc = 0;
  int64_t start = 0, end = 0;                  // the span at the chosen scope
  int64_t passage_start = 0, passage_end = 0;  // the passage it lies in
  double score = 0;                            // after demotion
  double demotion = 0;                         // share taken off by rejection terms (0 .. kMaxDemotion)
  std::string title, quote;
  std::vector<TermWeight> terms;        // its model terms, heaviest first (at most 6)
  std::vector<std::string> demoted_by;  // rejection terms it holds
  struct Similar {
    Id doc = 0;
    int64_t start = 0, end = 0;
    std::string title, quote;
    double overlap = 0;  // summed weight of the shared model terms
    std::vector<std::string> shared;
  } similar;
};

struct SuggestResult {
  std::vector<Suggestion> suggestions;
  std::vector<TermWeight> model;     // positive terms, heaviest first
  std::vector<TermWeight> negative;  // rejection terms (w- - w+), heaviest first
  int64_t seed_passages = 0, rejected_passages = 0, excluded_passages = 0;
  std::vector<std::string> notes;
};

// Throws UserError (req.empty_message, or "no coded passages ...") when no
// seed lies in an indexed passage, and when there is no index.
SuggestResult suggest(Index& idx, const SuggestRequest& req);

// The request for a code of a project: seeds from its codings and its
// sub-codes' (only `coder`'s when given; only stance supports when
// `supports_only`), every coding of them as `coded`, the rejections, the
// name and definition. Throws UserError "no coded passages for CODE: code a
// few passages first" when nothing is left to learn from.
struct SuggestOptions {
  std::string coder;
  bool supports_only = false;
  Scope scope = Scope::paragraph;
  int64_t limit = 20;
  std::string filter;
};
SuggestRequest suggest_request(const store::Project& p, Id code, const SuggestOptions& opt);

}  // namespace telaah::index
