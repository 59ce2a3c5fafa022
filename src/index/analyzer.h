// Words of a text, as the index and the highlighter both see them: one
// tokeniser, one set of stemmers, so that a hit's highlighted words are
// exactly the words that made it match.
//
// Term scheme (see schema.h for prefixes): every word is indexed as
//   "Z" + its stem, with positions (ranking, phrases, NEAR), and as its
//   surface form, lower case, with the same positions (=word and ="exact
//   phrase" ask for these: "learned" but not "learn"; prefix* finds
//   "perdagangan" although its stem is "dagang"; a wildcard looks at both).
//   In the short metadata fields (no positions) a word that is its own stem
//   is indexed once.
// The stem is taken with the stemmer of the document's language
// (Indonesian: the dictionary stemmer or Snowball; English: Snowball; other
// languages: the word itself). A query cannot know which language a word is
// in, so a query word becomes OR(Z+indonesian stem, Z+english stem, Z+word):
// it meets each document in that document's own stemming.
//
// Indonesian closed compounds are indexed both ways: "kerjasama" also puts
// "kerja" "sama" at consecutive positions, and "kerja sama" (or "bekerja
// sama") also puts "kerjasama" at both positions, so the joined word, the
// affixed forms and the phrase find each other.
#pragma once
#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/stem_id.h"

namespace telaah::index {

enum class Lang : uint8_t { id, en, other };
Lang lang_from_code(std::string_view iso);  // "id"/"in"/"ind" -> id, "en"/"eng" -> en

struct Token {
  int64_t start = 0, end = 0;  // code points
  size_t byte_start = 0, byte_end = 0;
  std::string word;  // lower case
};

// Splits UTF-8 text into words: letters and digits; an apostrophe between
// letters and a '.' or ',' between digits stay inside the word; hyphens split.
// Offsets are code points from `base_cp` (the text's position in its document).
void tokenize(std::string_view text, std::vector<Token>& out, int64_t base_cp = 0);

// Lower-cases UTF-8 (simple case mapping).
std::string fold_case(std::string_view s);

// Longest word indexed (bytes); longer runs (URLs, hashes) are skipped.
inline constexpr size_t kMaxWordBytes = 64;

// Stemmers for one thread, with a memo per language (words follow Zipf's law:
// most tokens are a few thousand words).
class Stemmers {
 public:
  explicit Stemmers(IdStemmerKind kind);
  std::string stem(Lang lang, const std::string& word);
  // The distinct stems a query word may have in any document.
  std::vector<std::string> query_stems(const std::string& word);
  // The compound table, when the dictionary stemmer is in use.
  const IdDictionary* dictionary() const { return dict_.get(); }
  IdStemmerKind kind() const { return kind_; }
  const std::string& note() const { return note_; }  // e.g. the dictionary fell back to Snowball

 private:
  IdStemmerKind kind_;
  std::shared_ptr<const IdDictionary> dict_;
  Xapian::Stem id_, en_;
  std::string note_;
  std::unordered_map<std::string, std::string> memo_[3];
};

// Adds the words of `text` to `doc` under `prefix` ("" for the body): surface
// terms without positions, stems with positions from `pos` (or without any
// positions when `pos` is 0: the short metadata fields repeated on every
// passage, where positions would cost more than phrase search in a title
// is worth). Returns the next free position.
// `vocab`, when given, counts the words seen (for the spelling dictionary).
using Vocabulary = std::unordered_map<std::string, uint32_t>;
Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Lang lang, const std::string& prefix,
                           Xapian::termpos pos, Stemmers& stemmers, std::vector<Token>& scratch,
                           Vocabulary* vocab = nullptr);

// What a query asks to highlight, shaped like the positive part of the query
// (build_query makes it beside the Xapian::Query), so that only words that
// satisfy the query are marked: a phrase's words where they stand together,
// NEAR's words where they are near each other, a prefix* where it matched;
// NOT parts and filters mark nothing.
struct MatchNode {
  enum class Kind : uint8_t {
    terms,   // a word position: any of `stems` ("Z" terms without the Z), `words` (surface terms), `prefixes`
    phrase,  // kids (terms) at consecutive positions, in order
    near,    // kids (terms) at distinct positions within `window` (max - min < window, as Xapian's OP_NEAR)
    any,     // the union of kids (AND, OR, synonyms); no kids: nothing to mark
  };
  Kind kind = Kind::any;
  std::vector<std::string> stems, words, prefixes;
  unsigned window = 0;
  std::vector<MatchNode> kids;
  bool empty() const;  // marks nothing
};

struct Highlight {
  MatchNode root;
  bool empty() const { return root.empty(); }
};

// The spans of `text` (code points from base_cp) that satisfy the query: the
// passage's terms and positions are taken exactly as index_text posts them,
// and the tree is evaluated the way Xapian matches it. Overlapping spans and
// matched words with only blanks or a hyphen between them are merged into
// one span ("kerja sama"). `text` is one passage, as indexed.
struct Span64 {
  int64_t start = 0, end = 0;
};
std::vector<Span64> find_matches(std::string_view text, int64_t base_cp, Lang lang, const Highlight& h,
                                 Stemmers& stemmers);

}  // namespace telaah::index
