// Plain text and Markdown: encoding detection, line endings, paragraphs.
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>

#include "ingest/importer.h"
#include "text/utf8.h"

namespace telaah::ingest {

static std::string convert_with_icu(std::string_view bytes, const char* charset, const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 4, '\0');
  int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) throw ImportError(name + ": cannot decode the text as " + charset);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string decode_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& name,
                           std::vector<std::string>* notes) {
  auto note = [&](const std::string& s) {
    if (notes) notes->push_back(s);
  };
  std::string enc = encoding;
  std::transform(enc.begin(), enc.end(), enc.begin(), [](unsigned char c) { return std::tolower(c); });
  if (enc == "latin1" || enc == "latin-1") enc = "iso-8859-1";
  if (enc == "cp1252") enc = "windows-1252";
  if (enc == "utf8") enc = "utf-8";
  // Byte-order marks decide first.
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0 && (enc.empty() || enc == "utf-8")) {
    bytes.remove_prefix(3);
    enc = "utf-8";
    note("UTF-8 byte-order mark removed");
  } else if (bytes.size() >= 2 && (enc.empty() || enc.rfind("utf-16", 0) == 0) &&
             (std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0 || std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0)) {
    bool le = bytes[0] == '\xFF';
    bytes.remove_prefix(2);
    if (bytes.size() % 2) throw ImportError(name + ": UTF-16 text with an odd number of bytes (truncated file?)");
    note(std::string("decoded from UTF-16 ") + (le ? "LE" : "BE"));
    std::string s = convert_with_icu(bytes, le ? "UTF-16LE" : "UTF-16BE", name);
    text::require_valid_utf8(s, name);
    return s;
  }
  if (enc.empty()) {
    if (!text::find_invalid_utf8(bytes)) return std::string(bytes);
    // Not UTF-8: legacy Windows text is by far the most common case.
    note("not UTF-8: decoded as Windows-1252 (give --encoding to choose another)");
    enc = "windows-1252";
  }
  if (enc == "utf-8") {
    if (auto bad = text::find_invalid_utf8(bytes))
      throw ImportError(name + ": not valid UTF-8 (first bad byte at position " + std::to_string(*bad) +
                        "); give --encoding windows-1252 or iso-8859-1 if it is legacy text");
    return std::string(bytes);
  }
  if (enc == "utf-16le" || enc == "utf-16be") {
    if (bytes.size() % 2) throw ImportError(name + ": UTF-16 text with an odd number of bytes (truncated file?)");
    return convert_with_icu(bytes, enc == "utf-16le" ? "UTF-16LE" : "UTF-16BE", name);
  }
  if (enc == "windows-1252" || enc == "iso-8859-1") return convert_with_icu(bytes, enc.c_str(), name);
  throw ImportError(name + ": unknown encoding '" + encoding + "' (use utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1)");
}

void append_block(Extracted& e, std::string_view paragraph, const std::string& kind, int page) {
  // Trim, and fold internal newlines of a paragraph to spaces.
  std::string p;
  p.reserve(paragraph.size());
  for (char c : paragraph) p += (c == '\n' || c == '\r' || c == '\t') ? (c == '\t' ? '\t' : ' ') : c;
  size_t b = p.find_first_not_of(' '), en = p.find_last_not_of(' ');
  if (b == std::string::npos) return;
  p = p.substr(b, en - b + 1);
  if (!e.text.empty()) e.text += "\n\n";
  const int64_t start = static_cast<int64_t>(text::count_code_points(e.text));
  e.text += p;
  e.blocks.push_back({start, start + static_cast<int64_t>(text::count_code_points(p)), kind, "", page});
}

static std::string first_line_title(const std::string& body, const std::string& fallback) {
  size_t b = body.find_first_not_of(" \n");
  if (b == std::string::npos) return fallback;
  size_t e = body.find('\n', b);
  std::string line = body.substr(b, e == std::string::npos ? std::string::npos : e - b);
  while (!line.empty() && (line.front() == '#' || line.front() == ' ')) line.erase(line.begin());
  if (line.empty() || text::count_code_points(line) > 120) return fallback;
  return line;
}

static std::string stem_of(const std::string& name) {
  std::string base = name.substr(name.find_last_of('/') + 1);
  size_t dot = base.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

Extracted extract_plain(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "txt";
  std::string s = text::to_nfc(text::normalise_newlines(decode_to_utf8(bytes, opt.encoding, name, &e.notes)));
  if (s.find('\0') != std::string::npos) throw ImportError(name + ": contains NUL bytes; this is not a text file");
  e.text = s;
  e.blocks = text::split_paragraphs(e.text);
  text::mark_speaker_turns(e.text, e.blocks);
  e.title = first_line_title(e.text, stem_of(name));
  if (e.blocks.empty()) throw ImportError(name + ": the file holds no text");
  return e;
}

// Markdown: keep the text, drop the markup; headings and list items become paragraphs.
Extracted extract_markdown(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "md";
  std::string s = text::to_nfc(text::normalise_newlines(decode_to_utf8(bytes, opt.encoding, name, &e.notes)));
  auto strip_inline = [](std::string line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if ((c == '*' || c == '_') && (i + 1 < line.size() && line[i + 1] == c)) { ++i; continue; }  // ** __
      if (c == '*' && (i == 0 || line[i - 1] == ' ' || (i + 1 < line.size() && line[i + 1] != ' '))) continue;
      if (c == '`') continue;
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
      flush();
      size_t level = t.find_first_not_of('#');
      if (level != std::string::npos && level <= 6 && t[level] == ' ') {
        append_block(e, strip_inline(t.substr(level + 1)), "h" + std::to_string(level));
        continue;
      }
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
  text::mark_speaker_turns(e.text, e.blocks);
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
  if (e.title.empty()) e.title = stem_of(name);
  return e;
}

}  // namespace telaah::ingest
