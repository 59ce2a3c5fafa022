// Zip archives from memory with libzip, bounded (see zip.h).
#include "ingest/zip.h"

#include <zip.h>

#include <algorithm>

namespace telaah::ingest {

namespace {

// Entries smaller than this may have any ratio (a page of spaces compresses well).
constexpr uint64_t kRatioFloor = 1u << 20;

std::string mb(uint64_t bytes) {
  if (bytes < (1u << 20)) return std::to_string((bytes + 512) >> 10) + " KB";
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

bool hostile_name(const std::string& n) {
  if (n.empty() || n[0] == '/' || n[0] == '\\') return true;
  if (n.size() >= 2 && n[1] == ':') return true;  // C:...
  size_t start = 0;
  while (start <= n.size()) {
    size_t end = n.find_first_of("/\\", start);
    if (end == std::string::npos) end = n.size();
    if (n.compare(start, end - start, "..") == 0 && end - start == 2) return true;
    start = end + 1;
  }
  return n.find('\0') != std::string::npos;
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const Limits& limits, std::string file)
    : limits_(limits), file_(std::move(file)) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    throw ImportError(file_ + ": cannot read the archive (out of memory?)");
  }
  z_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z_) {
    zip_source_free(src);
    const int code = zip_error_code_zip(&err);
    zip_error_fini(&err);
    if (code == ZIP_ER_NOZIP)
      throw ImportError(
          file_ + ": not a zip archive, so not a real DOCX or ODT file (damaged, or renamed from another format)");
    if (code == ZIP_ER_INCONS)
      throw ImportError(file_ + ": the archive is inconsistent (truncated or damaged); nothing was imported from it");
    throw ImportError(file_ + ": the archive cannot be opened (damaged or truncated)");
  }
  zip_error_fini(&err);
  const zip_int64_t n = zip_get_num_entries(z_, 0);
  if (n < 0 || static_cast<uint64_t>(n) > limits_.max_zip_entries) {
    zip_discard(z_);
    z_ = nullptr;
    throw ImportError(file_ + ": the archive holds " + std::to_string(n) + " entries, over the limit of " +
                      std::to_string(limits_.max_zip_entries) + " (a zip bomb?); refused");
  }
  uint64_t total = 0;
  try {
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(z_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
        throw ImportError(file_ + ": entry " + std::to_string(i) + " of the archive cannot be read (damaged archive)");
      std::string name = st.name;
      if (hostile_name(name))
        throw ImportError(file_ + ": the archive holds an entry named '" + name.substr(0, 80) +
                          "' that points outside the archive; refused as hostile");
      const uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
      const uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
      total += size;
      if (total > limits_.max_zip_total)
        throw ImportError(file_ + ": the archive unpacks to more than " + mb(limits_.max_zip_total) +
                          " (a zip bomb?); refused");
      if (size > kRatioFloor &&
          (comp == 0 || static_cast<double>(size) / static_cast<double>(comp) > limits_.max_zip_ratio))
        throw ImportError(file_ + ": entry '" + name.substr(0, 80) + "' is compressed " +
                          (comp ? std::to_string(size / comp) : std::string("infinitely")) +
                          " to 1, over the limit of " + std::to_string(static_cast<long>(limits_.max_zip_ratio)) +
                          " (a zip bomb?); refused");
      names_.push_back(std::move(name));
      size_.push_back(size);
      comp_size_.push_back(comp);
    }
  } catch (...) {
    zip_discard(z_);
    z_ = nullptr;
    throw;
  }
}

ZipArchive::~ZipArchive() {
  if (z_) zip_discard(z_);
}

bool ZipArchive::has(const std::string& entry) const {
  return std::find(names_.begin(), names_.end(), entry) != names_.end();
}

std::optional<std::string> ZipArchive::read(const std::string& entry) {
  auto it = std::find(names_.begin(), names_.end(), entry);
  if (it == names_.end()) return std::nullopt;
  const size_t i = static_cast<size_t>(it - names_.begin());
  zip_file_t* f = zip_fopen_index(z_, i, 0);
  if (!f) throw ImportError(file_ + ": '" + entry + "' in the archive cannot be opened (damaged or encrypted archive)");
  std::string out;
  out.reserve(static_cast<size_t>(std::min<uint64_t>(size_[i], 64u << 20)));
  char buf[1 << 16];
  while (true) {
    const zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      zip_fclose(f);
      throw ImportError(file_ + ": '" + entry + "' in the archive is damaged (truncated file or bad checksum)");
    }
    if (got == 0) break;
    out.append(buf, static_cast<size_t>(got));
    // Declared sizes can lie: count what really comes out.
    const uint64_t have = out.size();
    const bool over_declared = have > size_[i];
    const bool over_total = read_total_ + have > limits_.max_zip_total;
    const bool over_ratio =
        have > kRatioFloor &&
        (comp_size_[i] == 0 || static_cast<double>(have) / static_cast<double>(comp_size_[i]) > limits_.max_zip_ratio);
    if (over_declared || over_total || over_ratio) {
      zip_fclose(f);
      throw ImportError(file_ + ": '" + entry + "' unpacks to more than " +
                        (over_declared ? "its declared size"
                         : over_total  ? mb(limits_.max_zip_total)
                                       : "the compression ratio limit") +
                        " (a zip bomb?); refused");
    }
  }
  zip_fclose(f);
  if (out.size() != size_[i])
    throw ImportError(file_ + ": '" + entry + "' in the archive is shorter than declared (truncated file)");
  read_total_ += out.size();
  return out;
}

}  // namespace telaah::ingest
