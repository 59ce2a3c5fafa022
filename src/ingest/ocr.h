// OCR of scanned pages and image files with Tesseract (issue 24). Runs inside
// the bounded child process of pdf_sandbox.cpp, like PDF parsing.
//
// The rules a researcher sees (README, "Scanned documents"):
//  - A PDF page is read by OCR when `--ocr always`, or (`--ocr auto`, the
//    default) when its text layer holds fewer than kMinTextChars characters
//    other than spaces: a scan, or a scan with a stamp or page number typed
//    over it. `--ocr never` keeps the text layer only.
//  - Pages are rendered at kDpi (300) dots per inch, less when the page is so
//    large that it would pass kMaxPagePixels; image files are read as they
//    are and refused above kMaxPagePixels or kMaxSide pixels a side.
//  - Tesseract's automatic page segmentation (PSM_AUTO) finds columns and
//    keeps their reading order; each of its paragraphs becomes a paragraph.
//  - Languages: `--ocr-lang` (Tesseract names, e.g. ind+eng), else from the
//    document's language (id -> ind, en -> eng), else ind+eng.
//  - A word whose confidence is under kLowConfidence (60 of 100) counts as
//    low-confidence: `telaah show --ocr-quality` counts them and the coding
//    view marks them.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "ingest/importer.h"

struct Pix;

namespace telaah::ingest::ocr {

constexpr int kMinTextChars = 20;
constexpr int kDpi = 300;
constexpr double kMaxPagePixels = 40e6;  // A3 at 300 dpi is 17.4 million
constexpr int kMaxSide = 30000;
constexpr int kLowConfidence = 60;

// "ind+eng"-style names checked against what is installed; throws ImportError.
std::string languages(const std::string& requested, const std::string& doc_language);

// The dpi a page of w x h points is rendered at (kDpi or less, see above).
double render_dpi(double width_pt, double height_pt);

class Engine {
 public:
  explicit Engine(const std::string& languages);  // ImportError when a language is missing
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  // Recognises an 8-bit grey image (one byte per pixel, `stride` bytes a row)
  // and appends its paragraphs to `e` as page `page` (1-based) with word boxes
  // in points (pixels * 72 / dpi). Returns the number of words.
  size_t page(Extracted& e, int page, const unsigned char* grey, int width, int height, int stride, double dpi);
  size_t page(Extracted& e, int page, Pix* pix, double dpi);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Counts of OCR'd words: all, and under kLowConfidence.
struct Quality {
  size_t words = 0, low = 0;
};
Quality quality(const std::vector<store::WordBox>& boxes);

}  // namespace telaah::ingest::ocr
