// Pieces of keeping an index in step with its project that the local index
// (sync.cpp) and the sharded one (shards.cpp) share. Not a public API.
#pragma once
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "index/analyzer.h"
#include "index/source.h"
#include "index/stem_id.h"
#include "index/sync.h"
#include "index/synonyms.h"

namespace telaah::index::detail {

// One indexer per index at a time, across processes.
class IndexLock {
 public:
  explicit IndexLock(const std::string& dir) {
    std::string path = dir + ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw UserError("cannot create the search index lock " + path + " (" + std::strerror(errno) + ")");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      char buf[32] = {0};
      ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
      ::close(fd_);
      throw IndexBusy("the search index is being updated by another Telaah process (pid " +
                      std::string(n > 0 ? buf : "?") + "); try again when it has finished");
    }
    std::string pid = std::to_string(::getpid());
    if (::ftruncate(fd_, 0) == 0) {
      [[maybe_unused]] auto w = ::pwrite(fd_, pid.data(), pid.size(), 0);
    }
  }
  ~IndexLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

// Everything the index must agree with, read in one project snapshot.
struct Target {
  std::string project_id, stamp, stemmer, synonyms_fp;
  int64_t revision = 0;
  IdStemmerKind kind = IdStemmerKind::dictionary;
  SynonymGroups synonyms;
};

void disable_count_flush();
IdStemmerKind project_stemmer(ProjectSource& src);
std::string effective_stemmer(IdStemmerKind k);
Target read_target(ProjectSource& src);
int64_t parse_rev(const std::string& s);
IndexStatus examine(const std::string& dir, ProjectSource& src, const Target& t);
void write_metadata(Xapian::WritableDatabase& db, const Target& t);
bool spelling_word(const std::string& w);
void add_spelling(Xapian::WritableDatabase& db, const Vocabulary& vocab);
double thread_cpu();  // seconds of CPU time of the calling thread

}  // namespace telaah::index::detail
