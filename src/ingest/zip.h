// A zip archive read from memory with the limits of a hostile world:
// entry count, total and per-entry uncompressed size, compression ratio
// (declared sizes checked on open, real bytes counted while reading), and
// entry names that point outside the archive refused. Nothing touches disk.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/importer.h"

struct zip;

namespace telaah::ingest {

class ZipArchive {
 public:
  // `bytes` must outlive the archive. Throws ImportError naming `file`.
  ZipArchive(std::string_view bytes, const Limits& limits, std::string file);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::vector<std::string>& names() const { return names_; }
  bool has(const std::string& entry) const;
  // The entry's bytes; nullopt when there is no such entry.
  std::optional<std::string> read(const std::string& entry);

 private:
  struct zip* z_ = nullptr;
  Limits limits_;
  std::string file_;
  std::vector<std::string> names_;
  std::vector<uint64_t> size_, comp_size_;
  uint64_t read_total_ = 0;
};

// The XML of an archive entry parsed safely (see xml.cpp); declared here so
// that DOCX and ODT share one definition of "safe".
void check_xml_is_safe(std::string_view xml, const std::string& what);

}  // namespace telaah::ingest
