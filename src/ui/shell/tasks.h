// Background tasks (import now, indexing later): the work runs on its own
// thread and reports progress; what it produced comes back to the UI thread
// as a continuation through a queue (Tracy's RunOnMainThread, ImHex's
// TaskManager). The frame never waits for a task.
#pragma once
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace telaah::ui {

// Shared between a task's worker and the UI thread.
class TaskProgress {
 public:
  // Progress wakes the window at most once per kWakeInterval (a redraw per
  // progress step made the window draw as fast as the task reported; under
  // software rendering a frame of the real window costs tens of ms).
  void set(double fraction, std::string message);
  static constexpr std::chrono::milliseconds kWakeInterval{1000};
  bool cancelled() const { return cancel_.load(); }
  void cancel() { cancel_ = true; }
  double fraction() const { return fraction_.load(); }
  std::string message() const;
  std::function<void()> wake;  // nudges the UI's event loop

 private:
  std::atomic<double> fraction_{0};
  std::atomic<bool> cancel_{false};
  mutable std::mutex m_;
  std::string message_;
  std::atomic<int64_t> last_wake_ms_{-1000000};
};

// What a finished task hands to the UI thread.
struct TaskResult {
  std::string title;
  std::function<void()> then;  // run on the UI thread (may be empty)
  std::exception_ptr error;    // the work threw
  bool cancelled = false;
};

class TaskRunner {
 public:
  // The work runs on a worker thread and returns the continuation for the UI thread.
  using Work = std::function<std::function<void()>(TaskProgress&)>;

  TaskRunner() = default;
  TaskRunner(const TaskRunner&) = delete;
  TaskRunner& operator=(const TaskRunner&) = delete;
  ~TaskRunner();  // cancels what still runs and waits for it

  // Exclusive tasks (import, building the sample, merging) will write to the
  // project when they finish, so while one runs the window refuses other
  // writes and project switches: busy() is true. Background tasks (keeping
  // the search index in step, backups, statistics) only read the last
  // committed state through their own connection; they never make the window
  // busy, so coding, undo and redo go on while they run, and they run at low
  // CPU and I/O priority (nice 10, idle-ish I/O) so they never compete with
  // the window or with work the researcher waits for. Awaited tasks are
  // reads like background ones whose result the researcher is waiting for
  // (the project's lists on opening, a view's table): normal priority.
  enum class Kind { exclusive, background, awaited };
  void start(std::string title, Work work, Kind kind = Kind::exclusive);
  // On the UI thread, once per frame: the tasks that finished since the last call.
  std::vector<TaskResult> poll();
  bool busy() const;    // an exclusive task runs
  bool active() const;  // any task runs (keep drawing frames for its progress)

  struct Running {
    std::string title, message;
    double fraction = 0;
  };
  std::vector<Running> running() const;
  void cancel_all();

  // Set by the platform (glfwPostEmptyEvent): called from worker threads
  // when progress or a result is ready, so an idle window wakes up.
  std::function<void()> wake;

 private:
  struct Task {
    std::string title;
    std::shared_ptr<TaskProgress> progress;
    std::thread thread;
    Kind kind = Kind::exclusive;
    std::atomic<bool> done{false};
    TaskResult result;
  };
  mutable std::mutex m_;
  std::vector<std::unique_ptr<Task>> tasks_;
};

}  // namespace telaah::ui
