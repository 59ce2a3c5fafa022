// Importers: turn a file's bytes into normalised text with its structure
// (paragraphs, headings, speaker turns, page map) and metadata.
// Importers never touch the project; batch.h puts their results into it.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/errors.h"
#include "store/types.h"
#include "text/structure.h"

namespace telaah::ingest {

// A file that cannot be imported: the message says which file and why.
struct ImportError : UserError {
  using UserError::UserError;
};

struct Limits {
  uint64_t max_file_bytes = 128ull << 20;  // per file (the CLI passes --max-mb)
  // The text of one document (UTF-8 bytes): larger texts are refused. The
  // rule (measured with bench/document_size.cpp, docs/performance.md): import
  // and first indexing of one document stay within 60 s of CPU time and 512 MB
  // of memory on the 2-core reference machine; a 20 MB text took 52.5 s and
  // 222 MB (indexing: 2.6 s per MB, memory bounded by the 4 MB commits).
  // `import --max-mb` raises it knowingly (README, "Files from elsewhere: limits").
  uint64_t max_text_bytes = 20ull << 20;
  uint64_t max_zip_entries = 10000;
  uint64_t max_zip_total = 512ull << 20;  // uncompressed bytes of all entries read
  double max_zip_ratio = 200.0;           // uncompressed / compressed per entry
  unsigned pdf_seconds = 60;              // PDF extraction CPU time (wall time: 4 times that)
  uint64_t pdf_memory = 2048ull << 20;    // PDF extraction address space
  unsigned max_pdf_pages = 5000;          // pages read from one PDF (and from one multi-page TIFF)
  // OCR (issue 24): each page read by OCR adds this much CPU time to the
  // child's budget (and 4 times that to its wall-clock deadline). Measured
  // (tests/test_ocr.cpp, docs/performance.md): half an A4 page at 300 dpi took
  // 1.0-1.2 s of CPU, so a dense full page a few seconds; 30 s leaves room for
  // a slow machine. Memory needs no raise: the reader peaked at 59 MB resident.
  unsigned ocr_page_seconds = 30;
  unsigned max_nesting = 256;  // XML / HTML element depth walked
};

struct ImportOptions {
  std::string encoding;  // "" = detect; utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1 (or any ICU name)
  std::string format;    // "" = by extension and content; txt, md, html, docx, odt, pdf, image
  Limits limits;
  std::string ocr = "auto";  // always | auto | never (ocr.h: which PDF pages are read by OCR)
  std::string ocr_lang;      // Tesseract languages ("ind+eng"); "" = from doc_language (ocr.h)
  std::string doc_language;  // the language the researcher gave the document, if any
  // Called (in this process) as each page is read: done of total pages.
  std::function<void(int done, int total)> page_progress;
  // Polled while a PDF or image is read; true stops and kills the reader.
  std::function<bool()> cancelled;
};

// A reviewer's comment on a span of the text (a Word comment): kept with its
// anchor so that it can become a memo on that span.
struct Comment {
  int64_t start = 0, end = 0;  // code points in Extracted::text; start == end: a point (no range in the file)
  std::string author, date;    // date as normalise_date gives it ("" when none)
  std::string text;            // the comment's paragraphs, one per line
};

struct Extracted {
  std::string format;  // what was recognised
  std::string title, author, date, language;
  std::string text;                 // NFC, \n line endings, valid UTF-8
  std::vector<text::Block> blocks;  // code points of `text`
  std::vector<store::Page> pages;
  std::vector<std::string> notes;          // what the importer did that the user should know
  std::vector<Comment> comments;           // reviewers' comments anchored in `text` (DOCX comments, ODT annotations)
  std::vector<store::WordBox> word_boxes;  // OCR'd words (ocr.h)
  int64_t text_cp = -1;                    // code points in `text`, kept by append_block (-1: not counted yet)
};

// Extracts one file. `name` is used for the format guess and in messages.
// Throws ImportError with a sentence a researcher understands.
Extracted extract(const std::string& name, std::string_view bytes, const ImportOptions& opt = {});

// The format an importer would use for this file ("" when unsupported).
std::string detect_format(const std::string& name, std::string_view bytes);

// --- Encodings (encoding.cpp) ---------------------------------------------
struct EncodingGuess {
  std::string encoding;  // "" = cannot tell
  std::string reason;
};
// BOM, then strict UTF-8, UTF-16 without BOM, Western single-byte text, then ICU's detector.
EncodingGuess guess_encoding(std::string_view bytes);
// Decodes strictly: bytes that are invalid in the encoding are an ImportError.
std::string decode_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& name,
                           std::vector<std::string>* notes = nullptr);
// Drops control characters (except \t \n), stray BOMs and non-characters; valid UTF-8 in.
std::string clean_text(std::string_view s);

// --- One importer per format ------------------------------------------------
Extracted extract_plain(const std::string& name, std::string_view bytes, const ImportOptions& opt);
Extracted extract_markdown(const std::string& name, std::string_view bytes, const ImportOptions& opt);
Extracted extract_html(const std::string& name, std::string_view bytes, const ImportOptions& opt);
Extracted extract_docx(const std::string& name, std::string_view bytes, const ImportOptions& opt);
Extracted extract_odt(const std::string& name, std::string_view bytes, const ImportOptions& opt);
// PDF in a child process bounded by opt.limits (time, address space).
Extracted extract_pdf(const std::string& name, std::string_view bytes, const ImportOptions& opt);
// PDF in this process, unbounded: for the child process and the fuzzer.
Extracted extract_pdf_in_process(const std::string& name, std::string_view bytes, const ImportOptions& opt);
// PNG, JPEG, TIFF (also multi-page) read by OCR, in the bounded child process (image.cpp).
Extracted extract_image(const std::string& name, std::string_view bytes, const ImportOptions& opt);
Extracted extract_image_in_process(const std::string& name, std::string_view bytes, const ImportOptions& opt);

// --- Helpers shared by importers (common.cpp) --------------------------------
// Appends a paragraph as one block: cleaned, NFC, newlines folded to spaces,
// trimmed; blocks are separated by a blank line in the text. Empty paragraphs are skipped.
void append_block(Extracted& e, std::string_view paragraph, const std::string& kind = "p", int page = 0);
// Speaker turns ("Name:" at the start) on plain paragraphs only; headings and rows stay.
void mark_turns(Extracted& e);
// Dates as the store wants them (YYYY-MM-DD, YYYY-MM, YYYY) from ISO 8601
// time stamps, "18 May 2011", "18 Mei 2011", "May 18, 2011", "2011/05/18"; "" when not a date.
std::string normalise_date(std::string_view s);
// The file name without folders and extension.
std::string stem_of(const std::string& name);
// Checks an importer's result (valid UTF-8, NFC, blocks and pages inside the
// text, in order) and fills in a title; throws ImportError when the text is empty.
void finish(Extracted& e, const std::string& name);

}  // namespace telaah::ingest
