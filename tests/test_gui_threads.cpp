// Workers never share the window's connection (issue 18): the agreement
// statistics and the merge dry run run on worker threads while coding, undo
// and redo go on in the same window. Every statement on the window's SQLite
// connection is traced: each must run on the UI thread. Built with
// ThreadSanitizer (`make tsan`) the same run also shows no data race.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "gui/fixture.h"
#include "ui/shell/app.h"

using namespace telaah;
namespace fs = std::filesystem;

namespace {

// Counts the statements run on one connection from any thread but the one that installed it.
struct ConnectionWatch {
  std::thread::id ui = std::this_thread::get_id();
  std::atomic<int> on_ui{0}, elsewhere{0};
  std::mutex m;
  std::set<std::string> foreign;  // statements run off the UI thread (for the failure message)
  sqlite3* db = nullptr;

  explicit ConnectionWatch(store::Project& p) : db(p.db().getHandle()) {
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, &ConnectionWatch::trace, this);
  }
  ~ConnectionWatch() { sqlite3_trace_v2(db, 0, nullptr, nullptr); }
  static int trace(unsigned, void* ctx, void* stmt, void*) {
    auto* w = static_cast<ConnectionWatch*>(ctx);
    if (std::this_thread::get_id() == w->ui) {
      ++w->on_ui;
    } else {
      ++w->elsewhere;
      std::lock_guard<std::mutex> l(w->m);
      if (w->foreign.size() < 5) w->foreign.insert(sqlite3_sql(static_cast<sqlite3_stmt*>(stmt)));
    }
    return 0;
  }
  std::string report() {
    std::lock_guard<std::mutex> l(m);
    std::string s;
    for (const auto& q : foreign) s += q + "\n";
    return s;
  }
};

}  // namespace

TEST_CASE("agreement and merge are computed on their own connections while coding goes on in the window") {
  if (!test::have_sample()) return;
  test::SampleWindow w("gui-threads", 1600, 1000);
  const fs::path theirs = w.dir.path / "theirs.telaah";
  fs::copy_file(w.file, theirs);
  {
    auto p = store::Project::open(theirs);
    p->set_coder("citra");  // a third coder codes a passage in the copy
    store::Coding c;
    c.doc = p->documents().front().id;
    c.code = p->codes().at(1).id;
    c.start = 0, c.end = 10;
    p->add_coding(c);
  }
  REQUIRE(w.open());
  store::Project& p = w.project();
  ConnectionWatch watch(p);
  const auto docs = p.documents();
  REQUIRE(docs.size() > 2);
  const store::Id code = w.app->cache().codes.at(1).code.id;
  w.app->set_view(ui::View::agreement);
  auto& v = ui::AgreementView::of(*w.app);
  const size_t before = p.codings({}).size();

  // Code a passage a frame, undo every third: the window writes while the workers read.
  int made = 0, while_computing = 0, while_planning = 0;
  auto code_some = [&](int n) {
    for (int i = 0; i < n; ++i) {
      const store::Document& d = docs[static_cast<size_t>(made) % docs.size()];
      const int64_t start = 5 * (made / static_cast<int>(docs.size()));
      w.app->code_span(d.id, start, start + 4, code);
      REQUIRE_FALSE(w.app->status_is_error());
      ++made;
      if (made % 3 == 0) {
        w.app->undo();
        w.app->redo();
      }
      while_computing += v.computing() ? 1 : 0;
      while_planning += v.merge_planning() ? 1 : 0;
      w.frame();
    }
  };

  // The statistics: a new revision asks for them again, so every coding below restarts them.
  for (int round = 0; round < 20 && (while_computing == 0 || round < 4); ++round) code_some(3);
  REQUIRE(w.settle([&] { return !v.computing() && v.has_result(); }, 3000, 2));
  CHECK(while_computing > 0);  // the window coded while a computation ran
  CHECK(v.report() != nullptr);

  // The merge's dry run.
  v.merge_from(theirs);
  for (int round = 0; round < 20 && (while_planning == 0 || round < 4) && v.merge_planning(); ++round) code_some(2);
  REQUIRE(w.settle([&] { return !v.merge_planning() && !v.computing(); }, 3000, 2));
  const auto* plan = v.merge_plan();
  REQUIRE(plan != nullptr);
  CHECK(plan->added == 1);

  CHECK(p.codings({}).size() == before + static_cast<size_t>(made));
  CHECK(watch.on_ui > 0);
  CHECK_MESSAGE(watch.elsewhere == 0, "statements on the window's connection from a worker:\n" << watch.report());
}
