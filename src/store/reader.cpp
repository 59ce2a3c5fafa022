// A second, read-only connection to a project for a worker thread (the
// window's connection belongs to the UI thread): no lock file, no check, no
// migration, and one read transaction, so a long computation reads the
// project as it was committed when the connection opened while the window
// goes on writing through its own connection (WAL readers never block writers).
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "store/project.h"

namespace fs = std::filesystem;

namespace telaah::store {

std::unique_ptr<Project> Project::open_snapshot(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw NotFound("no project at " + file.string());
  auto p = std::unique_ptr<Project>(new Project());
  p->path_ = file;
  try {
    p->db_ = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READONLY, 5000);
    sqlite3_db_config(p->db_->getHandle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(p->db_->getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
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
