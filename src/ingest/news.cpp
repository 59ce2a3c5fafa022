// Multi-article intake, the parts every family shares: recognising a family,
// the column mapping, dates and language, an article as a document, and the
// import of all articles of a batch in one action (news.h).
#include "ingest/news.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "ingest/zip.h"
#include "store/util.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::ingest::news {

namespace {

std::string lower(std::string_view s) {
  std::string o(s);
  std::transform(o.begin(), o.end(), o.begin(), [](unsigned char c) { return std::tolower(c); });
  return o;
}

std::string ext_of(const std::string& name) {
  const auto dot = name.find_last_of('.');
  const auto slash = name.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return lower(name.substr(dot + 1));
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

const char* family_name(Family f) {
  switch (f) {
    case Family::factiva:
      return "factiva";
    case Family::nexis:
      return "nexis";
    case Family::feed:
      return "feed";
    case Family::table:
      return "table";
    case Family::none:
      break;
  }
  return "none";
}

Family parse_family(const std::string& s) {
  if (s.empty() || s == "auto") return Family::none;
  for (Family f : {Family::factiva, Family::nexis, Family::feed, Family::table})
    if (s == family_name(f)) return f;
  throw UserError("--split must be auto, factiva, nexis, feed or table, not '" + s + "'");
}

// --- Mapping ----------------------------------------------------------------

const std::vector<std::string>& roles() {
  static const std::vector<std::string> r = {"text", "title", "date",    "outlet", "author",
                                             "url",  "lang",  "section", "byline"};
  return r;
}

Mapping parse_mapping(const std::string& spec) {
  Mapping m;
  std::stringstream ss(spec);
  std::string pair;
  while (std::getline(ss, pair, ',')) {
    pair = trim(pair);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      throw UserError("--map needs role=column pairs separated by commas, not '" + pair + "'");
    std::string role = lower(trim(pair.substr(0, eq)));
    if (role == "language") role = "lang";
    if (role == "source") role = "outlet";
    if (std::find(roles().begin(), roles().end(), role) == roles().end())
      throw UserError("--map: unknown role '" + role +
                      "' (roles: text, title, date, outlet, author, url, lang, "
                      "section, byline)");
    if (m.role_column.count(role)) throw UserError("--map names the role '" + role + "' twice");
    m.role_column[role] = trim(pair.substr(eq + 1));
  }
  return m;
}

Mapping complete_mapping(const Mapping& in, const std::vector<std::string>& header) {
  static const std::map<std::string, std::vector<std::string>> usual = {
      {"text", {"text", "body", "content", "article", "isi", "full_text", "fulltext", "story"}},
      {"title", {"title", "headline", "judul", "heading"}},
      {"date", {"date", "published", "publish_date", "pubdate", "published_at", "publication_date", "tanggal"}},
      {"outlet", {"outlet", "source", "media", "media_name", "publication", "sumber", "publisher"}},
      {"author", {"author", "authors", "penulis", "writer"}},
      {"url", {"url", "link", "guid"}},
      {"lang", {"lang", "language", "bahasa"}},
      {"section", {"section", "rubrik", "category", "desk"}},
      {"byline", {"byline"}},
  };
  Mapping m = in;
  std::set<std::string> used;
  for (const auto& [r, c] : m.role_column) used.insert(c);
  for (const auto& role : roles()) {
    if (m.role_column.count(role)) continue;
    for (const auto& name : usual.at(role)) {
      auto it = std::find_if(header.begin(), header.end(), [&](const std::string& h) { return lower(h) == name; });
      if (it != header.end() && !used.count(*it)) {
        m.role_column[role] = *it;
        used.insert(*it);
        break;
      }
    }
  }
  return m;
}

// --- Dates --------------------------------------------------------------------

std::string news_date(std::string_view in) {
  const std::string s = trim(in.substr(0, std::min<size_t>(in.size(), 200)));
  if (s.empty()) return "";
  // Numeric with the day first: 07/12/2026, 7.12.2026, 07-12-2026 (optionally a time after it).
  size_t i = 0;
  auto number = [&](size_t max_digits) -> int {
    size_t b = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - b < max_digits) ++i;
    if (i == b) return -1;
    return std::stoi(s.substr(b, i - b));
  };
  if (std::isdigit(static_cast<unsigned char>(s[0]))) {
    const int a = number(2);
    if (a >= 0 && i < s.size() && (s[i] == '/' || s[i] == '.' || s[i] == '-') && i <= 2) {
      const char sep = s[i++];
      const int b = number(2);
      if (b >= 0 && i < s.size() && s[i] == sep) {
        ++i;
        const size_t ys = i;
        const int y = number(4);
        if (y >= 0 && i - ys == 4 && (i == s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))) {
          int day = a, month = b;                        // the documented rule: day first
          if (b > 12 && a <= 12) std::swap(day, month);  // 12/25/2026: only month first makes a date
          char buf[48];
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, month, day);
          return normalise_date(buf);  // checks the calendar (31 April, 29 February)
        }
      }
    }
  }
  // Everything else: ISO 8601 and named months in English and Indonesian,
  // RFC 822 ("Mon, 07 Dec 2026 10:00:00 +0000"), Nexis' "December 7, 2026 Monday".
  return normalise_date(s);
}

