// Code suggestions by relevance feedback on the search index (see suggest.h).
#include "index/suggest.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "index/function_words.h"
#include "index/query.h"
#include "index/schema.h"
#include "index/writer.h"
#include "store/suggestions.h"
#include "store/util.h"
#include "text/structure.h"
#include "text/utf8.h"

namespace telaah::index {

std::string suggestion_id(Id doc, int64_t start, int64_t end) {
  return std::to_string(doc) + ":" + std::to_string(start) + "-" + std::to_string(end);
}

SuggestSpan parse_suggestion_id(const std::string& id) {
  const size_t colon = id.find(':'), dash = id.find('-', colon == std::string::npos ? 0 : colon);
  auto bad = [&] {
    return ValidationError("'" + id +
                           "' is no suggestion id: it must be DOCUMENT:START-END as listed, e.g. 12:340-512");
  };
  if (colon == std::string::npos || dash == std::string::npos) throw bad();
  auto d = store::parse_id(id.substr(0, colon)), s = store::parse_id(id.substr(colon + 1, dash - colon - 1)),
       e = store::parse_id(id.substr(dash + 1));
  if (!d || !s || !e || *e <= *s) throw bad();
  return {*d, *s, *e};
}

namespace {

struct PassageRef {
  Xapian::docid did = 0;
  int64_t start = 0, end = 0;
};

int64_t value_int(const Xapian::Document& d, Slot s) {
  std::string v = d.get_value(s);
  return v.empty() ? 0 : static_cast<int64_t>(Xapian::sortable_unserialise(v));
}

int64_t data_end(const Xapian::Document& d) {
  const std::string data = d.get_data();
  try {
    return std::stoll(data.substr(0, data.find(' ')));
  } catch (const std::exception&) {
    return 0;
  }
}

// Body stems only ("Z" + a stem; field stems are "Z" + an upper-case prefix),
// never a function word (function_words.h), and not the very common words
// once the index is large enough to tell.
class BodyStems : public Xapian::ExpandDecider {
 public:
  BodyStems(const Xapian::Database& db, Stemmers& stemmers)
      : db_(db), n_(db.get_doccount()), function_(function_word_terms(stemmers)) {}
  bool operator()(const std::string& t) const override {
    if (t.size() < 3 || t[0] != 'Z' || std::isupper(static_cast<unsigned char>(t[1]))) return false;
    if (function_.count(t)) return false;
    if (n_ >= kCommonMinPassages && static_cast<double>(db_.get_termfreq(t)) > kCommonShare * n_) return false;
    return true;
  }

