// Tokeniser, per-language stemmers with a memo, term emission and the
// highlighter's matcher (see analyzer.h for the term scheme).
#include "index/analyzer.h"

#include <algorithm>

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

inline bool ascii_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
inline bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

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
  return word_char(cp) && Xapian::Unicode::get_category(static_cast<unsigned>(cp)) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
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
      if (cp < 0x80) cur.word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      else Xapian::Unicode::append_utf8(cur.word, Xapian::Unicode::tolower(static_cast<unsigned>(cp)));
    } else if (in_word && (cp == '\'' || cp == U'\u2019') && letter(prev) && letter(peek(s, i))) {
      cur.word += '\'';  // Korea's, don't
    } else if (in_word && (cp == '.' || cp == ',') && ascii_digit(static_cast<unsigned char>(prev)) &&
               i < s.size() && ascii_digit(static_cast<unsigned char>(s[i]))) {
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
  if (digits || lang == Lang::other) s = word;
  else if (lang == Lang::id) s = id_(word);
  else s = en_(word);
  if (s.empty()) s = word;
  return memo.emplace(word, std::move(s)).first->second;
}

std::vector<std::string> Stemmers::query_stems(const std::string& word) {
  std::vector<std::string> out;
  for (std::string s : {stem(Lang::id, word), stem(Lang::en, word), word})
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  return out;
}

Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Lang lang, const std::string& prefix,
                           Xapian::termpos pos, Stemmers& stemmers, std::vector<Token>& toks, Vocabulary* vocab) {
  toks.clear();
  tokenize(text, toks);
  const IdDictionary* dict = lang == Lang::id ? stemmers.dictionary() : nullptr;
  const std::string zp = std::string(kStemPrefix) + prefix;
  std::string term;
  const bool positional = pos != 0;
  auto post = [&](const std::string& stem, Xapian::termpos p, Xapian::termcount wdf) {
    term.assign(zp).append(stem);
    if (positional) doc.add_posting(term, p, wdf);
    else doc.add_term(term, wdf);
  };
  std::string prev_stem;
  size_t prev_end = 0;
  Xapian::termpos prev_pos = 0;
  bool have_prev = false;
  for (const auto& t : toks) {
    if (t.word.size() > kMaxWordBytes) {
      have_prev = false;
      continue;
    }
    const std::string st = stemmers.stem(lang, t.word);
    if (st != t.word) {
      term.assign(prefix).append(t.word);
      doc.add_term(term);
    }
    if (vocab && vocab->size() < 2'000'000) ++(*vocab)[t.word];
    const Compound* c = dict ? dict->compound(st) : nullptr;
    if (c) {
      post(st, pos, 1);
      post(st, pos + 1, 0);
      post(c->first, pos, 1);
      post(c->second, pos + 1, 1);
      prev_stem = c->second;
      prev_pos = pos + 1;
      pos += 2;
    } else {
      post(st, pos, 1);
      if (dict && have_prev && adjacent(text, prev_end, t.byte_start))
        if (const Compound* j = dict->compound_of(prev_stem, st)) {
          post(j->joined, prev_pos, 1);
          post(j->joined, pos, 0);
        }
      prev_stem = st;
      prev_pos = pos;
      pos += 1;
    }
    prev_end = t.byte_end;
    have_prev = true;
  }
  return positional ? pos : 0;
}

std::vector<Span64> find_matches(std::string_view text, int64_t base_cp, Lang lang, const Highlight& h, Stemmers& stemmers) {
  std::vector<Token> toks;
  tokenize(text, toks, base_cp);
  const IdDictionary* dict = lang == Lang::id ? stemmers.dictionary() : nullptr;
  std::vector<char> hit(toks.size(), 0);
  std::vector<std::string> stems(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& w = toks[i].word;
    stems[i] = stemmers.stem(lang, w);
    const std::string& st = stems[i];
    bool m = h.words.count(w) || h.stems.count(st);
    for (size_t k = 0; !m && k < h.prefixes.size(); ++k) m = w.rfind(h.prefixes[k], 0) == 0 || st.rfind(h.prefixes[k], 0) == 0;
    if (!m && dict)
      if (const Compound* c = dict->compound(st)) m = h.stems.count(c->first) || h.stems.count(c->second);
    hit[i] = m;
  }
  if (dict)  // "kerja sama" written apart matches the query word "kerjasama"
    for (size_t i = 1; i < toks.size(); ++i)
      if (adjacent(text, toks[i - 1].byte_end, toks[i].byte_start))
        if (const Compound* j = dict->compound_of(stems[i - 1], stems[i]); j && h.stems.count(j->joined))
          hit[i - 1] = hit[i] = 1;
  std::vector<Span64> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!hit[i]) continue;
    if (!out.empty() && i > 0 && hit[i - 1] && adjacent(text, toks[i - 1].byte_end, toks[i].byte_start) &&
        out.back().end == toks[i - 1].end)
      out.back().end = toks[i].end;
    else out.push_back({toks[i].start, toks[i].end});
  }
  return out;
}

}  // namespace telaah::index
