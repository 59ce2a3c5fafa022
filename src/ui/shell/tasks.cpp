// Background tasks with progress, cancel and a result queue (see tasks.h).
#include "ui/shell/tasks.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace telaah::ui {

void TaskProgress::set(double fraction, std::string message) {
  fraction_ = fraction;
  {
    std::lock_guard<std::mutex> l(m_);
    message_ = std::move(message);
  }
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count();
  int64_t last = last_wake_ms_.load();
  if (now - last < kWakeInterval.count() || !last_wake_ms_.compare_exchange_strong(last, now)) return;
  if (wake) wake();
}

namespace {

// The calling thread only (Linux: nice and I/O priority are per thread, and
// threads it starts inherit them, e.g. the indexer's workers).
void lower_priority() {
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  ::setpriority(PRIO_PROCESS, tid, 10);
#ifdef SYS_ioprio_set
  constexpr int kWho = 1, kClassBestEffort = 2, kShift = 13;  // IOPRIO_WHO_PROCESS, IOPRIO_CLASS_BE
  ::syscall(SYS_ioprio_set, kWho, static_cast<int>(tid), (kClassBestEffort << kShift) | 7);  // lowest best-effort
#endif
}

}  // namespace

std::string TaskProgress::message() const {
  std::lock_guard<std::mutex> l(m_);
  return message_;
}

TaskRunner::~TaskRunner() {
  cancel_all();
  std::lock_guard<std::mutex> l(m_);
  for (auto& t : tasks_)
    if (t->thread.joinable()) t->thread.join();
}

void TaskRunner::start(std::string title, Work work, Kind kind) {
  auto t = std::make_unique<Task>();
  t->title = title;
  t->kind = kind;
  t->progress = std::make_shared<TaskProgress>();
  t->progress->wake = wake;
  t->result.title = std::move(title);
  Task* raw = t.get();
  std::function<void()> wake_fn = wake;
  {
    std::lock_guard<std::mutex> l(m_);
    tasks_.push_back(std::move(t));
  }
  raw->thread = std::thread([raw, work = std::move(work), wake_fn, kind] {
    if (kind == Kind::background) lower_priority();
    try {
      raw->result.then = work(*raw->progress);
    } catch (...) {
      raw->result.error = std::current_exception();
    }
    raw->result.cancelled = raw->progress->cancelled();
    raw->done = true;
    if (wake_fn) wake_fn();
  });
}

std::vector<TaskResult> TaskRunner::poll() {
  std::vector<TaskResult> out;
  std::lock_guard<std::mutex> l(m_);
  for (auto it = tasks_.begin(); it != tasks_.end();) {
    if ((*it)->done) {
      (*it)->thread.join();
      out.push_back(std::move((*it)->result));
      it = tasks_.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

bool TaskRunner::busy() const {
  std::lock_guard<std::mutex> l(m_);
  for (const auto& t : tasks_)
    if (t->kind == Kind::exclusive) return true;
  return false;
}

bool TaskRunner::active() const {
  std::lock_guard<std::mutex> l(m_);
  return !tasks_.empty();
}

std::vector<TaskRunner::Running> TaskRunner::running() const {
  std::lock_guard<std::mutex> l(m_);
  std::vector<Running> out;
  for (const auto& t : tasks_) out.push_back({t->title, t->progress->message(), t->progress->fraction()});
  return out;
}

void TaskRunner::cancel_all() {
  std::lock_guard<std::mutex> l(m_);
  for (auto& t : tasks_) t->progress->cancel();
}

}  // namespace telaah::ui
