// Read-only connections with the same protections as Project's (reader.h).
#include "store/reader.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cctype>

#include "store/errors.h"
#include "store/project.h"

namespace fs = std::filesystem;

namespace telaah::store {

std::unique_ptr<SQLite::Database> open_reader(const fs::path& project, int busy_timeout_ms) {
  const fs::path dir = project.has_parent_path() ? project.parent_path() : fs::path(".");
  fs::path wal = project;
  wal += "-wal";
  const bool read_only_media = ::access(project.c_str(), W_OK) != 0 || ::access(dir.c_str(), W_OK) != 0;
  std::unique_ptr<SQLite::Database> db;
  if (read_only_media && ::access(wal.c_str(), F_OK) != 0) {
    std::error_code ec;
    std::string uri = "file:";
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : fs::absolute(project, ec).string()) {
      if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~') {
        uri += static_cast<char>(c);
      } else {
        uri += '%';
        uri += hex[c >> 4];
        uri += hex[c & 15];
      }
    }
    db = std::make_unique<SQLite::Database>(uri + "?mode=ro&immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                                            busy_timeout_ms);
  } else {
    db = std::make_unique<SQLite::Database>(project.string(), SQLite::OPEN_READONLY, busy_timeout_ms);
  }
  sqlite3* h = db->getHandle();
  sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  return db;
}

// A second, read-only connection to a project for a worker thread (the
// window's connection belongs to the UI thread): no lock file, no check, no
// migration, and one read transaction, so a long computation reads the
// project as it was committed when the connection opened while the window
// goes on writing through its own connection (WAL readers never block writers).
std::unique_ptr<Project> Project::open_snapshot(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw NotFound("no project at " + file.string());
  auto p = std::unique_ptr<Project>(new Project());
  p->path_ = file;
  try {
    p->db_ = open_reader(file, 5000);  // the same protections as every connection (no triggers, views, checkpoint)
    p->db_->exec("PRAGMA query_only=ON");
    p->identify();
    // A deferred transaction: the first read below pins the snapshot until the connection closes.
    p->db_->exec("BEGIN");
    p->db_->execAndGet("SELECT count(*) FROM sqlite_schema");
    p->coder_ = p->setting("default_coder");
  } catch (const SQLite::Exception& e) {
    throw UserError("cannot read " + file.string() + ": " + e.what());
  }
  return p;
}

}  // namespace telaah::store
