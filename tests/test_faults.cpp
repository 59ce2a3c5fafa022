// Fault injection: I/O errors through a fault-injecting SQLite VFS, and two
// instances racing for one project. The bar is SQLite's own: at every
// injected fault point the operation fails with an error or completes, and
// reopening shows exactly the last committed state, never a half action and
// never corruption. Each case prints its counts.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::store;

namespace {

// --- the fault-injecting VFS: a thin wrapper of the default (unix) VFS ---

enum class Fault { none, write, sync, full };

struct FaultState {
  Fault op = Fault::none;
  bool persistent = false;
  long k = 0;  // fail the k-th call (1-based) counted since arm()
  bool armed = false;
  long writes = 0, syncs = 0, fired = 0;
};
FaultState g;

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

sqlite3_file* real(sqlite3_file* f) {
  return reinterpret_cast<FaultFile*>(f)->real;
}

bool should_fail(Fault kind, long count) {
  if (!g.armed || g.op != kind) return false;
  if (count == g.k || (g.persistent && count > g.k)) {
    ++g.fired;
    return true;
  }
  return false;
}

int f_close(sqlite3_file* f) {
  return real(f)->pMethods->xClose(real(f));
}
int f_read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int f_write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  if (g.armed) ++g.writes;
  if (should_fail(Fault::write, g.writes)) return SQLITE_IOERR_WRITE;
  if (should_fail(Fault::full, g.writes)) return SQLITE_FULL;
  return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int f_truncate(sqlite3_file* f, sqlite3_int64 s) {
  return real(f)->pMethods->xTruncate(real(f), s);
}
int f_sync(sqlite3_file* f, int flags) {
  if (g.armed) ++g.syncs;
  if (should_fail(Fault::sync, g.syncs)) return SQLITE_IOERR_FSYNC;
  return real(f)->pMethods->xSync(real(f), flags);
}
int f_size(sqlite3_file* f, sqlite3_int64* s) {
  return real(f)->pMethods->xFileSize(real(f), s);
}
int f_lock(sqlite3_file* f, int l) {
  return real(f)->pMethods->xLock(real(f), l);
}
int f_unlock(sqlite3_file* f, int l) {
  return real(f)->pMethods->xUnlock(real(f), l);
}
int f_reserved(sqlite3_file* f, int* r) {
  return real(f)->pMethods->xCheckReservedLock(real(f), r);
}
int f_control(sqlite3_file* f, int op, void* a) {
  return real(f)->pMethods->xFileControl(real(f), op, a);
}
int f_sector(sqlite3_file* f) {
  return real(f)->pMethods->xSectorSize(real(f));
}
int f_caps(sqlite3_file* f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int f_shmmap(sqlite3_file* f, int i, int sz, int ext, void volatile** p) {
  return real(f)->pMethods->xShmMap(real(f), i, sz, ext, p);
}
int f_shmlock(sqlite3_file* f, int o, int n, int fl) {
  return real(f)->pMethods->xShmLock(real(f), o, n, fl);
}
void f_shmbarrier(sqlite3_file* f) {
  real(f)->pMethods->xShmBarrier(real(f));
}
int f_shmunmap(sqlite3_file* f, int del) {
  return real(f)->pMethods->xShmUnmap(real(f), del);
}
int f_fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** pp) {
  return real(f)->pMethods->xFetch(real(f), o, n, pp);
}
int f_unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return real(f)->pMethods->xUnfetch(real(f), o, p);
}

int f_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out) {
  auto* ff = reinterpret_cast<FaultFile*>(file);
  ff->real = reinterpret_cast<sqlite3_file*>(ff + 1);
  std::memset(ff->real, 0, static_cast<size_t>(g_real->szOsFile));
  int rc = g_real->xOpen(g_real, name, ff->real, flags, out);
  if (rc != SQLITE_OK) {
    if (ff->real->pMethods) ff->real->pMethods->xClose(ff->real);
    ff->base.pMethods = nullptr;
    return rc;
  }
  ff->base.pMethods = &g_methods;
  return rc;
}

