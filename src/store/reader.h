// A read-only SQLite connection to a project file for readers that work
// beside the model (the search index's source, the backup copy): triggers,
// views and untrusted schema functions off, no checkpoint on close, and on
// read-only media an immutable view that needs no -shm or -wal.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>

namespace telaah::store {

std::unique_ptr<SQLite::Database> open_reader(const std::filesystem::path& project, int busy_timeout_ms = 5000);

}  // namespace telaah::store
