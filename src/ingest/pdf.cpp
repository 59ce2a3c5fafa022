// PDF through poppler-cpp: positioned words per page in reading order,
// handed to pdf_layout for paragraphs; the page map; metadata. This runs
// inside the bounded child process of pdf_sandbox.cpp (and in the fuzzer).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>

#include "ingest/importer.h"
#include "ingest/ocr.h"
#include "ingest/pdf_layout.h"
#include "text/utf8.h"

namespace telaah::ingest {

namespace {

void silent(const std::string&, void*) {}

std::string utf8(const poppler::ustring& u) {
  const poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

// Valid, clean, NFC, trimmed: pdf_layout's offsets must survive append_block unchanged.
std::string clean_word(std::string s) {
  if (text::find_invalid_utf8(s)) {
    std::string fixed;
    for (size_t i = 0; i < s.size();) {
      auto bad = text::find_invalid_utf8(std::string_view(s).substr(i));
      if (!bad) {
        fixed.append(s, i, std::string::npos);
        break;
      }
      fixed.append(s, i, *bad);
      fixed += "\xEF\xBF\xBD";
      i += *bad + 1;
      while (i < s.size() && text::is_continuation(static_cast<unsigned char>(s[i]))) ++i;
    }
    s = fixed;
  }
  s = text::to_nfc(clean_text(s));
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  // NBSP inside words becomes a plain space; trim.
  for (size_t p; (p = s.find("\xC2\xA0")) != std::string::npos;) s = s.substr(0, p) + " " + s.substr(p + 2);
  size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool bold_font(std::string f) {
  std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return std::tolower(c); });
  return f.find("bold") != std::string::npos || f.find("black") != std::string::npos ||
         f.find("heavy") != std::string::npos || f.find("semibold") != std::string::npos ||
         f.find("demi") != std::string::npos;
}

// Title metadata that names a file or a tool is not a title.
bool useless_title(const std::string& t) {
  std::string l = t;
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* ext : {".doc", ".docx", ".pdf", ".odt", ".rtf", ".indd", ".tmp"})
    if (l.size() > std::strlen(ext) && l.compare(l.size() - std::strlen(ext), std::string::npos, ext) == 0) return true;
  return l.rfind("microsoft word", 0) == 0 || l == "untitled" || l == "untitled document";
}

std::string pages_list(const std::vector<int>& pages) {
  std::string s;
  for (size_t k = 0; k < pages.size() && k < 12; ++k) s += (k ? ", " : "") + std::to_string(pages[k]);
  if (pages.size() > 12) s += ", …";
  return s;
}

}  // namespace

