// libFuzzer: DOCX and ODT. An input that is a zip archive is read as one
// (the archive layer and its limits); any other input becomes the main XML
// part of a freshly written archive, so that mutations reach the XML readers
// instead of dying on a checksum.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/importer.h"

namespace {

// A stored (uncompressed) zip with the given parts, written in memory by libzip.
std::string make_zip(std::initializer_list<std::pair<const char*, std::string_view>> parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  std::string out;
  if (!z) {
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
  }
  zip_source_keep(src);
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t idx = zip_file_add(z, name, part, ZIP_FL_OVERWRITE);
    if (idx < 0)
      zip_source_free(part);
    else
      zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  if (zip_close(z) == 0 && zip_source_open(src) == 0) {
    zip_stat_t st;
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
      out.resize(st.size);
      if (zip_source_read(src, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) out.clear();
    }
    zip_source_close(src);
  } else if (z) {
    zip_discard(z);
  }
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah::ingest;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ImportOptions opt;
  opt.limits.max_zip_total = 64u << 20;
  auto run = [&](std::string_view file) {
    try {
      extract_docx("fuzz.docx", file, opt);
    } catch (const ImportError&) {
    }
    try {
      extract_odt("fuzz.odt", file, opt);
    } catch (const ImportError&) {
    }
  };
  if (bytes.substr(0, 2) == "PK") {
    run(bytes);
    return 0;
  }
  // The same XML as a Word body, its footnotes, and an OpenDocument content part.
  const std::string zip = make_zip({{"word/document.xml", bytes},
                                    {"word/footnotes.xml", bytes},
                                    {"word/styles.xml", bytes},
                                    {"content.xml", bytes},
                                    {"meta.xml", bytes}});
  if (!zip.empty()) run(zip);
  return 0;
}
