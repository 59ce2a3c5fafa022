// Verified backups, rotation, restore and the backup scheduler (see backup.h).
#include "store/backup.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>

#include "store/project.h"
#include "store/reader.h"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace telaah::store {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// fsync a file by path; the data must be on disk before the rename that publishes it.
void fsync_path(const fs::path& p, bool directory) {
  int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) throw BackupFailed("cannot open " + p.string() + " to flush it to disk (" + errno_text() + ")");
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) throw BackupFailed("cannot flush " + p.string() + " to disk (" + std::strerror(err) + ")");
}

void make_private_dir(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw BackupFailed("cannot create the backup folder " + dir.string() + " (" + errno_text() + ")");
  if (!fs::is_directory(dir))
    throw BackupFailed(dir.string() + " exists but is not a folder; backups cannot be kept there");
}

// Creates an empty file readable by the owner only. VACUUM INTO accepts an
// empty target and keeps its mode, so the backup is never world-readable,
// not even for a moment.
void create_private_file(const fs::path& p) {
  int fd = ::open(p.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) throw BackupFailed("cannot create " + p.string() + " (" + errno_text() + ")");
  ::close(fd);
}

std::string quick_result(SQLite::Database& db, const char* pragma) {
  SQLite::Statement q(db, pragma);
  std::string out;
  while (q.executeStep()) {
    std::string r = q.getColumn(0).getString();
    if (r == "ok") continue;
    if (!out.empty()) out += "; ";
    out += r;
  }
  return out.empty() ? "ok" : out;
}

bool has_sqlite_header(const fs::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char head[16] = {0};
  ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  return n == 16 && std::memcmp(head, "SQLite format 3", 16) == 0;
}

struct FileFacts {
  int64_t revision = 0;
  int schema = 0;
  std::string project_id;
};

// Reads what a backup or project file claims to be; throws CorruptProject.
FileFacts read_facts(SQLite::Database& db, const fs::path& p) {
  FileFacts f;
  f.schema = db.execAndGet("PRAGMA user_version").getInt();
  if (f.schema <= 0 || !db.tableExists("change_log") || !db.tableExists("meta"))
    throw CorruptProject(p.string() + " is not a Telaah project");
  f.revision = db.execAndGet("SELECT coalesce(max(rev), 0) FROM change_log").getInt64();
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key='project_id'");
  if (q.executeStep()) f.project_id = q.getColumn(0).getString();
  return f;
}

std::string fmt_time(SysTime t) {
  std::time_t tt = system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// The UTC calendar day (days since 1970-01-01, rounded down).
int64_t day_of(SysTime t) {
  return floor<days>(t).time_since_epoch().count();
}

std::atomic<unsigned> tmp_counter{0};

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// Temporary files of a backup that died half-way: ".tmp-PID-N.telaah".
void remove_stale_temps(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.rfind(".tmp-", 0) != 0) continue;
    long pid = std::strtol(n.c_str() + 5, nullptr, 10);
    if (pid == ::getpid() || process_alive(pid)) continue;
    fs::remove(e.path(), ec);
  }
}

fs::path unique_name(const fs::path& dir, SysTime t, int64_t rev, const std::string& slug) {
  fs::path p = dir / backup_file_name(t, rev, slug);
  for (int i = 2; fs::exists(p); ++i) p = dir / (backup_file_name(t, rev, slug + "." + std::to_string(i)));
  return p;
}

// The project's lock, taken exactly as Project takes it (flock on NAME.telaah.lock),
// so a restore and an open window exclude each other.
class ProjectLock {
 public:
  explicit ProjectLock(const fs::path& project) {
    fs::path lock = project;
    lock += ".lock";
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw UserError("cannot lock " + project.string() + " (" + errno_text() + ")");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      char buf[32] = {0};
      ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
      long pid = n > 0 ? std::strtol(buf, nullptr, 10) : 0;
      ::close(fd_);
      throw ProjectLocked("this project is open in another Telaah window (pid " + std::to_string(pid) +
                              "): close it there before restoring a backup (" + project.string() + ")",
                          pid);
    }
    say(std::to_string(::getpid()) + "\n");
  }
  ~ProjectLock() {
    // "0": nobody has it, and no claim that the file was closed cleanly, so
    // the next open runs quick_check on the restored file.
    say("0\n");
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

 private:
  // The lock file's content, in Project's format: write first, then cut, so a
  // reader never sees an empty file.
  void say(const std::string& content) {
    [[maybe_unused]] auto w = ::pwrite(fd_, content.data(), content.size(), 0);
    [[maybe_unused]] auto t = ::ftruncate(fd_, static_cast<off_t>(content.size()));
  }
  int fd_ = -1;
};

