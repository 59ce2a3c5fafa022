// PDF through poppler-cpp: positioned words per page in reading order,
// handed to pdf_layout for paragraphs; the page map; metadata. This runs
// inside the bounded child process of pdf_sandbox.cpp (and in the fuzzer).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>

#include "ingest/importer.h"
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
  if (words == 0) throw ImportError(name + ": the PDF has no text layer — run OCR first");

  Extracted e;
  e.format = "pdf";
  const pdf::Layout lay = pdf::layout(pages);
  std::vector<size_t> block_at;  // layout block -> Extracted block (append_block skips nothing we hand it)
  for (const auto& b : lay.blocks) {
    block_at.push_back(e.blocks.size());
    append_block(e, b.text, b.kind, b.page);
  }
  if (e.blocks.size() != lay.blocks.size()) throw InternalError(name + ": PDF layout produced an empty block");
  const auto len = static_cast<int64_t>(text::count_code_points(e.text));
  for (const auto& s : lay.starts) {
    int64_t cp = len;
    if (s.block < lay.blocks.size()) {
      const auto& t = lay.blocks[s.block].text;
      const auto& blk = e.blocks[block_at[s.block]];
      cp = std::min(blk.end, blk.start + static_cast<int64_t>(text::count_code_points(
                                             std::string_view(t).substr(0, std::min(s.offset, t.size())))));
    }
    if (!e.pages.empty() && cp < e.pages.back().start) cp = e.pages.back().start;
    e.pages.push_back({s.page, cp});
  }
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
    e.notes.push_back("page(s) " + pages_list(empty_pages) + " have no text layer (scanned?) — run OCR on them");
  if (lay.furniture_removed)
    e.notes.push_back(std::to_string(lay.furniture_removed) + " running header, footer and page-number lines left out");
  if (lay.hyphens_repaired)
    e.notes.push_back(std::to_string(lay.hyphens_repaired) + " words hyphenated at line ends joined");
  finish(e, name);
  return e;
}

}  // namespace telaah::ingest