std::string date_in_text(std::string_view text) {
  // The first eight non-empty lines; in each, every run of words is tried from each word on.
  size_t pos = 0;
  int lines = 0;
  while (pos < text.size() && lines < 8) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    ++lines;
    if (line.size() > 300) line.resize(300);
    std::vector<size_t> starts = {0};
    for (size_t k = 1; k < line.size(); ++k)
      if ((line[k - 1] == ' ' || line[k - 1] == ',' || line[k - 1] == ':' || line[k - 1] == '(') && line[k] != ' ')
        starts.push_back(k);
    for (size_t st : starts) {
      // Up to four words from here: "7 Desember 2026", "December 7, 2026", "07/12/2026", "2026-12-07".
      std::string_view rest = std::string_view(line).substr(st);
      std::string words;
      size_t taken = 0, k = 0;
      while (k < rest.size() && taken < 4) {
        size_t e = rest.find(' ', k);
        if (e == std::string_view::npos) e = rest.size();
        std::string w(rest.substr(k, e - k));
        while (!w.empty() && (w.back() == ')' || w.back() == '.' || w.back() == ';')) w.pop_back();
        if (!words.empty()) words += ' ';
        words += w;
        ++taken;
        k = e + 1;
        // Shortest first, so "7 Desember 2026 pukul" reads as the date.
        if (taken >= 1) {
          const bool has_digit =
              std::any_of(words.begin(), words.end(), [](unsigned char c) { return std::isdigit(c); });
          if (!has_digit) continue;
          // A lone four-digit number is a year only when nothing else is found; skip it here.
          if (taken == 1 && all_digits(words) && words.size() == 4) continue;
          std::string d = news_date(words);
          if (d.size() == 10) return d;
        }
      }
    }
  }
  return "";
}

// --- Language -----------------------------------------------------------------

std::string detect_language(std::string_view text) {
  // Frequent function words of each language that are not words of the other.
  static const std::set<std::string> id = {"yang",  "dan",  "di",    "ini",   "itu",      "dengan", "untuk",
                                           "tidak", "dari", "dalam", "akan",  "pada",     "juga",   "saya",
                                           "ke",    "kami", "bahwa", "ada",   "oleh",     "sudah",  "karena",
                                           "atau",  "kita", "lebih", "dapat", "tersebut", "mereka", "adalah"};
  static const std::set<std::string> en = {"the",   "and",   "of",   "to",   "is",    "that",  "for",
                                           "with",  "was",   "are",  "this", "have",  "from",  "they",
                                           "which", "were",  "been", "has",  "their", "would", "there",
                                           "what",  "about", "will", "not",  "but",   "we",    "it"};
  int n_id = 0, n_en = 0;
  std::string w;
  size_t seen = 0;
  auto flush = [&] {
    if (w.empty()) return;
    if (w.size() <= 8) {  // no stop word is longer ("tersebut")
      if (id.count(w)) ++n_id;
      if (en.count(w)) ++n_en;
    }
    w.clear();
    ++seen;
  };
  // The first 1,000 words tell (a profile of a 100,000-article import had this at 15% with 5,000).
  for (size_t k = 0; k < text.size() && seen < 1000; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (std::isalpha(c))
      w += static_cast<char>(std::tolower(c));
    else
      flush();
  }
  flush();
  if (n_id >= 3 && n_id >= 2 * n_en) return "id";
  if (n_en >= 3 && n_en >= 2 * n_id) return "en";
  return "";
}

