// The search view's worker thread and the index sync task (see search_worker.h).
#include "ui/search/search_worker.h"

#include <xapian.h>

#include <map>
#include <set>

#include "index/query.h"
#include "text/utf8.h"

namespace telaah::ui {

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
// About `n` code points of text before and after each span of a plan, cut at spaces.
void add_context(index::Index& idx, SearchReply& r, int64_t n = 70) {
  std::map<store::Id, std::pair<std::string, text::OffsetMap>> texts;
  for (const auto& s : r.plan) {
    auto it = texts.find(s.doc);
    if (it == texts.end()) {
      it = texts.emplace(s.doc, std::make_pair(idx.source().text(s.doc), text::OffsetMap())).first;
      it->second.second = text::OffsetMap(it->second.first);
    }
    const std::string& t = it->second.first;
    const text::OffsetMap& map = it->second.second;
    const auto len = static_cast<int64_t>(map.size_cp());
    std::string before(
        text::slice_cp(t, map, static_cast<size_t>(std::max<int64_t>(0, s.start - n)), static_cast<size_t>(s.start)));
    std::string after(
        text::slice_cp(t, map, static_cast<size_t>(s.end), static_cast<size_t>(std::min(len, s.end + n))));
    if (s.start - n > 0)
      if (size_t sp = before.find(' '); sp != std::string::npos) before = "\xE2\x80\xA6" + before.substr(sp + 1);
    if (s.end + n < len)
      if (size_t sp = after.rfind(' '); sp != std::string::npos && sp > 0) after = after.substr(0, sp) + "\xE2\x80\xA6";
    r.before.push_back(std::move(before));
    r.after.push_back(std::move(after));
  }
}

}  // namespace

// --- SearchEngine ------------------------------------------------------------

void SearchEngine::set_project(const std::filesystem::path& p) {
  std::lock_guard<std::mutex> l(m_);
  path_ = p;
}

void SearchEngine::reopen() {
  std::lock_guard<std::mutex> l(m_);
  reopen_ = true;
}

void SearchEngine::set_current(std::optional<SearchJob> j) {
  std::lock_guard<std::mutex> l(cur_m_);
  current_ = std::move(j);
}

std::optional<SearchJob> SearchEngine::current() const {
  std::lock_guard<std::mutex> l(cur_m_);
  return current_;
}

SearchReply SearchEngine::run(const SearchJob& j) {
  std::lock_guard<std::mutex> l(m_);
  SearchReply r;
  r.job = j;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    if (path_.empty()) throw UserError("no project is open");
    if (!idx_ || open_path_ != path_) {
      idx_.reset();
      idx_ = index::Index::open(path_);
      open_path_ = path_;
      reopen_ = false;
    } else if (reopen_) {
      idx_->refresh();
      reopen_ = false;
    }
    if (!idx_->ready()) {
      idx_->refresh();  // a first index may have appeared since
      if (!idx_->ready()) {
        r.error = SearchReply::Error::no_index;
        r.message = "the search index is not ready yet";
        return r;
      }
    }
    if (j.kind == SearchJob::Kind::search)
      r.results = idx_->search(j.query);
    else {
      r.plan = index::autocode_plan(*idx_, j.query.text, j.scope, j.code, j.query.synonyms);
      if (j.query.docs) {  // a document set: only its documents' spans are coded
        const std::set<store::Id> in(j.query.docs->begin(), j.query.docs->end());
        std::erase_if(r.plan, [&](const index::AutocodeSpan& s) { return !in.count(s.doc); });
      }
      add_context(*idx_, r);
    }
  } catch (const index::QueryError& e) {
    r.error = SearchReply::Error::query;
    r.message = e.what();
    r.err_pos = e.pos;
    r.err_len = e.len;
  } catch (const UserError& e) {
    r.error = SearchReply::Error::other;
    r.message = e.what();
  } catch (const Xapian::Error& e) {
    r.error = SearchReply::Error::other;
    r.message = index::index_error_sentence(e);
    idx_.reset();  // open afresh next time
  } catch (const std::exception& e) {
    r.error = SearchReply::Error::other;
    r.message = e.what();
    idx_.reset();
  }
  r.ms = ms_since(t0);
  return r;
}

// --- SearchWorker ------------------------------------------------------------

SearchWorker::SearchWorker() : thread_([this] { loop(); }) {}