// Registers the wrapper as the DEFAULT VFS for the scope: Project::open uses
// the default, so the project under test goes through it unchanged.
struct FaultVfs {
  FaultVfs() {
    if (!g_real) {
      g_real = sqlite3_vfs_find("unix");
      REQUIRE(g_real);
      g_vfs = *g_real;
      g_vfs.zName = "telaah-fault";
      g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
      g_vfs.xOpen = f_open;
      g_vfs.pNext = nullptr;
      g_methods = {3,         f_close,      f_read,     f_write,   f_truncate, f_sync, f_size,
                   f_lock,    f_unlock,     f_reserved, f_control, f_sector,   f_caps, f_shmmap,
                   f_shmlock, f_shmbarrier, f_shmunmap, f_fetch,   f_unfetch};
    }
    REQUIRE(sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK);
    REQUIRE(sqlite3_vfs_find(nullptr) == &g_vfs);
  }
  ~FaultVfs() {
    g = FaultState{};
    sqlite3_vfs_unregister(&g_vfs);
  }
};

void arm(Fault op, long k, bool persistent) {
  g = FaultState{};
  g.op = op;
  g.k = k;
  g.persistent = persistent;
  g.armed = true;
}

// --- the project under test ---

struct TempDir {
  fs::path dir;
  TempDir() {
    dir = fs::temp_directory_path() / ("telaah-faults-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

std::string paragraphs(int seed, int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "Informan " + std::to_string(seed) + " paragraf " + std::to_string(i) +
         ": kerja sama perdagangan Jakarta dan Seoul berjalan sejak 1984; ekspor naik, pelatihan berlanjut — "
         "namun dokumen hukum belum memuat hak dan kewajiban. Ünïcödé ✓ 한국어.\n\n";
  return s;
}

void build_base(const fs::path& file) {
  auto p = Project::create(file);
  std::vector<NewDocument> docs;
  for (int i = 0; i < 3; ++i) {
    NewDocument d;
    d.title = "Wawancara " + std::to_string(i);
    d.text = paragraphs(i, 12);
    docs.push_back(d);
  }
  p->add_documents(docs, "Import base");
  Code c;
  c.name = "Input";
  Id input = p->add_code(c);
  c.name = "Legal";
  c.parent = input;
  p->add_code(c);
  for (int i = 0; i < 6; ++i) {
    Coding k;
    k.doc = 1 + i % 3;
    k.code = input;
    k.start = i * 10;
    k.end = i * 10 + 25;
    p->add_coding(k);
  }
}

// The committed state, without timestamps (they differ between runs).
std::string digest(const Project& p) {
  std::ostringstream s;
  s << "rev " << p.revision() << "\n";
  SQLite::Statement d(p.db(), "SELECT id, title, deleted, length_cp, length(text), sha256 FROM documents ORDER BY id");
  while (d.executeStep())
    for (int i = 0; i < 6; ++i) s << d.getColumn(i).getString() << (i == 5 ? "\n" : "|");
  SQLite::Statement c(p.db(), "SELECT id, doc_id, code_id, start, end, stance, memo FROM codings ORDER BY id");
  while (c.executeStep())
    for (int i = 0; i < 7; ++i) s << c.getColumn(i).getString() << (i == 6 ? "\n" : "|");
  s << "blocks " << p.db().execAndGet("SELECT count(*) FROM blocks").getInt64() << "\n";
  return s.str();
}

struct Op {
  const char* name;
  std::function<void(Project&)> run;
};

const Op kOps[] = {
    {"coding",
     [](Project& p) {
       Coding k;
       k.doc = 2;
       k.code = p.resolve_code("Input/Legal");
       k.start = 100;
       k.end = 180;
       k.stance = Stance::contradicts;
       k.memo = "the action under test";
       p.add_coding(k);
     }},
    {"import",
     [](Project& p) {
       std::vector<NewDocument> docs;
       for (int i = 0; i < 3; ++i) {
         NewDocument d;
         d.title = "Berita " + std::to_string(i);
         d.source_type = "news";
         d.text = paragraphs(10 + i, 40);  // several pages each, overflow pages included
         docs.push_back(d);
       }
       p.add_documents(docs, "Import news");
     }},
};

bool clear_io_error(const std::string& msg) {
  for (const char* w : {"disk I/O error", "database or disk is full", "disk is full"})
    if (msg.find(w) != std::string::npos) return true;
  return false;
}

// Runs one op under a fault in this process; returns (threw, message).
std::pair<bool, std::string> run_with_fault(const fs::path& file, const Op& op, Fault f, long k, bool persistent) {
  auto p = Project::open(file);
  arm(f, k, persistent);
  std::pair<bool, std::string> r{false, ""};
  try {
    op.run(*p);
  } catch (const SQLite::Exception& e) {
    r = {true, e.what()};
  } catch (const InternalError& e) {
    r = {true, e.what()};
  }
  if (!persistent && r.first) {
    // A passing fault: the same session goes on, and the retry succeeds.
    g.armed = false;
    CHECK(p->check().empty());
    op.run(*p);
  }
  p.reset();  // with a persistent fault the close's checkpoint fails as well
  g = FaultState{};
  return r;
}

// The same in a child process that dies right after the failure, without
// closing anything (a machine whose disk went away): recovery must cope with
// whatever the failed transaction left in the -wal.
std::pair<bool, std::string> crash_with_fault(const fs::path& file, const Op& op, Fault f, long k) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    std::string out = "ok";
    try {
      FaultVfs vfs;
      auto p = Project::open(file);
      arm(f, k, true);
      try {
        op.run(*p);
      } catch (const std::exception& e) {
        out = std::string("failed ") + e.what();
      }
      [[maybe_unused]] auto w = ::write(fds[1], out.data(), out.size());
      ::_exit(0);  // no destructor runs: no rollback, no checkpoint, no unlock
    } catch (...) {
      ::_exit(3);
    }
  }
  ::close(fds[1]);
  std::string got;
  char buf[512];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  int st = 0;
  ::waitpid(pid, &st, 0);
  REQUIRE(WIFEXITED(st));
  REQUIRE(WEXITSTATUS(st) == 0);
  if (got.rfind("failed ", 0) == 0) return {true, got.substr(7)};
  return {false, ""};
}

}  // namespace

