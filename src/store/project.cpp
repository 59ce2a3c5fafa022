// Opening, locking and migrating the project file; settings, coders, source types.
#include "store/project.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include <map>
#include <mutex>

#include "store/backup.h"
#include "store/schema.h"
#include "store/template.h"
#include "store/util.h"
#include "store/wal_guard.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::store {

const char* to_string(Stance s) {
  switch (s) {
    case Stance::supports:
      return "supports";
    case Stance::contradicts:
      return "contradicts";
    default:
      return "neutral";
  }
}

Stance stance_from_string(const std::string& s) {
  if (s == "supports" || s == "support" || s == "+" || s == "pro") return Stance::supports;
  if (s == "contradicts" || s == "contradict" || s == "-" || s == "contra") return Stance::contradicts;
  if (s == "neutral" || s == "0" || s.empty()) return Stance::neutral;
  throw ValidationError("unknown stance '" + s + "' (use supports, contradicts or neutral)");
}

const char* to_string(CodeKind k) {
  switch (k) {
    case CodeKind::variable:
      return "variable";
    case CodeKind::indicator:
      return "indicator";
    default:
      return "code";
  }
}

CodeKind code_kind_from_string(const std::string& s) {
  if (s == "variable") return CodeKind::variable;
  if (s == "indicator") return CodeKind::indicator;
  if (s == "code" || s.empty()) return CodeKind::code;
  throw ValidationError("unknown code kind '" + s + "' (use variable, indicator or code)");
}

std::string now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

static std::string new_uuid() {
  std::random_device rd;
  std::mt19937_64 g((static_cast<uint64_t>(rd()) << 32) ^ rd() ^
                    static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  uint64_t a = g(), b = g();
  a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFFF),
                static_cast<unsigned>(b >> 48), static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return buf;
}

namespace {

fs::path side(const fs::path& file, const char* suffix) {
  fs::path p = file;
  p += suffix;
  return p;
}

std::string utc_stamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// Moves a file that is not the project's out of SQLite's way:
// NAME.telaah-wal -> NAME.telaah-wal.foreign-20261207T101500Z. Nothing is deleted.
fs::path move_aside(const fs::path& f) {
  fs::path to = side(f, (".foreign-" + utc_stamp()).c_str());
  for (int k = 2; ::access(to.c_str(), F_OK) == 0; ++k)
    to = side(f, (".foreign-" + utc_stamp() + "-" + std::to_string(k)).c_str());
  if (::rename(f.c_str(), to.c_str()) != 0)
    throw UserError("cannot move " + f.string() + " aside (" + std::strerror(errno) +
                    "); it does not belong to the project, so the project was not opened");
  return to;
}

bool writable(const fs::path& p) {
  return ::access(p.c_str(), W_OK) == 0;
}

fs::path folder_of(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// "file:/a%20b/c.telaah?mode=ro&immutable=1": a read-only view that creates
// nothing beside the file (no -wal, -shm or lock on read-only media).
std::string read_only_uri(const fs::path& file) {
  std::error_code ec;
  const std::string abs = fs::absolute(file, ec).string();
  std::string out = "file:";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : abs) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out + "?mode=ro&immutable=1";
}

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

}  // namespace

std::unique_ptr<Project> Project::create(const fs::path& file, const OpenOptions& opt) {
  std::error_code ec;
  const std::string leaf = file.filename().string();
  if (file.empty() || leaf.empty() || leaf == "." || leaf == "..")
    throw UserError("give a file name for the new project (for example study" + std::string(kProjectExtension) + ")");
  // lstat, not stat: a dangling symbolic link would otherwise lead the new project elsewhere.
  if (fs::symlink_status(file, ec).type() != fs::file_type::not_found)
    throw UserError("cannot create " + file.string() + ": a file with that name exists");
  auto p = std::unique_ptr<Project>(new Project());
  p->path_ = file;
  try {
    p->open_db(true, opt);
  } catch (const ProjectLocked&) {
    throw;  // someone else is making this very file: it is theirs
  } catch (...) {
    // A half-made project is no project: leave nothing behind.
    p.reset();
    for (const char* suffix : {"", "-wal", "-shm", ".lock"}) {
      fs::path f = file;
      f += suffix;
      fs::remove(f, ec);
    }
    throw;
  }
  return p;
}