 private:
  const Xapian::Database& db_;
  Xapian::doccount n_;
  std::set<std::string> function_;
};

std::string shorten(const std::string& s, int64_t max_cp) {
  text::OffsetMap m(s);
  std::string out = static_cast<int64_t>(m.size_cp()) > max_cp ? std::string(text::slice_cp(s, m, 0, max_cp)) + "…" : s;
  for (auto& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

}  // namespace

SuggestResult suggest(Index& idx, const SuggestRequest& req) {
  const Xapian::Database* dbp = idx.database();
  if (!dbp) throw UserError("this project has no search index yet: run 'telaah reindex FILE' (suggestions use it)");
  if (req.limit <= 0) throw UserError("the number of suggestions (--limit) must be at least 1");
  if (req.scope == Scope::document) throw UserError("suggestions come at the scope sentence, paragraph or hit");
  const Xapian::Database& db = *dbp;
  const std::string no_seeds = req.empty_message.empty()
                                   ? "no coded passages for " + req.code_name + ": code a few passages first"
                                   : req.empty_message;
  SuggestResult res;
  ProjectSource& src = idx.source();

  // The passages of each document concerned, from the index.
  std::map<Id, std::vector<PassageRef>> passages;
  auto passages_of = [&](Id doc) -> const std::vector<PassageRef>& {
    auto it = passages.find(doc);
    if (it != passages.end()) return it->second;
    auto& v = passages[doc];
    const std::string dt = doc_term(doc);
    for (auto p = db.postlist_begin(dt); p != db.postlist_end(dt); ++p) {
      Xapian::Document d = db.get_document(*p);
      v.push_back({*p, value_int(d, kStart), data_end(d)});
    }
    return v;
  };
  auto overlapping = [&](const std::vector<SuggestSpan>& spans, std::set<Xapian::docid>& out) {
    for (const auto& s : spans)
      for (const auto& p : passages_of(s.doc))
        if (s.start < p.end && s.end > p.start) out.insert(p.did);
  };
  std::set<Xapian::docid> seed_set, coded_set, rejected_set;
  overlapping(req.seeds, seed_set);
  overlapping(req.coded, coded_set);
  overlapping(req.rejected, rejected_set);
  res.seed_passages = static_cast<int64_t>(seed_set.size());
  res.rejected_passages = static_cast<int64_t>(rejected_set.size());
  if (seed_set.empty() && req.ranker == SuggestRequest::Ranker::model) throw UserError(no_seeds);
  std::set<Xapian::docid> excluded = coded_set;
  excluded.insert(seed_set.begin(), seed_set.end());
  excluded.insert(rejected_set.begin(), rejected_set.end());
  res.excluded_passages = static_cast<int64_t>(excluded.size());

  BodyStems decider(db, idx.stemmers());
  Xapian::Enquire enq(db);
  std::map<std::string, double> weight;  // the model: term -> weight
  if (req.ranker == SuggestRequest::Ranker::model) {
    Xapian::RSet rset;
    for (auto d : seed_set) rset.add_document(d);
    Xapian::ESet eset = enq.get_eset(kExpandTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    for (auto t = eset.begin(); t != eset.end(); ++t) weight[*t] = t.get_weight();
  }
  // The code's name and definition words.
  double mean = 1;
  if (!weight.empty()) {
    double sum = 0;
    for (const auto& [t, w] : weight) sum += w;
    mean = sum / static_cast<double>(weight.size());
  }
  const double def_w = req.ranker == SuggestRequest::Ranker::model ? kDefinitionWeight * mean : 1.0;
  {
    std::vector<Token> toks;
    tokenize(req.definition, toks);
    std::set<std::string> done;
    for (const auto& t : toks)
      for (const auto& s : idx.stemmers().query_stems(t.word)) {
        const std::string term = kStemPrefix + s;
        if (!done.insert(term).second || !db.term_exists(term) || !decider(term)) continue;
        if (req.ranker == SuggestRequest::Ranker::plain_query)
          weight[term] = 1.0;
        else
          weight[term] += def_w;
      }
  }
  if (weight.empty())
    throw UserError(req.ranker == SuggestRequest::Ranker::model
                        ? "the coded passages of " + req.code_name +
                              " share no words that tell them from the rest of the corpus: code a few more passages"
                        : "the name and definition of " + req.code_name + " have no words in the index");

  // Rejections: a second relevance set against the first.
  std::map<std::string, double> demote;
  if (!rejected_set.empty() && req.ranker == SuggestRequest::Ranker::model) {
    Xapian::RSet neg;
    for (auto d : rejected_set) neg.add_document(d);
    Xapian::ESet eset = enq.get_eset(kRejectTerms, neg, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    for (auto t = eset.begin(); t != eset.end(); ++t) {
      const double wn = t.get_weight();
      auto it = weight.find(*t);
      const double wp = it == weight.end() ? 0.0 : it->second;
      bool in_seed = false;  // a word of the coded passages themselves never demotes
      for (auto did : seed_set) {
        Xapian::Document sd = db.get_document(did);
        auto tl = sd.termlist_begin();
        tl.skip_to(*t);
        if (tl != sd.termlist_end() && *tl == *t) {
          in_seed = true;
          break;
        }
      }
      if (wn > wp && !in_seed) demote[*t] = wn - wp;
      if (it != weight.end()) {
        if (wp - wn <= 0)
          weight.erase(it);
        else
          it->second = wp - wn;
      }
    }
  }
  if (weight.empty()) throw UserError("the rejected passages of " + req.code_name + " cancel every word of its model");
  for (const auto& [t, w] : weight) res.model.push_back({t.substr(1), w});
  std::stable_sort(res.model.begin(), res.model.end(), [](auto& a, auto& b) { return a.weight > b.weight; });
  double demote_total = 0;
  for (const auto& [t, w] : demote) {
    res.negative.push_back({t.substr(1), w});
    demote_total += w;
  }
  std::stable_sort(res.negative.begin(), res.negative.end(), [](auto& a, auto& b) { return a.weight > b.weight; });

  // The query: every model term, scaled by its weight.
  std::vector<Xapian::Query> parts;
  for (const auto& [t, w] : weight) parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t), w);
  Xapian::Query q(Xapian::Query::OP_OR, parts.begin(), parts.end());
  if (!req.filter.empty()) {
    QueryContext ctx{idx.stemmers(), &db, src.source_types(), src.codes(), false, false};
    BuiltQuery f = build_query(req.filter, ctx);
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, f.query);
  }
  enq.set_query(q);
  const int64_t pool = std::max<int64_t>(req.limit * kPoolFactor, req.limit + 20);
  Xapian::MSet mset = enq.get_mset(0, static_cast<Xapian::doccount>(pool + excluded.size()));

  // The seeds' model terms, for "most like".
  struct SeedPassage {
    Xapian::docid did;
    std::set<std::string> terms;
  };
  std::vector<SeedPassage> seed_terms;
  for (auto did : seed_set) {
    SeedPassage sp{did, {}};
    Xapian::Document d = db.get_document(did);
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
      if (weight.count(*t)) sp.terms.insert(*t);
    seed_terms.push_back(std::move(sp));
  }

  std::vector<Suggestion> out;
  for (auto it = mset.begin(); it != mset.end() && static_cast<int64_t>(out.size()) < pool; ++it) {
    if (excluded.count(*it)) continue;
    Xapian::Document d = it.get_document();
    Suggestion s;
    s.doc = value_int(d, kDoc);
    s.passage_start = value_int(d, kStart);
    s.passage_end = data_end(d);
    s.score = it.get_weight();
    std::set<std::string> have;
    for (auto t = enq.get_matching_terms_begin(it); t != enq.get_matching_terms_end(it); ++t) have.insert(*t);
    for (const auto& t : have) s.terms.push_back({t.substr(1), weight[t]});
    std::stable_sort(s.terms.begin(), s.terms.end(), [](auto& a, auto& b) { return a.weight > b.weight; });
    if (s.terms.size() > 6) s.terms.resize(6);
    if (demote_total > 0) {
      double held = 0;
      for (const auto& [t, w] : demote) {
        auto tl = d.termlist_begin();
        tl.skip_to(t);
        if (tl != d.termlist_end() && *tl == t) {
          held += w;
          s.demoted_by.push_back(t.substr(1));
        }
      }
      s.demotion = kMaxDemotion * held / demote_total;
      s.score *= 1 - s.demotion;
    }
    // The coded passage most like it.
    double best = 0;
    const SeedPassage* like = nullptr;
    for (const auto& sp : seed_terms) {
      double o = 0;
      for (const auto& t : have)
        if (sp.terms.count(t)) o += weight[t];
      if (o > best) best = o, like = &sp;
    }
    if (like) {
      s.similar.overlap = best;
      for (const auto& t : have)
        if (like->terms.count(t)) s.similar.shared.push_back(t.substr(1));
      Xapian::Document ld = db.get_document(like->did);
      const Id ldoc = value_int(ld, kDoc);
      const int64_t ls = value_int(ld, kStart), le = data_end(ld);
      s.similar.doc = ldoc;
      for (const auto& sd : req.seeds)  // the coded span itself
        if (sd.doc == ldoc && sd.start < le && sd.end > ls) {
          s.similar.start = sd.start;
          s.similar.end = sd.end;
          break;
        }
    }
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });

