// Running a query: ranking or date order, grouping by document, facets,
// snippets, match offsets, "did you mean" (see search.h).
#include "index/search.h"
#include "index/spelling.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "index/query.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/writer.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::index {
namespace {

int64_t value_int(const Xapian::Document& d, Slot s) {
  std::string v = d.get_value(s);
  return v.empty() ? 0 : static_cast<int64_t>(Xapian::sortable_unserialise(v));
}

// The passage end and block index from the document data ("END BLOCK").
std::pair<int64_t, int> end_and_block(const Xapian::Document& d) {
  const std::string data = d.get_data();
  size_t sp = data.find(' ');
  try {
    return {std::stoll(data.substr(0, sp)), sp == std::string::npos ? 0 : std::stoi(data.substr(sp + 1))};
  } catch (const std::exception&) {
    return {0, 0};
  }
}

// Facet counts from a ValueCountMatchSpy over kFacets ("ID<sep>type<sep>year
// <sep>lang<sep>outlet<sep>codes"): the only spy a remote shard server can
// run. Per document: the document's fields once, and every code of any of
// its matching passages once.
Facets count_facets(const Xapian::ValueCountMatchSpy& spy, bool per_document) {
  std::map<std::string, int64_t> counts[kFacetCount];
  struct PerDoc {
    std::string parts[kFacetCodes];
    std::set<std::string> codes;
  };
  std::map<std::string, PerDoc> docs;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string v = *it;
    const int64_t freq = it.get_termfreq();
    std::string parts[kFacetCount + 1];
    for (size_t i = 0, k = 0; k <= kFacetCount; ++k) {
      size_t j = v.find(kFacetSep, i);
      if (j == std::string::npos) j = v.size();
      if (i <= v.size()) parts[k] = v.substr(i, j - i);
      i = j + 1;
    }
    std::vector<std::string> codes;
    const std::string& cl = parts[kFacetCodes + 1];
    for (size_t i = 0; i < cl.size();) {
      size_t j = cl.find(' ', i);
      if (j == std::string::npos) j = cl.size();
      if (j > i) codes.push_back(cl.substr(i, j - i));
      i = j + 1;
    }
    if (per_document) {
      PerDoc& d = docs[parts[0]];
      for (int k = 0; k < kFacetCodes; ++k) d.parts[k] = parts[k + 1];
      d.codes.insert(codes.begin(), codes.end());
    } else {
      for (int k = 0; k < kFacetCodes; ++k) counts[k][parts[k + 1]] += freq;
      for (const auto& c : codes) counts[kFacetCodes][c] += freq;
    }
  }
  for (const auto& [id, d] : docs) {
    for (int k = 0; k < kFacetCodes; ++k) ++counts[k][d.parts[k]];
    for (const auto& c : d.codes) ++counts[kFacetCodes][c];
  }
  auto facet = [&](int k) {
    std::vector<FacetValue> out;
    for (const auto& [v, c] : counts[k])
      if (!v.empty()) out.push_back({v, c});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetValue& x, const FacetValue& y) { return x.count > y.count; });
    return out;
  };
  Facets f;
  f.source_type = facet(kFacetType);
  f.year = facet(kFacetYear);
  f.language = facet(kFacetLang);
  f.outlet = facet(kFacetOutlet);
  f.code = facet(kFacetCodes);
  return f;
}

// A window of about `len` code points of the passage around its first match,
// cut at spaces.
void make_snippet(Hit& h, std::string_view text, const text::OffsetMap& map, int64_t pstart, int64_t pend,
                  const std::vector<Match>& marks, int len) {
  int64_t from = pstart;
  if (!marks.empty()) from = std::max(pstart, marks.front().start - len / 4);
  int64_t to = std::min(pend, from + len);
  if (to - from < len) from = std::max(pstart, to - len);
  auto cp_at = [&](int64_t p) { return text::slice_cp(text, map, p, p + 1); };
  if (from > pstart) {  // start after a space, unless that cuts the first match
    int64_t f = from;
    while (f < pend && f < from + 20 && cp_at(f) != " ") ++f;
    if (f < pend && (marks.empty() || f < marks.front().start)) from = f + 1;
  }
  if (to < pend) {
    int64_t t = to;
    while (t > from && t > to - 20 && cp_at(t) != " ") --t;
    if (t > from) to = t;
  }
  h.snippet_start = from;
  h.snippet = std::string(text::slice_cp(text, map, from, to));
  for (const auto& m : marks)
    if (m.start >= from && m.end <= to) h.snippet_marks.push_back({m.start - from, m.end - from});
}

}  // namespace

