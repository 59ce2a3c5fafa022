// Reading SQLite's WAL format (https://www.sqlite.org/fileformat2.html#walformat)
// to decide whether a -wal belongs to the project beside it (see wal_guard.h).
#include "store/wal_guard.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace telaah::store::wal {
namespace {

constexpr uint32_t kMagic = 0x377f0682;
constexpr uint32_t kVersion = 3007000;
constexpr size_t kHeader = 32, kFrameHeader = 24;

uint32_t be32(const unsigned char* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// SQLite's WAL checksum over `n` bytes (a multiple of 8), continuing from s.
void checksum(bool big_endian, const unsigned char* p, size_t n, uint32_t s[2]) {
  for (size_t i = 0; i + 8 <= n; i += 8) {
    uint32_t a, b;
    if (big_endian) {
      a = be32(p + i);
      b = be32(p + i + 4);
    } else {
      std::memcpy(&a, p + i, 4);  // little-endian words (x86, ARM)
      std::memcpy(&b, p + i + 4, 4);
    }
    s[0] += a + s[1];
    s[1] += b + s[0];
  }
}

bool read_all(int fd, unsigned char* buf, size_t n, off_t at) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = ::pread(fd, buf + done, n - done, at + static_cast<off_t>(done));
    if (r <= 0) return false;
    done += static_cast<size_t>(r);
  }
  return true;
}

}  // namespace

Scan scan(const fs::path& wal_file) {
  Scan s;
  int fd = ::open(wal_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return s;
  unsigned char h[kHeader];
  if (!read_all(fd, h, kHeader, 0)) {
    ::close(fd);
    return s;
  }
  const uint32_t magic = be32(h);
  if ((magic & 0xFFFFFFFE) != kMagic || be32(h + 4) != kVersion) {
    ::close(fd);
    return s;
  }
  const bool big = (magic & 1) != 0;
  uint32_t sum[2] = {0, 0};
  checksum(big, h, 24, sum);
  if (sum[0] != be32(h + 24) || sum[1] != be32(h + 28)) {
    ::close(fd);
    return s;
  }
  s.page_size = be32(h + 8);
  s.checkpoint_seq = be32(h + 12);
  s.salt1 = be32(h + 16);
  s.salt2 = be32(h + 20);
  if (s.page_size < 512 || s.page_size > 65536 || (s.page_size & (s.page_size - 1)) != 0) {
    ::close(fd);
    return s;
  }
  s.header_ok = true;
  std::vector<unsigned char> frame(kFrameHeader + s.page_size);
  uint64_t n = 0;
  for (off_t at = kHeader;; at += static_cast<off_t>(frame.size())) {
    if (!read_all(fd, frame.data(), frame.size(), at)) break;
    const unsigned char* fh = frame.data();
    if (be32(fh) == 0 || be32(fh + 8) != s.salt1 || be32(fh + 12) != s.salt2) break;
    checksum(big, fh, 8, sum);
    checksum(big, fh + kFrameHeader, s.page_size, sum);
    if (sum[0] != be32(fh + 16) || sum[1] != be32(fh + 20)) break;
    ++n;
    if (be32(fh + 4) != 0) {  // a commit frame: everything up to here is a transaction
      s.frames = n;
      ++s.commits;
    }
  }
  ::close(fd);
  return s;
}

std::optional<std::pair<uint32_t, uint32_t>> header_salts(const fs::path& wal_file) {
  int fd = ::open(wal_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  unsigned char h[kHeader];
  const bool ok = read_all(fd, h, kHeader, 0);
  ::close(fd);
  if (!ok || (be32(h) & 0xFFFFFFFE) != kMagic) return std::nullopt;
  return std::pair{be32(h + 16), be32(h + 20)};
}

uint32_t db_page_size(const fs::path& db_file) {
  int fd = ::open(db_file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  unsigned char h[18];
  const bool ok = read_all(fd, h, sizeof h, 0);
  ::close(fd);
  if (!ok) return 0;
  const uint32_t v = (uint32_t(h[16]) << 8) | h[17];
  return v == 1 ? 65536 : v;
}

std::string Record::line() const {
  std::ostringstream o;
  o << "wal " << salt1 << " " << salt2 << " " << frames;
  if (checkpointing)
    o << " ckpt";
  else
    o << " base " << size << " " << mtime_s << " " << mtime_ns;
  return o.str();
}

std::optional<Record> Record::parse(const std::string& line) {
  std::istringstream in(line);
  std::string word, kind;
  Record r;
  if (!(in >> word) || word != "wal" || !(in >> r.salt1 >> r.salt2 >> r.frames >> kind)) return std::nullopt;
  if (kind == "ckpt") {
    r.checkpointing = true;
    return r;
  }
  if (kind != "base" || !(in >> r.size >> r.mtime_s >> r.mtime_ns)) return std::nullopt;
  return r;
}

void stat_base(const fs::path& db_file, Record& r) {
  struct stat st {};
  if (::stat(db_file.c_str(), &st) != 0) return;
  r.size = st.st_size;
  r.mtime_s = st.st_mtim.tv_sec;
  r.mtime_ns = st.st_mtim.tv_nsec;
}

bool belongs(const Scan& s, const Record& r, const fs::path& db_file) {
  if (!s.header_ok || s.salt1 != r.salt1 || s.salt2 != r.salt2 || s.frames < r.frames) return false;
  if (s.page_size != db_page_size(db_file)) return false;
  if (r.checkpointing) return true;
  Record now;
  stat_base(db_file, now);
  return now.size == r.size && now.mtime_s == r.mtime_s && now.mtime_ns == r.mtime_ns;
}

}  // namespace telaah::store::wal