// Byte copy with fsync, mode 0600; used for restoring and for an unreadable project.
void copy_synced(const fs::path& from, const fs::path& to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw BackupFailed("cannot read " + from.string() + " (" + errno_text() + ")");
  int out = ::open(to.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (out < 0) {
    int err = errno;
    ::close(in);
    throw BackupFailed("cannot create " + to.string() + " (" + std::strerror(err) + ")");
  }
  std::vector<char> buf(1 << 20);
  std::string failure;
  for (;;) {
    ssize_t n = ::read(in, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      failure = "cannot read " + from.string() + " (" + errno_text() + ")";
      break;
    }
    if (n == 0) break;
    for (ssize_t off = 0; off < n;) {
      ssize_t w = ::write(out, buf.data() + off, static_cast<size_t>(n - off));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        failure = "cannot write " + to.string() + " (" + errno_text() + ")";
        break;
      }
      off += w;
    }
    if (!failure.empty()) break;
  }
  if (failure.empty() && ::fsync(out) != 0) failure = "cannot flush " + to.string() + " to disk (" + errno_text() + ")";
  ::close(in);
  ::close(out);
  if (!failure.empty()) {
    std::error_code ec;
    fs::remove(to, ec);
    throw BackupFailed(failure);
  }
}

}  // namespace

void remove_stale_backup_temps(const fs::path& project) {
  std::error_code ec;
  const fs::path dir = backup_dir(project);
  if (fs::is_directory(dir, ec)) remove_stale_temps(dir);
}

fs::path backup_dir(const fs::path& project) {
  fs::path d = project;
  d += "-backups";
  return d;
}

std::string reason_slug(const std::string& reason) {
  std::string out;
  for (unsigned char c : reason) {
    char l = static_cast<char>(std::tolower(c));
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (ok)
      out += l;
    else if (!out.empty() && out.back() != '-')
      out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "manual" : out;
}

std::string backup_file_name(SysTime t, int64_t revision, const std::string& reason) {
  return fmt_time(t) + "-r" + std::to_string(revision) + "-" + reason + ".telaah";
}

std::optional<BackupInfo> parse_backup_name(const std::string& n) {
  // YYYYMMDDTHHMMSSZ-rREV-REASON[.N].telaah
  const std::string ext = ".telaah";
  if (n.size() < 16 + 3 + 1 + ext.size() || n.compare(n.size() - ext.size(), ext.size(), ext) != 0) return std::nullopt;
  std::tm tm{};
  const char* end = strptime(n.c_str(), "%Y%m%dT%H%M%SZ", &tm);
  if (!end || end != n.c_str() + 16) return std::nullopt;
  if (n.compare(16, 2, "-r") != 0) return std::nullopt;
  size_t i = 18, j = i;
  while (j < n.size() && std::isdigit(static_cast<unsigned char>(n[j]))) ++j;
  if (j == i || j >= n.size() || n[j] != '-') return std::nullopt;
  BackupInfo b;
  b.revision = std::stoll(n.substr(i, j - i));
  std::string reason = n.substr(j + 1, n.size() - ext.size() - j - 1);
  if (auto dot = reason.rfind('.'); dot != std::string::npos) {
    bool digits =
        dot + 1 < reason.size() && std::all_of(reason.begin() + static_cast<long>(dot) + 1, reason.end(),
                                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!digits) return std::nullopt;
    reason.resize(dot);
  }
  if (reason.empty() || reason != reason_slug(reason)) return std::nullopt;
  b.reason = reason;
  b.time = system_clock::from_time_t(timegm(&tm));
  b.path = n;
  return b;
}

std::vector<BackupInfo> list_backups(const fs::path& project) {
  std::vector<BackupInfo> out;
  std::error_code ec;
  fs::path dir = backup_dir(project);
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file(ec)) continue;
    auto b = parse_backup_name(e.path().filename().string());
    if (!b) continue;
    b->path = e.path();
    b->size = e.file_size(ec);
    out.push_back(*b);
  }
  std::sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
    if (a.time != b.time) return a.time > b.time;
    return a.path.filename().string() > b.path.filename().string();
  });
  return out;
}

