// The dictionary-checked Indonesian stemmer: confix stripping in the
// Nazief–Adriani tradition (with the recoding rules of the "enhanced confix
// stripping" variant), where a candidate root is accepted only when it is a
// known root word. Roots come from Debian's hunspell-id dictionary, read at
// run time; closed compounds that Indonesian writes both ways ("kerjasama" /
// "kerja sama") are known roots too, so the indexer can join and split them.
//
// Why not Snowball's Indonesian stemmer: it strips without looking, so
// "kerjasama" becomes "rjasama" while "bekerjasama" becomes "kerjasama", and
// "pemuda" (youth) becomes "puda". Snowball stays selectable (stemmer_id).
#pragma once
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace telaah::index {

inline constexpr const char* kHunspellIdDic = "/usr/share/hunspell/id_ID.dic";

// A closed compound and where it splits: "kerjasama" = "kerja" + "sama".
struct Compound {
  std::string joined, first, second;
};

// The set of known Indonesian roots plus the compound table.
class IdDictionary {
 public:
  // Reads a hunspell .dic (ISO-8859-1, "word/FLAGS" lines, first line a count).
  // Throws std::runtime_error when the file cannot be read.
  static std::shared_ptr<const IdDictionary> load(const std::filesystem::path& dic);
  // The process-wide dictionary from kHunspellIdDic, loaded once; nullptr when
  // the file is missing (callers fall back to Snowball and say so).
  static std::shared_ptr<const IdDictionary> system();

  bool is_root(std::string_view w) const { return roots_.count(std::string(w)) != 0; }
  // Does the dictionary say this root takes a prefix of the family whose
  // hunspell flags start with `family` (B ber-, D di-, K ke-, M me-, P pe-,
  // R per-, S se-, T ter-)?
  bool takes_prefix(std::string_view root, char family) const;
  size_t size() const { return roots_.size(); }
  // The compound whose joined form is `w`, or nullptr.
  const Compound* compound(std::string_view joined) const;
  // The compound spelled as the two words `a` `b` (already stemmed), or nullptr.
  const Compound* compound_of(std::string_view a, std::string_view b) const;
  const std::vector<Compound>& compounds() const { return compounds_; }
  std::string source() const { return source_; }

 private:
  std::unordered_set<std::string> roots_;
  std::unordered_map<std::string, uint32_t> prefix_families_;  // bit (letter - 'A') per family
  std::vector<Compound> compounds_;
  std::unordered_map<std::string, size_t> by_joined_, by_pair_;
  std::string source_;
};

// The confix-stripping algorithm over a dictionary. Stateless apart from the
// shared, read-only dictionary: safe to use from several threads.
class IdStemmer {
 public:
  explicit IdStemmer(std::shared_ptr<const IdDictionary> dict) : dict_(std::move(dict)) {}
  // `word` lower case UTF-8. Returns the root, or the word unchanged when no
  // decomposition ends in a known root (names, loanwords, typos).
  std::string stem(const std::string& word) const;
  const IdDictionary& dictionary() const { return *dict_; }

 private:
  std::string strip_prefixes(const std::string& w, const std::string& suffix, int depth, const std::string& prev,
                             bool evidence) const;
  std::string lexicalised(const std::string& w) const;
  bool root(std::string_view w) const { return w.size() >= 3 && dict_->is_root(w); }
  std::shared_ptr<const IdDictionary> dict_;
};

// Plugs IdStemmer into Xapian (Xapian::Stem(new DictionaryStemImplementation(d))).
class DictionaryStemImplementation : public Xapian::StemImplementation {
 public:
  explicit DictionaryStemImplementation(std::shared_ptr<const IdDictionary> d) : s_(std::move(d)) {}
  std::string operator()(const std::string& word) override { return s_.stem(word); }
  std::string get_description() const override { return "indonesian-dictionary"; }

 private:
  IdStemmer s_;
};

// Which Indonesian stemmer a project uses (project setting `stemmer_id`).
enum class IdStemmerKind { dictionary, snowball };
IdStemmerKind id_stemmer_kind_from_string(const std::string& s);  // "" = dictionary; throws ValidationError
const char* to_string(IdStemmerKind k);

// A Xapian::Stem for Indonesian of the given kind. For `dictionary` without
// the hunspell file it returns Snowball and sets *note to say so. `dic`
// overrides the dictionary file (tests); empty = kHunspellIdDic, loaded once.
Xapian::Stem make_id_stem(IdStemmerKind kind, std::string* note = nullptr, const std::filesystem::path& dic = {});

}  // namespace telaah::index
