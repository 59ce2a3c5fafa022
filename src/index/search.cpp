// Running a query: ranking or date order, grouping by document, facets,
// snippets, match offsets, "did you mean" (see search.h).
#include "index/search.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "index/query.h"
#include "index/schema.h"
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

// Counts facet values over every match, once per document when grouping.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(bool per_document) : per_doc_(per_document) {}
  void operator()(const Xapian::Document& doc, double) override {
    if (per_doc_ && !seen_.insert(doc.get_value(kDoc)).second) return;
    const std::string v = doc.get_value(kFacets);
    std::string parts[kFacetCount];
    for (size_t i = 0, k = 0; k < kFacetCount; ++k) {
      size_t j = v.find(kFacetSep, i);
      if (j == std::string::npos) j = v.size();
      if (i <= v.size()) parts[k] = v.substr(i, j - i);
      i = j + 1;
    }
    for (int k = 0; k < kFacetCodes; ++k) ++counts_[k][parts[k]];
    const std::string& codes = parts[kFacetCodes];
    size_t i = 0;
    while (i < codes.size()) {
      size_t j = codes.find(' ', i);
      if (j == std::string::npos) j = codes.size();
      if (j > i) ++counts_[4][codes.substr(i, j - i)];
      i = j + 1;
    }
  }
  std::string name() const override { return "telaah::FacetSpy"; }
  void reset() {
    seen_.clear();
    for (auto& c : counts_) c.clear();
  }
  std::vector<FacetValue> facet(int k) const {
    std::vector<FacetValue> out;
    for (const auto& [v, c] : counts_[k])
      if (!v.empty()) out.push_back({v, c});
    std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    return out;
  }

 private:
  bool per_doc_;
  std::unordered_set<std::string> seen_;
  std::map<std::string, int64_t> counts_[5];
};

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
  auto idx = std::unique_ptr<Index>(new Index());
  idx->project_ = project;
  idx->src_ = std::make_unique<ProjectSource>(project);
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

void Index::refresh() {
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
  if (!db_) return -1;
  try {
    return std::stoll(db_->get_metadata(kMetaRevision));
  } catch (const std::exception&) {
    return -1;
  }
}

bool Index::stale() { return !db_ || index_revision() != src_->revision(); }

SyncReport Index::ensure_current(const SyncOptions& opt, Progress* progress) {
  SyncReport r = sync_index(project_, opt, progress);
  refresh();
  return r;
}

Results Index::search(const Query& q) {
  if (!db_) throw UserError("this project has no search index yet: run 'telaah reindex " + project_.string() + "'");
  if (q.limit < 0 || q.offset < 0) throw UserError("--limit and --offset cannot be negative");
  QueryContext ctx{*stemmers_, db_.get(), src_->source_types(), src_->codes(), q.synonyms};
  BuiltQuery bq = build_query(q.text, ctx);
  Results res;
  res.index_revision = index_revision();
  if (!stemmers_->note().empty()) res.notes.push_back(stemmers_->note());
  const int64_t project_rev = src_->revision();
  if (res.index_revision != project_rev)
    res.notes.push_back("the search index holds revision " + std::to_string(res.index_revision) + " of the project's " +
                        std::to_string(project_rev) + "; results may miss the latest changes");

  Xapian::MSet mset;
  FacetSpy spy(q.by_document);
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enq(*db_);
      enq.set_query(bq.query);
      if (q.by_document) enq.set_collapse_key(kDoc);
      if (q.sort == Query::Sort::date_newest || (!bq.weighted && q.sort == Query::Sort::relevance))
        enq.set_sort_by_value_then_relevance(kDate, true);
      else if (q.sort == Query::Sort::date_oldest)
        enq.set_sort_by_value_then_relevance(kDate, false);
      if (q.facets) enq.add_matchspy(&spy);
      // Counting up to a few thousand matches exactly costs little and makes
      // the total exact for most searches (grouped totals are poor estimates).
      const Xapian::doccount check =
          q.facets ? db_->get_doccount() : static_cast<Xapian::doccount>(std::max<int64_t>(q.offset + q.limit + 1, 2000));
      mset = enq.get_mset(static_cast<Xapian::doccount>(q.offset), static_cast<Xapian::doccount>(q.limit), check);
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 2) throw;
      db_->reopen();  // the indexer committed twice while we read
      spy.reset();
    }
  }
  res.total = mset.get_matches_estimated();
  res.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (q.facets) {
    res.facets.source_type = spy.facet(0);
    res.facets.year = spy.facet(1);
    res.facets.language = spy.facet(2);
    res.facets.outlet = spy.facet(3);
    res.facets.code = spy.facet(4);
    std::map<std::string, std::string> names;
    for (const auto& c : ctx.codes) names[std::to_string(c.id)] = c.path;
    for (auto& f : res.facets.code)
      if (names.count(f.value)) f.value = names[f.value];
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
    if (q.by_document && q.all_matches) {
      Xapian::Enquire one(*db_);
      one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, bq.query, Xapian::Query(doc_term(h.doc))));
      one.set_sort_by_value(kStart, false);
      Xapian::MSet all = one.get_mset(0, 100000);
      passages.clear();
      for (auto p = all.begin(); p != all.end(); ++p) {
        Xapian::Document pd = p.get_document();
        passages.push_back({value_int(pd, kStart), end_and_block(pd).first});
      }
      if (passages.empty()) passages.push_back({h.start, h.end});
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
    std::string s = db_->get_spelling_suggestion(w->word, 2);
    if (s.empty() || s == w->word) continue;
    fixed.replace(w->pos, w->len, s);
    changed = true;
  }
  if (changed) res.did_you_mean = fixed;
  return res;
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
      error_ = "the search index could not be updated: " + e.get_msg();
    } catch (const std::exception& e) {
      error_ = e.what();
    }
    progress_.stage = Stage::done;
    running_.store(false, std::memory_order_release);
  });
}

bool BackgroundIndexer::running() const { return running_.load(std::memory_order_acquire); }

std::optional<SyncReport> BackgroundIndexer::report() const {
  if (running()) return std::nullopt;
  return report_;
}

std::string BackgroundIndexer::error() const { return running() ? std::string() : error_; }

}  // namespace telaah::index