std::string marked_snippet(const Hit& h, const std::string& open, const std::string& close) {
  text::OffsetMap map(h.snippet);
  std::string out;
  int64_t at = 0;
  for (const auto& m : h.snippet_marks) {
    out += text::slice_cp(h.snippet, map, at, m.start);
    out += open;
    out += text::slice_cp(h.snippet, map, m.start, m.end);
    out += close;
    at = m.end;
  }
  out += text::slice_cp(h.snippet, map, at, map.size_cp());
  return out;
}

std::unique_ptr<Index> Index::open(const fs::path& project) {
  ProjectSource src(project);
  return open(project, shard_config(src));
}

std::unique_ptr<Index> Index::open(const fs::path& project, const ShardConfig& shards) {
  auto idx = std::unique_ptr<Index>(new Index());
  idx->project_ = project;
  idx->src_ = std::make_unique<ProjectSource>(project);
  if (shards.sharded())
    idx->shards_ = std::make_unique<ShardSet>(shards, idx->src_->project_id(), shards_aux_dir_for(project.string()));
  IdStemmerKind kind = IdStemmerKind::dictionary;
  try {
    kind = id_stemmer_kind_from_string(idx->src_->setting("stemmer_id"));
  } catch (const UserError&) {
  }
  idx->stemmers_ = std::make_unique<Stemmers>(kind);
  idx->refresh();
  return idx;
}

Index::~Index() = default;

void Index::adopt_shards() {
  db_.reset();
  if (Xapian::Database* all = shards_->combined()) db_ = std::make_unique<Xapian::Database>(*all);
}

void Index::refresh() {
  if (shards_) {
    shards_->connect_all();
    adopt_shards();
    return;
  }
  db_.reset();
  const std::string dir = index_dir_for(project_.string());
  std::error_code ec;
  if (!fs::exists(dir, ec)) return;
  try {
    auto db = std::make_unique<Xapian::Database>(dir);
    // Another project's index, or a half-written one, is never searched.
    if (db->get_metadata(kMetaFormat) != kFormat || db->get_metadata(kMetaProject) != src_->project_id()) return;
    db_ = std::move(db);
  } catch (const Xapian::Error&) {
  }
}

int64_t Index::index_revision() const {
  if (shards_) return shards_->revision();
  if (!db_) return -1;
  try {
    return std::stoll(db_->get_metadata(kMetaRevision));
  } catch (const std::exception&) {
    return -1;
  }
}

bool Index::stale() {
  return !db_ || index_revision() != src_->revision();
}

SyncReport Index::ensure_current(const SyncOptions& opt, Progress* progress) {
  SyncReport r =
      shards_ ? sync_shards(project_, shards_->config(), opt, progress) : sync_index(project_, opt, progress);
  refresh();
  return r;
}

Results Index::search(const Query& q) {
  if (!shards_) return search_once(q);
  if (shards_->retry_down()) adopt_shards();
  // A shard that fails or is too slow during the search is left out and the
  // search runs again on the others.
  for (size_t attempt = 0;; ++attempt) {
    if (!db_) {
      std::string why;
      for (const auto& n : shards_->notes()) why += (why.empty() ? "" : "; ") + n;
      throw UserError("no shard of the search index can be searched: " + why);
    }
    try {
      Results r = search_once(q);
      r.partial = !shards_->complete();
      r.missing_shards = shards_->missing();
      auto notes = shards_->notes();
      r.notes.insert(r.notes.begin(), notes.begin(), notes.end());
      return r;
    } catch (const Xapian::NetworkError&) {
      if (attempt >= shards_->size()) throw;
      shards_->recover();
      adopt_shards();
    }
  }
}

