// Verified backups of a project file, their rotation, and restoring one.
//
// Backups live in NAME.telaah-backups/ beside the project. Each one is made
// with `VACUUM INTO` a temporary file (through its own read-only connection,
// so it holds the last *committed* state and never blocks the writer), then
// switched to a single self-contained file, checked with
// `PRAGMA integrity_check`, fsynced and only then renamed into place. A
// backup that is listed is therefore complete and verified.
//
// File names carry what the list shows: UTC time, project revision, reason:
//   20260128T101500Z-r123-on-open.telaah
//
// Rotation (after every backup): keep the 5 newest, plus the newest backup
// of each of the last 7 UTC calendar days (today included); delete the rest.
// The backup just made is never deleted, even when the clock went backwards.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/errors.h"

namespace telaah::store {

class Project;

using SysTime = std::chrono::system_clock::time_point;

// A backup could not be made or checked (disk full, permissions, I/O error).
// The project itself is untouched.
struct BackupFailed : InternalError {
  using InternalError::InternalError;
};

struct BackupInfo {
  std::filesystem::path path;
  SysTime time;          // from the file name (UTC, seconds)
  int64_t revision = 0;  // project revision the backup holds
  std::string reason;    // on-open, periodic, before-merge, before-restore, manual, ...
  uintmax_t size = 0;    // bytes
};

struct RotationPolicy {
  size_t keep_last = 5;  // the newest N backups
  int daily_days = 7;    // plus the newest backup of each of the last D days
};

struct BackupOptions {
  std::function<SysTime()> clock;  // default: the system clock (tests inject one)
  RotationPolicy policy;
  bool rotate = true;
};

// NAME.telaah -> NAME.telaah-backups
std::filesystem::path backup_dir(const std::filesystem::path& project);

// A reason as it appears in a file name: lower-case letters, digits and '-'.
std::string reason_slug(const std::string& reason);

// Parses a backup file name; nullopt when the name is not one of ours.
std::optional<BackupInfo> parse_backup_name(const std::string& filename);
std::string backup_file_name(SysTime t, int64_t revision, const std::string& reason);

// Makes a verified backup of the project's last committed state and rotates.
// Safe to call from another thread than the one using `p` (own connection).
BackupInfo make_backup(const Project& p, const std::string& reason, const BackupOptions& o = {});
// The same for a project file given by path (open elsewhere in this process, or closed).
BackupInfo make_backup_of(const std::filesystem::path& project, const std::string& reason, const BackupOptions& o = {});

// The backup the store takes before a destructive or risky step
// (reason "before-<what>"). Throws BackupFailed: the caller must then not
// go on with the step.
BackupInfo backup_before(const Project& p, const std::string& what);

// Removes what a backup killed half-way left in the backup folder (".tmp-PID-N.telaah",
// a full copy of the project each) once that process is gone. Project::open calls it.
void remove_stale_backup_temps(const std::filesystem::path& project);

// Backups of a project, newest first.
std::vector<BackupInfo> list_backups(const std::filesystem::path& project);

// The rotation rule as a pure function: which of `all` to delete at `now`.
// `keep` (the backup just made) is never chosen.
std::vector<BackupInfo> backups_to_delete(std::vector<BackupInfo> all, SysTime now, const RotationPolicy& policy,
                                          const std::filesystem::path& keep = {});
// Applies the rule to the backup folder; returns what was deleted.
std::vector<BackupInfo> rotate_backups(const std::filesystem::path& project, SysTime now, const RotationPolicy& policy,
                                       const std::filesystem::path& keep = {});

struct RestoreResult {
  BackupInfo restored;                       // the backup now in place
  std::optional<BackupInfo> before_restore;  // the state it replaced (absent when there was no project file)
  bool before_restore_raw = false;           // the replaced file was unreadable: kept as a byte copy
};

// Replaces the project file by a backup. Refuses (ProjectLocked) while the
// project is open anywhere; checks the backup first (CorruptProject when it
// is damaged, UserError when it belongs to another project or a newer
// Telaah); keeps the current state as a "before-restore" backup; then
// swaps the file atomically (temp + fsync + rename), removing the stale
// -wal/-shm/-journal while holding the project's lock.
RestoreResult restore(const std::filesystem::path& project, const std::filesystem::path& backup,
                      const BackupOptions& o = {});

// Resolves what a user typed for a backup: a path, a file name in the backup
// folder, or its number in `list_backups` order (1 = newest).
std::filesystem::path resolve_backup(const std::filesystem::path& project, const std::string& ref);

// Decides when the GUI takes a backup. Plain data, no threads. It backs up
// once when a project is opened (unless the newest backup already holds the
// current revision or is younger than kRecentOnOpen) and then at most every `backup_interval_minutes`
// (project setting, default 10, 0 = only on open) while the revision moves.
// Failures are kept in last_error() for the GUI to show, and retried a
// minute later; nothing here throws.
//
// Two ways to drive it:
//  - tick() every frame: makes the backup on the calling thread when due
//    (a 1 MB project takes a fraction of a second: see docs/data-protection.md);
//  - due() every frame, then make_backup_of(path, reason) on a worker thread
//    (it uses its own connection) and finished() / failed() back on the UI
//    thread. While one is in flight, due() says nothing.
class BackupScheduler {
 public:
  static constexpr const char* kIntervalSetting = "backup_interval_minutes";
  static constexpr int kDefaultIntervalMinutes = 10;
  // No backup on open when the newest one is younger than this (a large
  // project's copy took 38 s and competed with the first minutes of work).
  static constexpr std::chrono::minutes kRecentOnOpen{60};

  explicit BackupScheduler(BackupOptions o = {}) : opts_(std::move(o)) {}
  std::optional<BackupInfo> tick(const Project& p, SysTime now);
  std::optional<std::string> due(const Project& p, SysTime now);  // the reason, when a backup is due
  void finished(const BackupInfo& b, SysTime now);
  void failed(const std::string& error, SysTime now);

  const std::string& last_error() const { return last_error_; }
  const std::optional<BackupInfo>& last_backup() const { return last_; }
  std::chrono::minutes interval() const { return interval_; }
  bool in_flight() const { return in_flight_; }

 private:
  BackupOptions opts_;
  std::filesystem::path project_;
  bool started_ = false, in_flight_ = false;
  int64_t backed_rev_ = -1;
  SysTime last_time_{}, last_poll_{}, retry_at_{};
  std::chrono::minutes interval_{kDefaultIntervalMinutes};
  std::optional<BackupInfo> last_;
  std::string last_error_;
};

}  // namespace telaah::store
