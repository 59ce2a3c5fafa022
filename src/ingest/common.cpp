// Helpers every importer shares: building the text block by block, speaker
// turns, date normalisation, and the final consistency check of a result.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "ingest/importer.h"
#include "text/utf8.h"

namespace telaah::ingest {

namespace {

// Replaces invalid UTF-8 sequences with U+FFFD (sources such as PDF strings
// and XML files can carry broken bytes; they must never reach the project).
std::string scrub_utf8(std::string_view s, bool* replaced) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    auto bad = text::find_invalid_utf8(s);
    if (!bad) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, *bad));
    out += "\xEF\xBF\xBD";
    if (replaced) *replaced = true;
    size_t skip = *bad + 1;
    while (skip < s.size() && text::is_continuation(static_cast<unsigned char>(s[skip]))) ++skip;
    s.remove_prefix(std::min(skip, s.size()));
  }
  return out;
}

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space_byte(s[b])) ++b;
  while (e > b && is_space_byte(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Metadata field: valid UTF-8, one line, single spaces, bounded length.
std::string clean_field(const std::string& in, size_t max_cp = 300) {
  std::string s = clean_text(scrub_utf8(in, nullptr));
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space_byte(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (text::count_code_points(out) > max_cp) {
    text::OffsetMap m(out);
    out = std::string(text::slice_cp(out, m, 0, max_cp)) + "…";
  }
  return text::to_nfc(out);
}

int month_from_name(std::string w) {
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  static const std::array<std::array<const char*, 4>, 12> names = {{
      {"january", "januari", "jan", ""},
      {"february", "februari", "feb", "pebruari"},
      {"march", "maret", "mar", ""},
      {"april", "apr", "", ""},
      {"may", "mei", "", ""},
      {"june", "juni", "jun", ""},
      {"july", "juli", "jul", ""},
      {"august", "agustus", "aug", "agu"},
      {"september", "sep", "sept", ""},
      {"october", "oktober", "oct", "okt"},
      {"november", "nov", "nopember", ""},
      {"december", "desember", "dec", "des"},
  }};
  for (int m = 0; m < 12; ++m)
    for (const char* n : names[m])
      if (*n && w == n) return m + 1;
  if (w == "agt" || w == "ags") return 8;
  return 0;
}

bool valid_ymd(int y, int m, int d) {
  if (y < 1000 || y > 2999) return false;
  if (m == 0) return d == 0;
  if (m < 1 || m > 12) return false;
  if (d == 0) return true;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d < 1 || d > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string format_ymd(int y, int m, int d) {
  if (!valid_ymd(y, m, d)) return "";
  char buf[32];
  if (m == 0)
    std::snprintf(buf, sizeof buf, "%04d", y);
  else if (d == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s.substr(0, 6)) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string normalise_date(std::string_view in) {
  std::string s = trim(std::string(in.substr(0, 200)));
  // ISO 8601 and friends: 2011-05-18, 2011-05-18T08:30:00+07:00, 2011/05/18, 2011-05, 2011, 20110518
  if (s.size() >= 4 && all_digits(s.substr(0, 4))) {
    const int y = to_int(s.substr(0, 4));
    if (s.size() == 4) return format_ymd(y, 0, 0);
    if (s.size() >= 8 && all_digits(s.substr(0, 8)) &&
        (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8]))))
      return format_ymd(y, to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
    const char sep = s[4];
    if ((sep == '-' || sep == '/' || sep == '.') && s.size() >= 7 && all_digits(s.substr(5, 2))) {
      const int m = to_int(s.substr(5, 2));
      if (s.size() == 7 || !std::isdigit(static_cast<unsigned char>(s[7]))) {
        if (s.size() >= 10 && s[7] == sep && all_digits(s.substr(8, 2)) &&
            (s.size() == 10 || !std::isdigit(static_cast<unsigned char>(s[10]))))
          return format_ymd(y, m, to_int(s.substr(8, 2)));
        return s.size() == 7 ? format_ymd(y, m, 0) : "";
      }
    }
    return "";
  }
  // Words: "Senin, 18 Mei 2011", "18 May 2011 08:30", "May 18, 2011", "Mei 2011".
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(w);
  for (size_t i = 0; i < words.size(); ++i) {
    int m = month_from_name(words[i]);
    if (!m) continue;
    auto num = [&](size_t k) { return k < words.size() && all_digits(words[k]) ? to_int(words[k]) : -1; };
    auto is_year = [&](size_t k) { return k < words.size() && words[k].size() == 4 && all_digits(words[k]); };
    if (i >= 1 && num(i - 1) >= 1 && num(i - 1) <= 31 && is_year(i + 1)) return format_ymd(num(i + 1), m, num(i - 1));
    if (num(i + 1) >= 1 && num(i + 1) <= 31 && words[i + 1].size() <= 2 && is_year(i + 2))
      return format_ymd(num(i + 2), m, num(i + 1));
    if (is_year(i + 1)) return format_ymd(num(i + 1), m, 0);
    return "";
  }
  return "";
}

std::string stem_of(const std::string& name) {
  std::string base = name.substr(name.find_last_of('/') + 1);
  size_t dot = base.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

void append_block(Extracted& e, std::string_view paragraph, const std::string& kind, int page) {
  bool replaced = false;
  std::string s = clean_text(scrub_utf8(paragraph, &replaced));
  if (replaced &&
      std::find(e.notes.begin(), e.notes.end(), "invalid UTF-8 in the source replaced by U+FFFD") == e.notes.end())
    e.notes.push_back("invalid UTF-8 in the source replaced by U+FFFD");
  // Newlines inside a paragraph become spaces; tabs separate table cells and stay.
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  // Rows keep leading and trailing tabs: they are empty cells that hold the columns in place.
  const bool row = kind == "row";
  size_t b = 0, en = s.size();
  while (b < en && (s[b] == ' ' || (!row && s[b] == '\t'))) ++b;
  while (en > b && (s[en - 1] == ' ' || (!row && s[en - 1] == '\t'))) --en;
  if (s.find_first_not_of(" \t", b) >= en) return;
  std::string p = text::to_nfc(std::string_view(s).substr(b, en - b));
  // Counting the whole text for every block would make long documents quadratic.
  if (e.text_cp < 0) e.text_cp = static_cast<int64_t>(text::count_code_points(e.text));
  if (!e.text.empty()) {
    e.text += "\n\n";
    e.text_cp += 2;
  }
  const int64_t start = e.text_cp;
  e.text += p;
  e.text_cp += static_cast<int64_t>(text::count_code_points(p));
  e.blocks.push_back({start, e.text_cp, kind, "", page});
}

void mark_turns(Extracted& e) {
  std::vector<text::Block> plain;
  std::vector<size_t> where;
  for (size_t i = 0; i < e.blocks.size(); ++i)
    if (e.blocks[i].kind == "p") {
      plain.push_back(e.blocks[i]);
      where.push_back(i);
    }
  text::mark_speaker_turns(e.text, plain);
  // A transcript's speakers speak more than once; a memo's "Perihal:" and
  // "Sifat:" lines, each once, are labels rather than turns.
  std::map<std::string, int> turns;
  for (const auto& b : plain)
    if (b.kind == "turn") ++turns[b.speaker];
  for (auto& b : plain)
    if (b.kind == "turn" && turns[b.speaker] < 2) {
      b.kind = "p";
      b.speaker.clear();
    }
  for (size_t k = 0; k < plain.size(); ++k) e.blocks[where[k]] = plain[k];
}

void finish(Extracted& e, const std::string& name) {
  if (e.blocks.empty() || e.text.empty()) throw ImportError(name + ": the file holds no text");
  // The store trusts these; an importer bug must not become a corrupt project.
  if (text::find_invalid_utf8(e.text) || !text::is_nfc(e.text))
    throw InternalError(name + ": the importer produced text that is not valid UTF-8 in NFC");
  const auto len = static_cast<int64_t>(text::count_code_points(e.text));
  int64_t prev = 0;
  for (const auto& b : e.blocks) {
    if (b.start < prev || b.end < b.start || b.end > len)
      throw InternalError(name + ": the importer produced blocks out of order or outside the text");
    prev = b.end;
  }
  int last_page = 0;
  int64_t last_start = 0;
  for (const auto& p : e.pages) {
    if (p.page <= last_page || p.start < last_start || p.start > len)
      throw InternalError(name + ": the importer produced a page map out of order or outside the text");
    last_page = p.page;
    last_start = p.start;
  }
  e.title = clean_field(e.title);
  e.author = clean_field(e.author);
  // Language tags ("en-US", "id_ID") become ISO 639 codes ("en", "id").
  std::string lang = clean_field(e.language, 16);
  lang = lang.substr(0, lang.find_first_of("-_ "));
  std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool letters = std::all_of(lang.begin(), lang.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
  e.language = letters && lang.size() >= 2 && lang.size() <= 3 ? lang : "";
  if (!e.date.empty()) {
    std::string d = normalise_date(clean_field(e.date));
    if (d.empty())
      e.notes.push_back("date '" + clean_field(e.date, 60) +
                        "' in the file is not a date Telaah understands; left empty");
    e.date = d;
  }
  if (e.title.empty()) e.title = clean_field(stem_of(name));
  if (e.title.empty()) e.title = "untitled";
}

}  // namespace telaah::ingest
