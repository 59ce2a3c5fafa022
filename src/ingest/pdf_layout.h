// From positioned words (poppler's text boxes, in reading order) to the
// paragraphs a reader sees: lines, table rows, running headers and page
// numbers removed, headings by font size, list items, wrapped lines joined
// and hyphenation at line ends repaired, paragraphs continued across
// columns and pages. Pure geometry, no poppler: testable and fuzzable.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace telaah::ingest::pdf {

struct Word {
  std::string text;                       // valid UTF-8, NFC
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // y grows downwards
  double size = 0;                        // font size
  bool bold = false;
  bool space_after = false;  // poppler: a space follows on the same line
};

struct Page {
  double width = 0, height = 0;
  std::vector<Word> words;  // reading order
};

struct Block {
  std::string kind;  // p, h1..h6, li, row
  std::string text;
  int page = 0;  // 1-based page the block starts on
};

// Where each page's text begins: a byte offset into the text of a block
// (block == blocks.size() means "after the last block").
struct PageStart {
  int page = 0;
  size_t block = 0;
  size_t offset = 0;
};

struct Layout {
  std::vector<Block> blocks;
  std::vector<PageStart> starts;
  size_t furniture_removed = 0;  // running header / footer / page number lines dropped
  size_t hyphens_repaired = 0;
};

Layout layout(const std::vector<Page>& pages);

}  // namespace telaah::ingest::pdf
