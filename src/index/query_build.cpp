// From a parse tree to a Xapian::Query (see query.h for the language and
// analyzer.h for why each word ORs the stems of both languages).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "index/query.h"
#include "index/schema.h"
#include "index/synonyms.h"
#include "index/writer.h"
#include "text/utf8.h"

namespace telaah::index {
namespace {

using K = QueryNode::Kind;

const Xapian::termcount kWildcardLimit = 200;  // most frequent expansions of a prefix*
const size_t kPhraseWildcardLimit = 50;

class Builder {
 public:
  Builder(const std::string& q, QueryContext& ctx) : q_(q), ctx_(ctx) {}
  BuiltQuery out;

  // Builds the query of `n` and, when `hl` is given (the positive part of
  // the query), what it asks to highlight, into *hl.
  Xapian::Query build(const QueryNode& n, MatchNode* hl) {
    if (n.kind == K::wildcard || n.kind == K::near || n.kind == K::field) ++real_;
    switch (n.kind) {
      case K::all:
        return Xapian::Query::MatchAll;
      case K::word:
        return text_query(n, n.text, "", false, hl);
      case K::phrase:
        return text_query(n, n.text, "", true, hl);
      case K::wildcard:
        return wildcard(n.text, "", hl);
      case K::near:
        return near(n, hl);
      case K::field:
        return field(n);
      case K::or_: {
        std::vector<Xapian::Query> qs;
        for (const auto& k : n.kids) qs.push_back(build(k, kid(hl)));
        return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
      }
      case K::and_not: {
        Xapian::Query pos = build(n.kids[0], hl);
        std::vector<Xapian::Query> neg;  // never highlighted
        for (size_t i = 1; i < n.kids.size(); ++i) neg.push_back(build(n.kids[i], nullptr));
        return Xapian::Query(Xapian::Query::OP_AND_NOT, pos,
                             Xapian::Query(Xapian::Query::OP_OR, neg.begin(), neg.end()));
      }
      case K::and_:
        return conjunction(n, hl);
    }
    return Xapian::Query();
  }

 private:
  [[noreturn]] void fail(const QueryNode& n, const std::string& msg) {
    size_t a = cp(n.pos), b = cp(n.pos + n.len);
    throw QueryError(msg, a, b > a ? b - a : 1);
  }
  size_t cp(size_t byte) const {
    return text::count_code_points(std::string_view(q_).substr(0, std::min(byte, q_.size())));
  }
  std::string where(const QueryNode& n) const { return "at character " + std::to_string(cp(n.pos) + 1); }

  // The OR of a word's stems under a field prefix.
  std::vector<std::string> stem_terms(const std::string& word, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& s : ctx_.stemmers.query_stems(word)) out.push_back(kStemPrefix + prefix + s);
    return out;
  }

  // The terms the local index holds (a phrase's positions are checked only
  // for those: an OR of one term lets Xapian check the phrase from the
  // position lists directly, rarest first). Keeps one when none is there
  // (the phrase then matches nothing, as before). Remote shards: unchanged
  // (a round trip per term).
  void present_only(std::vector<std::string>& terms) {
    if (!ctx_.db || ctx_.expand_wildcards || terms.size() < 2) return;
    std::vector<std::string> kept;
    for (const auto& t : terms)
      if (ctx_.db->term_exists(t)) kept.push_back(t);
    if (kept.empty()) kept.push_back(terms.front());
    terms = std::move(kept);
  }

  // A new child of an `any` highlight node (null stays null).
  static MatchNode* kid(MatchNode* hl) {
    if (!hl) return nullptr;
    hl->kind = MatchNode::Kind::any;
    return &hl->kids.emplace_back();
  }

  // The highlight of one word position: the body stems the query ORs there.
  MatchNode word_node(const std::string& word) {
    MatchNode m;
    m.kind = MatchNode::Kind::terms;
    m.stems = ctx_.stemmers.query_stems(word);
    return m;
  }

  // The highlight of one exact word: its surface form, at its token's positions.
  static MatchNode exact_node(const std::string& word) {
    MatchNode m;
    m.kind = MatchNode::Kind::terms;
    m.words = {word};
    return m;
  }

  // Words typed at the top level (not inside a field value) for "did you mean".
  void note_words(const QueryNode& n, const std::string& text) {
    std::vector<Token> toks;
    tokenize(text, toks);
    if (n.kind == K::word && toks.size() == 1) out.words.push_back({n.pos, n.len, toks[0].word});
  }

