// Detecting sync folders, network file systems and loose permissions (see fswarn.h).
#include "store/fswarn.h"

#include <sys/stat.h>
#include <sys/vfs.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace telaah::store {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool starts_with(const std::string& s, const std::string& p) {
  return s.rfind(p, 0) == 0;
}

// The nearest existing folder at or above the project's folder.
fs::path existing_dir(const fs::path& project) {
  std::error_code ec;
  fs::path p = fs::absolute(project, ec);
  if (ec) p = project;
  p = p.lexically_normal().parent_path();
  while (!p.empty() && !fs::is_directory(p, ec)) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  fs::path c = fs::canonical(p, ec);
  return ec ? p : c;
}

struct Rule {
  const char* prefix;  // lower-case folder name, or its start when `whole` is false
  bool whole;
  const char* service;
};

// Folder names the sync clients create by default (and common variants).
const Rule kFolderRules[] = {
    {"dropbox", true, "Dropbox"},
    {"dropbox (", false, "Dropbox"},
    {"onedrive", false, "OneDrive"},
    {"google drive", true, "Google Drive"},
    {"googledrive", false, "Google Drive"},  // also macOS CloudStorage/GoogleDrive-me@example.org
    {"google-drive", false, "Google Drive"},
    {"my drive", true, "Google Drive"},
    {"nextcloud", false, "Nextcloud"},
    {"owncloud", false, "ownCloud"},
    {"icloud drive", true, "iCloud Drive"},
    {"iclouddrive", true, "iCloud Drive"},
    {"com~apple~clouddocs", true, "iCloud Drive"},
    {"mobile documents", true, "iCloud Drive"},
    {"pclouddrive", true, "pCloud"},
    {"pcloud drive", true, "pCloud"},
    {"pcloud", true, "pCloud"},
    {"box sync", true, "Box"},
    {"megasync", true, "MEGA"},
    {"seafile", false, "Seafile"},
    {"yandex.disk", true, "Yandex Disk"},
    {"sync.com", true, "Sync.com"},
};

// Marker files a sync client leaves at the top of the folders it syncs.
struct Marker {
  const char* name;  // exact name, or a prefix when `suffix` is set
  const char* suffix;
  const char* service;
};
const Marker kMarkers[] = {
    {".dropbox", nullptr, "Dropbox"},
    {".dropbox.cache", nullptr, "Dropbox"},
    {".nextcloudsync.log", nullptr, "Nextcloud"},
    {".owncloudsync.log", nullptr, "ownCloud"},
    {"._sync_", ".db", "Nextcloud or ownCloud"},
    {".sync_", ".db", "Nextcloud or ownCloud"},
    {".stfolder", nullptr, "Syncthing"},
    {".tmp.drivedownload", nullptr, "Google Drive"},
    {".tmp.driveupload", nullptr, "Google Drive"},
    {".debris", nullptr, "MEGA"},
    {".pcloud", nullptr, "pCloud"},
};

std::string sync_text(const std::string& service, const fs::path& dir) {
  return "This project is in a folder synced by " + service + " (" + dir.string() +
         "). Sync services copy the project file and its journal (the -wal file, which holds your newest work while "
         "Telaah is open) separately and whenever they like: the copy on another computer can be half-updated and "
         "unreadable, opening the project on two computers creates conflicting copies that cannot be merged, and "
         "syncing an open project can damage it. Keep the project in a local folder that is not synced (for example "
         "~/Documents/Telaah) and work there. To share it or keep it in the cloud, close Telaah first and copy the "
         "file, or copy one of its backups (they are complete, verified single files).";
}

std::string network_text(const std::string& type, const fs::path& dir) {
  return "This project is on a network or remote file system (" + type + ", " + dir.string() +
         "). The database inside a project relies on file locks and on writes reaching the disk in order; network "
         "file systems often break these promises, so two people could open the project at once or a dropped "
         "connection could leave it damaged. Copy the project to a local disk, work on it there, and copy it back "
         "while Telaah is closed.";
}

std::string unescape_mount(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 3), nullptr, 8));
      i += 3;
    } else
      out += s[i];
  }
  return out;
}

bool path_under(const std::string& path, const std::string& mount) {
  if (mount == "/") return true;
  if (!starts_with(path, mount)) return false;
  return path.size() == mount.size() || path[mount.size()] == '/';
}

}  // namespace

std::optional<std::string> sync_service_from_path(const fs::path& dir) {
  std::optional<std::string> found;
  fs::path prev;
  for (const auto& part : dir) {
    std::string name = lower(part.string());
    // macOS File Provider: ~/Library/CloudStorage/<Provider>-<account>
    if (lower(prev.string()) == "cloudstorage" && !name.empty()) {
      std::string provider = part.string().substr(0, part.string().find('-'));
      for (const auto& r : kFolderRules)
        if (starts_with(lower(provider), r.prefix) || starts_with(name, r.prefix)) return std::string(r.service);
      return provider + " (cloud storage)";
    }
    for (const auto& r : kFolderRules)
      if (r.whole ? name == r.prefix : starts_with(name, r.prefix)) {
        found = r.service;
        break;
      }
    if (found) return found;
    prev = part;
  }
  return std::nullopt;
}

std::optional<std::string> sync_service_from_markers(const fs::path& dir) {
  std::error_code ec;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    for (const auto& m : kMarkers) {
      if (m.suffix) continue;
      if (fs::exists(p / m.name, ec)) return std::string(m.service);
    }
    // Nextcloud/ownCloud journals carry a hash in their name: list the folder (bounded).
    int seen = 0;
    for (auto it = fs::directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator() && seen < 5000; it.increment(ec), ++seen) {
      std::string n = it->path().filename().string();
      for (const auto& m : kMarkers)
        if (m.suffix && starts_with(n, m.name) && n.size() > std::strlen(m.suffix) &&
            n.compare(n.size() - std::strlen(m.suffix), std::strlen(m.suffix), m.suffix) == 0)
          return std::string(m.service);
    }
    ec.clear();
    if (p == p.parent_path()) break;
  }
  return std::nullopt;
}