Results Index::search_once(const Query& q) {
  if (!db_) throw UserError("this project has no search index yet: run 'telaah reindex " + project_.string() + "'");
  if (q.limit < 0 || q.offset < 0) throw UserError("--limit and --offset cannot be negative");
  QueryContext ctx{*stemmers_, db_.get(), src_->source_types(), src_->codes(), q.synonyms, static_cast<bool>(shards_)};
  BuiltQuery bq = build_query(q.text, ctx);
  if (q.docs) {  // a document set: a boolean filter on the documents' terms
    std::vector<Xapian::Query> in;
    in.reserve(q.docs->size());
    for (Id d : *q.docs) in.emplace_back(doc_term(d));
    bq.query = in.empty() ? Xapian::Query::MatchNothing
                          : Xapian::Query(Xapian::Query::OP_FILTER, bq.query,
                                          Xapian::Query(Xapian::Query::OP_OR, in.begin(), in.end()));
  }
  Results res;
  res.marks = !bq.highlight.empty();
  if (bq.negative_only)
    res.notes.push_back(
        "NOT applies per passage: each document listed has at least one passage without the excluded words "
        "(its passages that have them are not shown)");
  res.index_revision = index_revision();
  if (!stemmers_->note().empty()) res.notes.push_back(stemmers_->note());
  const int64_t project_rev = src_->revision();
  if (res.index_revision != project_rev)
    res.notes.push_back("the search index holds revision " + std::to_string(res.index_revision) + " of the project's " +
                        std::to_string(project_rev) + "; results may miss the latest changes");

  Xapian::MSet mset;
  std::optional<Xapian::ValueCountMatchSpy> spy;
  for (int attempt = 0;; ++attempt) {
    try {
      spy.emplace(kFacets);
      Xapian::Enquire enq(*db_);
      enq.set_query(bq.query);
      if (q.by_document) enq.set_collapse_key(kDoc);
      if (q.sort == Query::Sort::date_newest || (!bq.weighted && q.sort == Query::Sort::relevance))
        enq.set_sort_by_value_then_relevance(kDate, true);
      else if (q.sort == Query::Sort::date_oldest)
        enq.set_sort_by_value_then_relevance(kDate, false);
      if (q.facets) enq.add_matchspy(&*spy);
      // Counting up to a few thousand matches exactly costs little and makes
      // the total exact for most searches (grouped totals are poor estimates).
      const Xapian::doccount check =
          q.facets ? db_->get_doccount()
                   : static_cast<Xapian::doccount>(std::max<int64_t>(q.offset + q.limit + 1, 2000));
      mset = enq.get_mset(static_cast<Xapian::doccount>(q.offset), static_cast<Xapian::doccount>(q.limit), check);
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 2) throw;
      db_->reopen();  // the indexer committed twice while we read
    }
  }
  res.total = mset.get_matches_estimated();
  res.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (q.facets) {
    res.facets = count_facets(*spy, q.by_document);
    std::map<std::string, std::string> names;
    for (const auto& c : ctx.codes) names[std::to_string(c.id)] = c.path;
    for (auto& f : res.facets.code)
      if (names.count(f.value)) f.value = names[f.value];
  }

  if (!mset.empty()) mset.fetch(mset.begin(), mset.end());  // remote shards: ask for every hit's document at once
  // Every matching passage of the hit documents, for "every match": one
  // match over all of them (one exchange with the shards, not one per hit).
  std::map<Id, std::vector<Match>> doc_passages;
  if (q.by_document && q.all_matches && !mset.empty()) {
    std::vector<Xapian::Query> docs;
    // The passages of these documents bound the matches (asked of the local
    // index only: on remote shards each count would be a round trip).
    Xapian::doccount bound = shards_ ? 10'000'000 : 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string t = doc_term(value_int(it.get_document(), kDoc));
      if (!shards_) bound += db_->get_termfreq(t);
      docs.emplace_back(t);
    }
    Xapian::Enquire each(*db_);
    each.set_query(Xapian::Query(Xapian::Query::OP_FILTER, bq.query,
                                 Xapian::Query(Xapian::Query::OP_OR, docs.begin(), docs.end())));
    // The sort key (kStart) and the collapse key (kDoc, with nothing really
    // collapsed) carry what is needed, so no passage has to be read (each
    // read is a round trip to a remote shard, and remote shards cannot run a
    // KeyMaker).
    each.set_sort_by_value(kStart, false);
    each.set_collapse_key(kDoc, bound + 1);
    Xapian::MSet all = each.get_mset(0, bound + 1);
    for (auto p = all.begin(); p != all.end(); ++p) {
      const std::string d = p.get_collapse_key(), st = p.get_sort_key();
      const Id doc = d.empty() ? 0 : static_cast<Id>(Xapian::sortable_unserialise(d));
      doc_passages[doc].push_back(
          {st.empty() ? 0 : static_cast<int64_t>(Xapian::sortable_unserialise(st)), -1});  // end: below
    }
  }
  int64_t rank = q.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document d = it.get_document();
    Hit h;
    h.doc = value_int(d, kDoc);
    auto meta = src_->document(h.doc);
    if (!meta) continue;  // deleted since the index was updated
    h.start = value_int(d, kStart);
    std::tie(h.end, h.block) = end_and_block(d);
    h.score = it.get_weight();
    h.rank = rank++;
    h.title = meta->title;
    h.source_type = meta->type;
    h.language = meta->lang;
    h.date = meta->date;
    h.outlet = meta->outlet.empty() ? meta->author : meta->outlet;
    const std::string text = src_->text(h.doc);
    const text::OffsetMap map(text);
    const auto blocks = src_->blocks(h.doc);
    if (h.block >= 0 && static_cast<size_t>(h.block) < blocks.size()) h.speaker = blocks[h.block].speaker;
    const Lang lang = lang_from_code(meta->lang);

    // Every passage of this document that matches, for "every match".
    std::vector<Match> passages{{h.start, h.end}};
    if (auto found = doc_passages.find(h.doc); found != doc_passages.end() && !found->second.empty()) {
      passages = found->second;
      const int64_t len = static_cast<int64_t>(map.size_cp());
      for (auto& p : passages) {  // the passage ends, as writer.cpp computed them
        auto b = std::find_if(blocks.begin(), blocks.end(),
                              [&](const text::Block& x) { return x.start == p.start && x.end > x.start; });
        p.end = b != blocks.end() ? std::min(b->end, len) : (p.start == h.start ? h.end : p.start);
      }
    }
    h.passages = passages;
    std::vector<Match> best;
    for (const auto& p : passages) {
      auto spans = find_matches(text::slice_cp(text, map, p.start, p.end), p.start, lang, bq.highlight, *stemmers_);
      for (const auto& s : spans) {
        if (q.all_matches) h.matches.push_back({s.start, s.end});
        if (p.start == h.start) best.push_back({s.start, s.end});
      }
    }
    if (!q.all_matches) h.matches = best;
    make_snippet(h, text, map, h.start, h.end, best, q.snippet_length);
    res.hits.push_back(std::move(h));
  }

  // "Did you mean": words that occur nowhere, replaced by the index's
  // spelling suggestion, the rest of the query left as typed.
  std::string fixed = q.text;
  bool changed = false;
  for (auto w = bq.words.rbegin(); w != bq.words.rend(); ++w) {
    bool known = db_->term_exists(w->word);
    for (const auto& s : stemmers_->query_stems(w->word)) known = known || db_->term_exists(kStemPrefix + s);
    if (known) continue;
    std::string s = spelling_correction(*db_, w->word, 2);
    if (s.empty() || s == w->word) continue;
    fixed.replace(w->pos, w->len, s);
    changed = true;
  }
  if (changed) res.did_you_mean = fixed;
  return res;
}