std::unique_ptr<Project> Project::open(const fs::path& file, const OpenOptions& opt) {
  std::error_code ec;
  if (!fs::exists(file, ec)) throw NotFound("no project at " + file.string());
  if (fs::is_directory(file, ec)) throw UserError(file.string() + " is a folder, not a Telaah project");
  auto p = std::unique_ptr<Project>(new Project());
  p->path_ = file;
  p->open_db(false, opt);
  return p;
}

// What the lock file says about the project file after a clean close:
// "0\nclosed DEV INODE SIZE MTIME_S MTIME_NS\n". While open it holds "PID\n".
static std::string file_signature(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return {};
  return "closed " + std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " + std::to_string(st.st_size) +
         " " + std::to_string(st.st_mtim.tv_sec) + " " + std::to_string(st.st_mtim.tv_nsec);
}

// The second line of the lock file: what it says about the project file.
static std::string lock_said(const std::string& content) {
  const auto nl = content.find('\n');
  return nl == std::string::npos ? "" : content.substr(nl + 1, content.find('\n', nl + 1) - nl - 1);
}

static void write_lock_file(int fd, const std::string& content) {
  // Write first, then cut: a reader sees the old or the new pid, never nothing.
  [[maybe_unused]] auto w = ::pwrite(fd, content.data(), content.size(), 0);
  [[maybe_unused]] auto t = ::ftruncate(fd, static_cast<off_t>(content.size()));
}

Project::~Project() {
  // Closing after an error (a damaged page found by a command, say) vouches
  // for nothing: the next open checks the file.
  const bool failing = std::uncaught_exceptions() > 0;
  if (db_ && !read_only_ && lock_fd_ >= 0 && !wal_record_.empty()) mark_checkpoint();
  db_.reset();  // checkpoint and close before the lock goes
  if (lock_fd_ >= 0 && !read_only_) {
    const fs::path wal = side(path_, "-wal");
    std::error_code ec;
    const bool wal_left = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
    // Vouch for the file only when it was checked (or vouched for) on open and
    // SQLite closed it completely (no WAL left). A WAL left behind stays ours.
    if (healthy_ && !failing && !wal_left)
      write_lock_file(lock_fd_, "0\n" + file_signature(path_) + "\n");
    else if (wal_left && !wal_record_.empty())
      write_lock_file(lock_fd_, "0\n" + wal_record_ + "\n");
    else
      write_lock_file(lock_fd_, "0\n");
  }
  release_lock();
}

void Project::write_lock_state(bool durable) {
  if (lock_fd_ < 0 || read_only_) return;
  write_lock_file(lock_fd_, std::to_string(::getpid()) + "\n" + (wal_record_.empty() ? "" : wal_record_ + "\n"));
  if (durable) ::fdatasync(lock_fd_);
}

