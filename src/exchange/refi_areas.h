// REFI-QDA area selections (issue 24) and Telaah's area codings: the
// coordinate conventions of the standard (section 10.3/10.4) against the
// store's (PDF points from a page's top-left corner; an image's pixels at 72
// points per inch of its resolution, 300 dpi when the file says none).
#pragma once
#include <string>
#include <string_view>

#include "store/types.h"

namespace telaah::exchange::refi_area {

// The height in points of a PDF's pages, from the first /MediaBox written in
// the clear; 842 (A4) when none is found (compressed object streams) — then
// *found is false so that the caller can say so.
double pdf_page_height(std::string_view pdf, bool* found = nullptr);

// The resolution an image file gives (PNG pHYs, JPEG JFIF density, TIFF
// XResolution), as the OCR importer reads it: 300 when none or outside 50-2400.
double image_dpi(std::string_view bytes);

// PDFSelection: page from 0, x/y in points from the bottom-left of the media
// box (either corner first). Image: pixels from the top-left.
struct Rect {
  long long x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};
store::CodingArea from_pdf(int page0, const Rect& r, double page_height);
Rect to_pdf(const store::CodingArea& a, double page_height, int* page0);
store::CodingArea from_picture(const Rect& r, double dpi);
Rect to_picture(const store::CodingArea& a, double dpi);

// The file kind an original name names: "pdf", "image" or "".
std::string kind_of(const std::string& original_name);

}  // namespace telaah::exchange::refi_area