std::optional<std::string> network_fs_from_magic(long f_type) {
  switch (static_cast<unsigned long>(f_type) & 0xFFFFFFFFUL) {
    case 0x6969:
      return "NFS";
    case 0x517B:
      return "SMB";
    case 0xFF534D42:
      return "SMB/CIFS";
    case 0xFE534D42:
      return "SMB2";
    case 0x73757245:
      return "Coda";
    case 0x5346414F:
    case 0x6B414653:
      return "AFS";
    case 0x01021997:
      return "9p";
    case 0x00C36400:
      return "Ceph";
    case 0x564C:
      return "NCP";
    case 0x7461636F:
      return "OCFS2";
    case 0x01161970:
      return "GFS2";
    case 0x0BD00BD0:
      return "Lustre";
    case 0x47504653:
      return "GPFS";
    case 0x786F4256:
      return "VirtualBox shared folder";
    case 0x20030528:
      return "OrangeFS";
    default:
      return std::nullopt;
  }
}

std::optional<std::string> fs_type_from_mountinfo(const std::string& mountinfo, const fs::path& path) {
  std::istringstream in(mountinfo);
  std::string line, best_type, best_mount;
  const std::string target = path.string();
  bool any = false;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::vector<std::string> f;
    for (std::string w; ls >> w;) f.push_back(w);
    auto sep = std::find(f.begin(), f.end(), "-");
    if (f.size() < 7 || sep == f.end() || sep + 1 == f.end()) continue;
    std::string mount = unescape_mount(f[4]);
    // Later lines mount over earlier ones at the same point: >= keeps the last.
    if (path_under(target, mount) && (!any || mount.size() >= best_mount.size())) {
      best_mount = mount;
      best_type = *(sep + 1);
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return best_type;
}

std::optional<std::string> risky_fs_type(const std::string& type) {
  const std::string t = lower(type);
  static const std::pair<const char*, const char*> kTypes[] = {
      {"nfs", "NFS"},
      {"nfs4", "NFS"},
      {"cifs", "SMB/CIFS"},
      {"smb3", "SMB"},
      {"smbfs", "SMB"},
      {"smb2", "SMB"},
      {"9p", "9p"},
      {"ceph", "Ceph"},
      {"glusterfs", "GlusterFS"},
      {"lustre", "Lustre"},
      {"gpfs", "GPFS"},
      {"afs", "AFS"},
      {"coda", "Coda"},
      {"ocfs2", "OCFS2"},
      {"gfs2", "GFS2"},
      {"vboxsf", "VirtualBox shared folder"},
      {"davfs", "WebDAV"},
      {"ncpfs", "NCP"},
  };
  for (const auto& [name, label] : kTypes)
    if (t == name) return std::string(label);
  static const std::pair<const char*, const char*> kFuse[] = {
      {"sshfs", "SSHFS"},
      {"rclone", "rclone (cloud storage)"},
      {"s3fs", "S3 (s3fs)"},
      {"gcsfuse", "Google Cloud Storage"},
      {"goofys", "S3 (goofys)"},
      {"davfs2", "WebDAV"},
      {"onedriver", "OneDrive (onedriver)"},
      {"google-drive-ocamlfuse", "Google Drive (ocamlfuse)"},
      {"gvfsd-fuse", "a GNOME remote folder (gvfs)"},
      {"vmhgfs-fuse", "VMware shared folder"},
      {"dropbox", "Dropbox"},
      {"juicefs", "JuiceFS"},
      {"seaf-fuse", "Seafile"},
      {"mega-fuse", "MEGA"},
  };
  if (starts_with(t, "fuse.") || starts_with(t, "fuseblk.")) {
    std::string sub = t.substr(t.find('.') + 1);
    for (const auto& [name, label] : kFuse)
      if (sub == name) return std::string(label);
  }
  return std::nullopt;
}

std::vector<StorageWarning> storage_warnings(const fs::path& project) {
  std::vector<StorageWarning> out;
  const fs::path dir = existing_dir(project);
  std::optional<std::string> sync = sync_service_from_path(dir);
  if (!sync) sync = sync_service_from_markers(dir);
  if (sync) out.push_back({StorageWarning::Kind::sync_folder, *sync, sync_text(*sync, dir)});

  std::optional<std::string> net;
  struct statfs sf {};
  if (::statfs(dir.c_str(), &sf) == 0) net = network_fs_from_magic(static_cast<long>(sf.f_type));
  if (!net) {
    std::ifstream mi("/proc/self/mountinfo");
    std::stringstream ss;
    ss << mi.rdbuf();
    if (auto type = fs_type_from_mountinfo(ss.str(), dir)) {
      if (auto label = risky_fs_type(*type)) net = *label + " (" + *type + ")";
    }
  }
  if (net) out.push_back({StorageWarning::Kind::network_fs, *net, network_text(*net, dir)});

  struct stat st {};
  if (::stat(project.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    out.push_back({StorageWarning::Kind::permissions, "permissions",
                   "Other users of this computer can read this project file (mode " + std::string(mode) +
                       "). Interview transcripts are personal data: make it private with 'chmod 600 " +
                       project.string() + "'."});
  }
  return out;
}

std::string storage_warning_text(const fs::path& project) {
  std::string out;
  for (const auto& w : storage_warnings(project)) {
    if (!out.empty()) out += "\n\n";
    out += w.text;
  }
  return out;
}

}  // namespace telaah::store
