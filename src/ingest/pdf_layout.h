// From positioned words (poppler's text boxes, in poppler's order) to the
// paragraphs a reader sees. Pure geometry, no poppler: testable and fuzzable.
//
//  - Running headers, footers and page numbers go: a line in the top or
//    bottom tenth of a page whose text (digits ignored) stands in the same
//    place on at least two pages and on at least half of the pages with
//    text. The same words elsewhere (a journal name in a first-page citation)
//    stay.
//  - Reading order by a recursive XY cut of the page: columns of text left
//    to right (a gutter has running text on both sides, or on one side beside
//    a side column whose lines are not on the text's baselines or end well
//    before it), full-width titles, abstracts and captions above and below
//    them in place, table rows whole (short cells on shared baselines).
//  - Lines joined into paragraphs; headings by font size, list items.
//    Smaller type met in mid-sentence (a footnote at the foot of a column, a
//    caption, a citation) is set aside and placed after the paragraph, which
//    goes on in the next column or page when its sentence does.
//  - A hyphen at a line end (also a column or page end), the rule:
//      soft hyphen after a letter                    -> joined;
//      digit-digit ("2011-" / "2015")                -> kept: 2011-2015;
//      the same word twice ("kota-" / "kota")        -> kept (reduplication);
//      the word with this hyphen elsewhere in the document at least as often
//        as without it ("sister-city")               -> kept;
//      without it more often ("TraceMonkey")         -> joined;
//      lower-case letter, hyphen, lower-case letter ("Compila-" / "tion")
//        -> joined, unless the part before is one letter or a prefix written
//        with a hyphen (e-, x-, self-, non-: "e-mail") -> kept;
//      any other letter-letter ("Jakarta-" / "Seoul") -> kept, no space.
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
  std::vector<Word> words;  // poppler's order
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
