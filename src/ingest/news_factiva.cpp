// Factiva exports (TXT, RTF, HTML): articles as field-coded records.
//
// A field starts at a line that begins with a known two- or three-letter code:
// "HD  Title" (code and value on one line) or "HD" alone with the value on the
// lines below (the other layout). A field's value runs to the next code line.
// HD starts an article; a "Document <accession number>" line ends it. Lines
// outside an article (the export's page headers, "© 2026 Factiva, Inc.",
// a search summary at the end) are ignored. LP and TD are the text (lead
// paragraphs, then the rest), one paragraph per line.
#include <algorithm>
#include <cctype>
#include <set>

#include "ingest/news.h"

namespace telaah::ingest::news {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

const std::set<std::string>& codes() {
  static const std::set<std::string> c = {"HD", "CX",  "BY",  "CR",  "WC", "PD", "ET",  "SN",  "SC", "ED",
                                          "PG", "LA",  "CY",  "LP",  "TD", "CT", "RF",  "CO",  "IN", "NS",
                                          "RE", "IPC", "IPD", "PUB", "AN", "SE", "ART", "VOL", "CLM"};
  return c;
}

// The code that opens this line and the value after it ("" when not a field line).
std::pair<std::string, std::string> field_of(const std::string& line) {
  size_t e = 0;
  while (e < line.size() && e < 4 && std::isupper(static_cast<unsigned char>(line[e]))) ++e;
  if (e < 2 || e > 3) return {};
  if (e < line.size() && line[e] != ' ' && line[e] != '\t') return {};
  const std::string code = line.substr(0, e);
  if (!codes().count(code)) return {};
  return {code, trim(std::string_view(line).substr(e))};
}

bool chrome(const std::string& t) {
  // Lines the export repeats between articles: page headers and footers.
  if (t.find("Factiva, Inc.") != std::string::npos || t.find("Dow Jones") != std::string::npos) return true;
  if (t.rfind("Page ", 0) == 0 && t.find(" of ") != std::string::npos) return true;
  return false;
}

}  // namespace

void split_factiva(const std::string& name, std::string_view bytes, const Sink& sink) {
  const auto lines = export_lines(name, bytes);
  struct Field {
    std::string code;
    std::vector<std::string> lines;
    size_t line = 0;
  };
  std::vector<Field> fields;
  size_t start = 0;
  bool open = false;
  size_t count = 0;
  auto emit = [&] {
    if (!open) return;
    open = false;
    Article a;
    a.line = static_cast<int64_t>(start);
    std::string lp, td;
    for (const auto& f : fields) {
      std::string joined;
      for (const auto& l : f.lines) {
        const std::string t = trim(l);
        if (t.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined += t;
      }
      std::string paras;
      for (const auto& l : f.lines) {
        const std::string t = trim(l);
        if (t.empty()) continue;
        paras += t + "\n\n";
      }
      const auto& c = f.code;
      if (c == "HD")
        a.title = joined;
      else if (c == "BY") {
        a.byline = joined;
        std::string au = joined;
        if (au.rfind("By ", 0) == 0 || au.rfind("by ", 0) == 0 || au.rfind("Oleh ", 0) == 0)
          au = au.substr(au.find(' ') + 1);
        a.author = au;
      } else if (c == "PD") {
        if (joined.empty()) continue;
        a.date = news_date(joined);
        if (a.date.empty())
          throw ImportError(name + ": line " + std::to_string(f.line) + ": PD '" + joined +
                            "' is not a date Telaah reads");
      } else if (c == "SN")
        a.outlet = joined;
      else if (c == "SE")
        a.section = joined;
      else if (c == "LA")
        a.language = joined;
      else if (c == "LP")
        lp += paras;
      else if (c == "TD")
        td += paras;
      else if (c == "WC") {
        std::string n;
        for (char ch : joined)
          if (std::isdigit(static_cast<unsigned char>(ch)))
            n += ch;
          else if (ch != ',' && ch != '.' && !n.empty())
            break;
        if (!n.empty()) a.extra.push_back({"words", "number", n});
      } else if (c == "AN" && !joined.empty()) {
        std::string an = joined;
        if (an.rfind("Document ", 0) == 0) an = an.substr(9);
        a.extra.push_back({"accession", "text", an});
      } else if (c == "SC")
        a.extra.push_back({"source_code", "text", joined});
      else if (c == "PG")
        a.extra.push_back({"page", "text", joined});
      else if (c == "ED")
        a.extra.push_back({"edition", "text", joined});
      else if (c == "CY")
        a.extra.push_back({"copyright", "text", joined});
      else if (c == "ET")
        a.extra.push_back({"time", "text", joined});
    }
    if (trim(a.title).empty())
      throw ImportError(name + ": line " + std::to_string(start) + ": the article has an empty HD (headline)");
    a.text = lp + td;
    fields.clear();
    ++count;
    sink(std::move(a));
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t lineno = i + 1;
    const std::string t = trim(lines[i]);
    auto [code, value] = field_of(t);
    // Inside the text, "IN JAKARTA, ..." is a dateline, not the industry codes
    // field: those fields' values look like "i1 : Industry" (or sit below the code).
    const bool in_text = open && !fields.empty() && (fields.back().code == "LP" || fields.back().code == "TD");
    if (in_text && !code.empty() && code != "TD" && code != "HD" && code != "AN" && !value.empty() &&
        value.find(" : ") == std::string::npos && value.find(" | ") == std::string::npos)
      code.clear();
    if (!code.empty()) {
      if (code == "HD") {
        emit();
        open = true;
        start = lineno;
      } else if (!open) {
        throw ImportError(name + ": line " + std::to_string(lineno) + ": the field " + code +
                          " comes before any HD (headline); is the start of the export missing?");
      }
      fields.push_back({code, {}, lineno});
      if (!value.empty()) fields.back().lines.push_back(value);
      continue;
    }
    if (!open) continue;  // between articles: page headers, the search summary
    if (t.rfind("Document ", 0) == 0 && t.find(' ', 9) == std::string::npos && t.size() > 12) {
      // The accession line that closes an article ("Document ABCD000020261207ekc70001").
      if (fields.back().code == "AN" && fields.back().lines.empty())
        fields.back().lines.push_back(t);  // "AN" alone, the number below
      else
        fields.push_back({"AN", {t}, lineno});
      emit();
      continue;
    }
    if (chrome(t)) continue;
    fields.back().lines.push_back(t);
  }
  emit();
  if (count == 0) throw ImportError(name + ": no Factiva article (no HD field) in the file");
}

}  // namespace telaah::ingest::news