// After every commit: keep the lock file's record of the WAL this session
// writes (wal_guard.h), and checkpoint as SQLite would (its own automatic
// checkpoint is replaced by this hook).
int Project::wal_hook(void* self, ::sqlite3* db, const char*, int frames) {
  auto* p = static_cast<Project*>(self);
  if (auto salts = wal::header_salts(side(p->path_, "-wal"))) {
    auto rec = wal::Record::parse(p->wal_record_);
    if (!rec || rec->salt1 != salts->first || rec->salt2 != salts->second) {
      // SQLite started the log afresh: a new generation, based on the file as it is now.
      wal::Record r;
      r.salt1 = salts->first;
      r.salt2 = salts->second;
      r.frames = static_cast<uint64_t>(frames);
      wal::stat_base(p->path_, r);
      p->wal_record_ = r.line();
      p->write_lock_state(true);
    } else {
      rec->frames = static_cast<uint64_t>(frames);
      p->wal_record_ = rec->line();
      p->write_lock_state(false);
    }
  }
  if (frames >= 1000) {
    p->mark_checkpoint();
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  return SQLITE_OK;
}

// From here on the database file may change under the recorded WAL.
void Project::mark_checkpoint() {
  auto rec = wal::Record::parse(wal_record_);
  if (!rec || rec->checkpointing) return;
  rec->checkpointing = true;
  wal_record_ = rec->line();
  write_lock_state(true);
}

void Project::acquire_lock() {
  fs::path lock = path_;
  lock += ".lock";
  if (read_only_) {
    // Read-only media: share the lock if there is one; there is no writer to exclude otherwise.
    lock_fd_ = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
    if (lock_fd_ < 0) return;
    if (::flock(lock_fd_, LOCK_SH | LOCK_NB) != 0) {
      ::close(lock_fd_);
      lock_fd_ = -1;
      throw ProjectLocked(
          "this project is open for writing in another Telaah window: close it there first (" + path_.string() + ")",
          0);
    }
    char buf[256] = {0};
    ssize_t n = ::pread(lock_fd_, buf, sizeof buf - 1, 0);
    lock_before_.assign(buf, n > 0 ? static_cast<size_t>(n) : 0);
    return;
  }
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd_ < 0)
    throw UserError("cannot open " + path_.string() + ": cannot create its lock file " + lock.string() + " (" +
                    std::strerror(errno) + ")");
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    long pid = 0;
    // The holder writes its pid just after it takes the lock: give it a moment.
    for (int attempt = 0; attempt < 10 && pid == 0; ++attempt) {
      if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      char buf[32] = {0};
      ssize_t n = ::pread(lock_fd_, buf, sizeof buf - 1, 0);
      pid = n > 0 ? std::strtol(buf, nullptr, 10) : 0;
    }
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw ProjectLocked("this project is open in another Telaah window (pid " + std::to_string(pid) +
                            "): close it there first (" + path_.string() + ")",
                        pid);
  }
  char buf[256] = {0};
  ssize_t n = ::pread(lock_fd_, buf, sizeof buf - 1, 0);
  lock_before_.assign(buf, n > 0 ? static_cast<size_t>(n) : 0);
  // From now on the file is ours; a crash leaves no vouching signature behind,
  // but the record of a WAL left by a crash stays until open decides on it.
  const std::string said = lock_said(lock_before_);
  write_lock_file(lock_fd_, std::to_string(::getpid()) + "\n" + (said.rfind("wal ", 0) == 0 ? said + "\n" : ""));
}

void Project::release_lock() {
  if (lock_fd_ >= 0) {
    ::flock(lock_fd_, LOCK_UN);
    ::close(lock_fd_);
    lock_fd_ = -1;
  }
}

static void check_header(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UserError("cannot read " + file.string() + ": permission denied or unreadable");
  char head[16] = {0};
  in.read(head, 16);
  auto got = in.gcount();
  if (got == 0) throw CorruptProject(file.string() + " is empty: not a Telaah project");
  if (got < 16 || std::memcmp(head, "SQLite format 3", 16) != 0)
    throw CorruptProject(file.string() + " is not a Telaah project (it is not an SQLite database)");
}