SearchWorker::~SearchWorker() {
  {
    std::lock_guard<std::mutex> l(m_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void SearchWorker::set_project(const std::filesystem::path& p) {
  {
    std::lock_guard<std::mutex> l(m_);
    jobs_.clear();
    replies_.clear();
  }
  engine_->set_project(p);
  engine_->set_current(std::nullopt);
}

void SearchWorker::post(SearchJob j, uint64_t stale_before) {
  {
    std::lock_guard<std::mutex> l(m_);
    uint64_t& stale = j.kind == SearchJob::Kind::search ? stale_search_ : stale_plan_;
    stale = std::max(stale, stale_before);
    std::erase_if(jobs_, [&](const SearchJob& q) { return q.kind == j.kind && q.gen < stale; });
    jobs_.push_back(std::move(j));
  }
  cv_.notify_all();
}

std::vector<SearchReply> SearchWorker::poll() {
  std::lock_guard<std::mutex> l(m_);
  std::vector<SearchReply> out;
  out.swap(replies_);
  return out;
}

bool SearchWorker::busy() const {
  std::lock_guard<std::mutex> l(m_);
  return running_job_ || !jobs_.empty();
}

void SearchWorker::wake_at(std::chrono::steady_clock::time_point when) {
  {
    std::lock_guard<std::mutex> l(m_);
    if (!wake_at_ || when < *wake_at_) wake_at_ = when;
  }
  cv_.notify_all();
}

void SearchWorker::set_wake(std::function<void()> w) {
  std::lock_guard<std::mutex> l(m_);
  wake_ = std::move(w);
}

void SearchWorker::loop() {
  std::unique_lock<std::mutex> l(m_);
  for (;;) {
    if (stop_) return;
    if (wake_at_ && std::chrono::steady_clock::now() >= *wake_at_) {
      wake_at_.reset();
      if (wake_) wake_();
    }
    if (jobs_.empty()) {
      if (wake_at_)
        cv_.wait_until(l, *wake_at_);
      else
        cv_.wait(l);
      continue;
    }
    SearchJob j = std::move(jobs_.front());
    jobs_.pop_front();
    if (j.gen < (j.kind == SearchJob::Kind::search ? stale_search_ : stale_plan_)) continue;
    running_job_ = true;
    l.unlock();
    SearchReply r = engine_->run(j);
    l.lock();
    running_job_ = false;
    if (j.gen >= (j.kind == SearchJob::Kind::search ? stale_search_ : stale_plan_)) replies_.push_back(std::move(r));
    if (wake_) wake_();
  }
}

// --- the index sync task -------------------------------------------------------

void start_index_sync(TaskRunner& tasks, const std::string& title, const std::filesystem::path& project,
                      std::shared_ptr<SearchEngine> engine, std::shared_ptr<SyncStatus> status, bool follow_up,
                      std::function<void(SyncOutcome)> done) {
  status->stage = static_cast<int>(index::Stage::checking);
  status->done = 0;
  status->total = 0;
  tasks.start(
      title,
      [project, engine, status, follow_up, done](TaskProgress& tp) -> std::function<void()> {
        SyncOutcome out;
        try {
          index::BackgroundIndexer bi(project);
          bi.start();
          while (bi.running()) {
            if (tp.cancelled() || status->cancel) bi.cancel();
            const auto& p = bi.progress();
            const int64_t d = p.done, t = p.total;
            status->stage = static_cast<int>(p.stage.load());
            status->done = d;
            status->total = t;
            std::string msg = index::to_string(p.stage.load());
            if (t > 0) msg += " " + std::to_string(d) + "/" + std::to_string(t);
            tp.set(t > 0 ? static_cast<double>(d) / static_cast<double>(t) : 0.0, msg);
            std::this_thread::sleep_for(std::chrono::milliseconds(15));
          }
          out.report = bi.report();
          out.error = bi.error();
          out.cancelled = tp.cancelled() || status->cancel;
          engine->reopen();
          if (follow_up && out.error.empty() && !out.cancelled)
            if (auto j = engine->current()) out.follow_up = engine->run(*j);
        } catch (const std::exception& e) {  // never lose the continuation: the view waits for it
          out.error = e.what();
        }
        status->stage = static_cast<int>(index::Stage::done);
        return [done, out = std::move(out)]() mutable { done(std::move(out)); };
      },
      TaskRunner::Kind::background);  // reads committed state only: coding and undo go on meanwhile
}

}  // namespace telaah::ui
