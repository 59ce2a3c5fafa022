// Where a project file lives, and whether that place is risky for it.
//
// A project is one SQLite file plus, while it is open, a -wal file that
// holds the newest work. Sync clients (Dropbox, OneDrive, Google Drive,
// Nextcloud, ...) copy these files independently and at arbitrary moments,
// and network file systems often get SQLite's locks wrong. Both are how
// qualitative researchers lose projects. This module detects such places so
// the GUI and `telaah info` can warn before anything is lost.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace telaah::store {

struct StorageWarning {
  enum class Kind { sync_folder, network_fs, permissions };
  Kind kind;
  std::string service;  // "Dropbox", "NFS", "fuse.sshfs", ...
  std::string text;     // what can go wrong and what to do, in plain words
};

// All warnings for a project path (the file need not exist yet).
std::vector<StorageWarning> storage_warnings(const std::filesystem::path& project);
// The warnings as one paragraph each, joined by blank lines ("" when none).
std::string storage_warning_text(const std::filesystem::path& project);

// --- the pieces, exposed for tests ---

// A sync service named by a folder in the (absolute) path, e.g.
// ~/Dropbox/..., ~/OneDrive - Org/..., ~/Library/CloudStorage/GoogleDrive-x/...
std::optional<std::string> sync_service_from_path(const std::filesystem::path& dir);
// A sync service betrayed by a marker file in `dir` or one of its ancestors
// (.dropbox, .sync_*.db of Nextcloud/ownCloud, .stfolder of Syncthing, ...).
std::optional<std::string> sync_service_from_markers(const std::filesystem::path& dir);
// A network or remote file system from statfs' f_type (NFS, SMB, 9p, ...);
// FUSE returns nullopt here and is decided by mount type.
std::optional<std::string> network_fs_from_magic(long f_type);
// The file-system type of the mount that holds `path`, from the text of
// /proc/self/mountinfo (the longest mount point that is a prefix wins).
std::optional<std::string> fs_type_from_mountinfo(const std::string& mountinfo, const std::filesystem::path& path);
// Is a mount type ("nfs4", "cifs", "fuse.sshfs", "fuse.rclone", ...) remote or synced?
std::optional<std::string> risky_fs_type(const std::string& type);

}  // namespace telaah::store
