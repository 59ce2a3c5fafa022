// What the DOCX and ODT readers share: paragraphs collected in reading
// order, footnotes numbered by first reference and appended at the end.
#pragma once
#include <string>
#include <vector>

#include "ingest/importer.h"

namespace telaah::ingest::office {

struct Para {
  std::string kind;  // p, h1..h6, li, row
  std::string text;
};

struct Note {
  std::string marker;  // "[1]"
  std::vector<std::string> paras;
};

// Where a comment's anchor begins and ends inside paragraph text: a
// private-use code point (plane 15) that emit() takes out again and turns
// into code-point offsets of the final text. Comment k starts at
// anchor_mark(k, false) and ends at anchor_mark(k, true); at most
// kMaxAnchored comments are anchored (the rest get a point at the end).
constexpr size_t kMaxAnchored = 16384;
std::string anchor_mark(size_t k, bool end);

// Blocks in order, then the notes ("[1] text"); speaker turns; metadata checks.
// `comments` (author, date, text filled) get their start and end from the
// anchor marks in `paras` and `notes`, and one import note each.
void emit(Extracted& e, const std::vector<Para>& paras, const std::vector<Note>& notes, const std::string& name,
          std::vector<Comment> comments = {});

// Splits a paragraph's text at line breaks ('\n'); headings keep one line.
void push_paragraph(std::vector<Para>& out, const std::string& kind, const std::string& text);

// "heading 2" / "Heading_20_2" / "Title" -> 2 / 2 / 1; 0 when not a heading style.
int heading_level_from_style_name(std::string name);

}  // namespace telaah::ingest::office
