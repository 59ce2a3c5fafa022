// Importers: turn a file's bytes into normalised text with its structure
// (paragraphs, headings, speaker turns, page map) and metadata.
// Importers never touch the project; batch.h puts their results into it.
#pragma once
#include <cstdint>
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
  uint64_t max_file_bytes = 256ull << 20;        // per file
  uint64_t max_zip_entries = 10000;
  uint64_t max_zip_total = 512ull << 20;         // uncompressed bytes of all entries read
  double max_zip_ratio = 200.0;                  // uncompressed / compressed per entry
  unsigned pdf_seconds = 60;                     // PDF extraction wall time
  uint64_t pdf_memory = 2048ull << 20;           // PDF extraction address space
};

struct ImportOptions {
  std::string encoding;  // "" = detect; utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1
  std::string format;    // "" = by extension and content; txt, md, html, docx, odt, pdf
  Limits limits;
};

struct Extracted {
  std::string format;  // what was recognised
  std::string title, author, date, language;
  std::string text;                 // NFC, \n line endings, valid UTF-8
  std::vector<text::Block> blocks;  // code points of `text`
  std::vector<store::Page> pages;
  std::vector<std::string> notes;   // what the importer did that the user should know
};

// Extracts one file. `name` is used for the format guess and in messages.
Extracted extract(const std::string& name, std::string_view bytes, const ImportOptions& opt = {});

// The format an importer would use for this file ("" when unsupported).
std::string detect_format(const std::string& name, std::string_view bytes);

// Plain-text helpers shared by importers.
std::string decode_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& name,
                           std::vector<std::string>* notes = nullptr);
Extracted extract_plain(const std::string& name, std::string_view bytes, const ImportOptions& opt);
Extracted extract_markdown(const std::string& name, std::string_view bytes, const ImportOptions& opt);

// Builds text and blocks from a list of paragraphs: joined with blank lines.
void append_block(Extracted& e, std::string_view paragraph, const std::string& kind = "p", int page = 0);

}  // namespace telaah::ingest
