// "Computed once per revision on a worker": what a view shows that grows
// with the project (the evidence table and matrix of the triangulation view,
// the retrieval view's table, the agreement view's defaults) is computed for
// a key (the project's revision plus the view's inputs) on a worker thread
// through its own read-only snapshot of the project, never the window's
// connection. The frame never waits: it draws the last value (or a
// placeholder with progress while there is none yet) and picks up the new
// value in the frame after it arrived.
//
// Small projects (below Offload::limit rows of documents and codings) are
// computed in the frame instead: there a table costs less than a frame's
// budget, and the window shows no placeholder flash. The UI thread's work is
// therefore bounded by the limit, never by the project.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "store/project.h"
#include "ui/shell/tasks.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

struct Offload {
  // Documents + codings (estimated) from which the window reads on workers.
  static constexpr int64_t kDefaultLimit = 20000;
  static int64_t limit;  // tests set 0: everything on a worker

  // Test hook, timing-free proof that no frame waits for a worker: while
  // held, every worker of PerRevision (and the project cache's first load)
  // waits before it starts. A frame that waited for one would never end
  // while the test holds them; the worker gives up waiting after 30 s and
  // notes it (waited_too_long()), so such a test fails instead of hanging.
  static void hold(bool on);
  static bool waited_too_long();
  static void wait_if_held();  // workers call this first
};

// A placeholder in the middle of the free space: what is being computed and its progress.
void draw_placeholder(const char* what, double fraction, const std::string& message);
// The progress of the running task titled `title` (0 when there is none).
std::pair<double, std::string> task_progress(const TaskRunner& tasks, const std::string& title);

template <class Key, class Value>
class PerRevision {
 public:
  using Compute = std::function<Value(const store::Project& p, TaskProgress& progress)>;

  // Asks for the value for `key`. When it is neither shown nor on its way,
  // computes it now (small project) or starts a worker (one at a time: a
  // newer key waits until the running one is back). True when a new value
  // (or error) was taken in by this call.
  bool want(Workspace& ws, const Key& key, const std::string& title, Compute f) {
    bool arrived = take();
    if (!ws.has_project()) return arrived;
    if ((key_ && *key_ == key) || (failed_ && *failed_ == key) || state_->running) return arrived;
    if (!ws.read_on_workers()) {
      failed_.reset();
      error_.clear();
      TaskProgress none;
      try {
        value_ = f(*ws.project(), none);
        key_ = key;
      } catch (const std::exception& e) {
        error_ = e.what();
        failed_ = key;
      }
      return true;
    }
    state_->running = true;
    title_ = title;
    const uint64_t gen = state_->generation;
    ws.tasks().start(
        title,
        [state = state_, gen, key, f = std::move(f),
         file = ws.project_path()](TaskProgress& tp) -> std::function<void()> {
          Offload::wait_if_held();
          auto r = std::make_shared<Result>();
          r->key = key;
          try {
            const auto snapshot = store::Project::open_snapshot(file);
            r->value = f(*snapshot, tp);
          } catch (const std::exception& e) {
            r->error = e.what();
          }
          return [state, gen, r] {
            if (state->generation != gen) return;  // reset meanwhile (another project)
            state->running = false;
            state->result = r;
          };
        },
        TaskRunner::Kind::awaited);
    return arrived;
  }

  const Value* get() const { return value_ ? &*value_ : nullptr; }
  Value* get() { return value_ ? &*value_ : nullptr; }
  const std::optional<Key>& key() const { return key_; }
  bool pending() const { return state_->running; }
  const std::string& error() const { return error_; }  // the last computation failed: its message (the value stays)
  std::pair<double, std::string> progress(const Workspace& ws) const { return task_progress(ws.tasks(), title_); }
  // Another project: drops the value; a result on its way is ignored.
  void reset() {
    const uint64_t gen = state_->generation + 1;
    state_ = std::make_shared<State>();
    state_->generation = gen;
    value_.reset();
    key_.reset();
    failed_.reset();
    error_.clear();
  }

 private:
  struct Result {
    Key key;
    std::optional<Value> value;
    std::string error;
  };
  struct State {
    uint64_t generation = 0;
    bool running = false;
    std::shared_ptr<Result> result;  // arrived, not taken in yet
  };
  bool take() {
    if (!state_->result) return false;
    auto r = std::move(state_->result);
    state_->result.reset();
    if (r->value) {
      value_ = std::move(r->value);
      key_ = std::move(r->key);
      failed_.reset();
      error_.clear();
    } else {
      error_ = r->error;
      failed_ = std::move(r->key);
    }
    return true;
  }

  std::shared_ptr<State> state_ = std::make_shared<State>();
  std::optional<Value> value_;
  std::optional<Key> key_, failed_;
  std::string error_, title_;
};

}  // namespace telaah::ui
