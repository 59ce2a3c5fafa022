// Plain text and Markdown: decoded text, line endings, paragraphs, turns.
#include <algorithm>
#include <cstring>

#include "ingest/importer.h"
#include "text/utf8.h"

namespace telaah::ingest {

static std::string first_line_title(const std::string& body, const std::string& fallback) {
  size_t b = body.find_first_not_of(" \n");
  if (b == std::string::npos) return fallback;
  size_t e = body.find('\n', b);
  std::string line = body.substr(b, e == std::string::npos ? std::string::npos : e - b);
  while (!line.empty() && (line.front() == '#' || line.front() == ' ')) line.erase(line.begin());
  if (line.empty() || text::count_code_points(line) > 120) return fallback;
  return line;
}

// Decoded, NFC, \n line endings, control characters dropped.
static std::string decoded_text(const std::string& name, std::string_view bytes, const ImportOptions& opt,
                                std::vector<std::string>& notes) {
  std::string s = decode_to_utf8(bytes, opt.encoding, name, &notes);
  if (s.find('\0') != std::string::npos) throw ImportError(name + ": contains NUL bytes; this is not a text file");
  return text::to_nfc(clean_text(text::normalise_newlines(s)));
}

Extracted extract_plain(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "txt";
  e.text = decoded_text(name, bytes, opt, e.notes);
  e.blocks = text::split_paragraphs(e.text);
  mark_turns(e);
  e.title = first_line_title(e.text, stem_of(name));
  finish(e, name);
  return e;
}

// Markdown: keep the text, drop the markup; headings and list items become paragraphs.
Extracted extract_markdown(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "md";
  const std::string s = decoded_text(name, bytes, opt, e.notes);
  auto strip_inline = [](std::string line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if ((c == '*' || c == '_') && (i + 1 < line.size() && line[i + 1] == c)) { ++i; continue; }  // ** __
      if (c == '*' && (i == 0 || line[i - 1] == ' ' || (i + 1 < line.size() && line[i + 1] != ' '))) continue;
      if (c == '`') continue;
      if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
        out += line[++i];  // \* \_ \# ...
        continue;
      }
      if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') continue;  // ![alt](src) -> alt
      if (c == '[') {  // [text](url) -> text
        size_t close = line.find("](", i);
        size_t end = close == std::string::npos ? std::string::npos : line.find(')', close);
        if (close != std::string::npos && end != std::string::npos) {
          out += line.substr(i + 1, close - i - 1);
          i = end;
          continue;
        }
      }
      out += c;
    }
    return out;
  };
  std::string para;
  auto flush = [&](const std::string& kind = "p") {
    if (!para.empty()) append_block(e, strip_inline(para), kind);
    para.clear();
  };
  size_t pos = 0;
  bool in_front_matter = false, in_code = false;
  int line_no = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    std::string line = s.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? s.size() + 1 : nl + 1;
    ++line_no;
    if (line_no == 1 && line == "---") { in_front_matter = true; continue; }
    if (in_front_matter) {
      if (line == "---" || line == "...") in_front_matter = false;
      else if (line.rfind("title:", 0) == 0) e.title = line.substr(6);
      else if (line.rfind("author:", 0) == 0) e.author = line.substr(7);
      else if (line.rfind("date:", 0) == 0) e.date = line.substr(5);
      continue;
    }
    if (line.rfind("```", 0) == 0) { flush(); in_code = !in_code; continue; }
    size_t ind = line.find_first_not_of(' ');
    if (ind == std::string::npos) { flush(); continue; }
    std::string t = line.substr(ind);
    if (in_code) { append_block(e, t, "p"); continue; }
    if (t[0] == '#') {
      size_t level = t.find_first_not_of('#');
      if (level != std::string::npos && level <= 6 && t[level] == ' ') {
        flush();
        std::string h = t.substr(level + 1);
        size_t end = h.find_last_not_of("# ");  // closing hashes: "## Title ##"
        h = end == std::string::npos ? "" : h.substr(0, end + 1);
        append_block(e, strip_inline(h), "h" + std::to_string(level));
        continue;
      }
    }
    // "===" / "---" under a paragraph line: a setext heading; alone: a rule.
    if (t.size() >= 3 && t.find_first_not_of("= ") == std::string::npos && !para.empty()) {
      flush("h1");
      continue;
    }
    if (t.size() >= 3 && (t.find_first_not_of("- ") == std::string::npos || t.find_first_not_of("* ") == std::string::npos ||
                          t.find_first_not_of("_ ") == std::string::npos)) {
      flush(t[0] == '-' && !para.empty() ? "h2" : "p");
      continue;
    }
    if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t.size() > 1 && t[1] == ' ') {
      flush();
      para = t.substr(2);
      flush("li");
      continue;
    }
    size_t dig = t.find_first_not_of("0123456789");
    if (dig != std::string::npos && dig > 0 && dig + 1 < t.size() && (t[dig] == '.' || t[dig] == ')') && t[dig + 1] == ' ') {
      flush();
      para = t.substr(dig + 2);
      flush("li");
      continue;
    }
    if (t[0] == '|') {  // table row: cells tab-separated; separator rows dropped
      flush();
      if (t.find_first_not_of("|-: ") == std::string::npos) continue;
      std::string row;
      size_t a = 1;
      while (a < t.size()) {
        size_t b = t.find('|', a);
        std::string cell = t.substr(a, b == std::string::npos ? std::string::npos : b - a);
        size_t cb = cell.find_first_not_of(' '), ce = cell.find_last_not_of(' ');
        cell = cb == std::string::npos ? "" : cell.substr(cb, ce - cb + 1);
        if (b == std::string::npos && cell.empty()) break;
        row += (row.empty() ? "" : "\t") + strip_inline(cell);
        if (b == std::string::npos) break;
        a = b + 1;
      }
      append_block(e, row, "row");
      continue;
    }
    if (t[0] == '>') t = t.substr(t.size() > 1 && t[1] == ' ' ? 2 : 1);
    para += (para.empty() ? "" : " ") + t;
  }
  flush();
  if (e.blocks.empty()) throw ImportError(name + ": the file holds no text");
  mark_turns(e);
  auto trim = [](std::string v) {
    size_t b = v.find_first_not_of(" \"'"), en = v.find_last_not_of(" \"'");
    return b == std::string::npos ? std::string() : v.substr(b, en - b + 1);
  };
  e.title = trim(e.title);
  e.author = trim(e.author);
  e.date = trim(e.date);
  if (e.title.empty())
    for (const auto& b : e.blocks)
      if (b.kind == "h1") {
        text::OffsetMap m(e.text);
        e.title = std::string(text::slice_cp(e.text, m, b.start, b.end));
        break;
      }
  finish(e, name);
  return e;
}

}  // namespace telaah::ingest
