// Nexis Uni and LexisNexis exports (DOCX, RTF, HTML, TXT).
//
// Articles are separated by "N of M DOCUMENTS" lines (LexisNexis) or end at
// "End of Document" (Nexis Uni). In an article, the lines before the first
// field are its header: Nexis Uni writes title, outlet, date; LexisNexis
// writes outlet, date, title; the date line tells which. Fields are
// "Byline:", "Section:", "Length:", "Load-Date:", "Language:", "Dateline:",
// "Highlight:", "Graphic:", "Url:" (any case). The text follows a line
// "Body" (Nexis Uni) or the last header field (LexisNexis) and ends at
// "Load-Date:", "Classification", "Notes" or the end of the article. The
// date is the header's, else the Load-Date. A numbering gap ("3 of 5" after
// "1 of 5") means articles are missing from the file: an error.
#include <algorithm>
#include <cctype>

#include "ingest/news.h"

namespace telaah::ingest::news {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// "3 of 12 DOCUMENTS" -> {3, 12}; {0, 0} otherwise.
std::pair<int, int> doc_counter(const std::string& t) {
  const std::string l = lower(t);
  int n = 0, m = 0;
  char word[16] = {0};
  if (std::sscanf(l.c_str(), "%d of %d %15s", &n, &m, word) == 3 && std::string(word) == "documents" && n >= 1 &&
      m >= n)
    return {n, m};
  return {0, 0};
}

const char* const kFields[] = {"byline",    "section",    "length",    "load-date",        "language",     "dateline",
                               "highlight", "graphic",    "url",       "publication-type", "journal-code", "type",
                               "subject",   "geographic", "copyright", "correction-date"};

// "Byline: Ayu" -> {"byline", "Ayu"}; {"", ""} when not a field line.
std::pair<std::string, std::string> field_of(const std::string& t) {
  const auto colon = t.find(':');
  if (colon == std::string::npos || colon > 20) return {};
  const std::string key = lower(trim(t.substr(0, colon)));
  for (const char* f : kFields)
    if (key == f) return {key, trim(t.substr(colon + 1))};
  return {};
}

bool copyright_line(const std::string& t) {
  const std::string l = lower(t);
  return l.rfind("copyright", 0) == 0 || l.rfind("\xc2\xa9", 0) == 0 || l.rfind("(c)", 0) == 0;
}

}  // namespace

