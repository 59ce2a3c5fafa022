// libFuzzer: the REFI-QDA import (a .qdpx zip or a bare .qde XML) from the
// file's bytes to a new project: paths, nesting, names, selections, dates.
// Each input is written to a private folder, imported, and removed; an
// ExchangeError (or another UserError) is a clean refusal.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "exchange/exchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  using namespace telaah;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("fuzz-refi-" + std::to_string(::getpid()));
    fs::create_directories(d / "sources");
    std::ofstream(d / "sources" / "a.txt") << "Kerja sama perdagangan Jakarta dan Seoul.";
    return d;
  }();
  const bool zipped = size >= 4 && data[0] == 'P' && data[1] == 'K';
  const fs::path in = dir / (zipped ? "in.qdpx" : "in.qde"), out = dir / "out.telaah";
  {
    std::ofstream f(in, std::ios::binary);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::error_code ec;
  for (const char* s : {"", "-wal", "-shm", ".lock"}) fs::remove(out.string() + s, ec);
  exchange::ImportOptions o;
  o.limits.max_zip_total = 8u << 20;  // keep each run small
  o.limits.max_file_bytes = 4u << 20;
  try {
    auto r = exchange::import_refi(in, out, o);
    r.to_text();
    r.to_json();
  } catch (const UserError&) {
  }
  for (const char* s : {"", "-wal", "-shm", ".lock"}) fs::remove(out.string() + s, ec);
  return 0;
}
