// The project window beyond the document view: dragging codes to reorder
// and re-parent, UI state remembered outside the project's change log,
// background import (extraction off the UI thread, one action on it), the
// task runner, the string table, and the views that later issues fill.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <regex>
#include <thread>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/shell/app.h"
#include "ui/shell/import_job.h"
#include "ui/shell/strings.h"
#include "ui/shell/tasks.h"
#include "ui/shell/ui_state.h"

using namespace telaah;

namespace {

struct Session {
  test::ScratchDir dir{"gui-app"};
  test::Headless h;
  std::unique_ptr<ui::App> app;
  std::function<void()> draw;
  test::Fixture fx;

  explicit Session(bool remember = false) {
    fx = test::make_fixture(dir.path, "Informan B: Komunike bersama tahun 1984.\n\nPewawancara: Terima kasih.\n");
    ui::AppOptions o;
    o.remember = remember;
    o.sample_on_first_start = false;
    app = std::make_unique<ui::App>(o);
    app->set_fonts(h.fonts);
    draw = [this] { app->frame(); };
  }
  ImVec2 row(store::Id code, float where) {
    auto r = app->code_row_rect(code);
    REQUIRE(r.has_value());
    return ImVec2(r->Min.x + r->GetWidth() * 0.35f, r->Min.y + r->GetHeight() * where);
  }
};

}  // namespace

TEST_CASE("dragging a code re-parents it (middle of a row) and reorders it (edge of a row); undo restores") {
  Session s;
  s.app->adopt_project(std::move(s.fx.project));
  s.h.frames(2, s.draw);
  store::Project& p = *s.app->project();
  // Impediment into Legal infrastructure.
  s.h.drag(s.row(s.fx.code_c, 0.5f), s.row(s.fx.code_a, 0.5f), s.draw, 10);
  REQUIRE(p.code(s.fx.code_c).parent.has_value());
  CHECK(*p.code(s.fx.code_c).parent == s.fx.code_a);
  s.h.key('Z', true);
  s.h.frame(s.draw);
  CHECK_FALSE(p.code(s.fx.code_c).parent.has_value());
  // Human resources before Legal infrastructure (the top edge of its row).
  s.h.frames(2, s.draw);
  s.h.pause(s.draw);
  s.h.drag(s.row(s.fx.code_b, 0.5f), s.row(s.fx.code_a, 0.1f), s.draw, 10);
  const auto codes = p.codes();
  std::vector<std::string> order;
  for (const auto& c : codes) order.push_back(c.name);
  REQUIRE(order.size() == 4);
  CHECK(order[1] == "Human resources");
  CHECK(order[2] == "Legal infrastructure");
}

TEST_CASE("layout, open document and reading place are remembered outside the project") {
  Session s(true);
  const auto file = s.fx.project->path();
  const std::string pid = s.fx.project->project_id();
  s.fx.project.reset();  // closed: the window opens it by path
  {
    ui::App& app = *s.app;
    REQUIRE(app.open_project(file));
    const int64_t rev = app.project()->revision();
    const auto undo_before = app.project()->undo_label();
    REQUIRE(app.open_document(s.fx.doc));
    s.h.frames(2, s.draw);
    app.save_state();
    CHECK(app.project()->revision() == rev);  // UI state is no undo step
    CHECK(app.project()->undo_label() == undo_before);
  }
  const auto state_file = ui::state_dir() / (pid + ".json");
  REQUIRE(std::filesystem::exists(state_file));
  CHECK(ui::load_project_state(pid).open_doc == s.fx.doc);
  CHECK(ui::load_prefs().recent.front() == std::filesystem::absolute(file).lexically_normal().string());
  s.app.reset();  // closes the project, saves state

  ui::AppOptions o;
  o.sample_on_first_start = false;
  ui::App again(o);
  again.set_fonts(s.h.fonts);
  again.start_without_project();  // the last project comes back, with its document
  REQUIRE(again.project() != nullptr);
  REQUIRE(again.open_doc() != nullptr);
  CHECK(again.open_doc()->meta.id == s.fx.doc);

  SUBCASE("a damaged state file gives defaults, not an error") {
    std::ofstream(state_file) << "{ not json";
    CHECK(ui::load_project_state(pid).open_doc == 0);
  }
}

