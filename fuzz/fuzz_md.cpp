// libFuzzer: Markdown (front matter, headings, lists, simple and pipe tables, footnotes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah::ingest;
  try {
    extract_markdown("fuzz.md", std::string_view(reinterpret_cast<const char*>(data), size), {});
  } catch (const ImportError&) {
  }
  return 0;
}