  // A word or a phrase (a run like "3/2008" is a phrase of its words).
  Xapian::Query text_query(const QueryNode& n, const std::string& text, const std::string& prefix, bool phrase,
                           MatchNode* hl) {
    std::vector<std::string> pieces;  // whitespace-separated, to spot prefix* inside phrases
    {
      size_t i = 0;
      while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) pieces.push_back(text.substr(i, j - i));
        i = j;
      }
    }
    std::vector<Xapian::Query> slots;  // one per word position
    std::vector<MatchNode> marks;      // their highlights
    std::vector<std::string> words;
    for (const auto& piece : pieces) {
      if (phrase && piece.size() > 2 && piece.back() == '*') {
        std::vector<Token> toks;
        tokenize(piece.substr(0, piece.size() - 1), toks);
        if (toks.size() == 1 && toks[0].word.size() >= 2) {
          slots.push_back(expand_in_phrase(toks[0].word, prefix, n, &marks.emplace_back()));
          continue;
        }
      }
      std::vector<Token> toks;
      tokenize(piece, toks);
      for (const auto& t : toks) {
        if (n.exact) {  // the surface term, posted with positions for every word (analyzer.h)
          slots.push_back(Xapian::Query(prefix + t.word));
          marks.push_back(exact_node(t.word));
          continue;
        }
        auto terms = stem_terms(t.word, prefix);
        present_only(terms);
        slots.push_back(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
        marks.push_back(word_node(t.word));
        words.push_back(t.word);
      }
    }
    if (slots.empty()) {
      if (!prefix.empty() || phrase) fail(n, "'" + text + "' " + where(n) + " has no words to search for");
      ignored_ = true;  // punctuation alone ("&", "—"): nothing to search
      return Xapian::Query::MatchAll;
    }
    ++real_;
    if (prefix.empty() && !phrase && !n.exact) note_words(n, text);
    if (!prefix.empty()) hl = nullptr;  // metadata fields are not in the passage text
    if (hl && slots.size() == 1)
      *hl = std::move(marks[0]);
    else if (hl) {
      hl->kind = MatchNode::Kind::phrase;
      hl->kids = std::move(marks);
    }
    Xapian::Query q;
    if (slots.size() == 1 && n.exact) {
      q = slots[0];
    } else if (slots.size() == 1) {
      auto terms = stem_terms(words.empty() ? "" : words[0], prefix);
      q = words.size() == 1 ? Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end()) : slots[0];
    } else if (!prefix.empty()) {
      // Metadata fields have no positions: a "phrase" there means all its words.
      q = Xapian::Query(Xapian::Query::OP_AND, slots.begin(), slots.end());
    } else {
      q = Xapian::Query(Xapian::Query::OP_PHRASE, slots.begin(), slots.end(),
                        static_cast<Xapian::termcount>(slots.size()));
    }
    if (ctx_.synonyms && ctx_.db && prefix.empty() && !n.exact) q = with_synonyms(q, words, hl);
    return q;
  }

  // "kerjasama" -> also "kerja sama" and "cooperation", from the synonym table.
  Xapian::Query with_synonyms(const Xapian::Query& q, const std::vector<std::string>& words, MatchNode* hl) {
    std::string key;
    for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
    if (key.empty()) return q;
    std::vector<Xapian::Query> alts{q};
    MatchNode any;
    any.kind = MatchNode::Kind::any;
    if (hl) any.kids.push_back(std::move(*hl));
    for (auto it = ctx_.db->synonyms_begin(key); it != ctx_.db->synonyms_end(key); ++it) {
      std::vector<Token> toks;
      tokenize(*it, toks);
      std::vector<Xapian::Query> slots;
      MatchNode alt;
      alt.kind = MatchNode::Kind::phrase;
      for (const auto& t : toks) {
        auto terms = stem_terms(t.word, "");
        slots.push_back(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
        alt.kids.push_back(word_node(t.word));
      }
      if (slots.size() == 1)
        alts.push_back(slots[0]);
      else if (slots.size() > 1)
        alts.push_back(Xapian::Query(Xapian::Query::OP_PHRASE, slots.begin(), slots.end(),
                                     static_cast<Xapian::termcount>(slots.size())));
      if (slots.size() == 1)
        any.kids.push_back(std::move(alt.kids[0]));
      else if (slots.size() > 1)
        any.kids.push_back(std::move(alt));
    }
    if (hl) *hl = std::move(any);
    if (alts.size() == 1) return q;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
  }

  // prefix* over surface forms (inflected words) and stems (words that are
  // their own stem are indexed only as stems). OP_WILDCARD keeps the
  // kWildcardLimit most frequent expansions; when a prefix has more, the
  // expansion is made here instead, so that the highlight marks exactly the
  // terms searched. Remote shards would each expand the wildcard over their
  // own terms (and weigh it with their own statistics): for them it is always
  // made here, over all of them, as OP_WILDCARD does on one database.
  Xapian::Query wildcard(const std::string& prefix_word, const std::string& field_prefix, MatchNode* hl) {
    if (!field_prefix.empty()) hl = nullptr;
    const std::string surface = field_prefix + prefix_word, stem = kStemPrefix + surface;
    auto more_than_limit = [&](const std::string& p) {
      Xapian::termcount n = 0;
      for (auto it = ctx_.db->allterms_begin(p); it != ctx_.db->allterms_end(p); ++it)
        if (++n > kWildcardLimit) return true;
      return false;
    };
    const bool expand = ctx_.db && (ctx_.expand_wildcards || more_than_limit(surface) || more_than_limit(stem));
    if (hl) hl->kind = MatchNode::Kind::terms;
    if (!expand) {
      if (hl) hl->prefixes.push_back(prefix_word);
      auto w = [](const std::string& p) {
        return Xapian::Query(Xapian::Query::OP_WILDCARD, p, kWildcardLimit,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      };
      return Xapian::Query(Xapian::Query::OP_SYNONYM, w(surface), w(stem));
    }
    auto w = [&](const std::string& p, std::vector<std::string>* marks, size_t strip) {
      std::vector<std::pair<Xapian::doccount, std::string>> found;
      for (auto it = ctx_.db->allterms_begin(p); it != ctx_.db->allterms_end(p); ++it)
        found.emplace_back(it.get_termfreq(), *it);
      std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      if (found.size() > kWildcardLimit) found.resize(kWildcardLimit);
      std::vector<std::string> terms;
      for (auto& f : found) terms.push_back(std::move(f.second));
      std::sort(terms.begin(), terms.end());
      if (marks)
        for (const auto& t : terms) marks->push_back(t.substr(strip));
      if (terms.empty()) return Xapian::Query::MatchNothing;
      return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    };
    return Xapian::Query(Xapian::Query::OP_SYNONYM, w(surface, hl ? &hl->words : nullptr, 0),
                         w(stem, hl ? &hl->stems : nullptr, std::string(kStemPrefix).size()));
  }

  // Phrases and NEAR take only terms (or ORs of terms): expand prefix* here,
  // into the stems of the matching surface forms and the matching stems.
  Xapian::Query expand_in_phrase(const std::string& prefix_word, const std::string& field_prefix, const QueryNode& n,
                                 MatchNode* hl) {
    if (!ctx_.db) fail(n, "a prefix* inside a phrase or NEAR needs the index");
    std::vector<std::pair<Xapian::doccount, std::string>> found;  // (frequency, Z term)
    const std::string p = field_prefix + prefix_word, zp = kStemPrefix + p;
    for (auto it = ctx_.db->allterms_begin(zp); it != ctx_.db->allterms_end(zp); ++it)
      found.emplace_back(it.get_termfreq(), *it);
    for (auto it = ctx_.db->allterms_begin(p); it != ctx_.db->allterms_end(p); ++it)
      for (const auto& s : stem_terms(std::string(*it).substr(field_prefix.size()), field_prefix))
        found.emplace_back(it.get_termfreq(), s);
    std::sort(found.rbegin(), found.rend());
    std::set<std::string> terms;
    for (const auto& [f, t] : found)
      if (terms.size() < kPhraseWildcardLimit) terms.insert(t);
    if (hl) {  // the stems searched at this position, without "Z" + field prefix
      hl->kind = MatchNode::Kind::terms;
      for (const auto& t : terms) hl->stems.push_back(t.substr(zp.size() - prefix_word.size()));
    }
    if (terms.empty()) return Xapian::Query(zp);  // matches nothing, honestly
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  Xapian::Query near(const QueryNode& n, MatchNode* hl) {
    std::vector<Xapian::Query> slots;
    std::vector<MatchNode> marks;
    for (const auto& k : n.kids) {
      if (k.kind == K::wildcard) {
        slots.push_back(expand_in_phrase(k.text, "", k, &marks.emplace_back()));
        continue;
      }
      std::vector<Token> toks;
      tokenize(k.text, toks);
      if (toks.size() != 1) fail(k, "NEAR joins single words; '" + k.text + "' " + where(k) + " is not one word");
      if (k.exact) {
        slots.push_back(Xapian::Query(toks[0].word));
        marks.push_back(exact_node(toks[0].word));
        continue;
      }
      auto terms = stem_terms(toks[0].word, "");
      slots.push_back(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
      marks.push_back(word_node(toks[0].word));
      out.words.push_back({k.pos, k.len, toks[0].word});
    }
    const auto window = static_cast<Xapian::termcount>(std::max<int>(n.window, 1) + static_cast<int>(slots.size()) - 1);
    if (hl) {
      hl->kind = MatchNode::Kind::near;
      hl->window = window;
      hl->kids = std::move(marks);
    }
    return Xapian::Query(Xapian::Query::OP_NEAR, slots.begin(), slots.end(), window);
  }

  static Xapian::Query filter(const Xapian::Query& q) { return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0); }

  static std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }

  // year:2013  year:2013..2015  year:..2014  date:2013-05..2014-02-15
  Xapian::Query date_range(const QueryNode& n) {
    const bool year = n.field == "year";
    auto valid = [&](const std::string& s) {
      if (s.empty()) return true;
      if (year) return s.size() == 4 && std::all_of(s.begin(), s.end(), ::isdigit);
      auto d = [&](size_t a, size_t len) {
        for (size_t i = a; i < a + len; ++i)
          if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
      };
      return (s.size() == 4 && d(0, 4)) || (s.size() == 7 && d(0, 4) && s[4] == '-' && d(5, 2)) ||
             (s.size() == 10 && d(0, 4) && s[4] == '-' && d(5, 2) && s[7] == '-' && d(8, 2));
    };
    std::string lo = n.text, hi = n.text;
    size_t dots = n.text.find("..");
    if (dots != std::string::npos) {
      lo = n.text.substr(0, dots);
      hi = n.text.substr(dots + 2);
      if (lo.empty() && hi.empty()) fail(n, n.field + ": " + where(n) + " needs at least one end of the range");
    }
    const char* example = year ? "year:2013 or year:2013..2015" : "date:2013-05 or date:2013-05-01..2014-12";
    if (!valid(lo) || !valid(hi))
      fail(n, n.field + ":" + n.text + " " + where(n) + " is not a " + (year ? "year" : "date") + " or range; write " +
                  example);
    std::string klo = lo.empty() ? "" : date_key(lo), khi = hi.empty() ? "" : date_key(hi);
    if (!khi.empty()) {  // the end is inclusive: 2015 means up to 2015-12-99
      if (hi.size() == 4)
        khi = hi + "9999";
      else if (hi.size() == 7)
        khi = khi.substr(0, 6) + "99";
    }
    if (!klo.empty() && !khi.empty() && klo > khi)
      fail(n, "the range " + n.text + " " + where(n) + " ends before it starts");
    if (klo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDate, khi);
    if (khi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDate, klo);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDate, klo, khi);
  }

  // code:"Legal infrastructure": a path, a name or an alias (any case), with sub-codes.
  Xapian::Query code_filter(const QueryNode& n) {
    const std::string v = lower(n.text);
    std::set<Id> hits;
    for (const auto& c : ctx_.codes) {
      bool m = lower(c.path) == v || lower(c.name) == v || std::to_string(c.id) == v;
      for (const auto& a : c.aliases) m = m || lower(a) == v;
      if (m) hits.insert(c.id);
    }
    if (hits.empty() && v.size() >= 3)  // then a part of a name
      for (const auto& c : ctx_.codes)
        if (lower(c.name).find(v) != std::string::npos) hits.insert(c.id);
    if (hits.empty()) {
      std::string names;
      for (const auto& c : ctx_.codes)
        if (!c.parent) names += (names.empty() ? "" : ", ") + c.name;
      fail(n, "no code matches '" + n.text + "' " + where(n) +
                  (names.empty() ? " (the codebook is empty)" : " (top-level codes: " + names + ")"));
    }
    // Evidence coded with a sub-code counts for its parent.
    std::set<Id> all = hits;
    bool grew = true;
    while (grew) {
      grew = false;
      for (const auto& c : ctx_.codes)
        if (c.parent && all.count(*c.parent) && all.insert(c.id).second) grew = true;
    }
    std::vector<std::string> terms;
    for (Id id : all) terms.push_back(kCodePrefix + std::to_string(id));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  // Filters and metadata fields: nothing in the passage text to highlight.
  Xapian::Query field(const QueryNode& n) {
    const std::string& f = n.field;
    if (f == "title" || f == "outlet" || f == "author" || f == "speaker") {
      const std::string prefix = f == "title" ? kTitlePrefix : f == "speaker" ? kSpeakerPrefix : kOutletPrefix;
      if (n.value_is_wildcard) {
        std::vector<Token> toks;
        tokenize(n.text, toks);
        if (toks.size() != 1 || toks[0].word.size() < 2)
          fail(n, f + ":" + n.text + "* " + where(n) + ": give at least two letters before the *");
        return wildcard(toks[0].word, prefix, nullptr);
      }
      return text_query(n, n.text, prefix, n.value_is_phrase, nullptr);
    }
    if (n.value_is_wildcard) fail(n, f + ": " + where(n) + " does not take a prefix*; give the whole value");
    if (f == "type") {
      const std::string v = lower(n.text);
      bool known = false;
      std::string list;
      for (const auto& t : ctx_.source_types) {
        known = known || lower(t) == v;
        list += (list.empty() ? "" : ", ") + t;
      }
      if (!known) fail(n, "unknown source type '" + n.text + "' " + where(n) + " (this project has: " + list + ")");
      return filter(Xapian::Query(kTypePrefix + v));
    }
    if (f == "lang") {
      const std::string v = lower(n.text);
      if (v.size() < 2 || v.size() > 3 || !std::all_of(v.begin(), v.end(), ::isalpha))
        fail(n, "lang:" + n.text + " " + where(n) + " is not a language code; write lang:id or lang:en");
      return filter(Xapian::Query(kLangPrefix + v));
    }
    if (f == "year" || f == "date") return filter(date_range(n));
    if (f == "doc") {
      if (n.text.empty() || !std::all_of(n.text.begin(), n.text.end(), ::isdigit))
        fail(n, "doc:" + n.text + " " + where(n) + " is not a document number");
      return filter(Xapian::Query(doc_term(std::stoll(n.text))));
    }
    if (f == "code") return filter(code_filter(n));
    fail(n, "unknown field " + f + ": " + where(n));
  }

  // Filters on the same field OR (type:news type:official), different fields AND.
  Xapian::Query conjunction(const QueryNode& n, MatchNode* hl) {
    std::vector<Xapian::Query> parts;
    std::map<std::string, std::vector<Xapian::Query>> filters;
    for (const auto& k : n.kids) {
      const bool boolean = k.kind == K::field && (k.field == "type" || k.field == "lang" || k.field == "year" ||
                                                  k.field == "date" || k.field == "doc" || k.field == "code");
      if (boolean)
        filters[k.field].push_back(build(k, nullptr));
      else
        parts.push_back(build(k, kid(hl)));
    }
    for (auto& [f, qs] : filters)
      parts.push_back(qs.size() == 1 ? qs[0] : Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()));
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

 public:
  bool ignored_ = false;
  int real_ = 0;  // parts that search for something

 private:
  const std::string& q_;
  QueryContext& ctx_;
};

bool has_not(const QueryNode& n) {
  if (n.kind == K::and_not) return true;
  return std::any_of(n.kids.begin(), n.kids.end(), has_not);
}

bool has_weight(const QueryNode& n) {
  switch (n.kind) {
    case K::word:
    case K::phrase:
    case K::wildcard:
    case K::near:
      return true;
    case K::field:
      return n.field == "title" || n.field == "outlet" || n.field == "author" || n.field == "speaker";
    case K::and_not:
      return has_weight(n.kids[0]);
    default:
      for (const auto& k : n.kids)
        if (has_weight(k)) return true;
      return false;
  }
}

}  // namespace

BuiltQuery build_query(const std::string& query, QueryContext& ctx) {
  QueryNode tree = parse_query(query);
  Builder b(query, ctx);
  b.out.query = b.build(tree, &b.out.highlight.root);
  b.out.weighted = has_weight(tree);
  b.out.negative_only = has_not(tree) && b.out.highlight.empty();
  if (b.real_ == 0)
    throw QueryError("the query has no words to search for (only punctuation)", 0, text::count_code_points(query));
  return std::move(b.out);
}

}  // namespace telaah::index
