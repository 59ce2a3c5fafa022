// Plain text and Markdown: decoded text, line endings, paragraphs, turns.
#include <algorithm>
#include <cstring>
#include <map>

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

// Column ranges of a line of dash groups ("  ------- -------"), or none.
static std::vector<std::pair<size_t, size_t>> dash_groups(const std::string& line) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    if (line[i] != '-') return {};
    size_t b = i;
    while (i < line.size() && line[i] == '-') ++i;
    if (i - b < 2) return {};
    out.push_back({b, i});
  }
  return out;
}

// A simple-table line cut into cells at the columns' starts (byte columns: pandoc pads with spaces).
template <class Strip>
static std::string cut_row(const std::string& line, const std::vector<std::pair<size_t, size_t>>& cols, Strip strip) {
  std::string row;
  for (size_t k = 0; k < cols.size(); ++k) {
    const size_t b = k == 0 ? 0 : cols[k].first;
    const size_t e = k + 1 < cols.size() ? cols[k + 1].first : std::string::npos;
    std::string cell = b < line.size() ? line.substr(b, e == std::string::npos ? e : e - b) : "";
    size_t cb = cell.find_first_not_of(' '), ce = cell.find_last_not_of(' ');
    cell = cb == std::string::npos ? "" : cell.substr(cb, ce - cb + 1);
    row += (k ? "\t" : "") + strip(cell);
  }
  return row;
}

// Markdown: keep the text, drop the markup; headings and list items become paragraphs.
Extracted extract_markdown(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "md";
  const std::string s = decoded_text(name, bytes, opt, e.notes);
  // Footnotes: [^id] references become [n]; definitions are appended at the end, as in DOCX.
  std::map<std::string, int> note_number;
  std::map<int, std::string> note_text;
  auto note_marker = [&](const std::string& id) {
    auto it = note_number.find(id);
    if (it == note_number.end()) it = note_number.emplace(id, static_cast<int>(note_number.size()) + 1).first;
    return "[" + std::to_string(it->second) + "]";
  };
  auto is_word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80); };
  auto strip_inline = [&](std::string line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if ((c == '*' || c == '_') && (i + 1 < line.size() && line[i + 1] == c)) {
        ++i;
        continue;
      }  // ** __
      const bool space_before = i == 0 || line[i - 1] == ' ';
      const bool space_after = i + 1 >= line.size() || line[i + 1] == ' ';
      if (c == '*' && !(space_before && space_after)) continue;  // *emphasis*; a lone " * " stays
      if (c == '_' && !(i > 0 && is_word(line[i - 1]) && i + 1 < line.size() && is_word(line[i + 1]))) continue;
      if (c == '`') continue;
      if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
        out += line[++i];  // \* \_ \# ...
        continue;
      }
      if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') continue;  // ![alt](src) -> alt
      if (c == '[' && i + 1 < line.size() && line[i + 1] == '^') {          // [^1] -> [1]
        size_t close = line.find(']', i);
        if (close != std::string::npos) {
          out += note_marker(line.substr(i + 2, close - i - 2));
          i = close;
          continue;
        }
      }
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
  int in_note = 0;  // the footnote a definition's continuation lines belong to
  std::string para;
  int para_lines = 0;  // lines in the current paragraph
  auto flush = [&](const std::string& kind = "p") {
    if (!para.empty()) append_block(e, strip_inline(para), kind);
    para.clear();
    para_lines = 0;
  };
  size_t pos = 0;
  bool in_front_matter = false, in_code = false;
  int line_no = 0;
  std::string last_line;                           // the previous line as written (a simple table's header)
  std::vector<std::pair<size_t, size_t>> columns;  // pandoc simple table: dash groups
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    std::string line = s.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? s.size() + 1 : nl + 1;
    ++line_no;
    const std::string previous = last_line;
    last_line = line;
    if (!in_code && !in_front_matter) {
      // Simple tables (pandoc's default): a header line, dashes per column, rows until a blank line.
      auto groups = dash_groups(line);
      if (columns.empty() && groups.size() >= 2 && para_lines == 1) {
        columns = groups;
        para.clear();
        para_lines = 0;
        append_block(e, cut_row(previous, columns, strip_inline), "row");
        continue;
      }
      if (!columns.empty()) {
        if (line.find_first_not_of(' ') == std::string::npos)
          columns.clear();
        else if (groups.empty())
          append_block(e, cut_row(line, columns, strip_inline), "row");
        continue;
      }
    }
    if (line_no == 1 && line == "---") {
      in_front_matter = true;
      continue;
    }
    if (in_front_matter) {
      if (line == "---" || line == "...")
        in_front_matter = false;
      else if (line.rfind("title:", 0) == 0)
        e.title = line.substr(6);
      else if (line.rfind("author:", 0) == 0)
        e.author = line.substr(7);
      else if (line.rfind("date:", 0) == 0)
        e.date = line.substr(5);
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      flush();
      in_code = !in_code;
      continue;
    }
    size_t ind = line.find_first_not_of(' ');
    if (ind == std::string::npos) {
      flush();
      para_lines = 0;
      continue;
    }
    std::string t = line.substr(ind);
    if (in_code) {
      append_block(e, t, "p");
      continue;
    }
    if (t.rfind("[^", 0) == 0 && t.find("]:") != std::string::npos) {  // [^1]: the note's text
      flush();
      const size_t close = t.find("]:");
      const std::string marker = note_marker(t.substr(2, close - 2));
      in_note = std::stoi(marker.substr(1));
      std::string body = t.substr(close + 2);
      body.erase(0, body.find_first_not_of(' '));
      note_text[in_note] = strip_inline(body);
      continue;
    }
    if (in_note && ind >= 4 && para.empty()) {  // an indented continuation of the note
      note_text[in_note] += " " + strip_inline(t);
      continue;
    }
    in_note = 0;
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
    const std::string bare = t.substr(0, t.find_last_not_of(' ') + 1);
    if (bare.size() >= 3 && bare.find_first_not_of('=') == std::string::npos && !para.empty()) {
      flush("h1");
      continue;
    }
    if (t.size() >= 3 &&
        (t.find_first_not_of("- ") == std::string::npos || t.find_first_not_of("* ") == std::string::npos ||
         t.find_first_not_of("_ ") == std::string::npos)) {
      flush(bare.find_first_not_of('-') == std::string::npos && !para.empty() ? "h2" : "p");
      continue;
    }
    if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t.size() > 1 && t[1] == ' ') {
      flush();
      para = t.substr(2);
      flush("li");
      continue;
    }
    size_t dig = t.find_first_not_of("0123456789");
    if (dig != std::string::npos && dig > 0 && dig + 1 < t.size() && (t[dig] == '.' || t[dig] == ')') &&
        t[dig + 1] == ' ') {
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
    ++para_lines;
  }
  flush();
  if (e.blocks.empty()) throw ImportError(name + ": the file holds no text");
  mark_turns(e);
  for (const auto& [n, t] : note_text) append_block(e, "[" + std::to_string(n) + "] " + t, "p");
  if (!note_text.empty())
    e.notes.push_back(std::to_string(note_text.size()) + " footnote(s) appended at the end, marked [n] in the text");
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