std::string index_error_sentence(const Xapian::Error& e, const std::string& project) {
  std::string why = e.get_msg();
  if (const char* sys = e.get_error_string(); sys && *sys) why += (why.empty() ? "" : ": ") + std::string(sys);
  const std::string reindex = project.empty() ? "rebuild it (Reindex)" : "run 'telaah reindex " + project + "'";
  return "the search index could not be read or written (" + std::string(e.get_type()) + ": " + why +
         "); free disk space or make its folder writable, then " + reindex;
}

BackgroundIndexer::BackgroundIndexer(fs::path project, SyncOptions opt) : project_(std::move(project)), opt_(opt) {}

BackgroundIndexer::~BackgroundIndexer() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void BackgroundIndexer::start() {
  if (running_) return;
  if (thread_.joinable()) thread_.join();
  progress_.cancel = false;
  progress_.done = 0;
  progress_.total = 0;
  report_.reset();
  error_.clear();
  running_ = true;
  thread_ = std::thread([this] {
    try {
      report_ = sync_index(project_, opt_, &progress_);
    } catch (const Xapian::Error& e) {
      error_ = index_error_sentence(e);
    } catch (const std::exception& e) {
      error_ = e.what();
    }
    progress_.stage = Stage::done;
    running_.store(false, std::memory_order_release);
  });
}

bool BackgroundIndexer::running() const {
  return running_.load(std::memory_order_acquire);
}

std::optional<SyncReport> BackgroundIndexer::report() const {
  if (running()) return std::nullopt;
  return report_;
}

std::string BackgroundIndexer::error() const {
  return running() ? std::string() : error_;
}

}  // namespace telaah::index