static std::string language_code(const std::string& v) {
  const std::string l = lower(trim(v));
  if (l.empty()) return "";
  if (l == "english" || l == "inggris" || l == "bahasa inggris" || l.rfind("en", 0) == 0) return "en";
  if (l == "indonesian" || l == "bahasa indonesia" || l == "indonesia" || l == "id" || l == "ind" || l == "in" ||
      l.rfind("id-", 0) == 0 || l.rfind("id_", 0) == 0)
    return "id";
  std::string code = l.substr(0, l.find_first_of("-_ "));
  if (code.size() >= 2 && code.size() <= 3 &&
      std::all_of(code.begin(), code.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; }))
    return code;
  return "";
}

// --- Containers ---------------------------------------------------------------

std::string rtf_to_text(std::string_view r) {
  std::string out;
  struct Group {
    bool skip = false;
    int uc = 1;
  };
  std::vector<Group> st{{}};
  int pending_skip = 0;  // characters to drop after \uN
  auto emit = [&](const std::string& s) {
    if (st.back().skip) return;
    if (pending_skip > 0) {
      --pending_skip;
      return;
    }
    out += s;
  };
  auto cp1252 = [](unsigned v) -> std::string {
    static const char32_t hi[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    char32_t c = v >= 0x80 && v < 0xA0 ? hi[v - 0x80] : static_cast<char32_t>(v);
    if (!c) c = 0xFFFD;
    std::string o;
    text::append_utf8(o, c);
    return o;
  };
  size_t k = 0;
  while (k < r.size()) {
    const char c = r[k];
    if (c == '{') {
      st.push_back(st.back());
      ++k;
      if (k + 1 < r.size() && r[k] == '\\' && r[k + 1] == '*') st.back().skip = true;
      continue;
    }
    if (c == '}') {
      if (st.size() > 1) st.pop_back();
      ++k;
      continue;
    }
    if (c == '\\' && k + 1 < r.size()) {
      const char n = r[k + 1];
      if (n == '\\' || n == '{' || n == '}') {
        emit(std::string(1, n));
        k += 2;
        continue;
      }
      if (n == '\'' && k + 3 < r.size()) {
        unsigned v = 0;
        std::from_chars(r.data() + k + 2, r.data() + k + 4, v, 16);
        emit(cp1252(v));
        k += 4;
        continue;
      }
      if (n == '~') {
        emit(" ");
        k += 2;
        continue;
      }
      if (n == '\n' || n == '\r') {
        emit("\n");
        k += 2;
        continue;
      }
      size_t e = k + 1;
      while (e < r.size() && std::isalpha(static_cast<unsigned char>(r[e]))) ++e;
      const std::string word(r.substr(k + 1, e - k - 1));
      size_t ne = e;
      if (ne < r.size() && (r[ne] == '-' || std::isdigit(static_cast<unsigned char>(r[ne])))) {
        ++ne;
        while (ne < r.size() && std::isdigit(static_cast<unsigned char>(r[ne]))) ++ne;
      }
      int param = 0;
      bool has_param = ne > e;
      if (has_param) std::from_chars(r.data() + e, r.data() + ne, param);
      k = ne;
      if (k < r.size() && r[k] == ' ') ++k;  // the delimiter space belongs to the control word
      if (word.empty()) {                    // a control symbol we do not know
        ++k;
        continue;
      }
      static const std::set<std::string> dest = {
          "fonttbl",   "colortbl",          "stylesheet", "info",      "pict",    "header",    "footer",
          "headerl",   "headerr",           "footerl",    "footerr",   "object",  "themedata", "datastore",
          "listtable", "listoverridetable", "rsidtbl",    "generator", "xmlnstbl"};
      if (dest.count(word)) {
        st.back().skip = true;
      } else if (word == "par" || word == "line" || word == "sect" || word == "page" || word == "row") {
        if (!st.back().skip) out += '\n';
      } else if (word == "tab" || word == "cell") {
        if (!st.back().skip) out += '\t';
      } else if (word == "uc" && has_param) {
        st.back().uc = param;
      } else if (word == "u" && has_param) {
        const char32_t cp = static_cast<char32_t>(param < 0 ? param + 65536 : param);
        if (!st.back().skip && cp < 0xD800) text::append_utf8(out, cp);
        if (!st.back().skip && cp >= 0xE000) text::append_utf8(out, cp);
        pending_skip = st.back().uc;
      } else if (word == "emdash") {
        emit("\xE2\x80\x94");
      } else if (word == "endash") {
        emit("\xE2\x80\x93");
      } else if (word == "lquote" || word == "rquote") {
        emit(word == "lquote" ? "\xE2\x80\x98" : "\xE2\x80\x99");
      } else if (word == "ldblquote" || word == "rdblquote") {
        emit(word == "ldblquote" ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
      }
      continue;
    }
    if (c == '\r' || c == '\n') {
      ++k;
      continue;
    }
    emit(std::string(1, c));
    ++k;
  }
  return out;
}

std::vector<std::string> export_lines(const std::string& name, std::string_view bytes) {
  const std::string ext = ext_of(name);
  std::string txt;
  const bool is_zip = bytes.size() > 4 && bytes.substr(0, 2) == "PK";
  if (is_zip || ext == "docx") {
    Extracted e = extract_docx(name, bytes, {});
    txt = std::move(e.text);
  } else if (ext == "rtf" || bytes.substr(0, 5) == "{\\rtf") {
    if (bytes.substr(0, 5) != "{\\rtf") throw ImportError(name + ": not an RTF file (it does not begin with {\\rtf)");
    txt = rtf_to_text(bytes);
  } else {
    const auto g = guess_encoding(bytes);
    std::string utf8 = decode_to_utf8(bytes, g.encoding.empty() ? "utf-8" : g.encoding, name);
    const std::string head = lower(std::string_view(utf8).substr(0, 2048));
    if (ext == "html" || ext == "htm" || head.find("<html") != std::string::npos ||
        head.find("<!doctype html") != std::string::npos) {
      Extracted e = extract_html(name, utf8, {});
      txt = std::move(e.text);
    } else {
      txt = std::move(utf8);
    }
  }
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= txt.size()) {
    size_t nl = txt.find('\n', pos);
    if (nl == std::string::npos) nl = txt.size();
    std::string line = txt.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(clean_text(line));
    pos = nl + 1;
  }
  return lines;
}

// --- Recognising a family ---------------------------------------------------------

static bool factiva_like(const std::vector<std::string>& lines) {
  int hd = 0, other = 0;
  for (const auto& l : lines) {
    const std::string t = trim(l);
    if (t.size() < 2) continue;
    const std::string code = t.substr(0, t.find_first_of(" \t"));
    if (code == "HD") ++hd;
    if (code == "PD" || code == "SN" || code == "AN" || code == "WC" || code == "LP" || code == "TD") ++other;
  }
  return hd >= 1 && other >= 2;
}

static bool nexis_like(const std::vector<std::string>& lines) {
  int docs = 0, end = 0, fields = 0;
  for (const auto& l : lines) {
    const std::string t = lower(trim(l));
    if (t.find(" documents") != std::string::npos && t.find(" of ") != std::string::npos && !t.empty() &&
        std::isdigit(static_cast<unsigned char>(t[0])))
      ++docs;
    if (t == "end of document") ++end;
    if (t.rfind("load-date:", 0) == 0 || t.rfind("length:", 0) == 0 || t.rfind("byline:", 0) == 0 ||
        t.rfind("section:", 0) == 0)
      ++fields;
  }
  return (docs >= 1 || end >= 1) && fields >= 1;
}

Family detect(const std::string& name, std::string_view bytes) {
  const std::string ext = ext_of(name);
  std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 4096));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::string lh = lower(head);
  // Tables: by content first (JSON objects per line, a zip with a workbook), then by name.
  if (bytes.substr(0, 2) == "PK") {
    try {
      ZipArchive z(bytes, Limits{}, name);
      if (z.has("xl/workbook.xml")) return Family::table;
      if (!z.has("word/document.xml")) return Family::none;
    } catch (const ImportError&) {
      return Family::none;
    }
  }
  {
    size_t b = lh.find_first_not_of(" \t\r\n");
    if (b != std::string::npos && lh[b] == '{' && (ext == "jsonl" || ext == "ndjson" || ext == "json" || ext.empty()))
      return Family::table;
  }
  if (ext == "csv" || ext == "tsv" || ext == "tab") return Family::table;
  // Feeds.
  const size_t b = lh.find_first_not_of(" \t\r\n");
  if (b != std::string::npos && lh[b] == '<' &&
      (lh.find("<rss") != std::string::npos ||
       (lh.find("<feed") != std::string::npos && lh.find("http://www.w3.org/2005/atom") != std::string::npos)))
    return Family::feed;
  if (ext == "pdf" || ext == "odt" || ext == "md") return Family::none;
  // Factiva and Nexis: their field markers in the text.
  try {
    const auto lines = export_lines(name, bytes);
    if (factiva_like(lines)) return Family::factiva;
    if (nexis_like(lines)) return Family::nexis;
  } catch (const ImportError&) {
  }
  return Family::none;
}

