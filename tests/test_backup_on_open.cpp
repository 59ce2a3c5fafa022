// Backups on open (issue 20): skipped when a recent verified backup exists,
// and then the periodic backup comes an interval into the work, not at once.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "store/backup.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::store;
using namespace std::chrono;

namespace {

struct Dir {
  fs::path path = fs::temp_directory_path() / ("telaah-backup-open-" + std::to_string(::getpid()));
  Dir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void add_code(Project& p, const std::string& name) {
  auto a = p.begin_action("Add code");
  Code c;
  c.name = name;
  p.add_code(c);
  a.commit();
}

}  // namespace

TEST_CASE("a backup on open is skipped when a recent one exists; the next one comes an interval later") {
  Dir d;
  const fs::path file = d.path / "p.telaah";
  auto p = Project::create(file, {.create = true, .verify = false, .coder = "ana"});
  add_code(*p, "A");
  const SysTime t0 = floor<seconds>(system_clock::now());
  BackupOptions o;
  o.clock = [t0] { return t0; };
  o.rotate = false;
  const BackupInfo first = make_backup(*p, "manual", o);
  add_code(*p, "B");  // the project moved on since that backup
  REQUIRE(p->revision() > first.revision);

  struct Row {
    minutes age;          // of the newest backup when the project is opened
    bool backup_on_open;  // expected
  };
  // Hand-computed from the rule: younger than kRecentOnOpen (60 min) -> skipped.
  for (const Row& r : {Row{minutes(0), false}, Row{minutes(30), false}, Row{minutes(59), false}, Row{minutes(60), true},
                       Row{minutes(300), true}}) {
    CAPTURE(r.age.count());
    BackupScheduler s;
    const SysTime open = t0 + r.age;
    const auto reason = s.due(*p, open);
    CHECK(reason.has_value() == r.backup_on_open);
    if (reason) {
      CHECK(*reason == "on-open");
      continue;
    }
    REQUIRE(s.last_backup());
    CHECK(s.last_backup()->path == first.path);
    // Not in the first minutes of work: the interval (10 min by default) counts from opening.
    CHECK_FALSE(s.due(*p, open + seconds(2)));
    CHECK_FALSE(s.due(*p, open + minutes(9)));
    const auto later = s.due(*p, open + minutes(10));
    REQUIRE(later);
    CHECK(*later == "periodic");
  }
}

TEST_CASE("a backup on open is still skipped when the newest one holds the current revision, however old") {
  Dir d;
  const fs::path file = d.path / "q.telaah";
  auto p = Project::create(file, {.create = true, .verify = false, .coder = "ana"});
  add_code(*p, "A");
  const SysTime t0 = floor<seconds>(system_clock::now());
  BackupOptions o;
  o.clock = [t0] { return t0; };
  make_backup(*p, "manual", o);
  BackupScheduler s;
  CHECK_FALSE(s.due(*p, t0 + hours(48)));
  CHECK_FALSE(s.due(*p, t0 + hours(49)));  // nothing changed: nothing to back up
}