TEST_CASE("I/O faults at every write and sync of a coding and an import transaction") {
  TempDir t;
  const fs::path base = t.dir / "base.telaah";
  build_base(base);
  std::string s0;
  {
    auto p = Project::open(base);
    s0 = digest(*p);
  }
  long total_points = 0, total_failed = 0, total_ambiguous = 0;
  for (const Op& op : kOps) {
    // A clean run: the state after, and how many writes and syncs the op makes.
    const fs::path clean = t.dir / "clean.telaah";
    fs::remove(clean);
    fs::copy_file(base, clean);
    std::string s1;
    long writes = 0, syncs = 0;
    {
      FaultVfs vfs;
      auto p = Project::open(clean);
      arm(Fault::none, 0, false);
      op.run(*p);
      writes = g.writes;
      syncs = g.syncs;
      s1 = digest(*p);
    }
    REQUIRE(s1 != s0);
    REQUIRE(writes > 0);
    REQUIRE(syncs > 0);

    struct Mode {
      Fault fault;
      bool persistent;
      bool crash;
      const char* name;
    };
    for (const Mode& m :
         {Mode{Fault::write, false, false, "write once"}, Mode{Fault::write, true, false, "write persistent"},
          Mode{Fault::sync, false, false, "sync once"}, Mode{Fault::sync, true, false, "sync persistent"},
          Mode{Fault::full, true, false, "disk full"}, Mode{Fault::write, true, true, "write, then crash"},
          Mode{Fault::sync, true, true, "sync, then crash"}, Mode{Fault::full, true, true, "disk full, then crash"}}) {
      const long n = m.fault == Fault::sync ? syncs : writes;
      long failed = 0, ambiguous = 0;
      std::string sample;
      for (long k = 1; k <= n; ++k) {
        CAPTURE(op.name);
        CAPTURE(m.name);
        CAPTURE(k);
        const fs::path file = t.dir / "trial.telaah";
        for (const char* sfx : {"", "-wal", "-shm", ".lock"}) fs::remove(file.string() + sfx);
        fs::copy_file(base, file);
        std::pair<bool, std::string> r;
        if (m.crash) {
          r = crash_with_fault(file, op, m.fault, k);
        } else {
          FaultVfs vfs;
          r = run_with_fault(file, op, m.fault, k, m.persistent);
        }
        if (r.first) {
          ++failed;
          if (sample.empty()) sample = r.second;
          CHECK_MESSAGE(clear_io_error(r.second), r.second);
        }
        auto p = Project::open(file);  // the normal VFS again
        auto problems = p->check();
        CHECK(problems.empty());
        const std::string s = digest(*p);
        if (!m.persistent) {
          CHECK(s == s1);  // the retry (or the op itself) went through, exactly once
        } else if (!r.first) {
          CHECK(s == s1);  // the op succeeded: it must be there
        } else if (m.fault == Fault::sync && s == s1) {
          // fsync failed after the commit record was written: the outcome of a
          // failed fsync is unknown to every database; what counts is that it
          // is all or nothing.
          ++ambiguous;
        } else {
          CHECK(s == s0);  // failed: absent, and everything before it present
        }
      }
      std::cout << "[faults] " << op.name << ": " << m.name << ": " << n << " fault points, " << failed
                << " made the action fail (\"" << sample << "\"), " << ambiguous
                << " all-or-nothing after a failed fsync, 0 lost, 0 corrupt\n";
      total_points += n;
      total_failed += failed;
      total_ambiguous += ambiguous;
      CHECK(failed > 0);  // the faults did reach the transaction
    }
  }
  std::cout << "[faults] total: " << total_points << " fault points, " << total_failed << " failed actions, "
            << total_ambiguous << " ambiguous fsync outcomes (all or nothing), 0 lost, 0 corrupt\n";
}