TableKind table_kind(const std::string& name, std::string_view head) {
  const std::string ext = ext_of(name);
  if (head.substr(0, 2) == "PK" || ext == "xlsx") return TableKind::xlsx;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return TableKind::jsonl;
  size_t b = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (b != std::string_view::npos && head[b] == '{') return TableKind::jsonl;
  if (ext == "tsv" || ext == "tab") return TableKind::tsv;
  // A header line with tabs and no commas is TSV whatever its name.
  const auto nl = head.find('\n');
  const auto first = head.substr(0, nl);
  if (first.find('\t') != std::string_view::npos && first.find(',') == std::string_view::npos) return TableKind::tsv;
  return TableKind::csv;
}

void split_file(const fs::path& file, Family family, const Mapping& map, const Sink& sink, const ImportOptions& opt,
                const std::function<void(uint64_t)>& read_progress) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportError(name + ": cannot open the file");
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  std::error_code ec;
  const uint64_t size = fs::file_size(file, ec);
  auto read_all = [&] {
    if (size > opt.limits.max_file_bytes)
      throw ImportError(name + ": " + std::to_string(size >> 20) + " MB is over the import limit of " +
                        std::to_string(opt.limits.max_file_bytes >> 20) + " MB per file");
    std::string bytes(size, '\0');
    in.clear();
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<size_t>(in.gcount()));
    return bytes;
  };
  if (family == Family::none) {
    if (ext_of(name) == "csv" || ext_of(name) == "tsv" || ext_of(name) == "jsonl" || ext_of(name) == "ndjson")
      family = Family::table;  // streamed: never read whole to find out
    else
      family = detect(name, read_all());
    if (family == Family::none)
      throw ImportError(name + ": not a news export Telaah can split (Factiva, Nexis, RSS/Atom, CSV/TSV/XLSX/JSONL)");
  }
  switch (family) {
    case Family::factiva:
      split_factiva(name, read_all(), sink);
      return;
    case Family::nexis:
      split_nexis(name, read_all(), sink);
      return;
    case Family::feed:
      split_feed(name, read_all(), sink);
      return;
    case Family::table: {
      const TableKind kind = table_kind(name, head);
      if (kind == TableKind::xlsx) {
        split_xlsx(name, read_all(), map, sink);
        return;
      }
      in.clear();
      in.seekg(0);
      split_table_stream(name, in, kind, map, sink, read_progress);
      return;
    }
    case Family::none:
      break;
  }
}

