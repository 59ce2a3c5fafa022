// Opening, locking and migrating the project file; settings, coders, source types.
#include "store/project.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
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

#include "store/schema.h"
#include "store/template.h"
#include "store/util.h"
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

std::unique_ptr<Project> Project::create(const fs::path& file, const OpenOptions& opt) {
  std::error_code ec;
  if (fs::exists(file, ec)) throw UserError("cannot create " + file.string() + ": a file with that name exists");
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

static void write_lock_file(int fd, const std::string& content) {
  // Write first, then cut: a reader sees the old or the new pid, never nothing.
  [[maybe_unused]] auto w = ::pwrite(fd, content.data(), content.size(), 0);
  [[maybe_unused]] auto t = ::ftruncate(fd, static_cast<off_t>(content.size()));
}

Project::~Project() {
  db_.reset();  // checkpoint and close before the lock goes
  if (lock_fd_ >= 0) {
    fs::path wal = path_;
    wal += "-wal";
    std::error_code ec;
    // Vouch for the file only when it was checked (or vouched for) on open and
    // SQLite closed it completely (no WAL left).
    if (healthy_ && (!fs::exists(wal, ec) || fs::file_size(wal, ec) == 0))
      write_lock_file(lock_fd_, "0\n" + file_signature(path_) + "\n");
    else
      write_lock_file(lock_fd_, "0\n");
  }
  release_lock();
}

void Project::acquire_lock() {
  fs::path lock = path_;
  lock += ".lock";
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
  const std::string before(buf, n > 0 ? static_cast<size_t>(n) : 0);
  const auto nl = before.find('\n');
  const std::string said = nl == std::string::npos ? "" : before.substr(nl + 1, before.find('\n', nl + 1) - nl - 1);
  fs::path wal = path_;
  wal += "-wal";
  std::error_code ec;
  const bool wal_left = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
  vouched_ = !said.empty() && said == file_signature(path_) && !wal_left;
  // From now on the file is ours; a crash leaves no vouching signature behind.
  write_lock_file(lock_fd_, std::to_string(::getpid()) + "\n");
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
  acquire_lock();
  try {
    int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0);
    db_ = std::make_unique<SQLite::Database>(path_.string(), flags, 5000);  // busy timeout 5 s
    // A file from elsewhere must not run code hidden in its schema (views,
    // triggers) nor let SQL corrupt the file format.
    sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    db_->exec("PRAGMA trusted_schema=OFF");
    db_->exec("PRAGMA foreign_keys=ON");
    if (!create) identify();  // before anything writes: a stranger's file stays as it was
    db_->exec("PRAGMA journal_mode=WAL");
    db_->exec("PRAGMA synchronous=FULL");
    if (!create && opt.verify && (!vouched_ || opt.always_verify)) {
      checked_on_open_ = true;
      std::string r = db_->execAndGet("PRAGMA quick_check").getString();
      if (r != "ok")
        throw CorruptProject(path_.string() + " is damaged (SQLite quick_check: " + r + "); restore a backup");
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
    healthy_ = create || checked_on_open_ || vouched_;
  } catch (const SQLite::Exception& e) {
    db_.reset();
    release_lock();
    if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT)
      throw CorruptProject(path_.string() + " is damaged or not a Telaah project (" + e.what() + ")");
    throw UserError("cannot open " + path_.string() + ": " + e.what());
  } catch (...) {
    db_.reset();
    release_lock();
    throw;
  }
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
  if (version > target)
    throw NewerProject(path_.string() + " was made by a newer Telaah (schema " + std::to_string(version) +
                       "; this version reads up to " + std::to_string(target) + "): update Telaah to open it");
}

void Project::migrate(bool create) {
  int version = db_->execAndGet("PRAGMA user_version").getInt();
  const auto& m = migrations();
  const int target = static_cast<int>(m.size());
  if (create && (version != 0 || db_->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0))
    throw InternalError("a new project file is not empty");
  if (version == target) return;
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
  if (name.empty()) throw ValidationError("a coder needs a name");
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
  if (name.empty()) throw ValidationError("a coder needs a name");
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
  if (name.empty()) throw ValidationError("a source type needs a name");
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