void Project::open_db(bool create, const OpenOptions& opt) {
  if (!opt.coder.empty()) require_text(opt.coder, "the coder's name");
  if (!create) check_header(path_);  // before the lock: a stranger's file gets no .lock beside it
  read_only_ = !create && (!writable(path_) || !writable(folder_of(path_)));
  acquire_lock();
  const std::string said = lock_said(lock_before_);
  try {
    guard_side_files(said);  // before SQLite sees them: a foreign -wal is never replayed
    {
      std::error_code ec;
      const fs::path wal = side(path_, "-wal");
      const bool wal_left = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
      vouched_ = !said.empty() && said == file_signature(path_) && !wal_left && notices_.empty();
    }
    if (read_only_)
      db_ = std::make_unique<SQLite::Database>(read_only_uri(path_), SQLite::OPEN_READONLY | SQLite::OPEN_URI, 5000);
    else
      db_ = std::make_unique<SQLite::Database>(path_.string(),
                                               SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0), 5000);
    sqlite3* h = db_->getHandle();
    // Until the file is accepted, closing it must not checkpoint anything into it.
    sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // A file from elsewhere must not run code hidden in its schema (views,
    // triggers) nor let SQL corrupt the file format. Telaah's own schema has
    // neither triggers nor views; check_schema() refuses a file that has any.
    sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    db_->exec("PRAGMA trusted_schema=OFF");
    db_->exec("PRAGMA foreign_keys=ON");
    if (!create) identify();  // before anything writes: a stranger's file stays as it was
    if (!read_only_) {
      db_->exec("PRAGMA journal_mode=WAL");
      db_->exec("PRAGMA synchronous=FULL");
      sqlite3_wal_hook(h, &Project::wal_hook, this);
    }
    if (!create && opt.verify && (!vouched_ || opt.always_verify)) {
      checked_on_open_ = true;
      std::string r = db_->execAndGet("PRAGMA quick_check").getString();
      if (r != "ok")
        throw CorruptProject(path_.string() + " is damaged (SQLite quick_check: " + r +
                             "); nothing was changed. Restore a backup: 'telaah backups " + path_.string() +
                             "' lists them, 'telaah restore " + path_.string() + " 1' restores the newest");
    }
    migrate(create);
    if (create && opt.default_codebook) {
      // The template is the project's starting state, not an undoable action.
      SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
      insert_template_codebook(*db_);
      tx.commit();
    }
    coder_ = opt.coder;
    if (coder_.empty()) coder_ = setting("default_coder");
    if (coder_.empty()) {
      const char* u = std::getenv("USER");
      coder_ = (u && *u && !text::find_invalid_utf8(u)) ? u : "coder";
    }
    sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);  // accepted: ours to checkpoint
    healthy_ = create || checked_on_open_ || vouched_;
    if (!read_only_) remove_stale_temps();
  } catch (...) {
    db_.reset();
    // Refused: the lock file says again what it said before (a crashed
    // session's WAL record stays, so that WAL is still recognised).
    if (lock_fd_ >= 0 && !read_only_) write_lock_file(lock_fd_, "0\n" + (said.empty() ? "" : said + "\n"));
    release_lock();
    try {
      throw;
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT)
        throw CorruptProject(path_.string() + " is damaged or not a Telaah project (" + e.what() +
                             "); nothing was changed. 'telaah backups " + path_.string() +
                             "' lists its backups, 'telaah restore' puts one back");
      throw UserError("cannot open " + path_.string() + ": " + e.what());
    }
  }
}

// A -wal (or rollback -journal) beside the project is replayed by SQLite as
// soon as it opens the file. Only the WAL that the lock file records as this
// project's own (wal_guard.h) may be; anything else is moved aside, untouched.
void Project::guard_side_files(const std::string& said) {
  std::error_code ec;
  const fs::path journal = side(path_, "-journal");
  // Telaah keeps projects in WAL mode: a rollback journal beside one is never ours.
  if (fs::exists(journal, ec) && fs::file_size(journal, ec) > 0) {
    if (read_only_)
      throw CorruptProject(path_.string() + ": a -journal file lies beside it that Telaah did not write, and the " +
                           "folder is read-only so it cannot be moved aside; copy " + path_.filename().string() +
                           " alone to a writable folder and open the copy");
    const fs::path to = move_aside(journal);
    notices_.push_back("a rollback journal beside " + path_.string() + " was not written by Telaah; it was not used " +
                       "and was moved to " + to.filename().string() + " (the project is as it was last saved)");
  }
  const fs::path wal = side(path_, "-wal");
  if (!fs::exists(wal, ec) || fs::file_size(wal, ec) == 0) return;
  const wal::Scan s = wal::scan(wal);
  if (s.frames == 0) return;  // no committed frame: SQLite replays nothing from it
  const auto rec = wal::Record::parse(said);
  if (rec && wal::belongs(s, *rec, path_)) {
    wal_record_ = said;  // the log of a session that ended without closing: SQLite recovers it
    if (read_only_)
      throw UserError(path_.string() + " holds changes not yet written into the file (its -wal) and lies in a " +
                      "read-only folder; copy the project with its -wal and .lock files to a writable folder");
    return;
  }
  if (read_only_)
    throw CorruptProject(path_.string() + ": a -wal file beside it does not belong to it, and the folder is " +
                         "read-only so it cannot be moved aside; copy " + path_.filename().string() +
                         " alone to a writable folder and open the copy");
  const fs::path to = move_aside(wal);
  const fs::path shm = side(path_, "-shm");
  if (fs::exists(shm, ec)) move_aside(shm);
  notices_.push_back("the -wal file beside " + path_.string() +
                     " did not belong to it (it came from another project or from an older copy of this one): it " +
                     "was not used and was moved to " + to.filename().string() +
                     "; the project is as it was last saved");
}

