// The query language, parsed by hand so that every error can say what is
// wrong and where:
//
//   kerjasama Seoul             plain words: all must occur (in one passage)
//   "kerja sama"                a phrase (stemmed: also "bekerja sama")
//   =bekerja ="learned that"    exact words: these forms only, not their stems
//   ekspor OR impor, a AND b, NOT x, -x, ( ... )
//   pelatihan NEAR/5 Seoul      words within 5 positions, any order (NEAR = NEAR/10)
//   eksport*                    words starting with "eksport"
//   type:news lang:id year:2013..2015 date:2013-05..2014 doc:12
//   outlet:"warta niaga" author:… speaker:"informan b" title:… code:"Legal infrastructure"
//
// Operators are upper case (lower-case "and", "or" are words). Repeating a
// filter field ORs it (type:news type:official); different fields AND. In
// the metadata fields (title, outlet, author, speaker) a "phrase" means all
// of its words: those fields are short and indexed without positions.
// The parse tree is turned into a Xapian::Query by build_query: each word
// ORs its Indonesian and English stems (see analyzer.h) and wildcards expand
// over the surface forms.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

#include "index/analyzer.h"
#include "index/source.h"
#include "store/errors.h"

namespace telaah::index {

// A malformed query. pos/len are code points into the query; what() is a
// sentence saying what is wrong and where.
struct QueryError : UserError {
  size_t pos = 0, len = 0;
  QueryError(const std::string& msg, size_t pos_cp, size_t len_cp) : UserError(msg), pos(pos_cp), len(len_cp) {}
  // Two lines: the query, and a caret line under the offending part.
  std::string caret(const std::string& query) const;
};

struct QueryNode {
  enum class Kind { all, word, phrase, wildcard, field, and_, or_, and_not, near };
  Kind kind = Kind::all;
  std::string text;   // word, phrase text, wildcard prefix (lower case) or field value
  std::string field;  // field nodes: type lang year date doc outlet speaker title code
  bool value_is_phrase = false, value_is_wildcard = false;
  bool exact = false;       // =word, ="phrase": the unstemmed words only
  int window = 0;           // NEAR/n
  size_t pos = 0, len = 0;  // bytes into the query
  std::vector<QueryNode> kids;
};

// The deepest nesting of parentheses a query may have ("parentheses nested
// deeper than 64 levels"): parsing and every walk of the tree recurse per level.
inline constexpr int kMaxQueryDepth = 64;
QueryNode parse_query(const std::string& query);  // throws QueryError
std::string describe(const QueryNode& n);         // a readable rendering, for tests and --explain
// The search view's "Exact words" toggle: every plain word and "phrase" of the
// query made exact (word -> =word, "a b" -> ="a b"); operators, filters,
// prefix* words and words already exact are left as typed. Throws QueryError
// on a malformed query, like parse_query.
std::string exact_words(const std::string& query);

// What building a query needs from the project and the index.
struct QueryContext {
  Stemmers& stemmers;
  const Xapian::Database* db = nullptr;  // for wildcards in phrases and synonyms; may be null
  std::vector<std::string> source_types;
  std::vector<CodeInfo> codes;
  bool synonyms = false;
  bool expand_wildcards = false;  // expand prefix* against db here (remote shards), not in the match
};

// A word the user typed, for "did you mean".
struct QueryWord {
  size_t pos = 0, len = 0;  // bytes into the query
  std::string word;         // lower case
};

struct BuiltQuery {
  Xapian::Query query;
  Highlight highlight;
  std::vector<QueryWord> words;
  bool weighted = true;  // false when the query is filters only
  // NOT parts (and perhaps filters) but no words to find: "NOT Seoul
  // type:official". Passages are the units, so such a query finds the
  // passages without the words, and a document counts when any of its
  // passages lacks them.
  bool negative_only = false;
};

BuiltQuery build_query(const std::string& query, QueryContext& ctx);  // parse + build; throws QueryError

}  // namespace telaah::index
