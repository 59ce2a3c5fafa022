// The search view's background side (issue 9): one worker thread owns the
// read side of the index (index::Index is used by one thread at a time) and
// runs searches and auto-code plans; the UI posts jobs and polls replies
// once per frame, never waiting. Every job carries a generation: a newer
// job makes older ones stale, so they are skipped or their replies dropped.
// Keeping the index in step (index::sync) runs as an App task; see
// start_index_sync().
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "index/autocode.h"
#include "index/search.h"
#include "ui/shell/tasks.h"

namespace telaah::ui {

struct SearchJob {
  enum class Kind { search, plan } kind = Kind::search;
  uint64_t gen = 0;
  index::Query query;                      // search: text, sort, page, facets; plan: text
  std::string typed;                       // search: the query as typed (query.text may be its exact form)
  index::Scope scope = index::Scope::hit;  // plan
  store::Id code = 0;                      // plan
};

struct SearchReply {
  SearchJob job;
  enum class Error { none, query, no_index, other } error = Error::none;
  std::string message;                     // the error as a sentence
  size_t err_pos = 0, err_len = 0;         // query errors: code points into the query
  index::Results results;                  // search
  std::vector<index::AutocodeSpan> plan;   // plan
  std::vector<std::string> before, after;  // plan: a few words of text around each span, for the preview
  double ms = 0;                           // time spent in the index
};

// Runs one job against an index opened (and reopened) on demand.
class SearchEngine {
 public:
  void set_project(const std::filesystem::path& p);  // empty: no project
  void reopen();                                     // the index changed on disk
  SearchReply run(const SearchJob& j);               // any thread; one at a time
  // The search the view shows now (first page with facets), re-run after a sync.
  void set_current(std::optional<SearchJob> j);
  std::optional<SearchJob> current() const;

 private:
  mutable std::mutex cur_m_;
  std::optional<SearchJob> current_;
  std::mutex m_;
  std::filesystem::path path_, open_path_;
  std::unique_ptr<index::Index> idx_;
  bool reopen_ = false;
};

class SearchWorker {
 public:
  SearchWorker();
  ~SearchWorker();  // stops and joins
  SearchWorker(const SearchWorker&) = delete;
  SearchWorker& operator=(const SearchWorker&) = delete;

  void set_project(const std::filesystem::path& p);  // drops pending jobs
  // Queues a job. Jobs of its kind older than `stale_before` are dropped.
  void post(SearchJob j, uint64_t stale_before);
  // The UI thread, once per frame: what finished since the last call.
  std::vector<SearchReply> poll();
  bool busy() const;  // a job is queued or running
  // Calls `wake` at `when` (from the worker thread): a debounce deadline
  // wakes an idle window.
  void wake_at(std::chrono::steady_clock::time_point when);
  void set_wake(std::function<void()> w);
  std::shared_ptr<SearchEngine> engine() { return engine_; }

 private:
  void loop();
  std::shared_ptr<SearchEngine> engine_ = std::make_shared<SearchEngine>();
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::deque<SearchJob> jobs_;
  std::vector<SearchReply> replies_;
  uint64_t stale_search_ = 0, stale_plan_ = 0;
  bool running_job_ = false, stop_ = false;
  std::optional<std::chrono::steady_clock::time_point> wake_at_;
  std::function<void()> wake_;
  std::thread thread_;
};

// What the index sync reports to the view while it runs (written by the task).
struct SyncStatus {
  std::atomic<int> stage{0};  // index::Stage
  std::atomic<int64_t> done{0}, total{0};
  std::atomic<bool> cancel{false};  // the project was closed: stop, the old index stays
};

// What a finished sync hands back to the UI thread.
struct SyncOutcome {
  std::optional<index::SyncReport> report;
  std::string error;  // a sentence, or empty
  bool cancelled = false;
  std::optional<SearchReply> follow_up;  // the current search, run on the new index
};

// Starts index::sync for `project` as a background App task (progress in
// the task list and in `status`; coding and undo go on meanwhile). When the sync is done the engine reopens the index
// and, with `follow_up`, runs the engine's current search on the new index in
// the same task, so the results arrive together with the index. `done` runs
// on the UI thread.
void start_index_sync(TaskRunner& tasks, const std::string& title, const std::filesystem::path& project,
                      std::shared_ptr<SearchEngine> engine, std::shared_ptr<SyncStatus> status, bool follow_up,
                      std::function<void(SyncOutcome)> done);

}  // namespace telaah::ui