// Temporary files of a restore or a backup that was killed half-way (each a
// full copy of the project): removed once their process is gone.
void Project::remove_stale_temps() {
  std::error_code ec;
  const std::string prefix = "." + path_.filename().string() + ".restore-";
  for (const auto& e : fs::directory_iterator(folder_of(path_), ec)) {
    const std::string n = e.path().filename().string();
    if (n.rfind(prefix, 0) != 0 || n.size() < 4 || n.compare(n.size() - 4, 4, ".tmp") != 0) continue;
    const long pid = std::strtol(n.c_str() + prefix.size(), nullptr, 10);
    if (pid != ::getpid() && !process_alive(pid)) fs::remove(e.path(), ec);
  }
  remove_stale_backup_temps(path_);
}

// Telaah projects carry kApplicationId; projects made before it existed are
// recognised by their tables.
static bool looks_like_telaah(SQLite::Database& db) {
  const int32_t app = db.execAndGet("PRAGMA application_id").getInt();
  if (app == kApplicationId) return true;
  if (app != 0) return false;
  return db.execAndGet(
               "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name IN "
               "('meta','documents','codes','codings','change_log')")
             .getInt() == 5;
}

void Project::identify() {
  const int version = db_->execAndGet("PRAGMA user_version").getInt();
  const int target = static_cast<int>(migrations().size());
  if (version == 0 || !looks_like_telaah(*db_))
    throw CorruptProject(path_.string() + " is an SQLite database but not a Telaah project");
  if (version < 0)
    throw CorruptProject(path_.string() + " is damaged: its schema version is " + std::to_string(version) +
                         ", which no Telaah writes; nothing was changed (see 'telaah backups' and 'telaah restore')");
  if (version > target)
    throw NewerProject(path_.string() + " was made by a newer Telaah (schema " + std::to_string(version) +
                       "; this version reads up to " + std::to_string(target) + "): update Telaah to open it");
  check_schema(version);
}

