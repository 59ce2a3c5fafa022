// The sample project (the source tree's corpus/) for the suites that test on
// it. Building it is the slow part of those suites, so a test binary builds it
// once, into a cache directory, and every test gets its own copy of the closed
// file (the copy has no lock file: opening it runs SQLite's quick_check, as for
// any file that was not closed in place). Header-only; the cache directory is
// removed when the binary exits.
#pragma once
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "sample/sample.h"
#include "temp_dir.h"

namespace telaah::test {

inline std::filesystem::path sample_corpus() {
  return std::filesystem::path(TELAAH_SOURCE_DIR) / "corpus";
}

namespace detail {

struct SampleCache {
  TempDir dir{"telaah-sample-cache"};
  std::filesystem::path file = dir / "sample.telaah";
  std::exception_ptr error;  // what building it threw, thrown again to every test that asks for a copy
  SampleCache() {
    try {
      sample::build_sample(file, sample_corpus());
      // A copy of the file alone is the whole project only when SQLite closed it completely.
      std::error_code ec;
      const std::filesystem::path wal = file.string() + "-wal";
      if (std::filesystem::exists(wal, ec) && std::filesystem::file_size(wal, ec) > 0)
        throw std::runtime_error("the sample project was left with a journal (" + wal.string() +
                                 "): it cannot be copied");
    } catch (...) {
      error = std::current_exception();
    }
  }
};

inline SampleCache& sample_cache() {
  static SampleCache cache;
  return cache;
}

}  // namespace detail

// Why the sample project does not build here; empty when it does.
inline std::string sample_problem() {
  const auto& c = detail::sample_cache();
  if (!c.error) return {};
  try {
    std::rethrow_exception(c.error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an unknown error";
  }
}

// Copies the sample project to `to`, which must not exist. Throws what
// building it threw when it does not build.
inline void copy_sample(const std::filesystem::path& to) {
  const auto& c = detail::sample_cache();
  if (c.error) std::rethrow_exception(c.error);
  std::filesystem::copy_file(c.file, to);
}

}  // namespace telaah::test
