// Tokeniser, per-language stemmers with a memo, term emission and the
// highlighter's matcher (see analyzer.h for the term scheme).
#include "index/analyzer.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "index/schema.h"
#include "text/utf8.h"

namespace telaah::index {

Lang lang_from_code(std::string_view iso) {
  std::string l = fold_case(iso);
  if (l == "id" || l == "in" || l == "ind" || l.rfind("id-", 0) == 0) return Lang::id;
  if (l == "en" || l == "eng" || l.rfind("en-", 0) == 0) return Lang::en;
  return Lang::other;
}

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    char32_t cp = text::decode_next(s, i);
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(static_cast<unsigned>(cp)));
  }
  return out;
}

namespace {

inline bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// The code point at byte i without advancing (0 at the end).
char32_t peek(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  size_t j = i;
  return text::decode_next(s, j);
}

bool word_char(char32_t cp) {
  if (cp < 0x80) return ascii_alnum(static_cast<unsigned char>(cp));
  return Xapian::Unicode::is_wordchar(static_cast<unsigned>(cp));
}

bool letter(char32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  return word_char(cp) &&
         Xapian::Unicode::get_category(static_cast<unsigned>(cp)) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// Only blanks (or a hyphen) between two words: they may form a compound or a
// merged highlight.
bool adjacent(std::string_view text, size_t from, size_t to) {
  if (to < from || to - from > 3) return false;
  for (size_t i = from; i < to; ++i)
    if (text[i] != ' ' && text[i] != '-' && text[i] != '\t') return false;
  return true;
}

}  // namespace

void tokenize(std::string_view s, std::vector<Token>& out, int64_t base_cp) {
  size_t i = 0;
  int64_t cp_pos = base_cp;
  Token cur;
  bool in_word = false;
  char32_t prev = 0;
  auto finish = [&](size_t byte_end, int64_t cp_end) {
    if (!in_word) return;
    cur.byte_end = byte_end;
    cur.end = cp_end;
    out.push_back(std::move(cur));
    cur = Token();
    in_word = false;
  };
  while (i < s.size()) {
    const size_t at = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      ++i;
    } else {
      cp = text::decode_next(s, i);
    }
    if (word_char(cp)) {
      if (!in_word) {
        in_word = true;
        cur.start = cp_pos;
        cur.byte_start = at;
      }
      if (cp < 0x80)
        cur.word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      else
        Xapian::Unicode::append_utf8(cur.word, Xapian::Unicode::tolower(static_cast<unsigned>(cp)));
    } else if (in_word && (cp == '\'' || cp == U'\u2019') && letter(prev) && letter(peek(s, i))) {
      cur.word += '\'';  // Korea's, don't
    } else if (in_word && (cp == '.' || cp == ',') && ascii_digit(static_cast<unsigned char>(prev)) && i < s.size() &&
               ascii_digit(static_cast<unsigned char>(s[i]))) {
      cur.word += static_cast<char>(cp);  // 24,2  16.28  3.000.000
    } else {
      finish(at, cp_pos);
    }
    prev = cp;
    ++cp_pos;
  }
  finish(s.size(), cp_pos);
}

Stemmers::Stemmers(IdStemmerKind kind) : kind_(kind), en_("english") {
  if (kind == IdStemmerKind::dictionary) {
    dict_ = IdDictionary::system();
    if (!dict_)
      note_ = std::string("the Indonesian dictionary ") + kHunspellIdDic +
              " is missing (install hunspell-id): Indonesian is stemmed with Snowball instead";
  }
  id_ = dict_ ? Xapian::Stem(new DictionaryStemImplementation(dict_)) : Xapian::Stem("indonesian");
}

std::string Stemmers::stem(Lang lang, const std::string& word) {
  auto& memo = memo_[static_cast<int>(lang)];
  auto it = memo.find(word);
  if (it != memo.end()) return it->second;
  if (memo.size() > 400000) memo.clear();  // bound the memory of a huge vocabulary
  std::string s;
  bool digits = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits || lang == Lang::other)
    s = word;
  else if (lang == Lang::id)
    s = id_(word);
  else
    s = en_(word);
  if (s.empty()) s = word;
  return memo.emplace(word, std::move(s)).first->second;
}