namespace {

struct SchemaObject {
  std::string type, name, table, sql;
};

// SQL as SQLite keeps it, with quotes and runs of white space made uniform
// (an older SQLite quotes a renamed table's name, a newer one may not).
std::string normalised_sql(const std::string& sql) {
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (c == '"') continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::map<std::string, SchemaObject> read_schema(SQLite::Database& db) {
  std::map<std::string, SchemaObject> out;
  SQLite::Statement q(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
  while (q.executeStep()) {
    SchemaObject o{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   normalised_sql(q.getColumn(3).getString())};
    out[o.type + " " + o.name] = o;
  }
  return out;
}

// The schema objects our own migrations make at `version`, built once in an
// in-memory database (so a migration added later is picked up by itself).
const std::map<std::string, SchemaObject>& expected_schema(int version) {
  static std::mutex m;
  static std::map<int, std::map<std::string, SchemaObject>> cache;
  std::lock_guard<std::mutex> g(m);
  auto it = cache.find(version);
  if (it != cache.end()) return it->second;
  SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  mem.exec("PRAGMA foreign_keys=OFF");
  for (int v = 0; v < version; ++v) mem.exec(migrations()[static_cast<size_t>(v)]);
  return cache[version] = read_schema(mem);
}

}  // namespace

// A file from elsewhere may carry triggers or views that would run on our
// writes and reads. They are disabled on every connection; a file that holds
// any object our schema does not make is refused, naming them.
void Project::check_schema(int version) {
  const auto& want = expected_schema(version);
  const auto have = read_schema(*db_);
  std::vector<std::string> unknown, changed, missing;
  for (const auto& [key, o] : have) {
    auto w = want.find(key);
    if (w == want.end()) {
      // SQLite's own statistics (ANALYZE, PRAGMA optimize) only steer its planner.
      if (o.type == "table" && (o.name == "sqlite_stat1" || o.name == "sqlite_stat4")) continue;
      unknown.push_back(o.type + " '" + o.name + "'");
    } else if (w->second.table != o.table || w->second.sql != o.sql) {
      changed.push_back(o.type + " '" + o.name + "'");
    }
  }
  for (const auto& [key, o] : want)
    if (!have.count(key)) missing.push_back(o.type + " '" + o.name + "'");
  if (unknown.empty() && changed.empty() && missing.empty()) return;
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size() && i < 8; ++i) s += (i ? ", " : "") + v[i];
    if (v.size() > 8) s += " and " + std::to_string(v.size() - 8) + " more";
    return s;
  };
  std::string what;
  if (!unknown.empty()) what += "objects Telaah does not make (" + list(unknown) + ")";
  if (!changed.empty()) what += std::string(what.empty() ? "" : ", ") + "altered definitions (" + list(changed) + ")";
  if (!missing.empty()) what += std::string(what.empty() ? "" : ", ") + "missing parts (" + list(missing) + ")";
  throw CorruptProject(path_.string() + " holds " + what +
                       "; Telaah does not open it, so none of them can run. The file was not changed. Ask for a "
                       "clean copy (a .qdpx export), or restore a backup ('telaah backups', 'telaah restore')");
}

void Project::migrate(bool create) {
  int version = db_->execAndGet("PRAGMA user_version").getInt();
  const auto& m = migrations();
  const int target = static_cast<int>(m.size());
  if (create && (version != 0 || db_->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0))
    throw InternalError("a new project file is not empty");
  if (version == target) return;
  if (version < 0 || version > target)
    throw InternalError("schema version " + std::to_string(version) + " out of range");
  if (read_only_)
    throw UserError(path_.string() + " was made by an older Telaah and must be upgraded, but it is read-only; copy " +
                    "it to a writable folder and open the copy");
  if (!create) {
    // A copy before migrating: the user's data must survive a bad upgrade.
    fs::path bak = path_;
    bak += ".pre-v" + std::to_string(version + 1) + ".bak";
    std::error_code ec;
    for (int k = 1; fs::exists(bak, ec); ++k) {
      bak = path_;
      bak += ".pre-v" + std::to_string(version + 1) + "-" + std::to_string(k) + ".bak";
    }
    db_->backup(bak.c_str(), SQLite::Database::Save);
  }
  // Table rebuilds need foreign keys off; each step checks them before it commits.
  db_->exec("PRAGMA foreign_keys=OFF");
  try {
    for (; version < target; ++version) {
      SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
      db_->exec(m[static_cast<size_t>(version)]);
      if (version == 0) {
        SQLite::Statement ins(*db_, "INSERT INTO meta(key, value) VALUES (?, ?)");
        for (auto [k, v] : {std::pair<std::string, std::string>{"project_id", new_uuid()},
                            {"created", now_iso()},
                            {"telaah_schema_created", std::to_string(target)}}) {
          ins.bind(1, k);
          ins.bind(2, v);
          ins.exec();
          ins.reset();
        }
      }
      if (auto& hook = migration_test_hook()) hook(version);
      SQLite::Statement fk(*db_, "PRAGMA foreign_key_check");
      if (fk.executeStep())
        throw CorruptProject(path_.string() + ": upgrading to schema " + std::to_string(version + 1) +
                             " found a row of " + fk.getColumn(0).getString() + " pointing to a missing " +
                             fk.getColumn(2).getString() + "; the file was not changed");
      fk.reset();
      db_->exec("PRAGMA user_version=" + std::to_string(version + 1));
      tx.commit();
    }
  } catch (...) {
    db_->exec("PRAGMA foreign_keys=ON");
    throw;
  }
  db_->exec("PRAGMA foreign_keys=ON");
}

