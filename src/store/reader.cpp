// Read-only connections with the same protections as Project's (reader.h).
#include "store/reader.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cctype>

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

}  // namespace telaah::store