std::vector<std::string> Stemmers::query_stems(const std::string& word) {
  std::vector<std::string> out;
  for (std::string s : {stem(Lang::id, word), stem(Lang::en, word), word})
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  return out;
}

namespace {

// The terms of `text` as the index holds them, in one place for the indexer
// and the highlighter. Tells `sink`
//   surface(token, word, inflected, pos, n)  a surface form at n positions from pos
//                                    (word != its stem when `inflected`)
//   posting(stem, pos, wdf, token)   a stem at a position, belonging to that token
// and returns the next free position. Tokens are indexes into `toks`.
template <class Sink>
Xapian::termpos emit_terms(std::string_view text, Lang lang, Xapian::termpos pos, Stemmers& stemmers,
                           std::vector<Token>& toks, Vocabulary* vocab, Sink& sink) {
  toks.clear();
  tokenize(text, toks);
  const IdDictionary* dict = lang == Lang::id ? stemmers.dictionary() : nullptr;
  std::string prev_stem;
  size_t prev_end = 0, prev_tok = 0;
  Xapian::termpos prev_pos = 0;
  bool have_prev = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (t.word.size() > kMaxWordBytes) {
      have_prev = false;
      continue;
    }
    const std::string& st = stemmers.stem(lang, t.word);
    if (vocab && vocab->size() < 2'000'000) ++(*vocab)[t.word];
    const Compound* c = dict ? dict->compound(st) : nullptr;
    sink.surface(i, t.word, st != t.word, pos, c ? 2 : 1);
    if (c) {
      sink.posting(st, pos, 1, i);
      sink.posting(st, pos + 1, 0, i);
      sink.posting(c->first, pos, 1, i);
      sink.posting(c->second, pos + 1, 1, i);
      prev_stem = c->second;
      prev_pos = pos + 1;
      pos += 2;
    } else {
      sink.posting(st, pos, 1, i);
      if (dict && have_prev && adjacent(text, prev_end, t.byte_start))
        if (const Compound* j = dict->compound_of(prev_stem, st)) {
          // "kerja sama" also spells "kerjasama" for did-you-mean ("kerjsama")
          if (vocab && vocab->size() < 2'000'000) ++(*vocab)[j->joined];
          sink.posting(j->joined, prev_pos, 1, prev_tok);
          sink.posting(j->joined, pos, 0, i);
        }
      prev_stem = st;
      prev_pos = pos;
      pos += 1;
    }
    prev_end = t.byte_end;
    prev_tok = i;
    have_prev = true;
  }
  return pos;
}

}  // namespace

Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Lang lang, const std::string& prefix,
                           Xapian::termpos pos, Stemmers& stemmers, std::vector<Token>& toks, Vocabulary* vocab) {
  struct {
    Xapian::Document& doc;
    const std::string& prefix;
    const std::string zp;
    const bool positional;
    std::string term;
    void surface(size_t, const std::string& word, bool inflected, Xapian::termpos p, Xapian::termpos n) {
      if (!positional && !inflected) return;
      term.assign(prefix).append(word);
      if (!positional) {
        doc.add_term(term);
        return;
      }
      for (Xapian::termpos k = 0; k < n; ++k) doc.add_posting(term, p + k, k == 0 ? 1 : 0);
    }
    void posting(const std::string& stem, Xapian::termpos p, Xapian::termcount wdf, size_t) {
      term.assign(zp).append(stem);
      if (positional)
        doc.add_posting(term, p, wdf);
      else
        doc.add_term(term, wdf);
    }
  } sink{doc, prefix, std::string(kStemPrefix) + prefix, pos != 0, {}};
  const Xapian::termpos next = emit_terms(text, lang, pos, stemmers, toks, vocab, sink);
  return sink.positional ? next : 0;
}

bool MatchNode::empty() const {
  switch (kind) {
    case Kind::terms:
      return stems.empty() && words.empty() && prefixes.empty();
    case Kind::phrase:
    case Kind::near:
      return kids.empty();
    case Kind::any:
      for (const auto& k : kids)
        if (!k.empty()) return false;
      return true;
  }
  return true;
}