std::vector<BackupInfo> backups_to_delete(std::vector<BackupInfo> all, SysTime now, const RotationPolicy& policy,
                                          const fs::path& keep) {
  std::sort(all.begin(), all.end(), [](const BackupInfo& a, const BackupInfo& b) {
    if (a.time != b.time) return a.time > b.time;
    return a.path.filename().string() > b.path.filename().string();
  });
  std::set<size_t> kept;
  for (size_t i = 0; i < all.size() && i < policy.keep_last; ++i) kept.insert(i);
  const int64_t today = day_of(now);
  std::set<int64_t> days_seen;
  for (size_t i = 0; i < all.size(); ++i) {
    int64_t d = day_of(all[i].time);
    if (d > today || d <= today - policy.daily_days) continue;
    if (days_seen.insert(d).second) kept.insert(i);  // newest first: the first of a day is its newest
  }
  std::vector<BackupInfo> out;
  for (size_t i = 0; i < all.size(); ++i)
    if (!kept.count(i) && !(!keep.empty() && all[i].path == keep)) out.push_back(all[i]);
  return out;
}

std::vector<BackupInfo> rotate_backups(const fs::path& project, SysTime now, const RotationPolicy& policy,
                                       const fs::path& keep) {
  auto doomed = backups_to_delete(list_backups(project), now, policy, keep);
  std::vector<BackupInfo> done;
  for (auto& b : doomed) {
    std::error_code ec;
    if (fs::remove(b.path, ec)) done.push_back(b);
  }
  return done;
}

BackupInfo make_backup(const Project& p, const std::string& reason, const BackupOptions& o) {
  return make_backup_of(p.path(), reason, o);
}

BackupInfo backup_before(const Project& p, const std::string& what) {
  try {
    return make_backup(p, "before-" + what);
  } catch (const BackupFailed& e) {
    throw BackupFailed(std::string("could not make a safety backup before this step, so nothing was changed: ") +
                       e.what());
  }
}

BackupInfo make_backup_of(const fs::path& project, const std::string& reason, const BackupOptions& o) {
  std::error_code ec;
  if (!fs::is_regular_file(project, ec)) throw NotFound("no project at " + project.string());
  const fs::path dir = backup_dir(project);
  make_private_dir(dir);
  remove_stale_temps(dir);
  const fs::path tmp = dir / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(tmp_counter++) + ".telaah");
  try {
    create_private_file(tmp);
    {
      // Its own read-only connection: a snapshot of the last commit, WAL included.
      auto src_db = open_reader(project, 10000);  // triggers and views off, never checkpoints
      SQLite::Database& src = *src_db;
      SQLite::Statement vac(src, "VACUUM INTO ?");
      vac.bind(1, tmp.string());
      vac.exec();
    }
    FileFacts facts;
    {
      SQLite::Database out(tmp.string(), SQLite::OPEN_READWRITE);
      // One self-contained file: no -wal beside a backup, ever.
      out.exec("PRAGMA journal_mode=DELETE");
      std::string r = quick_result(out, "PRAGMA integrity_check");
      if (r != "ok")
        throw BackupFailed("the new backup of " + project.string() + " did not verify (" + r + "); it was discarded");
      facts = read_facts(out, project);
    }
    ::chmod(tmp.c_str(), 0600);
    fsync_path(tmp, false);
    const SysTime now = o.clock ? o.clock() : system_clock::now();
    const fs::path final_path = unique_name(dir, now, facts.revision, reason_slug(reason));
    if (::rename(tmp.c_str(), final_path.c_str()) != 0)
      throw BackupFailed("cannot move the new backup into place (" + errno_text() + ")");
    fsync_path(dir, true);
    BackupInfo b = *parse_backup_name(final_path.filename().string());
    b.path = final_path;
    b.size = fs::file_size(final_path, ec);
    if (o.rotate) rotate_backups(project, now, o.policy, final_path);
    return b;
  } catch (const SQLite::Exception& e) {
    fs::remove(tmp, ec);
    if (e.getErrorCode() == SQLITE_FULL)
      throw BackupFailed("the disk is full: no backup of " + project.string() + " could be made; free some space");
    throw BackupFailed("no backup of " + project.string() + " could be made: " + e.what());
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
}