TEST_CASE("two instances on one project: the second is refused, 100 trials across processes") {
  TempDir t;
  const fs::path file = t.dir / "two.telaah";
  build_base(file);
  int64_t codings0 = 0;
  {
    auto p = Project::open(file);
    codings0 = static_cast<int64_t>(p->codings().size());
  }
  const int kTrials = 100;
  int refused = 0, pid_unknown = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    CAPTURE(trial);
    int start[2], finish[2], report[2];
    REQUIRE(::pipe(start) == 0);
    REQUIRE(::pipe(finish) == 0);
    REQUIRE(::pipe(report) == 0);
    pid_t kids[2];
    for (pid_t& kid : kids) {
      kid = ::fork();
      REQUIRE(kid >= 0);
      if (kid == 0) {
        ::close(start[1]);
        ::close(finish[1]);
        ::close(report[0]);
        char c;
        [[maybe_unused]] auto r = ::read(start[0], &c, 1);  // both race from here
        std::string msg;
        int code = 0;
        try {
          auto p = Project::open(file);
          msg = "open " + std::to_string(::getpid()) + "\n";
          [[maybe_unused]] auto w = ::write(report[1], msg.data(), msg.size());
          [[maybe_unused]] auto r2 = ::read(finish[0], &c, 1);  // hold it until the other has tried
          Coding k;
          k.doc = 1;
          k.code = p->resolve_code("Input");
          k.start = trial % 50;
          k.end = trial % 50 + 7;
          p->add_coding(k);
        } catch (const ProjectLocked& e) {
          msg = "locked " + std::to_string(e.pid) + "\n";
          [[maybe_unused]] auto w = ::write(report[1], msg.data(), msg.size());
        } catch (const std::exception& e) {
          msg = std::string("error ") + e.what() + "\n";
          [[maybe_unused]] auto w = ::write(report[1], msg.data(), msg.size());
          code = 3;
        }
        ::_exit(code);
      }
    }
    ::close(start[0]);
    ::close(finish[0]);
    ::close(report[1]);
    ::close(start[1]);  // go
    std::string got;
    char buf[256];
    while (std::count(got.begin(), got.end(), '\n') < 2) {
      ssize_t n = ::read(report[0], buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
    }
    ::close(finish[1]);  // the winner may go on
    ::close(report[0]);
    for (pid_t kid : kids) {
      int st = 0;
      ::waitpid(kid, &st, 0);
      CHECK(WIFEXITED(st));
      CHECK(WEXITSTATUS(st) == 0);
    }
    std::istringstream lines(got);
    std::map<std::string, std::vector<long>> by;
    for (std::string w; lines >> w;) {
      long v = 0;
      lines >> v;
      by[w].push_back(v);
    }
    CHECK_MESSAGE(by["open"].size() == 1, got);
    CHECK_MESSAGE(by["locked"].size() == 1, got);
    if (by["open"].size() == 1 && by["locked"].size() == 1) {
      // The refusal names the process that has the project, unless it came in
      // the instant between the winner's flock() and its writing of its pid.
      CHECK((by["locked"][0] == by["open"][0] || by["locked"][0] == 0));
      if (by["locked"][0] == 0) ++pid_unknown;
      ++refused;
    }
    auto p = Project::open(file);
    CHECK(p->check().empty());
    CHECK(static_cast<int64_t>(p->codings().size()) == codings0 + trial + 1);
  }
  std::cout << "[faults] two instances: " << kTrials << " trials, " << refused << " second instances refused ("
            << pid_unknown << " before the first had written its pid), 0 corrupt\n";
  CHECK(refused == kTrials);

  // The command line is refused the same way while a window holds the project.
  auto p = Project::open(file);
  const std::string cmd = std::string(TELAAH_BINARY) + " code '" + file.string() +
                          "' --doc 1 --code Input --start 0 --end 5 >/dev/null 2>" + (t.dir / "err").string();
  int rc = std::system(cmd.c_str());
  CHECK(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 1);
  p.reset();
  CHECK(static_cast<int64_t>(Project::open(file)->codings().size()) == codings0 + kTrials);
}