Extracted extract_pdf_in_process(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  poppler::set_debug_error_function(silent, nullptr);
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) throw ImportError(name + ": the PDF is too large to read");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    throw ImportError(name + ": not a readable PDF (damaged, truncated, or encrypted in a way that cannot be opened)");
  if (doc->is_locked())
    throw ImportError(
        name + ": the PDF is encrypted with a password; save an unprotected copy (or print it to PDF) and import that");
  const int n = doc->pages();
  if (n <= 0) throw ImportError(name + ": the PDF has no pages");
  if (static_cast<unsigned>(n) > opt.limits.max_pdf_pages)
    throw ImportError(name + ": the PDF has " + std::to_string(n) + " pages, over the limit of " +
                      std::to_string(opt.limits.max_pdf_pages) + " per document");

  std::vector<pdf::Page> pages(static_cast<size_t>(n));
  std::vector<int> empty_pages;
  size_t words = 0;
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      empty_pages.push_back(i + 1);
      continue;
    }
    const poppler::rectf r = page->page_rect();
    pages[i].width = r.width();
    pages[i].height = r.height();
    for (const poppler::text_box& b : page->text_list(poppler::page::text_list_include_font)) {
      pdf::Word w;
      w.text = clean_word(utf8(b.text()));
      if (w.text.empty()) continue;
      const poppler::rectf bb = b.bbox();
      w.x0 = bb.left();
      w.x1 = bb.right();
      w.y0 = bb.top();
      w.y1 = bb.bottom();
      w.size = b.has_font_info() ? b.get_font_size() : bb.height();
      w.bold = b.has_font_info() && bold_font(b.get_font_name());
      w.space_after = b.has_space_after();
      pages[i].words.push_back(std::move(w));
    }
    words += pages[i].words.size();
    if (pages[i].words.empty()) empty_pages.push_back(i + 1);
  }
  // Which pages are read by OCR (ocr.h): all, those with (almost) no text layer, or none.
  std::vector<bool> by_ocr(static_cast<size_t>(n), false);
  if (opt.ocr != "always" && opt.ocr != "auto" && opt.ocr != "never")
    throw ImportError("--ocr must be always, auto or never, not '" + opt.ocr + "'");
  int ocr_pages = 0;
  for (int i = 0; i < n; ++i) {
    size_t chars = 0;
    for (const auto& w : pages[i].words) chars += text::count_code_points(w.text);
    by_ocr[i] = opt.ocr == "always" || (opt.ocr == "auto" && chars < static_cast<size_t>(ocr::kMinTextChars));
    ocr_pages += by_ocr[i] ? 1 : 0;
  }
  if (words == 0 && ocr_pages == 0)
    throw ImportError(name + ": the PDF has no text layer — import it with --ocr auto to read it by OCR");

  Extracted e;
  e.format = "pdf";
  std::unique_ptr<ocr::Engine> engine;
  int ocr_done = 0;
  size_t ocr_words = 0, furniture = 0, hyphens = 0;
  std::vector<int> ocr_empty;
  // Pages run by run: consecutive text-layer pages through the layout (their
  // headers, columns and paragraphs across pages), each OCR'd page on its own.
  for (int i = 0; i < n;) {
    if (by_ocr[i]) {
      if (!engine) engine = std::make_unique<ocr::Engine>(ocr::languages(opt.ocr_lang, opt.doc_language));
      if (opt.page_progress) opt.page_progress(ocr_done, ocr_pages);
      const size_t first_block = e.blocks.size();
      const int64_t at = e.text_cp < 0 ? static_cast<int64_t>(text::count_code_points(e.text)) : e.text_cp;
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      size_t got = 0;
      if (page) {
        const poppler::rectf r = page->page_rect();
        const double dpi = ocr::render_dpi(r.width(), r.height());
        poppler::page_renderer renderer;
        renderer.set_image_format(poppler::image::format_gray8);
        renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
        renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
        const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
        if (img.is_valid() && img.width() > 0 && img.height() > 0)
          got = engine->page(e, i + 1, reinterpret_cast<const unsigned char*>(img.const_data()), img.width(),
                             img.height(), img.bytes_per_row(), dpi);
      }
      ocr_words += got;
      if (got == 0) ocr_empty.push_back(i + 1);
      e.pages.push_back(
          {i + 1, e.blocks.size() > first_block ? e.blocks[first_block].start : (e.text.empty() ? at : at + 2)});
      ++ocr_done;
      ++i;
      continue;
    }
    int j = i;
    while (j < n && !by_ocr[j]) ++j;
    std::vector<pdf::Page> run(pages.begin() + i, pages.begin() + j);
    const pdf::Layout lay = pdf::layout(run);
    furniture += lay.furniture_removed;
    hyphens += lay.hyphens_repaired;
    std::vector<size_t> block_at;  // layout block -> Extracted block (append_block skips nothing we hand it)
    const size_t before = e.blocks.size();
    for (const auto& b : lay.blocks) {
      block_at.push_back(e.blocks.size());
      append_block(e, b.text, b.kind, b.page + i);
    }
    if (e.blocks.size() - before != lay.blocks.size())
      throw InternalError(name + ": PDF layout produced an empty block");
    const int64_t len = e.text_cp < 0 ? static_cast<int64_t>(text::count_code_points(e.text)) : e.text_cp;
    for (const auto& s : lay.starts) {
      int64_t cp = len;
      if (s.block < lay.blocks.size()) {
        const auto& t = lay.blocks[s.block].text;
        const auto& blk = e.blocks[block_at[s.block]];
        cp = std::min(blk.end, blk.start + static_cast<int64_t>(text::count_code_points(
                                               std::string_view(t).substr(0, std::min(s.offset, t.size())))));
      }
      if (!e.pages.empty() && cp < e.pages.back().start) cp = e.pages.back().start;
      e.pages.push_back({s.page + i, cp});
    }
    i = j;
  }
  if (ocr_pages > 0 && opt.page_progress) opt.page_progress(ocr_pages, ocr_pages);
  // A page with nothing (a blank scan) starts where the next text does: the page map stays in order.
  const int64_t total = e.text_cp < 0 ? static_cast<int64_t>(text::count_code_points(e.text)) : e.text_cp;
  for (size_t k = e.pages.size(); k-- > 0;) {
    if (e.pages[k].start > total) e.pages[k].start = total;
    if (k + 1 < e.pages.size() && e.pages[k].start > e.pages[k + 1].start) e.pages[k].start = e.pages[k + 1].start;
  }
  std::erase_if(empty_pages, [&](int p) { return by_ocr[p - 1]; });
  mark_turns(e);

  e.title = utf8(doc->info_key("Title"));
  if (useless_title(e.title)) e.title.clear();
  e.author = utf8(doc->info_key("Author"));
  if (time_t t = doc->info_date_t("CreationDate"); t > 0) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    e.date = buf;
  }
  if (e.title.empty())
    for (const auto& b : e.blocks)
      if (b.kind == "h1") {
        text::OffsetMap m(e.text);
        e.title = std::string(text::slice_cp(e.text, m, b.start, b.end));
        break;
      }
  if (!empty_pages.empty())
    e.notes.push_back("page(s) " + pages_list(empty_pages) + " have no text layer (scanned?) — import with --ocr auto");
  if (ocr_pages > 0) {
    const auto q = ocr::quality(e.word_boxes);
    e.notes.push_back(std::to_string(ocr_pages) + " page(s) read by OCR: " + std::to_string(ocr_words) + " words, " +
                      std::to_string(q.low) + " under confidence " + std::to_string(ocr::kLowConfidence));
  }
  if (!ocr_empty.empty()) e.notes.push_back("OCR found no text on page(s) " + pages_list(ocr_empty));
  if (furniture)
    e.notes.push_back(std::to_string(furniture) + " running header, footer and page-number lines left out");
  if (hyphens) e.notes.push_back(std::to_string(hyphens) + " words hyphenated at line ends joined");
  finish(e, name);
  return e;
}

}  // namespace telaah::ingest
