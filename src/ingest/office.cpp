// Shared output step of the DOCX and ODT readers (see office.h).
#include "ingest/office.h"

#include <algorithm>
#include <cctype>

namespace telaah::ingest::office {

void push_paragraph(std::vector<Para>& out, const std::string& kind, const std::string& text) {
  std::string t = text;
  if (kind != "row") std::replace(t.begin(), t.end(), '\t', ' ');
  if (kind != "p" && kind != "li") {  // a heading or row with a line break stays one block
    std::replace(t.begin(), t.end(), '\n', ' ');
    out.push_back({kind, t});
    return;
  }
  // A manual line break (Shift+Enter) often separates speaker turns in transcripts.
  size_t pos = 0;
  while (pos <= t.size()) {
    size_t nl = t.find('\n', pos);
    out.push_back({kind, t.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos)});
    pos = nl == std::string::npos ? t.size() + 1 : nl + 1;
  }
}

int heading_level_from_style_name(std::string n) {
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  // ODF encodes spaces in style names as _20_.
  std::string decoded;
  for (size_t i = 0; i < n.size(); ++i) {
    if (n.compare(i, 4, "_20_") == 0) {
      decoded += ' ';
      i += 3;
    } else {
      decoded += n[i];
    }
  }
  n = decoded;
  if (n == "title") return 1;
  if (n == "subtitle") return 2;
  for (const char* prefix : {"heading ", "heading"}) {
    const std::string pre = prefix;
    if (n.size() == pre.size() + 1 && n.compare(0, pre.size(), pre) == 0 && n.back() >= '1' && n.back() <= '9')
      return std::min(6, n.back() - '0');
  }
  return 0;
}

void emit(Extracted& e, const std::vector<Para>& paras, const std::vector<Note>& notes, const std::string& name) {
  for (const auto& p : paras) append_block(e, p.text, p.kind);
  mark_turns(e);
  for (const auto& n : notes)
    for (size_t k = 0; k < n.paras.size(); ++k) {
      std::string t = n.paras[k];
      t.erase(0, t.find_first_not_of(" \t"));  // Word puts a space after the note's own number
      append_block(e, k == 0 ? n.marker + " " + t : t, "p");
    }
  if (!notes.empty())
    e.notes.push_back(std::to_string(notes.size()) + " footnote(s) appended at the end, marked [n] in the text");
  finish(e, name);
}

}  // namespace telaah::ingest::office
