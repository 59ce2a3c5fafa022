// Atomic writing of zip archives (libzip) and plain files.
#include "exchange/archive.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "store/errors.h"

namespace fs = std::filesystem;

namespace telaah::exchange {

ZipWriter::ZipWriter(const fs::path& out) : out_(out) {
  tmp_ = out;
  tmp_ += ".tmp-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove(tmp_, ec);
  int err = 0;
  za_ = zip_open(tmp_.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za_) throw UserError("cannot write " + out.string() + " (cannot create a file in that folder)");
}

ZipWriter::~ZipWriter() {
  if (za_) zip_discard(za_);
  if (!done_) {
    std::error_code ec;
    fs::remove(tmp_, ec);
  }
}

void ZipWriter::add_dir(const std::string& name) {
  if (zip_dir_add(za_, name.c_str(), ZIP_FL_ENC_UTF_8) < 0)
    throw InternalError("cannot add folder " + name + " to " + out_.string() + ": " + zip_strerror(za_));
}

void ZipWriter::add(const std::string& name, std::string bytes) {
  keep_.push_back(std::make_unique<std::string>(std::move(bytes)));
  const std::string& b = *keep_.back();
  zip_source_t* src = zip_source_buffer(za_, b.data(), b.size(), 0);
  if (!src) throw InternalError("cannot add " + name + " to " + out_.string() + ": " + zip_strerror(za_));
  if (zip_file_add(za_, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
    zip_source_free(src);
    throw InternalError("cannot add " + name + " to " + out_.string() + ": " + zip_strerror(za_));
  }
}

void ZipWriter::commit() {
  if (zip_close(za_) != 0) {
    std::string why = zip_strerror(za_);
    throw UserError("cannot write " + out_.string() + ": " + why);
  }
  za_ = nullptr;
  std::error_code ec;
  fs::rename(tmp_, out_, ec);
  if (ec) throw UserError("cannot write " + out_.string() + ": " + ec.message());
  done_ = true;
}

void write_file_atomic(const fs::path& out, const std::string& bytes) {
  fs::path tmp = out;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw UserError("cannot write " + out.string() + " (cannot create a file in that folder)");
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.flush();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw UserError("cannot write " + out.string() + " (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw UserError("cannot write " + out.string() + ": " + ec.message());
  }
}

}  // namespace telaah::exchange