void split_nexis(const std::string& name, std::string_view bytes, const Sink& sink) {
  const auto lines = export_lines(name, bytes);
  struct Chunk {
    size_t first = 0, last = 0;  // [first, last) indices into lines
  };
  std::vector<Chunk> chunks;
  int expected = 0, total = 0;
  size_t cur = 0;
  bool open = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string t = trim(lines[i]);
    auto [n, m] = doc_counter(t);
    if (n) {
      if (open && i > cur) chunks.push_back({cur, i});
      if (total && m != total)
        throw ImportError(name + ": line " + std::to_string(i + 1) + ": says " + std::to_string(n) + " of " +
                          std::to_string(m) + " after articles counted of " + std::to_string(total));
      if (n != expected + 1)
        throw ImportError(name + ": line " + std::to_string(i + 1) + ": article " + std::to_string(n) + " of " +
                          std::to_string(m) + " follows article " + std::to_string(expected) +
                          "; articles are missing from the file");
      expected = n;
      total = m;
      cur = i + 1;
      open = true;
      continue;
    }
    if (lower(t) == "end of document") {
      if (!open) cur = chunks.empty() ? 0 : chunks.back().last;
      chunks.push_back({cur, i});
      cur = i + 1;
      open = false;
      continue;
    }
    if (!open && !t.empty() && total == 0) {
      // Nexis Uni: an article begins at its first non-empty line after the previous end.
      cur = i;
      open = true;
    }
  }
  if (open) {
    // The last article without "End of Document": kept when it has a field (a real article).
    bool has_field = false;
    for (size_t i = cur; i < lines.size(); ++i)
      if (!field_of(trim(lines[i])).first.empty()) has_field = true;
    if (has_field) chunks.push_back({cur, lines.size()});
  }
  if (total && expected != total)
    throw ImportError(name + ": the file says " + std::to_string(total) + " documents and holds " +
                      std::to_string(expected) + "; articles are missing from its end");
  size_t count = 0;
  for (const auto& c : chunks) {
    Article a;
    std::vector<std::pair<size_t, std::string>> header;
    size_t i = c.first;
    // Header: non-empty lines before the first field or "Body".
    for (; i < c.last; ++i) {
      const std::string t = trim(lines[i]);
      if (t.empty()) continue;
      if (!field_of(t).first.empty() || lower(t) == "body") break;
      if (copyright_line(t)) continue;
      if (lower(t).rfind("page ", 0) == 0 && t.find(" of ") != std::string::npos) continue;  // a page header
      header.push_back({i + 1, t});
    }
    if (header.empty() && i >= c.last) continue;  // blank space between articles
    a.line = static_cast<int64_t>(header.empty() ? i + 1 : header.front().first);
    // The date line tells the layout.
    size_t date_at = header.size();
    for (size_t k = 0; k < header.size(); ++k)
      if (!news_date(header[k].second).empty()) {
        date_at = k;
        break;
      }
    if (date_at < header.size()) {
      a.date = news_date(header[date_at].second);
      if (date_at >= 2) {  // Nexis Uni: title (maybe on several lines), outlet, date
        for (size_t k = 0; k + 1 < date_at; ++k) a.title += (a.title.empty() ? "" : " ") + header[k].second;
        a.outlet = header[date_at - 1].second;
      } else {  // LexisNexis: outlet, date, title
        if (date_at == 1) a.outlet = header[0].second;
        for (size_t k = date_at + 1; k < header.size(); ++k) a.title += (a.title.empty() ? "" : " ") + header[k].second;
      }
    } else {
      for (size_t k = 0; k + (header.size() > 1 ? 1 : 0) < header.size(); ++k)
        a.title += (a.title.empty() ? "" : " ") + header[k].second;
      if (header.size() > 1) a.outlet = header.back().second;
    }
    if (trim(a.title).empty())
      throw ImportError(name + ": line " + std::to_string(a.line) + ": the article has no title");
    // Fields and body.
    bool body = false, ended = false;
    std::string load_date;
    for (; i < c.last; ++i) {
      const std::string t = trim(lines[i]);
      const std::string l = lower(t);
      if (!body && l == "body") {
        body = true;
        continue;
      }
      auto [key, value] = field_of(t);
      if (key == "load-date" || l == "classification" || l == "notes") ended = true;
      if (!key.empty() && (!body || ended || key == "load-date")) {
        if (key == "byline") {
          a.byline = value;
          std::string au = value;
          if (lower(au).rfind("by ", 0) == 0) au = au.substr(3);
          a.author = trim(au);
        } else if (key == "section")
          a.section = value;
        else if (key == "language")
          a.language = value;
        else if (key == "url")
          a.url = value;
        else if (key == "load-date")
          load_date = value;
        else if (key == "length") {
          std::string n;
          for (char ch : value)
            if (std::isdigit(static_cast<unsigned char>(ch)))
              n += ch;
            else if (ch != ',' && !n.empty())
              break;
          if (!n.empty()) a.extra.push_back({"words", "number", n});
        } else if (key == "dateline")
          a.extra.push_back({"dateline", "text", value});
        else if (key == "highlight")
          a.extra.push_back({"highlight", "text", value});
        else if (key == "publication-type")
          a.extra.push_back({"publication_type", "text", value});
        continue;
      }
      if (ended) continue;
      // LexisNexis has no "Body": the text is what follows the fields.
      if (!body && !t.empty()) body = true;
      if (body) a.text += t + "\n";
    }
    if (a.date.empty() && !load_date.empty()) {
      a.date = news_date(load_date);
      if (a.date.empty())
        throw ImportError(name + ": line " + std::to_string(a.line) + ": Load-Date '" + load_date +
                          "' is not a date Telaah reads");
    }
    // One paragraph per line.
    std::string paras;
    size_t pos = 0;
    while (pos < a.text.size()) {
      size_t nl = a.text.find('\n', pos);
      if (nl == std::string::npos) nl = a.text.size();
      const std::string t = trim(std::string_view(a.text).substr(pos, nl - pos));
      if (!t.empty()) paras += t + "\n\n";
      pos = nl + 1;
    }
    a.text = std::move(paras);
    ++count;
    sink(std::move(a));
  }
  if (count == 0) throw ImportError(name + ": no Nexis article in the file");
}

}  // namespace telaah::ingest::news