std::string Project::project_id() const {
  return db_->execAndGet("SELECT value FROM meta WHERE key='project_id'").getString();
}

int64_t Project::revision() const {
  return db_->execAndGet("SELECT coalesce(max(rev), 0) FROM change_log").getInt64();
}

// --- settings ---
std::string Project::setting(const std::string& key, const std::string& fallback) const {
  SQLite::Statement q(*db_, "SELECT value FROM settings WHERE key=?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : fallback;
}

void Project::set_setting(const std::string& key, const std::string& value) {
  if (key.empty()) throw ValidationError("a setting needs a name");
  require_text(key, "the setting name");
  require_text(value, "the value of setting '" + key + "'");
  auto a = begin_action("Set " + key);
  SQLite::Statement q(*db_, "SELECT id FROM settings WHERE key=?");
  q.bind(1, key);
  if (q.executeStep())
    a.update("settings", q.getColumn(0).getInt64(), {{"value", value}});
  else
    a.insert("settings", {{"key", key}, {"value", value}});
  a.commit();
}

// --- coders ---
void Project::set_coder(const std::string& name) {
  if (is_blank(name)) throw ValidationError("a coder needs a name");
  require_text(name, "the coder's name");
  coder_ = name;
}

std::vector<Coder> Project::coders() const {
  std::vector<Coder> out;
  SQLite::Statement q(*db_, "SELECT id, name FROM coders ORDER BY id");
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  return out;
}

std::optional<Id> Project::find_coder(const std::string& name) const {
  SQLite::Statement q(*db_, "SELECT id FROM coders WHERE name=?");
  q.bind(1, name);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

Id Project::ensure_coder(const std::string& name) {
  if (auto id = find_coder(name)) return *id;
  if (is_blank(name)) throw ValidationError("a coder needs a name");
  require_text(name, "the coder's name");
  auto a = begin_action("Add coder " + name);
  Id id = a.insert("coders", {{"name", name}});
  a.commit();
  return id;
}

// --- source types ---
std::vector<SourceType> Project::source_types() const {
  std::vector<SourceType> out;
  SQLite::Statement q(*db_, "SELECT id, name, colour, ord FROM source_types ORDER BY ord, id");
  while (q.executeStep())
    out.push_back(
        {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt()});
  return out;
}

Id Project::add_source_type(const std::string& name, const std::string& colour) {
  if (is_blank(name)) throw ValidationError("a source type needs a name");
  require_text(name, "the source type's name");
  if (!valid_colour(colour)) throw ValidationError("colour must look like #RRGGBB, not '" + colour + "'");
  SQLite::Statement q(*db_, "SELECT 1 FROM source_types WHERE name=?");
  q.bind(1, name);
  if (q.executeStep()) throw ValidationError("source type '" + name + "' exists already");
  int ord = db_->execAndGet("SELECT coalesce(max(ord), -1) + 1 FROM source_types").getInt();
  auto a = begin_action("Add source type " + name);
  Id id = a.insert("source_types", {{"name", name}, {"colour", colour}, {"ord", ord}});
  a.commit();
  return id;
}

Id Project::source_type_id(const std::string& name) const {
  SQLite::Statement q(*db_, "SELECT id FROM source_types WHERE name=?");
  q.bind(1, name);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  std::string known;
  for (const auto& t : source_types()) known += (known.empty() ? "" : ", ") + t.name;
  throw NotFound("unknown source type '" + name + "' (this project has: " + known + ")");
}

}  // namespace telaah::store
