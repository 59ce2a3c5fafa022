// Paragraph, sentence, word and speaker-turn detection.
#include "text/structure.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "text/utf8.h"

namespace telaah::text {

bool is_word_char(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  return u_isalnum(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) ||
         u_getCombiningClass(static_cast<UChar32>(c)) != 0 || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

static bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

std::vector<Block> split_paragraphs(std::string_view text) {
  // Decode once into code points with line structure.
  std::vector<std::pair<int64_t, int64_t>> lines;  // code point ranges of lines (without \n)
  std::vector<bool> blank;
  int64_t cp = 0, line_start = 0;
  bool line_blank = true;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = decode_next(text, i);
    if (c == '\n') {
      lines.push_back({line_start, cp});
      blank.push_back(line_blank);
      line_start = cp + 1;
      line_blank = true;
    } else if (!is_space_cp(c)) {
      line_blank = false;
    }
    ++cp;
  }
  lines.push_back({line_start, cp});
  blank.push_back(line_blank);
  bool has_blank_separator = false;
  for (size_t k = 1; k + 1 < lines.size(); ++k)
    if (blank[k] && !blank[k - 1]) {
      has_blank_separator = true;
      break;
    }

  std::vector<Block> out;
  auto trim_push = [&](int64_t s, int64_t e) {
    if (e > s) out.push_back(Block{s, e, "p", "", 0});
  };
  if (has_blank_separator) {
    int64_t s = -1, e = -1;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (blank[k]) {
        if (s >= 0) trim_push(s, e);
        s = -1;
      } else {
        if (s < 0) s = lines[k].first;
        e = lines[k].second;
      }
    }
    if (s >= 0) trim_push(s, e);
  } else {
    for (size_t k = 0; k < lines.size(); ++k)
      if (!blank[k]) trim_push(lines[k].first, lines[k].second);
  }
  // Trim leading and trailing spaces inside each block.
  if (!out.empty()) {
    OffsetMap map(text);
    for (auto& b : out) {
      size_t bs = map.to_byte(b.start), be = map.to_byte(b.end);
      while (bs < be && (text[bs] == ' ' || text[bs] == '\t')) {
        ++bs;
        ++b.start;
      }
      while (be > bs && (text[be - 1] == ' ' || text[be - 1] == '\t')) {
        --be;
        --b.end;
      }
    }
  }
  return out;
}

// `word` is the token before a full stop, without leading quotes or brackets.
static bool ends_with_abbreviation(const std::u32string& word) {
  static const std::array<std::u32string, 26> abbr = {
      U"no",   U"rp", U"dr", U"dll", U"dsb", U"dst", U"e.g", U"i.e", U"st",  U"jl",  U"mr",  U"mrs", U"ms",
      U"prof", U"ir", U"h",  U"tn",  U"ny",  U"bpk", U"vs",  U"etc", U"kab", U"a.n", U"sdr", U"drs", U"hlm"};
  std::u32string w;
  for (char32_t c : word) w += (c < 0x80) ? static_cast<char32_t>(std::tolower(static_cast<int>(c))) : c;
  // Initials ("I. R. Sari") are single letters; a single digit ends a sentence ("naik 5.").
  if (w.size() == 1) return is_word_char(w[0]) && !(w[0] < 0x80 && std::isdigit(static_cast<int>(w[0])));
  return std::find(abbr.begin(), abbr.end(), w) != abbr.end();
}

static bool is_opener(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB;
}

std::vector<Span> split_sentences(std::string_view text, Span within) {
  std::vector<Span> out;
  OffsetMap map(text);
  size_t b = map.to_byte(within.start), e = map.to_byte(within.end);
  std::u32string u;
  size_t i = b;
  while (i < e) u += decode_next(text, i);
  int64_t start = 0;
  const auto n = static_cast<int64_t>(u.size());
  auto is_closer = [](char32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
  };
  for (int64_t k = 0; k < n; ++k) {
    char32_t c = u[k];
    if (c != '.' && c != '?' && c != '!' && c != 0x2026) continue;
    int64_t j = k + 1;
    while (j < n && (is_closer(u[j]) || u[j] == '.' || u[j] == '?' || u[j] == '!')) ++j;
    if (j < n && !is_space_cp(u[j])) continue;  // "3.5", "e.g.x"
    if (c == '.' && j == k + 1) {               // a full stop right after a word (not "...", not ".\"")
      int64_t w = k;
      while (w > start && !is_space_cp(u[w - 1])) --w;
      while (w < k && is_opener(u[w])) ++w;
      std::u32string word = u.substr(w, k - w);
      if (!word.empty() && ends_with_abbreviation(word)) continue;
      // A list number opening the sentence ("1. Pertama") does not end it.
      if (w == start && !word.empty() && std::all_of(word.begin(), word.end(), [](char32_t d) {
            return d < 0x80 && std::isdigit(static_cast<int>(d));
          }))
        continue;
    }
    int64_t next = j;
    while (next < n && is_space_cp(u[next])) ++next;
    if (next < n && u[next] < 0x80 && std::islower(static_cast<int>(u[next]))) continue;  // lowercase continues
    out.push_back({within.start + start, within.start + j});
    start = next;
  }
  if (start < n) {
    int64_t end = n;
    while (end > start && is_space_cp(u[end - 1])) --end;
    if (end > start) out.push_back({within.start + start, within.start + end});
  }
  return out;
}