namespace {

// One passage's terms and positions, as the index holds them.
struct PassageTerms {
  std::vector<Token> toks;
  std::unordered_map<std::string, std::vector<Xapian::termpos>> stems;  // stem -> positions (sorted, distinct)
  std::vector<std::string> surface;                                     // per token: its surface term, or ""
  std::vector<size_t> token_at;                                         // position -> token
  std::vector<std::pair<Xapian::termpos, Xapian::termpos>> token_pos;   // token -> [first, last] position

  void grow(size_t tok) {
    if (surface.size() <= tok) {
      surface.resize(tok + 1);
      token_pos.resize(tok + 1, {0, 0});
    }
  }

  // Only the terms the query can ask for are kept (`wanted`).
  template <class Wanted>
  PassageTerms(std::string_view text, Lang lang, Stemmers& stemmers, const Wanted& wanted) {
    struct Sink {
      PassageTerms& t;
      const Wanted& wanted;
      void surface(size_t tok, const std::string& word, bool, Xapian::termpos, Xapian::termpos) {
        if (!wanted.word(word)) return;
        t.grow(tok);
        t.surface[tok] = word;
      }
      void posting(const std::string& stem, Xapian::termpos p, Xapian::termcount, size_t tok) {
        if (wanted.stem(stem)) {
          auto& ps = t.stems[stem];
          if (ps.empty() || ps.back() < p)
            ps.push_back(p);
          else if (auto at = std::lower_bound(ps.begin(), ps.end(), p); *at != p)
            ps.insert(at, p);
        }
        if (t.token_at.size() <= p) t.token_at.resize(p + 1, SIZE_MAX);
        if (t.token_at[p] == SIZE_MAX) t.token_at[p] = tok;
        t.grow(tok);
        auto& tp = t.token_pos[tok];
        if (tp.first == 0 || p < tp.first) tp.first = p;
        tp.second = std::max(tp.second, p);
      }
    } sink{*this, wanted};
    emit_terms(text, lang, 1, stemmers, toks, nullptr, sink);
    grow(toks.empty() ? 0 : toks.size() - 1);
  }
};

bool starts_with(const std::string& s, const std::string& p) {
  return s.compare(0, p.size(), p) == 0;
}

// Every term a highlight tree can ask for.
struct Wanted {
  std::unordered_set<std::string> stems, words;
  std::vector<std::string> prefixes;
  explicit Wanted(const MatchNode& n) { add(n); }
  void add(const MatchNode& n) {
    stems.insert(n.stems.begin(), n.stems.end());
    words.insert(n.words.begin(), n.words.end());
    prefixes.insert(prefixes.end(), n.prefixes.begin(), n.prefixes.end());
    for (const auto& k : n.kids) add(k);
  }
  bool prefixed(const std::string& t) const {
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return starts_with(t, p); });
  }
  bool stem(const std::string& s) const { return stems.count(s) || prefixed(s); }
  bool word(const std::string& w) const { return words.count(w) || prefixed(w); }
};

using Positions = std::vector<Xapian::termpos>;
using Range = std::pair<Xapian::termpos, Xapian::termpos>;  // matched positions, inclusive

