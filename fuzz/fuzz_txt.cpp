// libFuzzer: plain text with encoding detection (and each encoding a user may give).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah::ingest;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the encoding the user "gave"; the rest is the file.
  static const char* const kEncodings[] = {"", "utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1", "euc-kr"};
  ImportOptions opt;
  if (!bytes.empty()) {
    opt.encoding = kEncodings[static_cast<unsigned char>(bytes[0]) % 7];
    bytes.remove_prefix(1);
  }
  guess_encoding(bytes);
  try {
    extract_plain("fuzz.txt", bytes, opt);  // finish() checks UTF-8, NFC and every offset
  } catch (const ImportError&) {
  }
  return 0;
}