Span word_at(std::string_view text, int64_t cp) {
  OffsetMap map(text);
  if (cp < 0 || cp >= static_cast<int64_t>(map.size_cp())) return {cp, cp};
  // Walk left and right over word characters (apostrophes and hyphens inside a word count).
  auto at = [&](int64_t p) {
    size_t b = map.to_byte(p);
    return decode_next(text, b);
  };
  auto inner = [&](int64_t p) {
    char32_t c = at(p);
    if (is_word_char(c)) return true;
    if ((c == '\'' || c == 0x2019 || c == '-') && p > 0 && p + 1 < static_cast<int64_t>(map.size_cp()))
      return is_word_char(at(p - 1)) && is_word_char(at(p + 1));
    return false;
  };
  if (!inner(cp)) return {cp, cp + 1};
  int64_t s = cp, e = cp + 1;
  while (s > 0 && inner(s - 1)) --s;
  while (e < static_cast<int64_t>(map.size_cp()) && inner(e)) ++e;
  return {s, e};
}

// Labels that open ordinary prose or document headers, not a speaker's turn
// ("Catatan: ...", "Tanggal: 2017-02-14", "Sumber: BPS").
static bool is_non_speaker_label(std::string_view name) {
  static const std::array<std::string_view, 44> labels = {
      "Catatan", "Keterangan", "Sumber",     "Tanggal",  "Tempat",    "Lokasi",     "Waktu",      "Peran",
      "Hari",    "Perihal",    "Hal",        "Lampiran", "Nomor",     "Kepada",     "Dari",       "Judul",
      "Penulis", "Editor",     "Reporter",   "Foto",     "Baca juga", "Lihat juga", "Kesimpulan", "Kesimpulannya",
      "Saran",   "Contoh",     "Tujuan",     "Hasil",    "Tema",      "Topik",      "Note",       "Notes",
      "Source",  "Date",       "Place",      "Location", "Time",      "Role",       "Subject",    "To",
      "From",    "Title",      "Conclusion", "Example"};
  return std::find(labels.begin(), labels.end(), name) != labels.end();
}

std::string detect_speaker(std::string_view p) {
  p = p.substr(0, p.find('\n'));  // the label is on the paragraph's first line
  size_t i = 0;
  while (i < p.size() && (p[i] == ' ' || p[i] == '\t')) ++i;
  if (i < p.size() && p[i] == '[') {  // [00:01:23] or [01:23]
    size_t j = i + 1;
    while (j < p.size() && (std::isdigit(static_cast<unsigned char>(p[j])) || p[j] == ':' || p[j] == '.')) ++j;
    if (j >= p.size() || p[j] != ']' || j == i + 1) return {};
    i = j + 1;
    while (i < p.size() && p[i] == ' ') ++i;
  }
  size_t colon = p.find(':', i);
  if (colon == std::string_view::npos || colon == i || colon - i > 48) return {};
  if (colon + 1 < p.size() && p[colon + 1] != ' ' && p[colon + 1] != '\t') return {};
  std::string_view name = p.substr(i, colon - i);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty()) return {};
  // A name: starts with an uppercase letter, at most 5 words, no sentence punctuation.
  auto first = static_cast<unsigned char>(name[0]);
  if (first < 0x80 && !std::isupper(first)) return {};
  int words = 0;
  for (size_t w = 0; w < name.size();) {
    size_t e = std::min(name.find(' ', w), name.size());
    std::string_view word = name.substr(w, e - w);
    if (!word.empty()) ++words;
    for (char c : word)
      if (c == ',' || c == ';' || c == '?' || c == '!' || c == '"') return {};
    // A full stop only closes a short title ("Dr. Sari", "Prof. Lee"), never a sentence.
    size_t dot = word.find('.');
    if (dot != std::string_view::npos && (dot + 1 != word.size() || word.size() > 5)) return {};
    w = e + 1;
  }
  if (words > 5 || is_non_speaker_label(name)) return {};
  return std::string(name);
}

void mark_speaker_turns(std::string_view text, std::vector<Block>& blocks) {
  OffsetMap map(text);
  std::vector<std::string> found(blocks.size());
  size_t labelled = 0;
  for (size_t k = 0; k < blocks.size(); ++k) {
    size_t bs = map.to_byte(blocks[k].start), be = map.to_byte(blocks[k].end);
    found[k] = detect_speaker(text.substr(bs, std::min<size_t>(be - bs, 80)));
    labelled += !found[k].empty();
  }
  // One "Name:" paragraph in prose is a label, not a conversation: a
  // transcript has at least two turns.
  if (labelled < 2) return;
  for (size_t k = 0; k < blocks.size(); ++k)
    if (!found[k].empty()) {
      blocks[k].kind = "turn";
      blocks[k].speaker = found[k];
    }
}

}  // namespace telaah::text
