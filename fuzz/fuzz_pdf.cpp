// libFuzzer: PDF. Inputs that look like a PDF go through poppler and the
// whole importer in this process (the sandbox is for production); any other
// input is decoded into positioned words for the layout code alone, which is
// where our own logic lives (lines, tables, headers, hyphenation, page map).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/importer.h"
#include "ingest/pdf_layout.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah::ingest;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 5) == "%PDF-") {
    ImportOptions opt;
    opt.limits.max_pdf_pages = 50;
    try {
      extract_pdf_in_process("fuzz.pdf", bytes, opt);
    } catch (const ImportError&) {
    }
    return 0;
  }
  // 7 bytes per word: page step, x, y, width, size, flags, one letter.
  std::vector<pdf::Page> pages(1);
  for (size_t i = 0; i + 7 <= size && pages.size() < 20; i += 7) {
    const uint8_t* w = data + i;
    if (w[0] == 0xFF) pages.emplace_back();
    pdf::Word word;
    static const char* const kTexts[] = {"a",  "Kota",    "kota-", "perda-", "-", "•",
                                         "1.", "Halaman", "2015",  "x.",     "é", "Seoul"};
    word.text = kTexts[w[6] % 12];
    word.x0 = w[1] * 3.0;
    word.x1 = word.x0 + 1 + w[3] / 4.0;
    word.y0 = w[2] * 4.0;
    word.size = 4 + (w[4] % 20);
    word.y1 = word.y0 + word.size * 1.16;
    word.bold = w[5] & 1;
    word.space_after = w[5] & 2;
    pages.back().width = 595;
    pages.back().height = (w[5] & 4) ? 0 : 842;
    pages.back().words.push_back(word);
  }
  pdf::Layout lay = pdf::layout(pages);
  for (const auto& b : lay.blocks)
    if (b.text.empty() || telaah::text::find_invalid_utf8(b.text)) __builtin_trap();
  for (const auto& s : lay.starts)
    if (s.block > lay.blocks.size() || (s.block < lay.blocks.size() && s.offset > lay.blocks[s.block].text.size()))
      __builtin_trap();
  return 0;
}