fs::path resolve_backup(const fs::path& project, const std::string& ref) {
  std::error_code ec;
  if (ref.empty()) throw UserError("name the backup to restore (see 'telaah backups')");
  auto list = list_backups(project);
  if (std::all_of(ref.begin(), ref.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
      ref.size() < 6) {
    size_t n = std::stoul(ref);
    if (n >= 1 && n <= list.size()) return list[n - 1].path;
    throw NotFound("there is no backup number " + ref + " (this project has " + std::to_string(list.size()) +
                   "; see 'telaah backups')");
  }
  if (fs::is_regular_file(ref, ec)) return ref;
  fs::path in_dir = backup_dir(project) / ref;
  if (fs::is_regular_file(in_dir, ec)) return in_dir;
  throw NotFound("no backup '" + ref + "' (give its number or file name from 'telaah backups', or a path)");
}

RestoreResult restore(const fs::path& project, const fs::path& backup, const BackupOptions& o) {
  std::error_code ec;
  if (!fs::is_regular_file(backup, ec)) throw NotFound("no backup file at " + backup.string());
  if (!has_sqlite_header(backup))
    throw CorruptProject(backup.string() + " is not a Telaah backup (not an SQLite database)");
  FileFacts want;
  try {
    SQLite::Database b(backup.string(), SQLite::OPEN_READONLY);
    std::string r = quick_result(b, "PRAGMA integrity_check");
    if (r != "ok")
      throw CorruptProject("the backup " + backup.string() + " is damaged (" + r + "); choose another one");
    want = read_facts(b, backup);
  } catch (const SQLite::Exception& e) {
    throw CorruptProject("the backup " + backup.string() + " cannot be read (" + e.what() + "); choose another one");
  }
  if (want.schema > kSchemaVersion)
    throw UserError(backup.string() + " was made by a newer Telaah (schema " + std::to_string(want.schema) + ")");

  ProjectLock lock(project);  // throws ProjectLocked while a window has it open
  RestoreResult res;
  const bool exists = fs::exists(project, ec);
  if (exists) {
    std::string current_id;
    try {
      SQLite::Database cur(project.string(), SQLite::OPEN_READONLY);
      current_id = read_facts(cur, project).project_id;
    } catch (const std::exception&) {
      // unreadable: the reason one restores; it is kept as a raw copy below
    }
    if (!current_id.empty() && !want.project_id.empty() && current_id != want.project_id)
      throw UserError(backup.string() + " is a backup of another project (id " + want.project_id + ", this one is " +
                      current_id + "); nothing was changed");
    BackupOptions keep = o;
    keep.rotate = false;  // rotation would never remove it now, but a restore should not delete anything
    try {
      res.before_restore = make_backup_of(project, "before-restore", keep);
    } catch (const std::exception&) {
      // The current file cannot even be read: keep its bytes (and its -wal) as they are.
      const fs::path dir = backup_dir(project);
      make_private_dir(dir);
      const SysTime now = o.clock ? o.clock() : system_clock::now();
      fs::path raw = unique_name(dir, now, 0, "before-restore-raw");
      copy_synced(project, raw);
      fs::path wal = project;
      wal += "-wal";
      if (fs::exists(wal, ec)) {
        fs::path raw_wal = raw;
        raw_wal += "-wal";
        copy_synced(wal, raw_wal);
      }
      fsync_path(dir, true);
      res.before_restore = *parse_backup_name(raw.filename().string());
      res.before_restore->path = raw;
      res.before_restore_raw = true;
    }
  }

  // Write the new content beside the project, flush it, check it, then swap.
  fs::path tmp =
      project.parent_path() / ("." + project.filename().string() + ".restore-" + std::to_string(::getpid()) + ".tmp");
  fs::remove(tmp, ec);
  try {
    copy_synced(backup, tmp);
    SQLite::Database t(tmp.string(), SQLite::OPEN_READONLY);
    std::string r = quick_result(t, "PRAGMA quick_check");
    if (r != "ok") throw BackupFailed("the copy of the backup did not verify (" + r + "); nothing was changed");
  } catch (const SQLite::Exception& e) {
    fs::remove(tmp, ec);
    throw BackupFailed(std::string("the copy of the backup cannot be read (") + e.what() + "); nothing was changed");
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
  // A stale -wal or hot -journal would be replayed onto the restored file and
  // corrupt it. Nobody can open the project while we hold its lock.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    fs::path side = project;
    side += suffix;
    fs::remove(side, ec);
  }
  if (::rename(tmp.c_str(), project.c_str()) != 0) {
    int err = errno;
    fs::remove(tmp, ec);
    throw BackupFailed("cannot put the backup in place of " + project.string() + " (" + std::strerror(err) + ")");
  }
  fsync_path(project.parent_path().empty() ? fs::path(".") : project.parent_path(), true);
  if (auto b = parse_backup_name(backup.filename().string()))
    res.restored = *b;
  else
    res.restored.reason = "file";
  res.restored.path = backup;
  res.restored.revision = want.revision;
  res.restored.size = fs::file_size(project, ec);
  return res;
}

// --- the scheduler ---

void BackupScheduler::finished(const BackupInfo& b, SysTime now) {
  in_flight_ = false;
  last_ = b;
  last_error_.clear();
  backed_rev_ = b.revision;
  last_time_ = now;
}

void BackupScheduler::failed(const std::string& error, SysTime now) {
  in_flight_ = false;
  last_error_ = error;
  retry_at_ = now + minutes(1);
}

std::optional<std::string> BackupScheduler::due(const Project& p, SysTime now) {
  if (p.path() != project_) {  // another project: start over
    *this = BackupScheduler(opts_);
    project_ = p.path();
  }
  if (in_flight_ || p.current_action()) return std::nullopt;  // mid-action: a later frame will do
  if (started_ && now - last_poll_ < seconds(1) && now >= last_poll_) return std::nullopt;
  if (now < retry_at_) return std::nullopt;
  last_poll_ = now;
  try {
    const int64_t rev = p.revision();
    if (!started_ || rev != backed_rev_) {
      std::string v = p.setting(kIntervalSetting, std::to_string(kDefaultIntervalMinutes));
      char* end = nullptr;
      long m = std::strtol(v.c_str(), &end, 10);
      interval_ = minutes((end && *end == 0 && m >= 0 && m <= 7 * 24 * 60) ? m : kDefaultIntervalMinutes);
    }
    std::optional<std::string> reason;
    if (!started_) {
      started_ = true;
      auto list = list_backups(p.path());
      // Nothing new since the last backup, or a recent one exists (every
      // listed backup is verified): no backup on open. The periodic rule
      // counts from that backup, or (a recent backup of an older revision)
      // from now, so the next one comes an interval into the work.
      const bool same = !list.empty() && list.front().revision == rev;
      const bool recent = !list.empty() && now >= list.front().time && now - list.front().time < kRecentOnOpen;
      if (same || recent) {
        backed_rev_ = list.front().revision;
        last_time_ = same ? list.front().time : now;
        last_ = list.front();
      } else {
        reason = "on-open";
      }
    } else if (rev != backed_rev_ && interval_.count() > 0 && (now - last_time_ >= interval_ || now < last_time_)) {
      reason = "periodic";
    }
    if (reason) in_flight_ = true;
    return reason;
  } catch (const std::exception& e) {
    failed(e.what(), now);
    return std::nullopt;
  }
}

std::optional<BackupInfo> BackupScheduler::tick(const Project& p, SysTime now) {
  auto reason = due(p, now);
  if (!reason) return std::nullopt;
  BackupOptions o = opts_;
  if (!o.clock) o.clock = [now] { return now; };
  try {
    BackupInfo b = make_backup(p, *reason, o);
    finished(b, now);
    return b;
  } catch (const std::exception& e) {
    failed(e.what(), now);
    return std::nullopt;
  }
}

}  // namespace telaah::store
