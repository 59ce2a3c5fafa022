// Output files that can never hit the project, a special file or a symlink (safe_output.h).
#include "store/safe_output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "store/errors.h"

namespace fs = std::filesystem;

namespace telaah::store {
namespace {

std::atomic<unsigned> counter{0};
constexpr const char* kTmpTag = ".telaah-tmp-";

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

fs::path folder_of(const fs::path& f) {
  return f.has_parent_path() ? f.parent_path() : fs::path(".");
}

fs::path canonical_or_same(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? p : c;
}

bool is_sqlite_file(const fs::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return false;
  char head[16] = {0};
  const ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  return n == 16 && std::memcmp(head, "SQLite format 3", 16) == 0;
}

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// ".NAME.telaah-tmp-PID-N" (and libzip's ".tmp-PID" on top of it) of a dead process.
void remove_stale_temps(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    const auto at = n.find(kTmpTag);
    if (n.empty() || n[0] != '.' || at == std::string::npos) continue;
    const long pid = std::strtol(n.c_str() + at + std::strlen(kTmpTag), nullptr, 10);
    if (pid == ::getpid() || process_alive(pid)) continue;
    struct stat st {};
    if (::lstat(e.path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) fs::remove(e.path(), ec);
  }
}

const char* kind_of(mode_t m) {
  if (S_ISDIR(m)) return "a folder";
  if (S_ISFIFO(m)) return "a FIFO (named pipe)";
  if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
  if (S_ISSOCK(m)) return "a socket";
  if (S_ISLNK(m)) return "a symbolic link";
  return "not a regular file";
}

}  // namespace

void check_output_target(const fs::path& target, bool force, const std::vector<fs::path>& protect) {
  const std::string shown = target.string();
  const std::string leaf = target.filename().string();
  if (target.empty() || leaf.empty() || leaf == "." || leaf == "..")
    throw UserError("give a file name to write to, not '" + shown + "'");
  // The project's own files, by name: any project's, and the ones given.
  for (const char* tail : {".telaah", ".telaah-wal", ".telaah-shm", ".telaah-journal", ".telaah.lock"})
    if (ends_with(leaf, tail))
      throw UserError("will not write " + shown + ": that name is for a Telaah project or its own files; " +
                      "choose another file name");
  const fs::path canon = canonical_or_same(target);
  for (fs::path up = canon.parent_path(); !up.empty() && up != up.root_path(); up = up.parent_path()) {
    const std::string n = up.filename().string();
    if (ends_with(n, ".telaah-backups") || ends_with(n, ".telaah-index"))
      throw UserError("will not write " + shown + " into " + up.string() +
                      ": that folder belongs to a project (its backups or its search index)");
  }
  for (const auto& proj : protect) {
    const fs::path pc = canonical_or_same(proj);
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
      fs::path f = pc;
      f += suffix;
      if (canon == f)
        throw UserError("will not write " + shown + ": it is the project " + proj.string() +
                        (*suffix ? std::string(" (its ") + suffix + " file)" : std::string()) +
                        "; choose another file name");
    }
  }
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode))
      throw UserError("will not write " + shown + ": it is " + kind_of(st.st_mode) +
                      ", not a file; give the path of a new or ordinary file");
    for (const auto& proj : protect) {
      struct stat ps {};
      if (::stat(proj.c_str(), &ps) == 0 && ps.st_dev == st.st_dev && ps.st_ino == st.st_ino)
        throw UserError("will not write " + shown + ": it is the project " + proj.string() + " under another name");
    }
    if (is_sqlite_file(target))
      throw UserError("will not write " + shown + ": it is a database (a Telaah project?), which an output never " +
                      "replaces; choose another file name");
    if (!force) throw UserError(shown + " exists already (give --force to replace it)");
  } else if (errno != ENOENT) {
    throw UserError("cannot write " + shown + " (" + std::strerror(errno) + ")");
  }
  struct stat ds {};
  const fs::path dir = folder_of(target);
  if (::stat(dir.c_str(), &ds) != 0 || !S_ISDIR(ds.st_mode))
    throw UserError("cannot write " + shown + ": the folder " + dir.string() + " does not exist");
}

SafeOutput::SafeOutput(const fs::path& target, bool force, const std::vector<fs::path>& protect)
    : target_(target), protect_(protect), force_(force) {
  check_output_target(target, force, protect);
  const fs::path dir = folder_of(target);
  remove_stale_temps(dir);
  for (int attempt = 0;; ++attempt) {
    temp_ = dir /
            ("." + target.filename().string() + kTmpTag + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    int fd = ::open(temp_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      break;
    }
    if (errno != EEXIST || attempt > 100)
      throw UserError("cannot write " + target.string() + ": cannot create a file in " + dir.string() + " (" +
                      std::strerror(errno) + ")");
  }
}

SafeOutput::~SafeOutput() {
  if (done_) return;
  std::error_code ec;
  fs::remove(temp_, ec);
  fs::path zip_tmp = temp_;
  zip_tmp += ".tmp-" + std::to_string(::getpid());
  fs::remove(zip_tmp, ec);
}

void SafeOutput::commit() {
  const std::string shown = target_.string();
  int fd = ::open(temp_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) throw UserError("cannot write " + shown + ": its temporary file vanished (" + std::strerror(errno) + ")");
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (!regular) throw UserError("cannot write " + shown + ": its temporary file was replaced");
  if (rc != 0)
    throw UserError("cannot write " + shown + ": the disk reported an error (" + std::strerror(err) +
                    "); nothing was written");
  check_output_target(target_, force_, protect_);  // again: it may have changed meanwhile
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw UserError("cannot write " + shown + " (" + std::strerror(errno) + ")");
  done_ = true;
  int dfd = ::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void write_output(const fs::path& target, std::string_view bytes, bool force, const std::vector<fs::path>& protect) {
  SafeOutput out(target, force, protect);
  int fd = ::open(out.temp().c_str(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) throw UserError("cannot write " + target.string() + " (" + std::strerror(errno) + ")");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      const int err = errno;
      ::close(fd);
      throw UserError("cannot write " + target.string() + " (" + std::strerror(err) +
                      (err == ENOSPC ? "; free some space" : "") + "); nothing was written");
    }
    done += static_cast<size_t>(w);
  }
  ::close(fd);
  out.commit();
}

}  // namespace telaah::store