  // Texts, titles and the span at the scope asked for, for the ones kept.
  std::vector<Suggestion> kept;
  std::map<Id, std::string> texts;
  for (auto& s : out) {
    if (static_cast<int64_t>(kept.size()) >= req.limit) break;
    auto meta = src.document(s.doc);
    if (!meta) continue;  // deleted since the index was updated
    s.title = meta->title;
    auto& text = texts[s.doc];
    if (text.empty()) text = src.text(s.doc);
    const text::OffsetMap map(text);
    s.start = s.passage_start;
    s.end = std::min<int64_t>(s.passage_end, static_cast<int64_t>(map.size_cp()));
    if (req.scope != Scope::paragraph) {
      const Lang lang = lang_from_code(meta->lang);
      double best = 0;
      int64_t bs = s.start, be = s.end, hs = s.start, he = s.end;
      for (const auto& sen : text::split_sentences(text, {s.start, s.end})) {
        std::vector<Token> toks;
        tokenize(text::slice_cp(text, map, sen.start, sen.end), toks, sen.start);
        std::set<std::string> seen;
        double w = 0;
        int64_t first = -1, last = -1;
        for (const auto& t : toks) {
          const std::string term = kStemPrefix + idx.stemmers().stem(lang, t.word);
          auto f = weight.find(term);
          if (f == weight.end()) continue;
          if (seen.insert(term).second) w += f->second;
          if (first < 0) first = t.start;
          last = t.end;
        }
        if (w > best) best = w, bs = sen.start, be = sen.end, hs = first, he = last;
      }
      if (best > 0) {
        s.start = req.scope == Scope::hit ? hs : bs;
        s.end = req.scope == Scope::hit ? he : be;
      }
    }
    s.id = suggestion_id(s.doc, s.start, s.end);
    s.quote = std::string(text::slice_cp(text, map, s.start, s.end));
    if (s.similar.end > s.similar.start) {
      auto lm = src.document(s.similar.doc);
      s.similar.title = lm ? lm->title : "";
      auto& lt = texts[s.similar.doc];
      if (lt.empty()) lt = src.text(s.similar.doc);
      const text::OffsetMap lmap(lt);
      s.similar.quote = shorten(std::string(text::slice_cp(lt, lmap, s.similar.start, s.similar.end)), 200);
    }
    kept.push_back(std::move(s));
  }
  res.suggestions = std::move(kept);
  if (idx.index_revision() != src.revision())
    res.notes.push_back("the search index is behind the project; suggestions may miss the latest changes");
  return res;
}

SuggestRequest suggest_request(const store::Project& p, Id code, const SuggestOptions& opt) {
  SuggestRequest r;
  const store::Code c = p.code(code);
  r.code_name = p.code_path(code);
  r.definition = c.name + " " + c.definition;
  r.scope = opt.scope;
  r.limit = opt.limit;
  r.filter = opt.filter;
  std::optional<Id> coder;
  if (!opt.coder.empty()) {
    coder = p.find_coder(opt.coder);
    if (!coder) throw NotFound("no coder named '" + opt.coder + "' in this project");
  }
  const auto codes = p.code_descendants(code);
  store::CodingFilter f;
  f.codes = codes;
  p.for_each_coding(f, [&](const store::Coding& k) {
    r.coded.push_back({k.doc, k.start, k.end});
    if (coder && k.coder != *coder) return;
    if (opt.supports_only && k.stance != store::Stance::supports) return;
    r.seeds.push_back({k.doc, k.start, k.end});
  });
  for (const auto& x : store::suggestion_rejections(p, codes)) r.rejected.push_back({x.doc, x.start, x.end});
  std::string which = r.code_name;
  if (coder) which += " by " + opt.coder;
  if (opt.supports_only) which += " with stance supports";
  r.empty_message = "no coded passages for " + which + ": code a few passages first";
  if (r.seeds.empty()) throw UserError(r.empty_message);
  return r;
}

}  // namespace telaah::index
