// libFuzzer: saved web pages (tokenizer, tree builder, entities, JSON-LD, body choice).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/html.h"
#include "ingest/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah::ingest;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  html::decode_entities(bytes, size % 2 == 0);
  try {
    extract_html("fuzz.html", bytes, {});
  } catch (const ImportError&) {
  }
  return 0;
}
