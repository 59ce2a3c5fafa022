// A large project, measured where it is felt (issue 20): the command line
// against bare SQLite returning the same answer, and the window (headless:
// an ImGui context without GL, the real App) — time to the first frame after
// opening, one coding / undo / redo, frames while scrolling the document
// list and while a background task runs, each view's first show until its
// table (computed on a worker) is shown, the largest triangulation cell —
// each beside the 36-document sample project measured in the same run.
//
// The generated project has real text blocks: documents from the search
// benchmark's corpus generator (news, interviews with speaker turns, official
// reports) imported through the store, so paragraphs and turns are derived
// as for real files; codings are spread over every document with raw SQL in
// one transaction (1M codings through the change log would be a 200 MB
// change-log row), on a 60-code evaluation codebook, two coders.
//
// Usage: large_project [--quick] [--docs N] [--codings M] [--dir D] [--reps R] [--no-search] [--no-gui] [--no-cli]
// [--help]
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "bench_util.h"
#include "gui/headless.h"
#include "sample/sample.h"
#include "store/project.h"
#include "ui/agreement/view_agreement.h"
#include "ui/retrieval/view_retrieval.h"
#include "ui/shell/app.h"
#include "ui/triangulation/view_triangulation.h"

namespace fs = std::filesystem;
using namespace telaah;

namespace {

const char* kUsage =
    "usage: large_project [--quick] [--docs N] [--codings M] [--dir D] [--reps R] [--no-search] [--no-gui] [--no-cli] "
    "[--no-views]\n"
    "  A generated project (N documents with real text blocks, M codings; default 100000 / 1000000,\n"
    "  --quick 10000 / 100000) against the 36-document sample, in the same run:\n"
    "  CLI commands (info, codes, docs --limit 20, codings --code X --json, search) against bare sqlite3\n"
    "  returning the same answer; the window headless: first frame after open and until the lists are\n"
    "  read (on a worker), coding / undo / redo, frames while scrolling the document list and while a\n"
    "  background task runs (the index build the window starts on open), each view's first show until\n"
    "  its table is shown, the largest triangulation cell, the peak memory.\n"
    "  The generated project is kept in D (default /tmp/telaah-bench-large) and reused.\n";

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// --- the generated project ---------------------------------------------------

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string e = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(e + " in " + sql);
  }
}