// --- Into the project ------------------------------------------------------------

store::NewDocument to_document(Article&& a, const std::string& file, const std::string& source_type,
                               const std::string& language) {
  const std::string where = file + ": line " + std::to_string(a.line);
  Extracted e;
  std::string para;
  auto flush = [&] {
    if (!trim(para).empty()) append_block(e, para);
    para.clear();
  };
  size_t pos = 0;
  const std::string& t = a.text;
  while (pos <= t.size()) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string::npos) nl = t.size();
    std::string_view line = std::string_view(t).substr(pos, nl - pos);
    if (trim(line).empty())
      flush();
    else {
      if (!para.empty()) para += ' ';
      para += line;
    }
    pos = nl + 1;
  }
  flush();
  e.title = a.title;
  e.author = a.author;
  e.language = a.language;
  if (e.blocks.empty()) {
    if (trim(a.title).empty()) throw ImportError(where + ": the article has neither a title nor a text");
    append_block(e, a.title);  // an article with no body: its title is its text
    e.notes.push_back("no body; the title is its text");
  }
  finish(e, file);
  store::NewDocument d;
  d.title = e.title;
  d.source_type = source_type;
  d.language = !language.empty() ? language : !e.language.empty() ? e.language : detect_language(e.text);
  d.date = a.date;
  d.author = e.author;
  d.original_name = fs::path(file).filename().string() + ":" + std::to_string(a.line);
  // The original kept for an article is its record as read (fields and text):
  // the export holds many articles and is not stored whole for each.
  d.original_bytes = "title: " + a.title + "\noutlet: " + a.outlet + "\ndate: " + a.date + "\nauthor: " + a.author +
                     "\nurl: " + a.url + "\n\n" + a.text;
  d.text = std::move(e.text);
  d.blocks = std::move(e.blocks);
  auto add = [&](const std::string& n, const std::string& v, const char* type = "text") {
    const std::string tv = trim(v);
    if (tv.empty()) return;
    for (const auto& x : d.attributes)
      if (x.name == n) return;
    d.attributes.push_back({n, type, tv});
  };
  add("outlet", a.outlet);
  add("author", a.author);
  add("section", a.section);
  add("url", a.url);
  add("byline", a.byline);
  for (auto& x : a.extra) add(x.name, x.value, x.type.c_str());
  return d;
}

