// The dictionary-checked Indonesian stemmer (see stem_id.h).
//
// Order of attempts, after Nazief & Adriani (1996) and the enhanced confix
// stripping of Asian et al. (2005)/Arifin et al. (2009):
//   1. the word itself is a root;
//   2. inflectional suffixes: particle (-lah -kah -tah -pun), then possessive
//      (-ku -mu -nya), checking after each;
//   3. a derivational suffix (-kan, -an, -i), checking;
//   4. up to three derivational prefixes with the recoding rules
//      (meny- -> s, mem- -> p/m, men- -> t/n, meng- -> k/0, per-, ber-, ter- ...),
//      refusing the confixes Indonesian does not form (be-i, di-an, ke-i, ke-kan,
//      me-an, se-i, se-kan, te-an), checking after each;
//   5. "loop back": put the suffixes back one at a time and strip prefixes again.
// A candidate is accepted only when it is a known root of at least three
// letters. No root found: the word is returned unchanged.
#include "index/stem_id.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "store/errors.h"

namespace telaah::index {
namespace {

// Closed compounds written both joined and apart in Indonesian prose. Each
// part must be a dictionary root for the compound to be used.
const Compound kCompounds[] = {
    {"kerjasama", "kerja", "sama"},   {"tanggungjawab", "tanggung", "jawab"}, {"tandatangan", "tanda", "tangan"},
    {"olahraga", "olah", "raga"},     {"sukarela", "suka", "rela"},           {"beritahu", "beri", "tahu"},
    {"dutabesar", "duta", "besar"},   {"tatacara", "tata", "cara"},           {"tatakelola", "tata", "kelola"},
    {"tataruang", "tata", "ruang"},   {"sumberdaya", "sumber", "daya"},       {"dayasaing", "daya", "saing"},
    {"lalulintas", "lalu", "lintas"}, {"jualbeli", "jual", "beli"},           {"ibukota", "ibu", "kota"},
    {"rumahsakit", "rumah", "sakit"}, {"luarnegeri", "luar", "negeri"},       {"dalamnegeri", "dalam", "negeri"},
    {"kotakembar", "kota", "kembar"}, {"kacamata", "kaca", "mata"},           {"saputangan", "sapu", "tangan"},
    {"matahari", "mata", "hari"},     {"darmawisata", "darma", "wisata"},     {"bumiputra", "bumi", "putra"},
    {"purnabakti", "purna", "bakti"}, {"ikutserta", "ikut", "serta"},         {"hakasasi", "hak", "asasi"},
    {"tanahair", "tanah", "air"},     {"kepalasekolah", "kepala", "sekolah"}, {"gotongroyong", "gotong", "royong"},
    {"bahanbaku", "bahan", "baku"},   {"bahanbakar", "bahan", "bakar"},
};

bool vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
bool starts(const std::string& s, const char* p) {
  return s.rfind(p, 0) == 0;
}
bool ends(const std::string& s, const char* x) {
  size_t n = std::char_traits<char>::length(x);
  return s.size() > n && s.compare(s.size() - n, n, x) == 0;
}
char at(const std::string& s, size_t i) {
  return i < s.size() ? s[i] : '\0';
}

struct Option {
  const char* prefix;  // category: di ke se be te me pe
  std::string rest;
};

// The ways `s` can start with a derivational prefix, in the order to try.
std::vector<Option> prefix_options(const std::string& s) {
  std::vector<Option> o;
  auto add = [&](const char* cat, std::string rest) {
    if (rest.size() >= 3) o.push_back({cat, std::move(rest)});
  };
  const char c2 = at(s, 2), c3 = at(s, 3), c4 = at(s, 4);
  if (starts(s, "di")) add("di", s.substr(2));
  if (starts(s, "ke")) add("ke", s.substr(2));
  if (starts(s, "se")) add("se", s.substr(2));
  if (starts(s, "ber")) {
    if (vowel(c3)) {
      add("be", s.substr(3));
      add("be", s.substr(2));
    } else if (c3 != 'r') {
      add("be", s.substr(3));
    }
  } else if (s == "belajar" || starts(s, "belajar")) {
    add("be", s.substr(3));
  } else if (starts(s, "be") && c2 != 'r' && c2 != 'l' && !vowel(c2) && at(s, 3) == 'e' && at(s, 4) == 'r') {
    add("be", s.substr(2));  // be-C1erC2: bekerja, beternak
  }
  if (starts(s, "ter")) {
    if (vowel(c3)) {
      add("te", s.substr(3));
      add("te", s.substr(2));
    } else if (c3 != 'r') {
      add("te", s.substr(3));
    }
  } else if (starts(s, "te") && !vowel(c2) && c2 != 'r' && at(s, 3) == 'e' && at(s, 4) == 'r') {
    add("te", s.substr(2));
  }
  // me- and pe- share their nasal recoding rules.
  for (const char* pfx : {"me", "pe"}) {
    if (!starts(s, pfx)) continue;
    const char* cat = pfx;
    if (starts(s.substr(2), "ng")) {
      if (c4 == 'g' || c4 == 'h' || c4 == 'q' || c4 == 'k')
        add(cat, s.substr(4));
      else if (vowel(c4)) {
        add(cat, s.substr(4));
        add(cat, "k" + s.substr(4));
        if (c4 == 'e') add(cat, s.substr(5));  // menge-/penge- before one-syllable roots: mengecat
      }
    } else if (starts(s.substr(2), "ny")) {
      if (vowel(c4)) {
        add(cat, "s" + s.substr(4));
        add(cat, "ny" + s.substr(4));
      }
    } else if (c2 == 'm') {
      if (c3 == 'b' || c3 == 'f' || c3 == 'v')
        add(cat, s.substr(3));
      else if (c3 == 'p')
        add(cat, s.substr(3));  // mempunyai, memper-
      else if (vowel(c3) || (c3 == 'r' && vowel(c4))) {
        add(cat, "m" + s.substr(3));
        add(cat, "p" + s.substr(3));
      }
    } else if (c2 == 'n') {
      if (c3 == 'c' || c3 == 'd' || c3 == 'j' || c3 == 's' || c3 == 'z')
        add(cat, s.substr(3));
      else if (vowel(c3)) {
        add(cat, "n" + s.substr(3));
        add(cat, "t" + s.substr(3));
      }
    } else if (pfx[0] == 'm') {
      if ((c2 == 'l' || c2 == 'r' || c2 == 'w' || c2 == 'y') && vowel(c3)) add(cat, s.substr(2));
    } else {  // pe-
      if (c2 == 'r') {
        if (vowel(c3)) {
          add(cat, s.substr(3));
          add(cat, s.substr(2));
        } else if (c3 != 'r') {
          add(cat, s.substr(3));
        }
      } else if (starts(s, "pelajar")) {
        add(cat, s.substr(3));
      } else if (c2 == 'l' || c2 == 'w' || c2 == 'y') {
        if (vowel(c3)) add(cat, s.substr(2));
      } else if (!vowel(c2)) {
        add(cat, s.substr(2));  // pe-C: pedagang, petani, pekerja
      }
    }
  }
  return o;
}

// The hunspell flag family of a prefix category (per- is R, the rest of pe- is P).
bool takes_family(const IdDictionary& d, const Option& o) {
  const std::string p = o.prefix;
  if (p == "pe") return d.takes_prefix(o.rest, 'P') || d.takes_prefix(o.rest, 'R');
  const char f = p == "be"   ? 'B'
                 : p == "di" ? 'D'
                 : p == "ke" ? 'K'
                 : p == "me" ? 'M'
                 : p == "te" ? 'T'
                 : p == "se" ? 'S'
                             : 0;
  return f && d.takes_prefix(o.rest, f);
}

// Confixes Indonesian does not form (first prefix + derivational suffix).
bool forbidden(const std::string& prefix, const std::string& suffix, const std::string& rest) {
  if (suffix.empty()) return false;
  if (prefix == "be" && suffix == "i") return true;
  if (prefix == "di" && suffix == "an") return true;
  if (prefix == "ke" && suffix == "i") return !starts(rest, "tahu");  // ketahui is the exception
  if (prefix == "ke" && suffix == "kan") return true;
  if (prefix == "me" && suffix == "an") return true;
  if (prefix == "se" && (suffix == "i" || suffix == "kan")) return true;
  if (prefix == "te" && suffix == "an") return true;
  if (prefix == "pe" && (suffix == "i" || suffix == "kan")) return true;  // pe- nouns take -an only
  return false;
}

std::string latin1_to_ascii_lower(const std::string& s, bool& ok) {
  std::string out;
  out.reserve(s.size());
  ok = true;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z')
      out += static_cast<char>(c);
    else {
      ok = false;  // hyphenated reduplications, accented loanwords: never a token root
      break;
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const IdDictionary> IdDictionary::load(const std::filesystem::path& dic) {
  std::ifstream in(dic, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the Indonesian dictionary " + dic.string());
  auto d = std::make_shared<IdDictionary>();
  d->source_ = dic.string();
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {  // the entry count
      first = false;
      continue;
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
    size_t slash = line.find('/');
    std::string w = line.substr(0, slash);
    bool ok = false;
    std::string lw = latin1_to_ascii_lower(w, ok);
    if (!ok || lw.empty()) continue;
    if (slash != std::string::npos) {  // FLAG long: two characters per flag
      uint32_t fam = 0;
      for (size_t i = slash + 1; i + 1 < line.size() + 1 && i < line.size(); i += 2)
        if (line[i] >= 'A' && line[i] <= 'Z') fam |= 1u << (line[i] - 'A');
      if (fam) d->prefix_families_[lw] = fam;
    }
    d->roots_.insert(std::move(lw));
  }
  for (const auto& c : kCompounds) {
    if (!d->is_root(c.first) || !d->is_root(c.second)) continue;
    d->by_joined_[c.joined] = d->compounds_.size();
    d->by_pair_[c.first + ' ' + c.second] = d->compounds_.size();
    d->compounds_.push_back(c);
    d->roots_.insert(c.joined);
  }
  return d;
}

std::shared_ptr<const IdDictionary> IdDictionary::system() {
  static std::mutex m;
  static std::shared_ptr<const IdDictionary> d;
  static bool tried = false;
  std::lock_guard<std::mutex> g(m);
  if (!tried) {
    tried = true;
    try {
      d = load(kHunspellIdDic);
    } catch (const std::exception&) {
      d = nullptr;
    }
  }
  return d;
}

bool IdDictionary::takes_prefix(std::string_view root, char family) const {
  auto it = prefix_families_.find(std::string(root));
  return it != prefix_families_.end() && family >= 'A' && family <= 'Z' && (it->second >> (family - 'A')) & 1u;
}

const Compound* IdDictionary::compound(std::string_view joined) const {
  auto it = by_joined_.find(std::string(joined));
  return it == by_joined_.end() ? nullptr : &compounds_[it->second];
}

const Compound* IdDictionary::compound_of(std::string_view a, std::string_view b) const {
  std::string key;
  key.reserve(a.size() + b.size() + 1);
  key.append(a).append(1, ' ').append(b);
  auto it = by_pair_.find(key);
  return it == by_pair_.end() ? nullptr : &compounds_[it->second];
}

std::string IdStemmer::strip_prefixes(const std::string& w, const std::string& suffix, int depth,
                                      const std::string& prev, bool evidence) const {
  if (depth >= 3 || w.size() < 5) return {};
  for (const auto& opt : prefix_options(w)) {
    if (opt.prefix == prev) continue;  // a prefix never repeats (me-me-, di-di-)
    if (depth == 0 && forbidden(opt.prefix, suffix, opt.rest)) continue;
    if (root(opt.rest) && (!evidence || takes_family(*dict_, opt))) return lexicalised(opt.rest);
    std::string r = strip_prefixes(opt.rest, suffix, depth + 1, opt.prefix, evidence);
    if (!r.empty()) return r;
  }
  return {};
}

// A dictionary entry that is itself a derived form (hunspell lists "pegawai",
// "tertawa", "berlaku" beside "gawai", "tawa", "laku"): one prefix off, when
// the dictionary says the root takes that prefix.
std::string IdStemmer::lexicalised(const std::string& w) const {
  for (const auto& opt : prefix_options(w))
    if (root(opt.rest) && takes_family(*dict_, opt)) return opt.rest;
  return w;
}

std::string IdStemmer::stem(const std::string& word) const {
  if (word.size() < 4) return word;
  for (char c : word)
    if (c < 'a' || c > 'z') return word;  // digits, apostrophes, non-ASCII letters: not Indonesian morphology
  if (dict_->is_root(word)) return lexicalised(word);
  // One prefix on a root that the dictionary says takes it: read before any
  // suffix, so "menikah" is me-nikah (not meni-kah) and "membeli" me-beli.
  if (std::string r = strip_prefixes(word, "", 2, "", true); !r.empty()) return r;

  // Inflectional suffixes: a particle, then a possessive (-tah is archaic and
  // would turn "pemerintah" into "pemerin").
  std::vector<std::string> bases{word};
  for (const char* p : {"lah", "kah", "pun"})
    if (ends(word, p) && word.size() >= 6) {
      bases.push_back(word.substr(0, word.size() - 3));
      break;
    }
  for (const char* p : {"nya", "ku", "mu"}) {
    const std::string& last = bases.back();
    size_t n = std::char_traits<char>::length(p);
    if (ends(last, p) && last.size() >= n + 3) {
      bases.push_back(last.substr(0, last.size() - n));
      break;
    }
  }
  for (size_t i = 1; i < bases.size(); ++i)
    if (root(bases[i])) return lexicalised(bases[i]);

  // A derivational suffix. Verbs (me-, di-, ber-, ter-) take -kan, nouns
  // (pe-an, ke-an, bare -an) take -an: try the likelier one first, so
  // "memberikan" is beri-kan and "masakan" is masak-an.
  const std::string& base = bases.back();
  const bool verb = starts(base, "me") || starts(base, "di") || starts(base, "be") || starts(base, "te");
  std::vector<std::pair<std::string, std::string>> derived;
  static const char* const kVerbOrder[] = {"kan", "an", "i"};
  static const char* const kNounOrder[] = {"an", "kan", "i"};
  for (const char* x : verb ? kVerbOrder : kNounOrder) {
    size_t n = std::char_traits<char>::length(x);
    if (ends(base, x) && base.size() >= n + 3) derived.push_back({x, base.substr(0, base.size() - n)});
  }
  for (const auto& [suf, d] : derived)
    if (root(d)) return lexicalised(d);

  // Prefixes, first accepting only roots the dictionary marks as taking the
  // prefix (so "menilai" is me-nilai, not me-nila-i), then any root. The
  // loop back puts the suffixes back: the "suffix" may belong to the root
  // (bertanya, pembeli).
  for (bool evidence : {true, false}) {
    for (const auto& [suf, d] : derived) {
      std::string r = strip_prefixes(d, suf, 0, "", evidence);
      if (!r.empty()) return r;
    }
    for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
      std::string r = strip_prefixes(*it, "", 0, "", evidence);
      if (!r.empty()) return r;
    }
  }
  return word;
}

IdStemmerKind id_stemmer_kind_from_string(const std::string& s) {
  if (s.empty() || s == "dictionary") return IdStemmerKind::dictionary;
  if (s == "snowball") return IdStemmerKind::snowball;
  throw ValidationError("unknown Indonesian stemmer '" + s + "' (use dictionary or snowball)");
}

const char* to_string(IdStemmerKind k) {
  return k == IdStemmerKind::snowball ? "snowball" : "dictionary";
}

Xapian::Stem make_id_stem(IdStemmerKind kind, std::string* note, const std::filesystem::path& dic) {
  if (kind == IdStemmerKind::dictionary) {
    std::shared_ptr<const IdDictionary> d;
    if (dic.empty())
      d = IdDictionary::system();
    else {
      try {
        d = IdDictionary::load(dic);
      } catch (const std::exception&) {
      }
    }
    if (d) return Xapian::Stem(new DictionaryStemImplementation(d));
    if (note)
      *note = "the Indonesian dictionary " + (dic.empty() ? std::string(kHunspellIdDic) : dic.string()) +
              " is missing (Debian package hunspell-id): using Snowball's Indonesian stemmer instead";
  }
  return Xapian::Stem("indonesian");
}

}  // namespace telaah::index
