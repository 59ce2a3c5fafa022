// Who a -wal file beside a project belongs to.
//
// SQLite replays any write-ahead log it finds beside a database whose page
// size matches; nothing in the WAL names the database it was written for. A
// -wal from another project, or from an older copy of this one (a sync-folder
// conflict), would be replayed over the project, and checkpointed into it on
// close. So Telaah reads the WAL itself before SQLite opens the file, and
// records in the project's lock file (NAME.telaah.lock, Telaah's own file)
// which WAL its session is writing:
//
//   PID
//   wal SALT1 SALT2 FRAMES base SIZE MTIME_S MTIME_NS     (or ... FRAMES ckpt)
//
// SALT1/SALT2 are the salts of the WAL header (new random ones whenever SQLite
// starts the log afresh), FRAMES the frame count after the last commit, and
// `base` the size and modification time of the database file when that log
// was started (the file does not change until a checkpoint; `ckpt` marks that
// a checkpoint has begun). A WAL is replayed only when the lock file records
// it: same salts, at least as many committed frames, and the database file is
// the one it was started from (or a checkpoint of it was under way). Anything
// else is moved aside as NAME.telaah-wal.foreign-TIME. See docs/data-protection.md.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace telaah::store::wal {

struct Scan {
  bool header_ok = false;  // magic, version and header checksum are right
  uint32_t page_size = 0, checkpoint_seq = 0, salt1 = 0, salt2 = 0;
  uint64_t frames = 0;  // frames with the header's salts and a valid checksum chain, up to the last commit
  uint64_t commits = 0;
};

// Reads a WAL file whole (checksums included). A missing or unreadable file
// is a Scan with header_ok == false.
Scan scan(const std::filesystem::path& wal_file);

// The salts of a WAL header (32 bytes read), nullopt when there is none.
std::optional<std::pair<uint32_t, uint32_t>> header_salts(const std::filesystem::path& wal_file);

// The page size in a database file's header (0 when unreadable).
uint32_t db_page_size(const std::filesystem::path& db_file);

// What the lock file records about the WAL of a session.
struct Record {
  uint32_t salt1 = 0, salt2 = 0;
  uint64_t frames = 0;
  bool checkpointing = false;
  int64_t size = 0, mtime_s = 0, mtime_ns = 0;  // the database file when the log started
  std::string line() const;
  static std::optional<Record> parse(const std::string& line);
};

// The size and modification time of a file, as a Record's base.
void stat_base(const std::filesystem::path& db_file, Record& r);

// Whether `s` (the WAL found beside `db_file`) is the one `r` records.
bool belongs(const Scan& s, const Record& r, const std::filesystem::path& db_file);

}  // namespace telaah::store::wal