// Where a word position of the query (a terms node) matches.
Positions term_positions(const MatchNode& n, const PassageTerms& pt) {
  Positions out;
  for (const auto& s : n.stems)
    if (auto it = pt.stems.find(s); it != pt.stems.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  if (!n.prefixes.empty())
    for (const auto& [s, ps] : pt.stems)
      for (const auto& p : n.prefixes)
        if (starts_with(s, p)) {
          out.insert(out.end(), ps.begin(), ps.end());
          break;
        }
  for (size_t t = 0; t < pt.surface.size(); ++t) {  // surface terms have no position: their token's
    const std::string& w = pt.surface[t];
    if (w.empty()) continue;
    bool m = std::find(n.words.begin(), n.words.end(), w) != n.words.end();
    for (size_t k = 0; !m && k < n.prefixes.size(); ++k) m = starts_with(w, n.prefixes[k]);
    if (m && pt.token_pos[t].first)
      for (auto p = pt.token_pos[t].first; p <= pt.token_pos[t].second; ++p) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Can each kid but `fixed` take a distinct position of its candidates, none
// of them `taken`? (Candidates are cut to as many as there are kids: a kid
// with that many can always be served last.)
bool distinct_choice(std::vector<Positions>& cand, size_t k, std::vector<Xapian::termpos>& taken) {
  if (k == cand.size()) return true;
  if (cand[k].empty()) return false;
  for (auto p : cand[k]) {
    if (std::find(taken.begin(), taken.end(), p) != taken.end()) continue;
    taken.push_back(p);
    bool ok = distinct_choice(cand, k + 1, taken);
    taken.pop_back();
    if (ok) return true;
  }
  return false;
}

void eval(const MatchNode& n, const PassageTerms& pt, std::vector<Range>& out) {
  using K = MatchNode::Kind;
  switch (n.kind) {
    case K::terms:
      for (auto p : term_positions(n, pt)) out.push_back({p, p});
      return;
    case K::any:
      for (const auto& k : n.kids) eval(k, pt, out);
      return;
    case K::phrase: {
      if (n.kids.empty()) return;
      std::vector<Positions> slot;
      for (const auto& k : n.kids) slot.push_back(term_positions(k, pt));
      const auto len = static_cast<Xapian::termpos>(slot.size());
      for (auto p : slot[0]) {
        bool ok = true;
        for (Xapian::termpos i = 1; ok && i < len; ++i) ok = std::binary_search(slot[i].begin(), slot[i].end(), p + i);
        if (ok) out.push_back({p, p + len - 1});
      }
      return;
    }
    case K::near: {
      // A position of a kid counts when the kids can take distinct positions,
      // that one among them, all within the window.
      if (n.kids.empty() || n.window == 0) return;
      std::vector<Positions> at;
      for (const auto& k : n.kids) at.push_back(term_positions(k, pt));
      const Xapian::termpos w = n.window;
      std::vector<Xapian::termpos> starts;  // a satisfying window can start at a matched position
      for (const auto& a : at) starts.insert(starts.end(), a.begin(), a.end());
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      std::vector<Xapian::termpos> marked;
      for (size_t k = 0; k < at.size(); ++k)
        for (auto p : at[k]) {
          if (std::binary_search(marked.begin(), marked.end(), p)) continue;
          bool ok = false;
          for (auto s = std::lower_bound(starts.begin(), starts.end(), p + 1 > w ? p + 1 - w : 0);
               !ok && s != starts.end() && *s <= p; ++s) {
            std::vector<Positions> cand;
            for (size_t j = 0; j < at.size(); ++j) {
              if (j == k) continue;
              Positions c;
              for (auto q = std::lower_bound(at[j].begin(), at[j].end(), *s);
                   q != at[j].end() && *q < *s + w && c.size() < at.size(); ++q)
                if (*q != p) c.push_back(*q);
              cand.push_back(std::move(c));
            }
            std::vector<Xapian::termpos> taken{p};
            ok = distinct_choice(cand, 0, taken);
          }
          if (ok) marked.insert(std::lower_bound(marked.begin(), marked.end(), p), p);
        }
      for (auto p : marked) out.push_back({p, p});
      return;
    }
  }
}

}  // namespace

std::vector<Span64> find_matches(std::string_view text, int64_t base_cp, Lang lang, const Highlight& h,
                                 Stemmers& stemmers) {
  if (h.empty()) return {};
  PassageTerms pt(text, lang, stemmers, Wanted(h.root));
  std::vector<Range> ranges;
  eval(h.root, pt, ranges);
  // Matched positions -> token ranges, merged when they overlap or only
  // blanks or a hyphen separate them.
  std::vector<std::pair<size_t, size_t>> toks;
  for (const auto& [a, b] : ranges) {
    if (a >= pt.token_at.size() || b >= pt.token_at.size()) continue;
    toks.push_back({pt.token_at[a], pt.token_at[b]});
  }
  std::sort(toks.begin(), toks.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& t : toks) {
    if (!merged.empty() && (t.first <= merged.back().second ||
                            (t.first == merged.back().second + 1 &&
                             adjacent(text, pt.toks[merged.back().second].byte_end, pt.toks[t.first].byte_start))))
      merged.back().second = std::max(merged.back().second, t.second);
    else
      merged.push_back(t);
  }
  std::vector<Span64> out;
  for (const auto& [a, b] : merged) out.push_back({base_cp + pt.toks[a].start, base_cp + pt.toks[b].end});
  return out;
}

}  // namespace telaah::index