TEST_CASE("background import: extraction off the UI thread, one action, duplicates skipped with a reason") {
  test::ScratchDir dir("gui-import");
  auto fx = test::make_fixture(dir.path, "Isi awal.\n");
  const auto a = dir.path / "a.txt", b = dir.path / "b.md", dup = dir.path / "a-copy.txt", bad = dir.path / "c.bin";
  std::ofstream(a) << "Informan D: Pelatihan bahasa Korea untuk staf biro.\n";
  std::ofstream(b) << "# Catatan rapat\n\nRapat koordinasi dengan Seoul, 2013.\n";
  std::ofstream(dup) << "Informan D: Pelatihan bahasa Korea untuk staf biro.\n";
  std::ofstream(bad, std::ios::binary) << std::string("\x00\x01\x02\xFF\xFE", 5);
  ui::ImportRequest req;
  req.paths = {a, b, dup, bad};
  req.source_type = "official";
  ui::TaskProgress progress;
  auto prepared = ui::prepare_import(req, progress);
  REQUIRE(prepared.size() == 4);
  CHECK(progress.fraction() == doctest::Approx(1.0));
  const int64_t rev = fx.project->revision();
  auto out = ui::commit_import(*fx.project, std::move(prepared));
  CHECK(out.ids.size() == 2);
  REQUIRE(out.skipped.size() == 2);
  bool dup_reason = false;
  for (const auto& [file, why] : out.skipped) dup_reason |= why.find("same content") != std::string::npos;
  CHECK(dup_reason);
  CHECK(fx.project->revision() == rev + 1);  // one action
  CHECK(fx.project->document(out.ids[0]).source_type == "official");
  fx.project->undo();
  CHECK(fx.project->documents().size() == 1);

  SUBCASE("cancelled before it starts: nothing prepared") {
    ui::TaskProgress p2;
    p2.cancel();
    CHECK_THROWS_AS(ui::prepare_import(req, p2), UserError);
  }
}

