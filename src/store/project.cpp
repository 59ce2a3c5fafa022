// Opening, locking and migrating the project file; settings, coders, source types.
#include "store/project.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "store/schema.h"
#include "store/util.h"

namespace fs = std::filesystem;

namespace telaah::store {

const char* to_string(Stance s) {
  switch (s) {
    case Stance::supports: return "supports";
    case Stance::contradicts: return "contradicts";
    default: return "neutral";
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
    case CodeKind::variable: return "variable";
    case CodeKind::indicator: return "indicator";
    default: return "code";
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
  p->open_db(true, opt);
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

Project::~Project() {
  db_.reset();  // checkpoint and close before the lock goes
  release_lock();
}

void Project::acquire_lock() {
  fs::path lock = path_;
  lock += ".lock";
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd_ < 0)
    throw UserError("cannot open " + path_.string() + ": cannot create its lock file (" + std::strerror(errno) + ")");
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    char buf[32] = {0};
    ssize_t n = ::pread(lock_fd_, buf, sizeof buf - 1, 0);
    long pid = n > 0 ? std::strtol(buf, nullptr, 10) : 0;
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw ProjectLocked("this project is open in another Telaah window (pid " + std::to_string(pid) +
                            "): close it there first (" + path_.string() + ")",
                        pid);
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(lock_fd_, 0) == 0) {
    [[maybe_unused]] auto w = ::pwrite(lock_fd_, pid.data(), pid.size(), 0);
  }
}

void Project::release_lock() {
  if (lock_fd_ >= 0) {
    [[maybe_unused]] auto t = ::ftruncate(lock_fd_, 0);
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
  acquire_lock();
  try {
    if (!create) check_header(path_);
    int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0);
    db_ = std::make_unique<SQLite::Database>(path_.string(), flags, 5000);
    db_->exec("PRAGMA trusted_schema=OFF");
    db_->exec("PRAGMA foreign_keys=ON");
    db_->exec("PRAGMA journal_mode=WAL");
    db_->exec("PRAGMA synchronous=FULL");
    if (!create && opt.verify) {
      std::string r = db_->execAndGet("PRAGMA quick_check").getString();
      if (r != "ok") throw CorruptProject(path_.string() + " is damaged (SQLite quick_check: " + r + "); restore a backup");
    }
    migrate();
    coder_ = opt.coder;
    if (coder_.empty()) coder_ = setting("default_coder");
    if (coder_.empty()) {
      const char* u = std::getenv("USER");
      coder_ = (u && *u) ? u : "coder";
    }
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

void Project::migrate() {
  int version = db_->execAndGet("PRAGMA user_version").getInt();
  const auto& m = migrations();
  if (version > static_cast<int>(m.size()))
    throw UserError(path_.string() + " was made by a newer Telaah (schema " + std::to_string(version) +
                    "; this version reads up to " + std::to_string(m.size()) + ")");
  if (version == 0 && db_->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
    throw CorruptProject(path_.string() + " is an SQLite database but not a Telaah project");
  if (version == static_cast<int>(m.size())) return;
  if (version > 0) {
    // A copy before every migration: the user's data must survive a bad upgrade.
    fs::path bak = path_;
    bak += ".pre-v" + std::to_string(version + 1) + ".bak";
    db_->backup(bak.c_str(), SQLite::Database::Save);
  }
  for (; version < static_cast<int>(m.size()); ++version) {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    db_->exec(m[version]);
    if (version == 0) {
      SQLite::Statement ins(*db_, "INSERT INTO meta(key, value) VALUES (?, ?)");
      for (auto [k, v] : {std::pair<std::string, std::string>{"project_id", new_uuid()},
                          {"created", now_iso()},
                          {"telaah_schema_created", std::to_string(m.size())}}) {
        ins.bind(1, k);
        ins.bind(2, v);
        ins.exec();
        ins.reset();
      }
    }
    db_->exec("PRAGMA user_version=" + std::to_string(version + 1));
    tx.commit();
  }
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
  auto a = begin_action("Set " + key);
  SQLite::Statement q(*db_, "SELECT id FROM settings WHERE key=?");
  q.bind(1, key);
  if (q.executeStep()) a.update("settings", q.getColumn(0).getInt64(), {{"value", value}});
  else a.insert("settings", {{"key", key}, {"value", value}});
  a.commit();
}

// --- coders ---
void Project::set_coder(const std::string& name) {
  if (name.empty()) throw ValidationError("a coder needs a name");
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
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt()});
  return out;
}

Id Project::add_source_type(const std::string& name, const std::string& colour) {
  if (name.empty()) throw ValidationError("a source type needs a name");
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
