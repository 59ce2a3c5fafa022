// Searching a project: the API the CLI and the GUI call.
//
//   auto idx = Index::open("study.telaah");   // read side, one thread
//   idx->ensure_current();                    // CLI: catch up right here
//   Results r = idx->search({.text = "kerjasama type:news", .limit = 20});
//
// A project whose setting `index_shards` names shard servers (or an Index
// opened with a ShardConfig) searches those instead of its local index (see
// shards.h); results then say whether every shard answered (Results::partial).
//
// The GUI keeps the frame free: it runs a BackgroundIndexer (its own
// thread, its own project connection) and calls refresh() when it is done.
// All positions are code points into the document text, 0-based, end
// exclusive.
#pragma once
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "index/analyzer.h"
#include "index/source.h"
#include "index/sync.h"

namespace telaah::index {

// One sentence for an error of the search index (a full disk, a read-only or
// damaged index): what failed, Xapian's words and the system's reason, and
// what to do. For the CLI and GUI boundaries, which must never let a
// Xapian::Error escape (it is no std::exception: the process would abort).
std::string index_error_sentence(const Xapian::Error& e, const std::string& project = "");

struct Query {
  std::string text;
  int64_t offset = 0, limit = 20;
  enum class Sort { relevance, date_newest, date_oldest } sort = Sort::relevance;
  bool facets = false;       // count source type, year, language, outlet, code over all matches
  bool synonyms = false;     // expand words with the synonym table
  bool by_document = true;   // one hit per document (its best passage); false: one per passage
  bool all_matches = true;   // fill Hit::matches with every match in the document's matching passages
  int snippet_length = 240;  // code points
  // Only these documents (database ids; a document set's members) when
  // given, as a filter of the match itself (totals and facets count only
  // them); an empty list finds nothing.
  std::optional<std::vector<Id>> docs;
};

struct Match {
  int64_t start = 0, end = 0;  // code points in the document
};

struct Hit {
  Id doc = 0;
  int block = 0;               // index of the best passage among the document's blocks
  int64_t start = 0, end = 0;  // the best passage
  double score = 0;
  int64_t rank = 0;  // 0-based, over all results
  std::string title, source_type, language, date, outlet, speaker;
  std::string snippet;               // plain text around the first match of the best passage
  int64_t snippet_start = 0;         // where the snippet starts in the document
  std::vector<Match> snippet_marks;  // matched words, code points within `snippet`
  std::vector<Match> passages;       // every passage of the document that matches (by_document)
  std::vector<Match> matches;        // every matched word in those passages, document positions
};

struct FacetValue {
  std::string value;
  int64_t count = 0;  // documents (by_document) or passages
};

struct Facets {
  std::vector<FacetValue> source_type, year, language, outlet, code;  // most frequent first
};

struct ShardConfig;
class ShardSet;

struct Results {
  std::vector<Hit> hits;
  int64_t total = 0;  // estimated matches (documents or passages); exact when `exact`
  bool exact = false;
  Facets facets;
  std::string did_you_mean;  // a corrected query, or empty
  std::vector<std::string> notes;
  // False when the query has no words to find in the text (only filters,
  // title/outlet/speaker fields or NOT parts): its hits carry no matches.
  bool marks = true;
  int64_t index_revision = 0;
  // Sharded index: some shards did not answer (down, slow, being rebuilt),
  // so hits, totals and facets leave their documents out. `notes` say why.
  bool partial = false;
  std::vector<std::string> missing_shards;  // host:port
};

// "[" and "]" around the matched words of a hit's snippet (for terminals and logs).
std::string marked_snippet(const Hit& h, const std::string& open = "[", const std::string& close = "]");

class Index {
 public:
  // Opens the project read-only and its index if there is one (a missing or
  // stale index is not an error here: see ensure_current / stale()).
  static std::unique_ptr<Index> open(const std::filesystem::path& project);
  // The same, on these shards instead of the project's setting (an empty
  // endpoint list: the local index).
  static std::unique_ptr<Index> open(const std::filesystem::path& project, const ShardConfig& shards);
  ~Index();

  // Brings the index up to date in the calling thread (catch up or rebuild),
  // then reopens it. For the CLI and tests; the GUI uses BackgroundIndexer.
  SyncReport ensure_current(const SyncOptions& opt = {}, Progress* progress = nullptr);
  // Reopens the index after someone else updated it.
  void refresh();
  bool ready() const { return static_cast<bool>(db_); }
  int64_t index_revision() const;
  bool stale();  // the project has changes the index does not have yet

  // Throws QueryError for a malformed query, UserError when there is no index yet.
  Results search(const Query& q);

  ProjectSource& source() { return *src_; }
  const Xapian::Database* database() const { return db_.get(); }  // null: no index yet (suggest.h)
  Stemmers& stemmers() { return *stemmers_; }

  bool sharded() const { return static_cast<bool>(shards_); }
  ShardSet* shards() { return shards_.get(); }  // null for the local index

 private:
  Index() = default;
  Results search_once(const Query& q);
  void adopt_shards();  // db_ = the reachable shards as one database
  std::filesystem::path project_;
  std::unique_ptr<ProjectSource> src_;
  std::unique_ptr<Stemmers> stemmers_;
  std::unique_ptr<Xapian::Database> db_;
  std::unique_ptr<ShardSet> shards_;
};

// Indexing off the UI thread, with progress and cancel.
class BackgroundIndexer {
 public:
  explicit BackgroundIndexer(std::filesystem::path project, SyncOptions opt = {});
  ~BackgroundIndexer();  // cancels and joins
  void start();
  void cancel() { progress_.cancel = true; }
  bool running() const;
  const Progress& progress() const { return progress_; }
  // After running() turns false: the report, or the error as a sentence.
  std::optional<SyncReport> report() const;
  std::string error() const;

 private:
  std::filesystem::path project_;
  SyncOptions opt_;
  Progress progress_;
  std::thread thread_;
  std::atomic<bool> running_{false};
  std::optional<SyncReport> report_;
  std::string error_;
};

}  // namespace telaah::index
