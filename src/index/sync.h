// Keeping the index in step with its project.
//
// The index records, in the same Xapian commit as the passages it wrote, the
// project id, the project revision it reflects and a stamp of that
// revision's change-log row. On every sync:
//   missing / unreadable / other format / other project / other stemmer
//   / project older than the index (restored from a backup) / history that
//   differs at the indexed revision                      -> rebuild;
//   behind                                                -> catch up from the
//                                                            change log (undo
//                                                            and redo included);
//   synonym table changed                                 -> rewrite it.
// A rebuild writes a fresh database beside the old one (one shard per core,
// merged by compaction at the end) and swaps it in, so readers keep the old
// index until the new one is complete; a crash leaves the old one intact.
// All of this may run on a background thread: it opens its own project
// connection and its own Xapian writer.
#pragma once
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "store/errors.h"

namespace telaah::index {

enum class Stage : int { idle, checking, indexing, merging, finishing, done };
const char* to_string(Stage s);

// Shared with a UI thread: it reads, the indexing thread writes.
struct Progress {
  std::atomic<int64_t> done{0}, total{0};  // documents
  std::atomic<Stage> stage{Stage::idle};
  std::atomic<bool> cancel{false};  // set to stop; the old index stays
};

struct SyncOptions {
  unsigned threads = 0;  // rebuild shards; 0 = one per core
  bool force_rebuild = false;
  // Commit a shard after this much text (never by document count). Small
  // batches are faster: Xapian's in-memory posting maps grow slow long
  // before the on-disk merge does (see docs/performance.md).
  size_t flush_bytes = 512u << 10;
  bool compact = true;  // compact after a rebuild (smaller, faster to search)
};

struct SyncReport {
  enum class Action { none, caught_up, rebuilt } action = Action::none;
  std::string reason;  // why a rebuild or catch-up happened
  int64_t from_revision = -1, revision = 0;
  int64_t documents = 0;  // documents (re)indexed
  int64_t bytes = 0;      // text bytes indexed
  double seconds = 0;
  // CPU seconds by stage (thread CPU time, immune to other load on the
  // machine): the slowest indexing thread, all indexing threads, the merge
  // (compaction) and the finish (synonyms, spelling, metadata). On an idle
  // machine with a core per thread the wall time is about
  // indexing_max + merging + finishing.
  struct Cpu {
    double indexing_max = 0, indexing_total = 0, merging = 0, finishing = 0;
  } cpu;
  std::vector<std::string> notes;        // e.g. stemmer fallback
  std::vector<std::string> shards_down;  // sharded index: endpoints that could not be updated (see shards.h)
};
const char* to_string(SyncReport::Action a);

// What the index looks like, without changing anything.
struct IndexStatus {
  bool exists = false, readable = false;
  std::string format, project_id, stemmer;
  int64_t revision = -1, project_revision = 0;
  int64_t passages = 0;
  std::string problem;  // why it must be rebuilt; empty if it can be used
  bool behind() const { return problem.empty() && revision < project_revision; }
  bool current() const { return problem.empty() && revision == project_revision; }
};

// Another process is updating the index right now.
struct IndexBusy : UserError {
  using UserError::UserError;
};
// The user cancelled indexing; the previous index is untouched.
struct IndexCancelled : UserError {
  using UserError::UserError;
};

IndexStatus inspect_index(const std::filesystem::path& project);
SyncReport sync_index(const std::filesystem::path& project, const SyncOptions& opt = {}, Progress* progress = nullptr);

// Check for `telaah check`: the divergences found, in sentences; empty = in step.
std::vector<std::string> check_index(const std::filesystem::path& project);

}  // namespace telaah::index