TEST_CASE("the task runner hands results back to the UI thread, reports errors, cancels") {
  ui::TaskRunner tasks;
  int wakes = 0;
  std::mutex m;
  tasks.wake = [&] {
    std::lock_guard<std::mutex> l(m);
    ++wakes;
  };
  std::thread::id worker;
  bool ran = false;
  tasks.start("ok", [&](ui::TaskProgress& p) -> std::function<void()> {
    worker = std::this_thread::get_id();
    p.set(0.5, "half");
    return [&] { ran = true; };
  });
  tasks.start("fails", [](ui::TaskProgress&) -> std::function<void()> { throw UserError("broken file"); });
  tasks.start("waits", [](ui::TaskProgress& p) -> std::function<void()> {
    while (!p.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
  });
  CHECK(tasks.busy());
  std::vector<ui::TaskResult> done;
  for (int i = 0; i < 2000 && done.size() < 2; ++i) {
    for (auto& r : tasks.poll()) done.push_back(std::move(r));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(done.size() == 2);
  for (auto& r : done) {
    if (r.title == "ok") {
      REQUIRE(r.then);
      CHECK_FALSE(ran);  // not on the worker
      r.then();
      CHECK(ran);
    } else {
      CHECK(r.error);
    }
  }
  CHECK(worker != std::this_thread::get_id());
  tasks.cancel_all();
  for (int i = 0; i < 2000 && tasks.busy(); ++i) {
    for (auto& r : tasks.poll()) CHECK(r.cancelled);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK_FALSE(tasks.busy());
  std::lock_guard<std::mutex> l(m);
  CHECK(wakes >= 4);
}

TEST_CASE("a background task keeps the window free for edits; an exclusive one makes it busy") {
  ui::TaskRunner tasks;
  std::atomic<bool> release{false};
  auto wait = [&](ui::TaskProgress&) -> std::function<void()> {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
  };
  tasks.start("index", wait, ui::TaskRunner::Kind::background);
  CHECK(tasks.active());
  CHECK_FALSE(tasks.busy());
  tasks.start("import", wait);
  CHECK(tasks.busy());
  release = true;
  for (int i = 0; i < 2000 && tasks.active(); ++i) {
    tasks.poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK_FALSE(tasks.active());
  CHECK_FALSE(tasks.busy());
}

TEST_CASE("every UI string exists in English and Bahasa Indonesia with the same printf conversions") {
  const std::regex conv("%[-+ #0]*[0-9]*(\\.[0-9]+)?(ll|l|z)?[dsuf%]");
  auto conversions = [&](const char* s) {
    std::string out;
    const std::string str(s);
    for (auto it = std::sregex_iterator(str.begin(), str.end(), conv); it != std::sregex_iterator(); ++it)
      out += it->str();
    return out;
  };
  for (int i = 0; i < static_cast<int>(ui::S::COUNT); ++i) {
    const auto k = static_cast<ui::S>(i);
    const char* en = ui::tr(k, ui::Lang::en);
    const char* id = ui::tr(k, ui::Lang::id);
    CAPTURE(en);
    CHECK(std::string(en).size() > 0);
    CHECK(std::string(id).size() > 0);
    CHECK(conversions(en) == conversions(id));
  }
  ui::set_language(ui::Lang::id);
  CHECK(std::string(ui::tr(ui::S::menu_undo)) == "Batalkan");
  CHECK(ui::source_type_label("news") == "Berita");
  ui::set_language(ui::Lang::en);
  CHECK(std::string(ui::tr(ui::S::menu_undo)) == "Undo");
}

TEST_CASE("every view draws; switching the language redraws every panel without errors") {
  Session s;
  s.app->adopt_project(std::move(s.fx.project));
  REQUIRE(s.app->open_document(s.fx.doc));
  for (const char* lang : {"en", "id"}) {
    s.app->prefs().language = lang;
    s.app->apply_prefs();
    for (ui::ViewKey v : ui::kAllViews) {
      s.app->set_view(v);
      s.h.frames(2, s.draw);
      CHECK_FALSE(s.app->status_is_error());
      CHECK(ui::view_from_key(ui::view_key(v)) == v);
    }
  }
  s.app->prefs().language = "en";
  s.app->apply_prefs();
  CHECK_FALSE(ui::view_from_key("nonsense").has_value());
}

TEST_CASE(
    "the window backs up on open off the UI thread; a failed backup is an error in the status line, work goes on") {
  test::ScratchDir dir{"gui-backups"};
  test::Headless h;
  auto run_until_idle = [&](ui::App& app) {
    const std::function<void()> draw = [&] { app.frame(); };
    for (int i = 0; i < 3000; ++i) {  // ~30 s at most: a loaded 2-core machine fsyncs slowly
      h.frame(draw);
      if (!app.tasks().busy() && i > 2) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    h.frames(2, draw);
  };
  ui::AppOptions o;
  o.remember = false;
  o.sample_on_first_start = false;
  o.backups = true;

  SUBCASE("on open: one verified backup, made while the window kept drawing") {
    auto fx = test::make_fixture(dir.path, "Informan B: Komunike bersama tahun 1984.\n");
    const auto path = fx.project->path();
    const store::Id doc = fx.doc, code = fx.code_a;
    ui::App app(o);
    app.set_fonts(h.fonts);
    app.adopt_project(std::move(fx.project));
    run_until_idle(app);
    const auto list = store::list_backups(path);
    REQUIRE(list.size() == 1);
    CHECK(list[0].reason == "on-open");
    CHECK(list[0].revision == app.project()->revision());
    CHECK_FALSE(app.status_is_error());
    // Coding goes on; the next backup waits for the interval, not for every action.
    app.code_span(doc, 0, 9, code);
    run_until_idle(app);
    CHECK(store::list_backups(path).size() == 1);
  }
  SUBCASE("the backup folder cannot be made: the status line says so, the project is untouched") {
    auto fx = test::make_fixture(dir.path, "Informan B: Komunike bersama tahun 1984.\n");
    const auto path = fx.project->path();
    const store::Id doc = fx.doc, code = fx.code_a;
    std::ofstream(store::backup_dir(path)) << "a file where the backup folder should be";
    ui::App app(o);
    app.set_fonts(h.fonts);
    app.adopt_project(std::move(fx.project));
    const int64_t rev = app.project()->revision();
    run_until_idle(app);
    CHECK(app.status_is_error());
    CHECK(app.status().find(ui::tr(ui::S::status_backup_failed)) == 0);
    CHECK(app.project()->revision() == rev);
    app.code_span(doc, 0, 9, code);
    CHECK(app.project()->revision() == rev + 1);
  }
}

TEST_CASE("--query: in the search view it searches the corpus, in the coding view it finds in the document") {
  test::ScratchDir dir{"gui-query"};
  test::Headless h;
  auto fx = test::make_fixture(dir.path, "Informan B: Komunike bersama tahun 1984.\n");
  ui::AppOptions o;
  o.remember = false;
  o.sample_on_first_start = false;
  ui::App app(o);
  app.set_fonts(h.fonts);
  const std::function<void()> draw = [&] { app.frame(); };
  app.adopt_project(std::move(fx.project));
  h.frames(2, draw);
  app.set_view(ui::View::search);
  app.set_query("Komunike");
  CHECK(ui::SearchView::of(app).query() == "Komunike");
  REQUIRE(app.open_document(fx.doc));
  h.frames(2, draw);
  CHECK_FALSE(app.doc_view().find_open());  // no stray find bar with the corpus query

  app.set_view(ui::View::coding);
  app.set_query("bersama");
  h.frames(2, draw);
  CHECK(app.doc_view().find_open());
}

TEST_CASE("a project dropped on the window while an import runs is refused with a message; the open project stays") {
  test::ScratchDir dir{"gui-drop"};
  test::Headless h;
  auto fx = test::make_fixture(dir.path, "Informan B: Komunike bersama tahun 1984.\n");
  const auto path = fx.project->path();
  ui::AppOptions o;
  o.remember = false;
  o.sample_on_first_start = false;
  ui::App app(o);
  app.set_fonts(h.fonts);
  app.adopt_project(std::move(fx.project));
  std::atomic<bool> release{false};
  app.tasks().start("import", [&](ui::TaskProgress&) -> std::function<void()> {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
  });
  app.on_files_dropped({dir.path / "other.telaah"});
  CHECK(app.status_is_error());
  CHECK(app.status() == ui::tr(ui::S::status_busy_wait));
  REQUIRE(app.project() != nullptr);
  CHECK(app.project()->path() == path);
  release = true;
  const std::function<void()> draw = [&] { app.frame(); };
  for (int i = 0; i < 2000 && app.tasks().active(); ++i) {
    h.frame(draw);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}
