// Writing exchange files atomically: zip archives (.qdpx, via libzip) and
// plain files. Reading archives uses ingest::ZipArchive, which holds the
// importers' safety limits (entry count, sizes, ratio, path traversal).
#pragma once
#include <zip.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace telaah::exchange {

// Writes entries to a temporary file next to `out` and renames it into place.
class ZipWriter {
 public:
  explicit ZipWriter(const std::filesystem::path& out);
  ~ZipWriter();  // without commit(): the temporary file is removed
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;
  void add_dir(const std::string& name);
  void add(const std::string& name, std::string bytes);  // deflated
  void commit();

 private:
  std::filesystem::path out_, tmp_;
  zip_t* za_ = nullptr;
  std::vector<std::unique_ptr<std::string>> keep_;  // libzip reads the buffers at close
  bool done_ = false;
};

// Writes bytes to `out` through a temporary file and a rename.
void write_file_atomic(const std::filesystem::path& out, const std::string& bytes);

}  // namespace telaah::exchange
