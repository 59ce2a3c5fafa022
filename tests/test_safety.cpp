// Data safety: verified backups and their rotation, restore, the scheduler,
// storage warnings (sync folders, network file systems, permissions) and the
// backup/restore command line. Pseudonymisation has its own cases at the end.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "store/backup.h"
#include "store/fswarn.h"
#include "store/project.h"
#include "store/pseudonymise.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::store;
using namespace std::chrono;

namespace {

struct TempDir {
  fs::path dir;
  TempDir() {
    static int n = 0;
    dir = fs::temp_directory_path() / ("telaah-safety-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

SysTime at(const char* iso) {  // "2026-01-28T10:15:00Z"
  std::tm tm{};
  REQUIRE(strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) != nullptr);
  return system_clock::from_time_t(timegm(&tm));
}

const char* kText1 =
    "Pewawancara: Bagaimana kerja sama dengan Seoul?\n\n"
    "Budi Santoso: Kerja sama berjalan sejak 1984. Budi sendiri ikut rapat — dua kali.\n\n"
    "Pewawancara: Siapa lagi yang terlibat?\n\n"
    "Budi Santoso: Ibu Siti dari biro, dan Budiman dari dinas. Siti menulis laporannya.\n";
const char* kText2 = "Catatan lapangan: Siti hadir. Tidak ada nama lain di sini; Budi tidak datang.\n";

// A small project: two documents, a code tree, codings.
std::unique_ptr<Project> make_project(const fs::path& file) {
  auto p = Project::create(file);
  NewDocument d1;
  d1.title = "Wawancara Budi Santoso";
  d1.text = kText1;
  d1.language = "id";
  NewDocument d2;
  d2.title = "Catatan";
  d2.text = kText2;
  d2.source_type = "official";
  p->add_documents({d1, d2}, "Import");
  Code c;
  c.name = "Input";
  Id input = p->add_code(c);
  c.name = "Legal";
  c.parent = input;
  p->add_code(c);
  return p;
}

Id code_id(Project& p, const std::string& path) {
  return p.resolve_code(path);
}

Id add(Project& p, Id doc, int64_t s, int64_t e, const std::string& code = "Input", const std::string& memo = "") {
  Coding c;
  c.doc = doc;
  c.code = code_id(p, code);
  c.start = s;
  c.end = e;
  c.memo = memo;
  return p.add_coding(c);
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

int64_t codings_in(const fs::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM codings").getInt64();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A child commits one more coding and dies without closing: a -wal is left.
void commit_and_die(const fs::path& file) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    try {
      auto p = Project::open(file);
      add(*p, 1, 0, 11, "Input", "written by a process that then died");
      ::_exit(0);  // before any destructor: no checkpoint, the WAL stays
    } catch (...) {
      ::_exit(3);
    }
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  REQUIRE(WIFEXITED(st));
  REQUIRE(WEXITSTATUS(st) == 0);
}

}  // namespace

TEST_CASE("backup file names round-trip and foreign names are ignored") {
  struct Row {
    const char* time;
    int64_t rev;
    const char* reason;
  };
  for (const Row& r : {Row{"2026-01-28T10:15:00Z", 123, "on-open"}, Row{"1999-12-31T23:59:59Z", 0, "before-merge"},
                       Row{"2030-06-01T00:00:00Z", 987654321, "before-restore-raw"}}) {
    std::string n = backup_file_name(at(r.time), r.rev, r.reason);
    auto b = parse_backup_name(n);
    REQUIRE(b);
    CHECK(b->time == at(r.time));
    CHECK(b->revision == r.rev);
    CHECK(b->reason == r.reason);
  }
  CHECK(backup_file_name(at("2026-01-28T10:15:00Z"), 7, "periodic") == "20260128T101500Z-r7-periodic.telaah");
  auto dup = parse_backup_name("20260128T101500Z-r7-periodic.3.telaah");
  REQUIRE(dup);
  CHECK(dup->reason == "periodic");
  for (const char* bad : {"study.telaah", "20260128T101500Z-r7-periodic.telaah-wal", ".tmp-12-0.telaah",
                          "20260128T101500Z-rX-a.telaah", "20260128T1015Z-r7-a.telaah", "20260128T101500Z-r7-.telaah",
                          "20260128T101500Z-r7-Bad Reason.telaah", "20260128T101500Z-r7-a.x.telaah"})
    CHECK_MESSAGE(!parse_backup_name(bad), bad);

  struct Slug {
    const char* in;
    const char* out;
  };
  for (const Slug& s : {Slug{"on-open", "on-open"}, Slug{"Before Merge!", "before-merge"}, Slug{"  ", "manual"},
                        Slug{"über/../x", "ber-x"}, Slug{"a--b__c", "a-b-c"}})
    CHECK(reason_slug(s.in) == s.out);
}

TEST_CASE("a backup is complete, verified, private and never includes an open action") {
  TempDir t;
  fs::path file = t.dir / "study.telaah";
  auto p = make_project(file);
  add(*p, 1, 0, 11);
  const int64_t rev = p->revision();

  auto a = p->begin_action("uncommitted");
  add(*p, 1, 13, 20);  // joins the open action: not committed yet
  BackupInfo b = make_backup(*p, "manual");
  a.commit();

  CHECK(b.revision == rev);
  CHECK(b.reason == "manual");
  CHECK(b.path.parent_path() == backup_dir(file));
  CHECK(backup_dir(file).filename() == "study.telaah-backups");
  CHECK(mode_of(b.path) == 0600);
  CHECK(mode_of(backup_dir(file)) == 0700);
  CHECK(codings_in(b.path) == 1);
  {
    SQLite::Database db(b.path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");  // one self-contained file
  }
  for (const auto& e : fs::directory_iterator(backup_dir(file)))
    CHECK(e.path().filename().string().rfind(".tmp-", 0) != 0);
  CHECK(!fs::exists(fs::path(b.path.string() + "-wal")));

  auto list = list_backups(file);
  REQUIRE(list.size() == 1);
  CHECK(list[0].path == b.path);
  CHECK(list[0].size == fs::file_size(b.path));

  BackupInfo before = backup_before(*p, "merge");
  CHECK(before.reason == "before-merge");
  CHECK(before.revision == p->revision());
}

TEST_CASE("a backup of a closed project includes what a crashed session left in the -wal") {
  TempDir t;
  fs::path file = t.dir / "crashed.telaah";
  make_project(file).reset();
  commit_and_die(file);
  fs::path wal = file;
  wal += "-wal";
  REQUIRE(fs::exists(wal));
  REQUIRE(fs::file_size(wal) > 0);
  BackupInfo b = make_backup_of(file, "manual");
  CHECK(codings_in(b.path) == 1);
  auto p = Project::open(file);
  CHECK(b.revision == p->revision());
}

TEST_CASE("deleting or merging coded codes takes a verified backup first; without one nothing is changed") {
  TempDir t;
  const fs::path file = t.dir / "p.telaah";
  auto p = make_project(file);
  const Id doc = p->documents().front().id;
  Code extra;
  extra.name = "Uncoded";
  const Id uncoded = p->add_code(extra);
  extra.name = "Output";
  const Id output = p->add_code(extra);
  add(*p, doc, 0, 11, "Input/Legal");
  add(*p, doc, 13, 20, "Output");

  // A code nobody used: no backup (nothing to lose).
  p->delete_code(uncoded);
  CHECK(list_backups(file).empty());
  // Deleting a code whose sub-code holds a coding: one backup, holding the coding.
  const int64_t before = p->revision();
  p->delete_code(code_id(*p, "Input"));
  auto list = list_backups(file);
  REQUIRE(list.size() == 1);
  CHECK(list[0].reason == "before-delete-code");
  CHECK(list[0].revision == before);
  {
    SQLite::Database b(list[0].path.string(), SQLite::OPEN_READONLY);
    CHECK(b.execAndGet("SELECT count(*) FROM codings").getInt() == 2);
  }
  // Merging a coded code into another: a second backup.
  extra.name = "Outcome";
  const Id outcome = p->add_code(extra);
  p->merge_codes(output, outcome);
  list = list_backups(file);
  REQUIRE(list.size() == 2);
  CHECK(std::any_of(list.begin(), list.end(), [](const BackupInfo& b) { return b.reason == "before-merge-code"; }));

  // The backup cannot be made (a file where the folder should be): the delete is refused, nothing changes.
  fs::remove_all(backup_dir(file));
  std::ofstream(backup_dir(file)) << "not a folder";
  const int64_t rev = p->revision();
  CHECK_THROWS_AS(p->delete_code(outcome), BackupFailed);
  CHECK(p->revision() == rev);
  CHECK(p->codings({}).size() == 1);
}

TEST_CASE("stale temporary files of a dead backup are removed, live ones kept") {
  TempDir t;
  fs::path file = t.dir / "s.telaah";
  auto p = make_project(file);
  fs::create_directories(backup_dir(file));
  // pid 2^22+1 is above the default pid_max, so no such process exists.
  fs::path dead = backup_dir(file) / ".tmp-4194305-0.telaah",
           mine = backup_dir(file) / (".tmp-" + std::to_string(::getpid()) + "-999.telaah");
  std::ofstream(dead) << "half a backup";
  std::ofstream(mine) << "in progress";
  make_backup(*p, "manual");
  CHECK(!fs::exists(dead));
  CHECK(fs::exists(mine));
}

TEST_CASE("rotation keeps the 5 newest plus the newest of each of the last 7 days") {
  const SysTime now = at("2026-03-10T12:00:00Z");
  struct Case {
    const char* name;
    std::vector<double> hours_ago;  // backups, in hours before now
    std::set<double> kept;
  };
  std::vector<Case> cases = {
      {"few", {1, 2, 3}, {1, 2, 3}},
      {"hourly today", {1, 2, 3, 4, 5, 6, 7, 8}, {1, 2, 3, 4, 5}},
      // 12:00 today; one a day at 12:00 for 10 days: 5 newest (0..4 days) + days 5 and 6.
      {"daily", {0, 24, 48, 72, 96, 120, 144, 168, 192, 216}, {0, 24, 48, 72, 96, 120, 144}},
      // busy today, several yesterday at 11:00, 10:00, 09:00 (hours 25, 26, 27): the newest of yesterday stays.
      {"busy", {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 25, 26, 27}, {0.1, 0.2, 0.3, 0.4, 0.5, 25}},
      // a week and a day ago is out, even when it is the newest of its day.
      // 150 h is six days ago at 06:00 (kept: the newest of that day); 151 h is older on the same day;
      // 180 h is seven days ago, outside the week.
      {"old", {1, 2, 3, 4, 5, 150, 151, 180}, {1, 2, 3, 4, 5, 150}},
      {"none", {}, {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    std::vector<BackupInfo> all;
    for (double h : c.hours_ago) {
      BackupInfo b;
      b.time = now - duration_cast<system_clock::duration>(duration<double, std::ratio<3600>>(h));
      b.path = backup_file_name(b.time, 1, "periodic");
      all.push_back(b);
    }
    auto doomed = backups_to_delete(all, now, {});
    std::set<double> kept(c.hours_ago.begin(), c.hours_ago.end());
    for (const auto& d : doomed)
      for (size_t i = 0; i < all.size(); ++i)
        if (all[i].path == d.path) kept.erase(c.hours_ago[i]);
    CHECK(kept == c.kept);
  }
  // A clock that went backwards: the backup just made survives although five "newer" ones exist.
  std::vector<BackupInfo> skew;
  for (int i = 0; i < 5; ++i) {
    BackupInfo b;
    b.time = now + hours(24 * 30 + i);
    b.path = backup_file_name(b.time, 1, "periodic");
    skew.push_back(b);
  }
  BackupInfo later_today;  // also ahead of the clock: the newest of today
  later_today.time = now + hours(1);
  later_today.path = backup_file_name(later_today.time, 1, "periodic");
  skew.push_back(later_today);
  BackupInfo just;
  just.time = now;
  just.path = backup_file_name(now, 2, "periodic");
  skew.push_back(just);
  CHECK(backups_to_delete(skew, now, {}, just.path).empty());
  auto without = backups_to_delete(skew, now, {});
  REQUIRE(without.size() == 1);
  CHECK(without[0].path == just.path);
}

TEST_CASE("backups over ten simulated days rotate on disk") {
  TempDir t;
  fs::path file = t.dir / "r.telaah";
  auto p = make_project(file);
  SysTime now = at("2026-03-01T09:00:00Z");
  BackupOptions o;
  o.clock = [&now] { return now; };
  for (int day = 0; day < 10; ++day) {
    for (int k = 0; k < 3; ++k) {  // three backups a day, at 09:00, 12:00, 15:00
      add(*p, 1, day, day + 5 + k);
      make_backup(*p, "periodic", o);
      now += hours(3);
    }
    now += hours(15);
  }
  now -= hours(18);  // the time of the last backup: day 9, 15:00
  auto list = list_backups(file);
  // 5 newest: day 9 (3) + day 8 (2: 15:00, 12:00); then the newest of days 7, 6, 5, 4, 3.
  REQUIRE(list.size() == 10);
  std::vector<std::string> expect = {"20260310T150000Z", "20260310T120000Z", "20260310T090000Z", "20260309T150000Z",
                                     "20260309T120000Z", "20260308T150000Z", "20260307T150000Z", "20260306T150000Z",
                                     "20260305T150000Z", "20260304T150000Z"};
  for (size_t i = 0; i < list.size(); ++i) CHECK(list[i].path.filename().string().substr(0, 16) == expect[i]);
  for (size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].revision > list[i].revision);
  // Foreign files in the folder are neither listed nor deleted.
  std::ofstream(backup_dir(file) / "notes.txt") << "mine";
  make_backup(*p, "manual", o);
  CHECK(fs::exists(backup_dir(file) / "notes.txt"));
  CHECK(list_backups(file).size() == 10);
}

TEST_CASE("restore: refused while open, keeps the current state, replaces it atomically") {
  TempDir t;
  fs::path file = t.dir / "study.telaah";
  auto p = make_project(file);
  add(*p, 1, 0, 11);
  BackupInfo b = make_backup(*p, "manual");
  const int64_t backup_rev = p->revision();
  add(*p, 1, 13, 20);
  add(*p, 2, 0, 8);
  const int64_t later_rev = p->revision();

  CHECK_THROWS_AS(restore(file, b.path), ProjectLocked);
  CHECK(p->revision() == later_rev);
  CHECK(p->codings().size() == 3);
  p.reset();

  commit_and_die(file);  // and a stale -wal with one more committed coding
  fs::path wal = file;
  wal += "-wal";
  REQUIRE(fs::exists(wal));

  RestoreResult r = restore(file, b.path);
  CHECK(r.restored.revision == backup_rev);
  REQUIRE(r.before_restore);
  CHECK(!r.before_restore_raw);
  CHECK(r.before_restore->reason == "before-restore");
  CHECK(r.before_restore->revision == later_rev + 1);
  CHECK(codings_in(r.before_restore->path) == 4);  // the crashed session's coding is kept too
  CHECK(mode_of(file) == 0600);
  CHECK(!fs::exists(wal));

  p = Project::open(file);
  CHECK(p->check().empty());
  CHECK(p->revision() == backup_rev);
  CHECK(p->codings().size() == 1);
  // The restored project works on: a new action, its undo.
  add(*p, 1, 30, 40);
  CHECK(p->undo() == "Code Input");
  p.reset();

  // Restoring the before-restore backup brings the later state back.
  r = restore(file, resolve_backup(file, r.before_restore->path.filename().string()));
  p = Project::open(file);
  CHECK(p->codings().size() == 4);
  CHECK(p->check().empty());
}

TEST_CASE("restore refuses damaged or foreign backups and keeps an unreadable project byte for byte") {
  TempDir t;
  fs::path file = t.dir / "a.telaah", other = t.dir / "b.telaah";
  auto p = make_project(file);
  BackupInfo good = make_backup(*p, "manual");
  p.reset();
  auto q = make_project(other);
  BackupInfo foreign = make_backup(*q, "manual");
  q.reset();

  fs::path junk = t.dir / "junk.telaah";
  std::ofstream(junk) << "not a database at all, just words";
  CHECK_THROWS_AS(restore(file, junk), CorruptProject);
  fs::path torn = t.dir / "torn.telaah";
  {
    std::string bytes = slurp(good.path);
    std::ofstream(torn, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  CHECK_THROWS_AS(restore(file, torn), CorruptProject);
  CHECK_THROWS_AS(restore(file, foreign.path), UserError);
  CHECK_THROWS_AS(restore(file, t.dir / "missing.telaah"), NotFound);
  CHECK(Project::open(file)->check().empty());  // untouched by the refusals

  // The project file itself is garbage: restore still works and keeps the garbage.
  std::ofstream(file, std::ios::binary | std::ios::trunc) << "garbage that used to be a project";
  RestoreResult r = restore(file, good.path);
  REQUIRE(r.before_restore);
  CHECK(r.before_restore_raw);
  CHECK(slurp(r.before_restore->path) == "garbage that used to be a project");
  CHECK(Project::open(file)->check().empty());

  // No project file at all: restore creates it.
  fs::remove(file);
  r = restore(file, good.path);
  CHECK(!r.before_restore);
  CHECK(Project::open(file)->documents().size() == 2);

  CHECK_THROWS_AS(resolve_backup(file, "99"), NotFound);
  CHECK(resolve_backup(file, "1") == list_backups(file).front().path);
}

TEST_CASE("the scheduler backs up on open and then at most every N minutes of activity") {
  TempDir t;
  fs::path file = t.dir / "s.telaah";
  auto p = make_project(file);
  BackupScheduler s;
  SysTime t0 = at("2026-05-01T08:00:00Z");
  auto b = s.tick(*p, t0);
  REQUIRE(b);
  CHECK(b->reason == "on-open");
  CHECK(!s.tick(*p, t0 + seconds(2)));
  add(*p, 1, 0, 5);
  CHECK(!s.tick(*p, t0 + minutes(5)));  // changed, but the interval has not passed
  b = s.tick(*p, t0 + minutes(10));
  REQUIRE(b);
  CHECK(b->reason == "periodic");
  CHECK(b->revision == p->revision());
  CHECK(!s.tick(*p, t0 + minutes(40)));  // nothing changed: no new backup
  CHECK(list_backups(file).size() == 2);

  // Re-opening without changes does not pile up identical backups.
  BackupScheduler again;
  CHECK(!again.tick(*p, t0 + minutes(50)));
  CHECK(again.last_backup());

  // The interval is a project setting; 0 means on open only.
  p->set_setting(BackupScheduler::kIntervalSetting, "0");
  CHECK(!s.tick(*p, t0 + hours(3)));
  CHECK(s.interval() == minutes(0));
  p->set_setting(BackupScheduler::kIntervalSetting, "30");
  CHECK(s.tick(*p, t0 + hours(3) + seconds(2)));
  add(*p, 1, 3, 9);
  CHECK(!s.tick(*p, t0 + hours(3) + minutes(20)));
  CHECK(s.tick(*p, t0 + hours(3) + minutes(31)));
  CHECK(s.interval() == minutes(30));

  // Failures are reported, never thrown, and retried a minute later.
  add(*p, 1, 5, 9);
  fs::rename(backup_dir(file), t.dir / "moved");
  std::ofstream(backup_dir(file)) << "a file where the folder should be";
  SysTime t1 = t0 + hours(5);
  CHECK(!s.tick(*p, t1));
  CHECK(!s.last_error().empty());
  fs::remove(backup_dir(file));
  CHECK(!s.tick(*p, t1 + seconds(30)));  // waits for the retry
  CHECK(s.tick(*p, t1 + seconds(61)));
  CHECK(s.last_error().empty());
}

TEST_CASE("the scheduler can hand the backup to a worker thread") {
  TempDir t;
  fs::path file = t.dir / "w.telaah";
  auto p = make_project(file);
  BackupScheduler s;
  const SysTime t0 = at("2026-05-02T08:00:00Z");
  auto reason = s.due(*p, t0);
  REQUIRE(reason);
  CHECK(*reason == "on-open");
  CHECK(s.in_flight());
  CHECK(!s.due(*p, t0 + minutes(30)));  // one at a time
  BackupInfo b;
  std::string error;
  std::thread worker([&] {
    try {
      b = make_backup_of(file, *reason);
    } catch (const std::exception& e) {
      error = e.what();
    }
  });
  for (int i = 0; i < 5; ++i) add(*p, 1, i, i + 4);  // the window goes on working meanwhile
  worker.join();
  REQUIRE(error.empty());
  s.finished(b, t0);
  CHECK(!s.in_flight());
  CHECK(b.revision <= p->revision());
  {
    SQLite::Database db(b.path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.execAndGet("SELECT max(rev) FROM change_log").getInt64() == b.revision);  // a snapshot, not a mix
  }
  // The worker may have copied after all five actions: one more action makes
  // sure work went on after the backup, so the next one is due on the interval.
  add(*p, 1, 10, 14);
  auto next = s.due(*p, t0 + minutes(11));
  REQUIRE(next);
  CHECK(*next == "periodic");
  s.failed("the disk is full", t0 + minutes(11));
  CHECK(s.last_error() == "the disk is full");
  CHECK(!s.due(*p, t0 + minutes(11) + seconds(30)));
  CHECK(s.due(*p, t0 + minutes(12) + seconds(1)) == std::optional<std::string>("periodic"));
}

TEST_CASE("sync folders are recognised by path") {
  struct Row {
    const char* path;
    const char* service;  // nullptr: no sync
  };
  for (const Row& r : {Row{"/home/ani/Dropbox/penelitian", "Dropbox"}, Row{"/home/ani/Dropbox (Personal)/x", "Dropbox"},
                       Row{"/Users/ani/OneDrive - Universitas Indonesia/Tesis", "OneDrive"},
                       Row{"/home/ani/onedrive/x", "OneDrive"}, Row{"/Volumes/GoogleDrive/My Drive/x", "Google Drive"},
                       Row{"/Users/ani/Library/CloudStorage/GoogleDrive-ani@example.org/My Drive", "Google Drive"},
                       Row{"/Users/ani/Library/CloudStorage/Box-Box/x", "Box (cloud storage)"},
                       Row{"/home/ani/Google Drive/x", "Google Drive"},
                       Row{"/home/ani/Nextcloud/Documents", "Nextcloud"}, Row{"/home/ani/ownCloud", "ownCloud"},
                       Row{"/Users/ani/Library/Mobile Documents/com~apple~CloudDocs/x", "iCloud Drive"},
                       Row{"/home/ani/pCloudDrive/x", "pCloud"}, Row{"/home/ani/Documents/telaah", nullptr},
                       Row{"/home/dropboxer/x", nullptr}, Row{"/srv/data/projects", nullptr}}) {
    CAPTURE(r.path);
    auto s = sync_service_from_path(r.path);
    if (r.service) {
      REQUIRE(s);
      CHECK(*s == r.service);
    } else
      CHECK(!s);
  }
}

TEST_CASE("sync folders are recognised by marker files up the tree") {
  struct Row {
    const char* marker;
    bool dir;
    const char* service;
  };
  for (const Row& r : {Row{".dropbox", false, "Dropbox"}, Row{"._sync_5e1a9f.db", false, "Nextcloud or ownCloud"},
                       Row{".sync_0a1b2c.db", false, "Nextcloud or ownCloud"}, Row{".stfolder", true, "Syncthing"},
                       Row{".nextcloudsync.log", false, "Nextcloud"}}) {
    TempDir t;
    fs::path deep = t.dir / "synced" / "studi" / "proyek";
    fs::create_directories(deep);
    CHECK(!sync_service_from_markers(deep));
    if (r.dir)
      fs::create_directories(t.dir / "synced" / r.marker);
    else
      std::ofstream(t.dir / "synced" / r.marker) << "";
    auto s = sync_service_from_markers(deep);
    REQUIRE(s);
    CHECK(*s == r.service);
    auto w = storage_warnings(deep / "p.telaah");
    REQUIRE(!w.empty());
    CHECK(w[0].kind == StorageWarning::Kind::sync_folder);
    CHECK(w[0].text.find("-wal") != std::string::npos);
    CHECK(w[0].text.find("local folder") != std::string::npos);
  }
}

TEST_CASE("network file systems are recognised by statfs magic and by mount type") {
  CHECK(network_fs_from_magic(0x6969) == "NFS");
  CHECK(network_fs_from_magic(static_cast<long>(0xFF534D42)) == "SMB/CIFS");
  CHECK(network_fs_from_magic(0x01021997) == "9p");
  CHECK(!network_fs_from_magic(0xEF53));      // ext4
  CHECK(!network_fs_from_magic(0x01021994));  // tmpfs
  CHECK(!network_fs_from_magic(0x65735546));  // FUSE: decided by the mount type

  const std::string mountinfo =
      "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
      "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
      "40 27 0:40 / /mnt/nas rw,relatime shared:1 - nfs4 nas:/export rw,vers=4.2\n"
      "41 27 0:41 / /home/ani/remote\\040box rw,nosuid - fuse.sshfs ani@host:/data rw\n"
      "42 27 0:42 / /home/ani/gdrive rw - fuse.rclone gdrive: rw\n"
      "43 40 0:43 / /mnt/nas/local rw - ext4 /dev/vdb rw\n"
      "44 27 0:44 / /mnt/nasa rw - ext4 /dev/vdc rw\n";
  struct Row {
    const char* path;
    const char* type;
    const char* risky;
  };
  for (const Row& r : {Row{"/home/ani/x", "ext4", nullptr}, Row{"/mnt/nas/studi", "nfs4", "NFS"},
                       Row{"/mnt/nas", "nfs4", "NFS"}, Row{"/mnt/nasa/x", "ext4", nullptr},
                       Row{"/mnt/nas/local/x", "ext4", nullptr}, Row{"/home/ani/remote box/p", "fuse.sshfs", "SSHFS"},
                       Row{"/home/ani/gdrive/x", "fuse.rclone", "rclone (cloud storage)"}}) {
    CAPTURE(r.path);
    auto type = fs_type_from_mountinfo(mountinfo, r.path);
    REQUIRE(type);
    CHECK(*type == r.type);
    auto risky = risky_fs_type(*type);
    if (r.risky)
      CHECK(risky == r.risky);
    else
      CHECK(!risky);
  }
  for (const char* t : {"cifs", "smb3", "9p", "ceph", "glusterfs", "fuse.gvfsd-fuse", "vboxsf"})
    CHECK_MESSAGE(risky_fs_type(t), t);
  for (const char* t : {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "fuse.portal", "fuseblk", "zfs"})
    CHECK_MESSAGE(!risky_fs_type(t), t);
}

TEST_CASE("a project readable by others gets a permissions warning") {
  TempDir t;
  fs::path file = t.dir / "p.telaah";
  std::ofstream(file) << "x";
  ::chmod(file.c_str(), 0644);
  auto has_perm = [&] {
    for (const auto& w : storage_warnings(file))
      if (w.kind == StorageWarning::Kind::permissions) return true;
    return false;
  };
  CHECK(has_perm());
  CHECK(storage_warning_text(file).find("chmod 600") != std::string::npos);
  ::chmod(file.c_str(), 0600);
  CHECK(!has_perm());
}

namespace {
struct Cli {
  int status;
  std::string out, err;
};
Cli cli(const std::string& args, const fs::path& dir) {
  fs::path out = dir / "cli.out", err = dir / "cli.err";
  std::string cmd = std::string(TELAAH_BINARY) + " " + args + " </dev/null >" + out.string() + " 2>" + err.string();
  int rc = std::system(cmd.c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, slurp(out), slurp(err)};
}
}  // namespace

TEST_CASE("telaah backups and telaah restore") {
  TempDir t;
  fs::path file = t.dir / "c.telaah";
  auto p = make_project(file);
  add(*p, 1, 0, 11);
  p.reset();
  const std::string f = "'" + file.string() + "'";
  Cli c = cli("backups " + f, t.dir);
  CHECK(c.status == 0);
  CHECK(c.out.find("no backups yet") != std::string::npos);
  c = cli("backups " + f + " --now --reason 'before field trip'", t.dir);
  CHECK(c.status == 0);
  CHECK(c.out.find("-before-field-trip.telaah") != std::string::npos);
  c = cli("backups " + f + " --json", t.dir);
  REQUIRE(c.status == 0);
  auto j = nlohmann::json::parse(c.out);
  REQUIRE(j["backups"].size() == 1);
  CHECK(j["backups"][0]["reason"] == "before-field-trip");

  p = Project::open(file);
  add(*p, 2, 0, 8);
  c = cli("restore " + f + " 1 --yes", t.dir);
  CHECK(c.status == 1);  // open in this process: refused
  CHECK(c.err.find("open in another Telaah window") != std::string::npos);
  p.reset();
  c = cli("restore " + f + " 1", t.dir);  // no terminal and no --yes: refused, nothing changed
  CHECK(c.status == 1);
  CHECK(c.err.find("--yes") != std::string::npos);
  CHECK(codings_in(file) == 2);
  c = cli("restore " + f + " 1 --yes", t.dir);
  CHECK(c.status == 0);
  CHECK(codings_in(file) == 1);
  c = cli("restore " + f + " 7 --yes", t.dir);
  CHECK(c.status == 1);
  CHECK(c.err.find("no backup number 7") != std::string::npos);
}

// --- pseudonymisation ---

namespace {

const std::vector<Replacement> kNames = {
    {"Budi", "Informan B"}, {"Budi Santoso", "Informan B"}, {"Siti", "Informan C"}};

// An independent oracle for ASCII names in mostly-ASCII text: std::regex whole-word
// alternation, longest name first.
std::string oracle(const std::string& s) {
  static const std::regex re(R"(\b(Budi Santoso|Budi|Siti)\b)");
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    out += s.substr(last, static_cast<size_t>(it->position()) - last);
    out += it->str() == "Siti" ? "Informan C" : "Informan B";
    last = static_cast<size_t>(it->position() + it->length());
  }
  return out + s.substr(last);
}

int64_t cp_of(const std::string& body, const std::string& needle, int nth = 1) {
  size_t pos = std::string::npos;
  for (int i = 0; i < nth; ++i) pos = body.find(needle, pos == std::string::npos ? 0 : pos + 1);
  REQUIRE(pos != std::string::npos);
  return static_cast<int64_t>(text::count_code_points(std::string_view(body).substr(0, pos)));
}

std::string slice(const std::string& body, int64_t s, int64_t e) {
  text::OffsetMap m(body);
  return std::string(text::slice_cp(body, m, static_cast<size_t>(s), static_cast<size_t>(e)));
}

// Everything pseudonymisation touches, to compare states byte for byte.
struct Snapshot {
  std::vector<std::string> texts, titles, memos, attrs;
  std::vector<std::tuple<Id, int64_t, int64_t, std::string>> codings;
  std::vector<std::tuple<int64_t, int64_t, std::string>> blocks;
  std::vector<std::pair<int, int64_t>> pages;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snap(const Project& p) {
  Snapshot s;
  for (const auto& d : p.documents()) {
    s.texts.push_back(p.text(d.id));
    s.titles.push_back(d.title);
    for (const auto& b : p.blocks(d.id)) s.blocks.push_back({b.start, b.end, b.speaker});
    for (const auto& g : p.pages(d.id)) s.pages.push_back({g.page, g.start});
    for (const auto& a : p.attributes(d.id)) s.attrs.push_back(a.name + "=" + a.value);
  }
  for (const auto& c : p.codings()) s.codings.push_back({c.id, c.start, c.end, c.memo});
  for (const auto& m : p.memos()) s.memos.push_back(m.title + "|" + m.body);
  return s;
}

}  // namespace

TEST_CASE("rewrite_names: whole words, longest first, case folding") {
  struct Row {
    const char* in;
    std::vector<Replacement> repl;
    bool fold;
    const char* out;
  };
  const std::vector<Row> rows = {
      {"Budi dan Budiman", {{"Budi", "X"}}, false, "X dan Budiman"},
      {"Budi Santoso, Budi", {{"Budi", "X"}, {"Budi Santoso", "Y"}}, false, "Y, X"},
      {"Budié Budi", {{"Budi", "X"}}, false, "Budié X"},
      {"(Siti) Siti-Siti", {{"Siti", "Y"}}, false, "(Y) Y-Y"},
      {"xBudi Budix _Budi", {{"Budi", "X"}}, false, "xBudi Budix _X"},
      {"Dr. Budi dan Dr. Budiman", {{"Dr. Budi", "Informan D"}}, false, "Informan D dan Dr. Budiman"},
      {"ÁDAM Ádam ádam Adam", {{"Ádam", "R"}}, true, "R R R Adam"},
      {"ÁDAM Ádam", {{"Ádam", "R"}}, false, "ÁDAM R"},
      {"BUDI: halo budi", {{"Budi", "Informan B"}}, true, "Informan B: halo Informan B"},
      {"nama 김민수 dan 김민수님", {{"김민수", "Informan K"}}, false, "nama Informan K dan 김민수님"},
      {"", {{"Budi", "X"}}, false, ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.in);
    CHECK(rewrite_names(r.in, r.repl, r.fold).text == r.out);
  }
  // Offsets: "a Budi b" -> "a Informan B b" (the name [2,6) becomes [2,12)).
  Rewrite rw = rewrite_names("a Budi b", {{"Budi", "Informan B"}}, false);
  REQUIRE(rw.edits.size() == 1);
  struct Map {
    int64_t old, start, end;
  };
  for (const Map& m :
       {Map{0, 0, 0}, Map{2, 2, 2}, Map{3, 2, 12}, Map{5, 2, 12}, Map{6, 12, 12}, Map{7, 13, 13}, Map{8, 14, 14}}) {
    CAPTURE(m.old);
    CHECK(rw.map_start(m.old) == m.start);
    CHECK(rw.map_end(m.old) == m.end);
  }
}

TEST_CASE("pseudonymise: every coding keeps its words, one undo restores every byte") {
  TempDir t;
  auto p = make_project(t.dir / "pseudo.telaah");
  NewDocument d3;
  d3.title = "Laporan";
  d3.text = "Halaman satu tentang Budi.\n\nHalaman dua tentang Siti dan Budiman.\n";
  d3.pages = {{1, 0}, {2, static_cast<int64_t>(std::string("Halaman satu tentang Budi.\n\n").size())}};
  p->add_document(d3);
  p->set_attribute(1, {"informan", "text", "Budi Santoso"});
  p->add_memo("document", 1, "Catatan tentang Siti", "Siti dan Budi bertemu di biro.");

  const std::string body = p->text(1);
  struct Span {
    Id doc;
    int64_t s, e;
    const char* expect;  // nullptr: the oracle of the old quote
  };
  std::vector<Span> spans = {
      {1, cp_of(body, "Budi Santoso: Kerja"), cp_of(body, "\n\nPewawancara: Siapa"), nullptr},  // a whole turn
      {1, cp_of(body, "Budi sendiri"), cp_of(body, "Budi sendiri") + 4, nullptr},               // exactly a name
      {1, cp_of(body, "Budi Santoso") + 1, cp_of(body, "Budi Santoso") + 9, "Informan B"},      // inside a name
      {1, cp_of(body, "Ibu Siti"), cp_of(body, " Siti menulis"), nullptr},                      // Budiman stays
      {1, cp_of(body, ": Kerja"), cp_of(body, ": Kerja") + 12, nullptr},                        // right after a name
      {1, cp_of(body, "Ibu Siti"), cp_of(body, "Ibu Siti") + 4, nullptr},                       // right before a name
      {1, 0, static_cast<int64_t>(text::count_code_points(body)), nullptr},                     // everything
      {2, 0, 30, nullptr},
      {3, 0, 26, nullptr},
  };
  std::vector<Id> ids;
  std::vector<std::string> quotes;
  for (const auto& s : spans) {
    ids.push_back(add(*p, s.doc, s.s, s.e, "Input/Legal", "Budi menyebut Siti"));
    quotes.push_back(slice(p->text(s.doc), s.s, s.e));
  }
  std::vector<std::string> old_blocks;
  for (const auto& b : p->blocks(1)) old_blocks.push_back(slice(body, b.start, b.end));
  bool had_speaker = false;
  for (const auto& b : p->blocks(1)) had_speaker |= b.speaker == "Budi Santoso";
  CHECK(had_speaker);

  const Snapshot before = snap(*p);
  const int64_t rev0 = p->revision();
  PseudonymiseOptions dry;
  dry.dry_run = true;
  auto preview = pseudonymise(*p, kNames, dry);
  CHECK(p->revision() == rev0);
  CHECK(snap(*p) == before);
  CHECK(preview.revision == 0);

  auto r = pseudonymise(*p, kNames);
  CHECK(r.total == preview.total);
  CHECK(r.revision == rev0 + 1);
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].hits.at("Budi Santoso") == 2);
  CHECK(r.docs[0].hits.at("Budi") == 1);
  CHECK(r.docs[0].hits.at("Siti") == 2);
  CHECK(p->check().empty());

  for (size_t i = 0; i < spans.size(); ++i) {
    CAPTURE(quotes[i]);
    Coding c = p->coding(ids[i]);
    std::string now = slice(p->text(c.doc), c.start, c.end);
    CHECK(now == (spans[i].expect ? std::string(spans[i].expect) : oracle(quotes[i])));
    CHECK(c.memo == "Informan B menyebut Informan C");
  }
  const std::string after = p->text(1);
  CHECK(after == oracle(body));
  CHECK(after.find("Budiman") != std::string::npos);
  CHECK(p->document(1).length_cp == static_cast<int64_t>(text::count_code_points(after)));
  CHECK(p->document(1).title == "Wawancara Informan B");
  auto blocks = p->blocks(1);
  REQUIRE(blocks.size() == old_blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    CHECK(slice(after, blocks[i].start, blocks[i].end) == oracle(old_blocks[i]));
    CHECK(blocks[i].speaker.find("Budi") == std::string::npos);
  }
  auto pages = p->pages(3);
  REQUIRE(pages.size() == 2);
  CHECK(slice(p->text(3), pages[1].start, pages[1].start + 11) == "Halaman dua");
  CHECK(p->attributes(1).at(0).value == "Informan B");
  CHECK(p->memos("document", 1).at(0).body == "Informan C dan Informan B bertemu di biro.");
  const Snapshot done = snap(*p);

  CHECK(p->undo().rfind("Pseudonymise 3 names in 3 documents", 0) == 0);
  CHECK(snap(*p) == before);  // byte-identical texts, offsets, titles, memos
  CHECK(p->text(1) == body);
  CHECK(p->check().empty());
  p->redo();
  CHECK(snap(*p) == done);
  CHECK(p->check().empty());
}

TEST_CASE("pseudonymise: a chosen document set, case folding, clear errors") {
  TempDir t;
  auto p = make_project(t.dir / "set.telaah");
  const std::string one = p->text(1);
  PseudonymiseOptions only2;
  only2.docs = {2};
  auto r = pseudonymise(*p, kNames, only2);
  CHECK(r.docs.size() == 1);
  CHECK(p->text(1) == one);
  CHECK(p->text(2) == oracle(kText2));

  NewDocument shout;
  shout.title = "Transkrip";
  shout.text = "BUDI: saya setuju.\n\nPewawancara: terima kasih, budi.\n";
  Id d = p->add_document(shout);
  PseudonymiseOptions exact;
  exact.docs = {d};
  CHECK(pseudonymise(*p, {{"Budi", "Informan B"}}, exact).total == 0);
  exact.ignore_case = true;
  CHECK(pseudonymise(*p, {{"Budi", "Informan B"}}, exact).total >= 2);
  CHECK(p->text(d) == "Informan B: saya setuju.\n\nPewawancara: terima kasih, Informan B.\n");

  const int64_t rev = p->revision();
  CHECK_THROWS_AS(pseudonymise(*p, {{"Budi", ""}}), ValidationError);
  CHECK_THROWS_AS(pseudonymise(*p, {{"", "X"}}), ValidationError);
  CHECK_THROWS_AS(pseudonymise(*p, {{"Siti", "A"}, {"Siti", "B"}}), ValidationError);
  CHECK_THROWS_AS(pseudonymise(*p, {}), ValidationError);
  PseudonymiseOptions bad;
  bad.docs = {99};
  CHECK_THROWS_AS(pseudonymise(*p, kNames, bad), NotFound);
  CHECK(p->revision() == rev);
  CHECK(parse_replacement(" Budi Santoso = Informan B ").name == "Budi Santoso");
  CHECK(parse_replacement(" Budi Santoso = Informan B ").role == "Informan B");
  CHECK_THROWS_AS(parse_replacement("Budi"), ValidationError);
  CHECK_THROWS_AS(parse_replacement("a=b=c"), ValidationError);
}

TEST_CASE("telaah pseudonymise") {
  TempDir t;
  fs::path file = t.dir / "cli.telaah";
  make_project(file).reset();
  const std::string f = "'" + file.string() + "'";
  std::ofstream(t.dir / "names.txt") << "# informants\nBudi Santoso=Informan B\n\nSiti=Informan C\n";
  Cli c = cli("pseudonymise " + f + " --map '" + (t.dir / "names.txt").string() + "' -r Budi=Informan\\ B --dry-run",
              t.dir);
  CHECK(c.status == 0);
  CHECK(c.out.find("nothing was changed (dry run)") != std::string::npos);
  c = cli("pseudonymise " + f + " -r 'Budi=Informan B' -r 'Siti=Informan C' --docs 2 --json", t.dir);
  REQUIRE(c.status == 0);
  auto j = nlohmann::json::parse(c.out);
  CHECK(j["documents"].size() == 1);
  CHECK(j["revision"].get<int64_t>() > 0);
  c = cli("pseudonymise " + f + " -r Budi", t.dir);
  CHECK(c.status == 1);
  CHECK(c.err.find("NAME=ROLE") != std::string::npos);
  c = cli("undo " + f, t.dir);
  CHECK(c.status == 0);
  CHECK(Project::open(file)->text(2) == kText2);
}