void generate(const fs::path& file, int64_t ndocs, int64_t ncodings) {
  const auto t0 = bench::Clock::now();
  bench::CorpusGenerator gen;
  bench::make_project(file, ndocs, gen);
  std::vector<store::Id> leaves;
  {
    store::OpenOptions o;
    o.verify = false;
    o.coder = "ana";
    auto p = store::Project::open(file, o);
    auto a = p->begin_action("Codebook");
    for (int v = 0; v < 6; ++v) {
      store::Code var;
      var.name = "Variable " + std::to_string(v + 1);
      var.kind = store::CodeKind::variable;
      const store::Id vid = p->add_code(var);
      for (int i = 0; i < 4; ++i) {
        store::Code ind;
        ind.parent = vid;
        ind.name = "Indicator " + std::to_string(v + 1) + "." + std::to_string(i + 1);
        ind.kind = store::CodeKind::indicator;
        const store::Id iid = p->add_code(ind);
        leaves.push_back(iid);
        store::Code sub;
        sub.parent = iid;
        sub.name = "Detail " + std::to_string(v + 1) + "." + std::to_string(i + 1);
        leaves.push_back(p->add_code(sub));
      }
    }
    for (int k = 0; k < 6; ++k) {
      store::Code c;
      c.name = "Other " + std::to_string(k + 1);
      leaves.push_back(p->add_code(c));
    }
    a.commit();
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + file.string());
  exec(db, "BEGIN IMMEDIATE");
  exec(db, "INSERT OR IGNORE INTO coders(name) VALUES ('ana'), ('budi')");
  std::vector<std::pair<int64_t, int64_t>> docs;  // id, length
  {
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, length_cp FROM documents WHERE deleted=0 ORDER BY id", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW) docs.emplace_back(sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1));
    sqlite3_finalize(q);
  }
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO codings(doc_id, code_id, coder_id, start, end, stance, memo, origin, created, "
                     "modified) VALUES (?, ?, (SELECT id FROM coders WHERE name=?), ?, ?, ?, '', '', "
                     "'2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
                     -1, &ins, nullptr);
  bench::Rng rng(42);
  const char* stances[] = {"supports", "contradicts", "neutral"};
  for (int64_t i = 0; i < ncodings; ++i) {
    const auto& [doc, len] = docs[static_cast<size_t>(i % static_cast<int64_t>(docs.size()))];
    if (len < 2) continue;
    const int64_t start = static_cast<int64_t>(rng.next() % static_cast<uint64_t>(len - 1));
    const int64_t end = std::min<int64_t>(len, start + 20 + static_cast<int64_t>(rng.next() % 400));
    sqlite3_bind_int64(ins, 1, doc);
    sqlite3_bind_int64(ins, 2, leaves[rng.next() % leaves.size()]);
    sqlite3_bind_text(ins, 3, rng.next() % 2 ? "ana" : "budi", -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 4, start);
    sqlite3_bind_int64(ins, 5, end);
    sqlite3_bind_text(ins, 6, stances[rng.next() % 3], -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  exec(db, "COMMIT");
  exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
  // Open and close once through the store, so the lock file vouches for the file (as after any session).
  {
    store::OpenOptions o;
    o.always_verify = true;
    store::Project::open(file, o);
  }
  std::cerr << "generated " << ndocs << " documents and " << ncodings << " codings in " << bench::secs(t0) << " s ("
            << bench::dir_bytes(file) / 1000000 << " MB)\n";
}

// --- the command line ----------------------------------------------------------

struct Run {
  double wall_ms = 0, cpu_ms = 0, rss_mb = 0;
  int status = 0;
  size_t out_bytes = 0;
};

// Runs argv with stdout to a pipe (read and counted) and stderr to /dev/null.
// posix_spawn (not fork): the child's max RSS is its own, not this process's
// pages at the fork.
Run run(const std::vector<std::string>& argv) {
  int fd[2];
  if (::pipe(fd) != 0) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
  posix_spawn_file_actions_addclose(&fa, fd[0]);
  posix_spawn_file_actions_addclose(&fa, fd[1]);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const double t0 = now_ms();
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (err != 0) throw std::runtime_error("cannot start " + argv[0]);
  ::close(fd[1]);
  Run r;
  char buf[65536];
  for (ssize_t n; (n = ::read(fd[0], buf, sizeof buf)) > 0;) r.out_bytes += static_cast<size_t>(n);
  ::close(fd[0]);
  int status = 0;
  rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  r.wall_ms = now_ms() - t0;
  r.cpu_ms = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
             static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
  r.rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return r;
}

struct Measured {
  double wall = 0, cpu = 0, rss = 0;
  size_t bytes = 0;
  bool ok = true;
};

Measured measure(const std::vector<std::string>& argv, int reps) {
  std::vector<double> w, c, m;
  Measured out;
  run(argv);  // warm the page cache: every run after is measured warm
  for (int i = 0; i < reps; ++i) {
    Run r = run(argv);
    out.ok = out.ok && r.status == 0;
    out.bytes = r.out_bytes;
    w.push_back(r.wall_ms);
    c.push_back(r.cpu_ms);
    m.push_back(r.rss_mb);
  }
  out.wall = median(w);
  out.cpu = median(c);
  out.rss = median(m);
  return out;
}

struct CliCase {
  std::string name;
  std::vector<std::string> telaah;  // arguments after the binary and before the project
  std::vector<std::string> after;   // after the project
  std::string sql;                  // the same answer from sqlite3
};

std::string code_subtree_sql(const std::string& code_id_sql) {
  return "WITH RECURSIVE sub(id) AS (" + code_id_sql +
         " UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id=sub.id) ";
}

std::vector<CliCase> cli_cases(const std::string& code_path, const std::string& code_id_sql) {
  return {
      {"info",
       {"info"},
       {"--json"},
       "SELECT s.name, (SELECT count(*) FROM documents d WHERE d.source_type_id=s.id AND d.deleted=0) FROM "
       "source_types s; SELECT count(*) FROM codings c JOIN documents d ON d.id=c.doc_id WHERE d.deleted=0; "
       "SELECT count(*) FROM codes; SELECT name FROM coders; SELECT max(rev) FROM change_log;"},
      {"codes",
       {"codes"},
       {"--json"},
       "SELECT k.*, (SELECT n FROM (SELECT c.code_id AS id, count(*) AS n FROM codings c JOIN documents d ON "
       "d.id=c.doc_id WHERE d.deleted=0 GROUP BY c.code_id) t WHERE t.id=k.id) FROM codes k ORDER BY parent_id, ord;"},
      {"docs --limit 20",
       {"docs"},
       {"--limit", "20", "--json"},
       "SELECT d.id, d.title, s.name, d.language, d.date, d.author, d.original_name, d.original_size, d.sha256, "
       "d.length_cp, d.created, d.modified, (SELECT json_group_object(a.name, a.value) FROM attributes a WHERE "
       "a.doc_id=d.id) FROM documents d JOIN source_types s ON s.id=d.source_type_id WHERE d.deleted=0 ORDER BY "
       "d.id LIMIT 20;"},
      {"codings --code X --json",
       {"codings"},
       {"--code", code_path, "--json"},
       code_subtree_sql(code_id_sql) +
           "SELECT c.id, c.doc_id, c.start, c.end, c.code_id, k.name, c.stance, c.memo, c.origin, "
           "substr(d.text, c.start + 1, c.end - c.start), c.created, c.modified FROM codings c JOIN documents d ON "
           "d.id=c.doc_id JOIN coders k ON k.id=c.coder_id WHERE d.deleted=0 AND c.code_id IN (SELECT id FROM sub) "
           "ORDER BY c.doc_id, c.start, c.end, c.id;"},
  };
}

struct CliRow {
  std::string name;
  Measured sample_t, sample_s, large_t, large_s;
};

std::string fmt(double v, int prec = 0) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", prec, v);
  return b;
}

// --- the window, headless ----------------------------------------------------

struct GuiFigures {
  double open_ms = 0, open_cpu = 0;                 // open_project + the first frame
  double lists_ms = 0;                              // until the project's lists are read (worker)
  double settle_ms = 0;                             // until no task runs and the App stops settling
  double code_ms = 0, undo_ms = 0, redo_ms = 0;     // the action + the frame that shows it (median)
  double code_cpu = 0, undo_cpu = 0, redo_cpu = 0;  // the same, UI thread CPU
  double frame_p50 = 0, frame_max = 0;              // scrolling the document list, UI thread CPU per frame
  double idle_p50 = 0;                              // a frame with nothing happening
  double bg_p50 = 0, bg_max = 0;                    // every frame drawn while a background task ran (CPU)
  int bg_frames = 0;
  double cell_ms = 0, cell_frame_max = 0;  // the largest triangulation cell: until listed; longest frame
  int64_t cell_codings = 0;
  std::map<std::string, std::pair<double, double>> views;  // first frame, until its table is shown (ms)
  std::map<std::string, double> view_frame_max;            // longest frame (CPU) until then
  double rss_mb = 0;                                       // peak of the process so far
  bool ok = true;
};

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

GuiFigures measure_gui(const fs::path& file, int reps, bool with_views) {
  GuiFigures g;
  test::Headless h(1400, 900);
  ui::AppOptions o;
  o.remember = false;
  o.sample_on_first_start = false;
  ui::App app(o);
  app.set_fonts(h.fonts);
  std::vector<double> bg;  // frames while a background task runs
  double last_frame_cpu = 0;
  auto draw = [&] { app.frame(); };
  auto frame = [&] {
    const bool busy = app.tasks().active();
    const double c = thread_cpu_ms();
    h.frame(draw);
    last_frame_cpu = thread_cpu_ms() - c;
    if (busy) bg.push_back(last_frame_cpu);
  };
  // Frames until `done`, a frame every 5 ms (the window wakes on a worker's result); the longest frame's CPU.
  auto until = [&](const std::function<bool()>& done, double* longest = nullptr) {
    const double t0 = now_ms();
    for (int i = 0; i < 200000 && !done(); ++i) {
      frame();
      if (longest) *longest = std::max(*longest, last_frame_cpu);
      ::usleep(5000);
    }
    frame();
    return now_ms() - t0;
  };
  auto settle = [&](double t0) {
    for (int i = 0; i < 20000 && (app.tasks().busy() || app.settling()); ++i) {
      frame();
      if (app.tasks().busy()) ::usleep(1000);
    }
    frame();
    return now_ms() - t0;
  };
  frame();
  const double t0 = now_ms(), c0 = thread_cpu_ms();
  if (!app.open_project(file)) {
    std::cerr << "cannot open " << file << ": " << app.status() << "\n";
    g.ok = false;
    return g;
  }
  frame();
  g.open_ms = now_ms() - t0;
  g.open_cpu = thread_cpu_ms() - c0;
  until([&] { return !app.workspace().loading(); });
  g.lists_ms = now_ms() - t0;
  g.settle_ms = settle(t0);
  if (app.fonts_dirty()) {  // as the platform does between frames
    h.rebuild_fonts(app.font_spec(), app.glyphs());
    app.set_fonts(h.fonts);
  }
  // A frame with nothing happening (the index may be building in the background).
  std::vector<double> idle;
  for (int i = 0; i < 10; ++i) {
    frame();
    idle.push_back(last_frame_cpu);
  }
  g.idle_p50 = median(idle);
  // Coding, undo, redo: the action (one transaction) and the frame that shows it.
  const auto& cache = app.cache();
  if (!cache.docs.empty() && !cache.codes.empty() && app.open_doc()) {
    const store::Id doc = app.open_doc()->meta.id;
    const int64_t len = app.open_doc()->length();
    const store::Id code = cache.codes.back().code.id;
    std::vector<double> code_t, undo_t, redo_t, code_c, undo_c, redo_c;
    for (int i = 0; i < reps; ++i) {
      double t = now_ms(), c = thread_cpu_ms();
      app.code_span(doc, std::min<int64_t>(i, len - 2), std::min<int64_t>(i + 10, len - 1), code);
      frame();
      code_t.push_back(now_ms() - t);
      code_c.push_back(thread_cpu_ms() - c);
      t = now_ms(), c = thread_cpu_ms();
      app.undo();
      frame();
      undo_t.push_back(now_ms() - t);
      undo_c.push_back(thread_cpu_ms() - c);
      t = now_ms(), c = thread_cpu_ms();
      app.redo();
      frame();
      redo_t.push_back(now_ms() - t);
      redo_c.push_back(thread_cpu_ms() - c);
    }
    g.code_ms = median(code_t);
    g.undo_ms = median(undo_t);
    g.redo_ms = median(redo_t);
    g.code_cpu = median(code_c);
    g.undo_cpu = median(undo_c);
    g.redo_cpu = median(redo_c);
  }
  // Scrolling the document list (left panel): a wheel step a frame.
  std::vector<double> frames;
  h.move(ImVec2(120, 420));
  for (int i = 0; i < 60; ++i) {
    h.wheel(i < 30 ? -3.0f : 3.0f);
    frame();
    frames.push_back(last_frame_cpu);
  }
  g.frame_p50 = median(frames);
  g.frame_max = *std::max_element(frames.begin(), frames.end());
  h.move(ImVec2(-1, -1));
  // Each view's first show: the first frame (wall), and until its table is shown, then back to coding.
  auto& tri = ui::TriangulationView::of(app);
  auto& ret = ui::RetrievalView::of(app);
  auto& agr = ui::AgreementView::of(app);
  const std::tuple<const char*, ui::ViewKey, std::function<bool()>> views[] = {
      {"search", ui::View::search, [] { return true; }},
      {"retrieval", ui::View::retrieval, [&] { return !ret.computing() && !ret.listed().empty(); }},
      {"triangulation", ui::View::triangulation, [&] { return tri.model().ready() && !tri.model().pending(); }},
      {"agreement", ui::View::agreement, [&] { return !agr.computing() && agr.has_result(); }}};
  for (const auto& [name, v, ready] : views) {
    if (!with_views) break;
    app.set_view(v);
    const double t = now_ms();
    frame();
    const double first = now_ms() - t;
    double longest = last_frame_cpu;
    until(ready, &longest);
    g.views[name] = {first, now_ms() - t};
    g.view_frame_max[name] = longest;
    if (std::string(name) == "triangulation" && tri.model().ready()) {
      // The largest cell: a click on it, until its quotes are listed.
      const auto& m = tri.model().matrix();
      int br = -1, bc = -1;
      for (size_t r = 0; r < m.rows.size(); ++r)
        for (size_t c = 0; c < m.rows[r].cells.size(); ++c)
          if ((br < 0 || m.rows[r].cells[c].codings > g.cell_codings) &&
              tri.item_rect("cell:" + std::to_string(r) + ":" + std::to_string(c))) {  // drawn (not scrolled away)
            br = static_cast<int>(r), bc = static_cast<int>(c);
            g.cell_codings = m.rows[r].cells[c].codings;
          }
      const auto rect = tri.item_rect("cell:" + std::to_string(br) + ":" + std::to_string(bc));
      if (rect) {
        h.pause(draw);
        const double tc = now_ms();
        h.click(rect->GetCenter(), draw);
        until([&] { return !tri.evidence().empty() && !tri.model().evidence_pending(); }, &g.cell_frame_max);
        g.cell_ms = now_ms() - tc;
        for (int i = 0; i < 5; ++i) {  // drawing the listed quotes
          frame();
          g.cell_frame_max = std::max(g.cell_frame_max, last_frame_cpu);
        }
      }
    }
    app.set_view(ui::View::coding);
    settle(now_ms());
  }
  g.bg_frames = static_cast<int>(bg.size());
  if (!bg.empty()) {
    g.bg_p50 = median(bg);
    g.bg_max = *std::max_element(bg.begin(), bg.end());
  }
  g.rss_mb = peak_rss_mb();
  app.close_project();
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t ndocs = 100000, ncodings = 1000000;
  int reps = 5;
  bool search = true, gui = true, cli = true, with_views = true;
  fs::path dir = "/tmp/telaah-bench-large";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--quick") {
      ndocs = 10000;
      ncodings = 100000;
      reps = 3;
    } else if (a == "--docs" && i + 1 < argc) {
      ndocs = std::stoll(argv[++i]);
    } else if (a == "--codings" && i + 1 < argc) {
      ncodings = std::stoll(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--reps" && i + 1 < argc) {
      reps = std::stoi(argv[++i]);
    } else if (a == "--no-search") {
      search = false;
    } else if (a == "--no-gui") {
      gui = false;
    } else if (a == "--no-cli") {
      cli = false;
    } else if (a == "--no-views") {
      with_views = false;
    } else {
      std::cerr << kUsage;
      return 1;
    }
  }
  fs::create_directories(dir);
  // The telaah binary beside bench/ in the build tree.
  const fs::path telaah = fs::canonical("/proc/self/exe").parent_path().parent_path() / "telaah";
  if (!fs::exists(telaah)) {
    std::cerr << "large_project needs the telaah binary at " << telaah << " (build the target telaah)\n";
    return 1;
  }
  const fs::path large = dir / ("large-" + std::to_string(ndocs) + "-" + std::to_string(ncodings) + ".telaah");
  const fs::path sample = dir / "sample.telaah";
  if (!fs::exists(large)) generate(large, ndocs, ncodings);
  if (!fs::exists(sample)) sample::build_sample(sample, fs::path(TELAAH_SOURCE_DIR) / "corpus");

  std::cout << "# large_project: " << ndocs << " documents, " << ncodings << " codings ("
            << bench::dir_bytes(large) / 1000000 << " MB) against the sample (" << bench::dir_bytes(sample) / 1000
            << " kB); medians of " << reps << " warm runs\n\n";
  int failures = 0;

  // --- CLI ---
  if (cli) {
    // The sample's "Input" variable and the generated "Variable 1", each with its sub-codes.
    const auto sample_cases = cli_cases("Input", "SELECT id FROM codes WHERE name='Input' AND parent_id IS NULL");
    const auto large_cases =
        cli_cases("Variable 1", "SELECT id FROM codes WHERE name='Variable 1' AND parent_id IS NULL");
    std::cout << "## Command line (wall ms / CPU ms of the process, max RSS MB)\n\n"
              << "| command | sample: telaah | sample: sqlite3 | large: telaah | large: sqlite3 | large ratio (CPU) | "
                 "large telaah / sample telaah (CPU) |\n|---|---:|---:|---:|---:|---:|---:|\n";
    auto cell = [](const Measured& m) {
      return fmt(m.wall, 1) + " / " + fmt(m.cpu, 1) + " (" + fmt(m.rss, 0) + " MB)" + (m.ok ? "" : " FAILED");
    };
    for (size_t k = 0; k < sample_cases.size(); ++k) {
      auto cmd = [&](const CliCase& c, const fs::path& p) {
        std::vector<std::string> v{telaah.string()};
        v.insert(v.end(), c.telaah.begin(), c.telaah.end());
        v.push_back(p.string());
        v.insert(v.end(), c.after.begin(), c.after.end());
        return v;
      };
      auto bare = [&](const CliCase& c, const fs::path& p) {
        return std::vector<std::string>{"sqlite3", "-readonly", "-json", p.string(), c.sql};
      };
      const Measured st = measure(cmd(sample_cases[k], sample), reps),
                     ss = measure(bare(sample_cases[k], sample), reps);
      const Measured lt = measure(cmd(large_cases[k], large), reps), ls = measure(bare(large_cases[k], large), reps);
      failures += !st.ok + !ss.ok + !lt.ok + !ls.ok;
      std::cout << "| `" << sample_cases[k].name << "` | " << cell(st) << " | " << cell(ss) << " | " << cell(lt)
                << " | " << cell(ls) << " | " << fmt(lt.cpu / std::max(ls.cpu, 0.1), 2) << " | "
                << fmt(lt.cpu / std::max(st.cpu, 0.1), 2) << " |\n";
      std::cout.flush();
    }
    // Starting the process: what every command pays before it reads anything.
    {
      const Measured t = measure({telaah.string(), "--version"}, std::max(reps, 20));
      const Measured q = measure({"sqlite3", ":memory:", "select 1"}, std::max(reps, 20));
      std::cout << "| process start: `telaah --version` / `sqlite3 :memory: 'select 1'` | " << cell(t) << " | "
                << cell(q) << " | | | " << fmt(t.cpu / std::max(q.cpu, 0.1), 2) << " | |" << std::endl;
    }
    // Opening a file the lock file does not vouch for (a copy, or after a crash): SQLite's quick_check.
    {
      auto info = [&](const fs::path& p) {
        return std::vector<std::string>{telaah.string(), "info", p.string(), "--json"};
      };
      std::vector<double> w, c;
      const fs::path lock = large.string() + ".lock";
      for (int i = 0; i < reps; ++i) {
        fs::remove(lock);
        Run r = run(info(large));
        w.push_back(r.wall_ms);
        c.push_back(r.cpu_ms);
      }
      run(info(large));  // vouched again
      const Measured vouched = measure(info(large), reps);
      std::cout << "| `info`, file not vouched for (quick_check on open) | | | " << fmt(median(w), 1) << " / "
                << fmt(median(c), 1) << " | | vouched: " << fmt(vouched.wall, 1) << " / " << fmt(vouched.cpu, 1)
                << " | |" << std::endl;
    }
  }  // cli

  // --- the window ---
  if (gui) {
    std::cout << "\n## The window, headless (ms; frames: CPU of the UI thread)\n\n";
    // A file Telaah closed itself is vouched for by its lock file (no whole-file check on open):
    // the generator's or an aborted run's file is vouched for here first, as a researcher's would be.
    run({telaah.string(), "info", large.string()});
    run({telaah.string(), "info", sample.string()});
    const GuiFigures s = measure_gui(sample, reps, with_views);
    const GuiFigures l = measure_gui(large, reps, with_views);
    failures += !s.ok + !l.ok;
    std::cout << "| what | sample | large | ratio |\n|---|---:|---:|---:|\n";
    auto row = [](const std::string& what, double a, double b) {
      std::cout << "| " << what << " | " << fmt(a, 2) << " | " << fmt(b, 2) << " | " << fmt(b / std::max(a, 0.01), 1)
                << " |\n";
    };
    row("open to the first frame (wall)", s.open_ms, l.open_ms);
    row("open to the first frame (UI thread CPU)", s.open_cpu, l.open_cpu);
    row("open until the lists are read (wall)", s.lists_ms, l.lists_ms);
    row("open until settled (wall)", s.settle_ms, l.settle_ms);
    row("idle frame p50 (CPU)", s.idle_p50, l.idle_p50);
    row("one coding + its frame (wall)", s.code_ms, l.code_ms);
    row("undo + its frame (wall)", s.undo_ms, l.undo_ms);
    row("redo + its frame (wall)", s.redo_ms, l.redo_ms);
    row("one coding + its frame (UI thread CPU)", s.code_cpu, l.code_cpu);
    row("undo + its frame (UI thread CPU)", s.undo_cpu, l.undo_cpu);
    row("redo + its frame (UI thread CPU)", s.redo_cpu, l.redo_cpu);
    row("scrolling the document list: frame p50 (CPU)", s.frame_p50, l.frame_p50);
    row("scrolling the document list: longest frame (CPU)", s.frame_max, l.frame_max);
    row("frames while a background task ran: p50 (CPU)", s.bg_p50, l.bg_p50);
    row("frames while a background task ran: longest (CPU)", s.bg_max, l.bg_max);
    for (const auto& [name, t] : l.views) {
      if (!s.views.count(name)) continue;
      const auto& st = s.views.at(name);
      row(name + ": first frame (wall)", st.first, t.first);
      row(name + ": until its table is shown (wall)", st.second, t.second);
      row(name + ": longest frame until then (CPU)", s.view_frame_max.at(name), l.view_frame_max.at(name));
    }
    row("largest triangulation cell (codings)", static_cast<double>(s.cell_codings),
        static_cast<double>(l.cell_codings));
    row("largest cell: click until its quotes are listed (wall)", s.cell_ms, l.cell_ms);
    row("largest cell: longest frame (CPU)", s.cell_frame_max, l.cell_frame_max);
    std::cout << "\nframes drawn while a background task ran: sample " << s.bg_frames << ", large " << l.bg_frames
              << "; peak RSS of the benchmark process: " << fmt(l.rss_mb, 0) << " MB\n";
  }
  // --- the index, built by the command line (after the window, which starts building it in the background) ---
  if (search) {
    std::cout << "\n## The search index\n\n";
    for (const fs::path& p : {sample, large}) {
      const Run r = run({telaah.string(), "reindex", p.string(), "--full"});
      const fs::path idx = p.string() + "-index";
      std::cout << "index of " << p.filename().string() << " (`telaah reindex --full`): " << fmt(r.wall_ms / 1000, 1)
                << " s wall, " << fmt(r.cpu_ms / 1000, 1) << " s CPU, " << fmt(r.rss_mb, 0) << " MB RSS; "
                << fmt(static_cast<double>(bench::dir_bytes(idx)) / 1e6, 1) << " MB on disk"
                << (r.status == 0 ? "" : " FAILED") << std::endl;
      failures += r.status != 0;
    }
    const Measured s1 = measure({telaah.string(), "search", sample.string(), "kerja", "--json"}, reps);
    const Measured l1 = measure({telaah.string(), "search", large.string(), "kerja", "--json"}, reps);
    std::cout << "\n| `search kerja` (one word, top 20 with snippets), wall / CPU ms | sample " << fmt(s1.wall, 1)
              << " / " << fmt(s1.cpu, 1) << " | large " << fmt(l1.wall, 1) << " / " << fmt(l1.cpu, 1)
              << " | ratio (CPU) " << fmt(l1.cpu / std::max(s1.cpu, 0.1), 2) << " |\n";
  }
  return failures ? 1 : 0;
}
