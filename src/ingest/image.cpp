// Image files (PNG, JPEG, TIFF, multi-page TIFF) read by OCR, in the bounded
// child process (pdf_sandbox.cpp). The header of every page is read before its
// pixels: a page over ocr::kMaxPagePixels or ocr::kMaxSide, a TIFF with more
// pages than Limits::max_pdf_pages, or a JPEG that libjpeg had to patch up
// (truncated, corrupt) is refused with a sentence, never decoded on trust.
#include <leptonica/allheaders.h>

#include <cstdio>
#include <memory>

#include "ingest/importer.h"
#include "ingest/ocr.h"

namespace telaah::ingest {

namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

bool is_tiff(int format) {
  return format == IFF_TIFF || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE || format == IFF_TIFF_G3 ||
         format == IFF_TIFF_G4 || format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG;
}

void check_size(const std::string& name, int w, int h, int page) {
  const std::string where = page > 0 ? " (page " + std::to_string(page) + ")" : "";
  if (w <= 0 || h <= 0) throw ImportError(name + ": the image" + where + " has no pixels");
  if (w > ocr::kMaxSide || h > ocr::kMaxSide || static_cast<double>(w) * static_cast<double>(h) > ocr::kMaxPagePixels)
    throw ImportError(name + ": the image" + where + " is " + std::to_string(w) + " x " + std::to_string(h) +
                      " pixels, over the limit of " + std::to_string(static_cast<long>(ocr::kMaxPagePixels / 1e6)) +
                      " million pixels (and " + std::to_string(ocr::kMaxSide) +
                      " a side) for OCR; scale it down (300 dpi is enough) and import it again");
}

}  // namespace

Extracted extract_image_in_process(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  setMsgSeverity(L_SEVERITY_NONE);
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (bytes.size() < 8 || pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0)
    throw ImportError(name + ": not a readable image (PNG, JPEG or TIFF), or damaged");
  if (format != IFF_PNG && format != IFF_JFIF_JPEG && !is_tiff(format))
    throw ImportError(name + ": only PNG, JPEG and TIFF images are read by OCR");
  int pages = 1;
  if (is_tiff(format)) {
    FILE* f = fmemopen(const_cast<l_uint8*>(data), bytes.size(), "rb");
    if (!f) throw ImportError(name + ": the TIFF could not be opened");
    l_int32 count = 0;
    const bool ok = tiffGetCount(f, &count) == 0;
    std::fclose(f);
    if (!ok || count <= 0) throw ImportError(name + ": not a readable TIFF (damaged?)");
    if (static_cast<unsigned>(count) > opt.limits.max_pdf_pages)
      throw ImportError(name + ": the TIFF has " + std::to_string(count) + " pages, over the limit of " +
                        std::to_string(opt.limits.max_pdf_pages) + " per document");
    pages = count;
  }
  Extracted e;
  e.format = "image";
  ocr::Engine engine(ocr::languages(opt.ocr_lang, opt.doc_language));
  std::vector<int> empty;
  size_t words = 0;
  for (int i = 0; i < pages; ++i) {
    if (opt.page_progress) opt.page_progress(i, pages);
    PixPtr pix;
    if (is_tiff(format)) {
      l_int32 res = 0, pcmap = 0, fmt = 0;
      if (readHeaderMemTiff(data, bytes.size(), i, &w, &h, &bps, &spp, &res, &pcmap, &fmt) != 0)
        throw ImportError(name + ": page " + std::to_string(i + 1) + " of the TIFF cannot be read (damaged?)");
      check_size(name, w, h, pages > 1 ? i + 1 : 0);
      pix.reset(pixReadMemTiff(data, bytes.size(), i));
    } else if (format == IFF_JFIF_JPEG) {
      check_size(name, w, h, 0);
      l_int32 warnings = 0;
      pix.reset(pixReadMemJpeg(data, bytes.size(), 0, 1, &warnings, 0));
      if (pix && warnings > 0)
        throw ImportError(name + ": the JPEG is truncated or damaged (the decoder had to make up part of it)");
    } else {
      check_size(name, w, h, 0);
      pix.reset(pixReadMemPng(data, bytes.size()));
    }
    if (!pix) throw ImportError(name + ": the image cannot be decoded (truncated or damaged)");
    // The file's resolution when it gives one, else 300 dpi (a scan's usual one).
    l_int32 xres = pixGetXRes(pix.get());
    const double dpi = xres >= 50 && xres <= 2400 ? xres : 300.0;
    const size_t first = e.blocks.size();
    const int64_t at = e.text_cp < 0 ? 0 : e.text_cp;
    const size_t got = engine.page(e, i + 1, pix.get(), dpi);
    words += got;
    if (got == 0) empty.push_back(i + 1);
    if (pages > 1)
      e.pages.push_back({i + 1, e.blocks.size() > first ? e.blocks[first].start : (e.text.empty() ? at : at + 2)});
  }
  if (opt.page_progress) opt.page_progress(pages, pages);
  const int64_t total = e.text_cp < 0 ? 0 : e.text_cp;
  for (size_t k = e.pages.size(); k-- > 0;) {
    if (e.pages[k].start > total) e.pages[k].start = total;
    if (k + 1 < e.pages.size() && e.pages[k].start > e.pages[k + 1].start) e.pages[k].start = e.pages[k + 1].start;
  }
  if (words == 0) throw ImportError(name + ": OCR found no text in the image");
  const auto q = ocr::quality(e.word_boxes);
  e.notes.push_back(std::to_string(pages) + " page(s) read by OCR: " + std::to_string(words) + " words, " +
                    std::to_string(q.low) + " under confidence " + std::to_string(ocr::kLowConfidence));
  if (!empty.empty() && pages > 1) {
    std::string list;
    for (size_t k = 0; k < empty.size() && k < 12; ++k) list += (k ? ", " : "") + std::to_string(empty[k]);
    e.notes.push_back("OCR found no text on page(s) " + list);
  }
  finish(e, name);
  return e;
}

}  // namespace telaah::ingest