NewsResult import_news(store::Project& p, const std::vector<fs::path>& files, const NewsOptions& opt) {
  NewsResult result;
  if (!opt.dry_run) p.source_type_id(opt.source_type);  // unknown type: a clear error before anything is read
  std::vector<store::NewDocument> chunk;
  std::map<std::string, std::string> seen;  // sha256 of an article's record -> where
  std::optional<store::ActionScope> act;
  std::string label = "Import news articles";
  if (!opt.dry_run) act.emplace(p.begin_action(label));
  size_t first_of_chunk = 0;
  auto flush = [&] {
    if (chunk.empty()) return;
    auto ids = p.add_documents(chunk, label);
    for (size_t k = 0; k < ids.size(); ++k) result.articles[first_of_chunk + k].doc = ids[k];
    chunk.clear();
    first_of_chunk = result.articles.size();
  };
  for (size_t fi = 0; fi < files.size(); ++fi) {
    const std::string name = files[fi].string();
    std::error_code ec;
    const double size = static_cast<double>(std::max<uint64_t>(1, fs::file_size(files[fi], ec)));
    double file_fraction = 0;
    auto read_progress = [&](uint64_t bytes) { file_fraction = std::min(1.0, static_cast<double>(bytes) / size); };
    size_t in_file = 0;
    split_file(
        files[fi], opt.family, opt.mapping,
        [&](Article&& a) {
          if (opt.cancelled && opt.cancelled()) throw ImportError("import cancelled; nothing was imported");
          ++in_file;
          const int64_t line = a.line;
          if (!a.date.empty()) {
            std::string d = news_date(a.date);
            if (d.empty())
              throw ImportError(name + ": line " + std::to_string(line) + ": '" + a.date +
                                "' is not a date Telaah reads; nothing was imported");
            a.date = d;
          }
          std::string lang = language_code(a.language);
          a.language = lang;
          store::NewDocument d = to_document(std::move(a), name, opt.source_type, opt.language);
          const std::string sha = store::sha256_hex(d.original_bytes);
          const std::string where = name + ":" + std::to_string(line);
          if (!opt.allow_duplicates) {
            if (auto dup = p.find_document_by_sha256(sha))
              throw ImportError(where + ": the article is already in the project as document #" + std::to_string(*dup) +
                                "; nothing was imported (--allow-duplicates imports it again)");
            auto [it, fresh] = seen.emplace(sha, where);
            if (!fresh)
              throw ImportError(where + ": the same article as " + it->second +
                                "; nothing was imported (--allow-duplicates keeps both)");
          }
          ArticleSummary s;
          s.file = name;
          s.title = d.title;
          s.date = d.date;
          for (const auto& x : d.attributes)
            if (x.name == "outlet") s.outlet = x.value;
          s.length_cp = static_cast<int64_t>(text::count_code_points(d.text));
          s.line = line;
          result.articles.push_back(std::move(s));
          if (!opt.dry_run) {
            chunk.push_back(std::move(d));
            if (chunk.size() >= 500) flush();
          }
          if (opt.progress)
            opt.progress(result.articles.size(), (static_cast<double>(fi) + file_fraction) / files.size(), name);
        },
        opt.import, read_progress);
    if (in_file == 0) throw ImportError(name + ": no article found in the file; nothing was imported");
  }
  if (opt.dry_run) return result;
  flush();
  if (!result.articles.empty()) {
    act->set_label("Import " + std::to_string(result.articles.size()) + " news articles");
    act->commit();
  }
  if (opt.progress) opt.progress(result.articles.size(), 1.0, "");
  return result;
}

}  // namespace telaah::ingest::news
