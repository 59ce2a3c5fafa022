// Summary cells as a table; case attributes from CSV (see judgement.h).
#include "exchange/judgement.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "ingest/news.h"
#include "store/project.h"
#include "text/utf8.h"

namespace telaah::exchange {

Table summaries_table(const store::Project& p) {
  Table t;
  t.name = "Summaries";
  t.columns = {"indicator", "dimension", "column", "summary", "cited codings", "broken citations", "coder", "modified"};
  for (const auto& s : store::summaries(p)) {
    std::string cited, broken;
    for (const auto& c : store::citations(p, s)) {
      std::string& into = c.valid ? cited : broken;
      into += (into.empty() ? "" : " ") + std::to_string(c.coding);
    }
    t.rows.push_back(
        {p.code_path(s.code), s.source_type ? "type" : "case", s.column, s.text, cited, broken, s.coder, s.modified});
  }
  return t;
}

namespace {

// Rows of fields, each with the line it starts on.
std::vector<std::pair<int, std::vector<std::string>>> parse_csv(const std::string& in) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  size_t i = in.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  int line = 1;
  while (i < in.size()) {
    std::vector<std::string> fields;
    const int start_line = line;
    std::string f;
    bool quoted = false, was_quoted = false;
    for (;;) {
      if (i >= in.size()) {
        if (quoted) throw ValidationError("row " + std::to_string(rows.size() + 1) + ": a quote is not closed");
        fields.push_back(f);
        break;
      }
      const char c = in[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < in.size() && in[i + 1] == '"') {
            f += '"';
            i += 2;
            continue;
          }
          quoted = false;
          ++i;
          continue;
        }
        if (c == '\n') ++line;
        f += c;
        ++i;
        continue;
      }
      if (c == '"' && f.empty() && !was_quoted) {
        quoted = was_quoted = true;
        ++i;
        continue;
      }
      if (c == ',') {
        fields.push_back(f);
        f.clear();
        was_quoted = false;
        ++i;
        continue;
      }
      if (c == '\r' || c == '\n') {
        fields.push_back(f);
        i += (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
        ++line;
        break;
      }
      if (was_quoted) throw ValidationError("row " + std::to_string(rows.size() + 1) + ": text after a closing quote");
      f += c;
      ++i;
    }
    const bool blank = fields.size() == 1 && fields[0].empty();
    if (!blank) rows.push_back({static_cast<int>(rows.size()) + 1, std::move(fields)});
    (void)start_line;
  }
  return rows;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t k = 0;
  while (k < s.size() && (s[k] == ' ' || s[k] == '\t')) ++k;
  return s.substr(k);
}

}  // namespace

namespace {

// The header's columns: the name, the description, and each attribute's name and type.
struct CaseColumns {
  int name_col = -1, desc_col = -1;
  std::vector<std::pair<std::string, std::string>> attr;  // name, type; empty name: not an attribute
};

CaseColumns case_columns(const std::vector<std::string>& header) {
  CaseColumns cc;
  int& name_col = cc.name_col;
  int& desc_col = cc.desc_col;
  auto& attr = cc.attr;
  attr.resize(header.size());
  std::set<std::string> seen;
  for (size_t c = 0; c < header.size(); ++c) {
    std::string h = trim(header[c]);
    if (h == "name" || h == "case") {
      name_col = static_cast<int>(c);
      continue;
    }
    if (h == "description") {
      desc_col = static_cast<int>(c);
      continue;
    }
    std::string type = "text";
    if (auto colon = h.rfind(':'); colon != std::string::npos) {
      type = trim(h.substr(colon + 1));
      h = trim(h.substr(0, colon));
    }
    if (h.empty()) throw ValidationError("row 1: column " + std::to_string(c + 1) + " has no name");
    if (type != "text" && type != "number" && type != "date" && type != "boolean")
      throw ValidationError("row 1: column '" + h + "' has the type '" + type +
                            "' (use text, number, date or boolean)");
    if (!seen.insert(h).second) throw ValidationError("row 1: the column '" + h + "' appears twice");
    attr[c] = {h, type};
  }
  if (name_col < 0) throw ValidationError("row 1: the header has no 'name' column");
  return cc;
}

// The data rows (rows[0] is the header) as cases.
std::vector<store::CaseRow> case_rows_of(const std::vector<std::pair<int, std::vector<std::string>>>& rows) {
  const auto& header = rows[0].second;
  const CaseColumns cc = case_columns(header);
  const int name_col = cc.name_col, desc_col = cc.desc_col;
  const auto& attr = cc.attr;
  std::vector<store::CaseRow> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& [line, fields] = rows[r];
    if (fields.size() != header.size())
      throw ValidationError("row " + std::to_string(line) + ": " + std::to_string(fields.size()) +
                            " fields, but the header has " + std::to_string(header.size()));
    store::CaseRow row;
    row.line = line;
    row.name = trim(fields[static_cast<size_t>(name_col)]);
    if (desc_col >= 0) row.description = fields[static_cast<size_t>(desc_col)];
    for (size_t c = 0; c < fields.size(); ++c) {
      if (attr[c].first.empty()) continue;
      const std::string v = trim(fields[c]);
      if (v.empty()) continue;
      row.attributes.push_back({attr[c].first, attr[c].second, v});
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::vector<store::CaseRow> parse_cases_csv(const std::string& bytes) {
  text::require_valid_utf8(bytes, "the CSV file");
  const auto rows = parse_csv(bytes);
  if (rows.empty()) throw ValidationError("the CSV file is empty (it needs a header row with a 'name' column)");
  return case_rows_of(rows);
}

std::vector<store::CaseRow> parse_cases_xlsx(const std::string& bytes) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  std::vector<ingest::news::SheetRow> sheet;
  ingest::news::read_xlsx_rows("the XLSX file", bytes,
                               [&](ingest::news::SheetRow&& r) { sheet.push_back(std::move(r)); });
  // Rows of empty cells are not cases (a sheet often carries formatted blank rows).
  std::erase_if(sheet, [](const ingest::news::SheetRow& r) {
    return std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return trim(c).empty(); });
  });
  if (sheet.empty())
    throw ValidationError("the XLSX file's first sheet is empty (it needs a header row with a 'name' column)");
  // The header's width: its last named cell. A data row may omit trailing empty cells.
  std::vector<std::string> header = sheet[0].cells;
  while (!header.empty() && trim(header.back()).empty()) header.pop_back();
  const CaseColumns cc = case_columns(header);
  for (auto& r : sheet) {
    for (const auto& c : r.cells) text::require_valid_utf8(c, "row " + std::to_string(r.number) + " of the XLSX file");
    if (&r != &sheet[0]) {
      size_t used = r.cells.size();
      while (used > header.size() && trim(r.cells[used - 1]).empty()) --used;
      r.cells.resize(std::max(used, header.size()));
      r.numeric.resize(r.cells.size());
      // A date attribute holding Excel's day numbers.
      for (size_t c = 0; c < header.size(); ++c)
        if (cc.attr[c].second == "date" && r.numeric[c] && !r.cells[c].empty())
          if (std::string d = ingest::news::excel_date(r.cells[c]); !d.empty()) r.cells[c] = d;
    } else {
      r.cells = header;
    }
    rows.emplace_back(static_cast<int>(r.number), std::move(r.cells));
  }
  return case_rows_of(rows);
}

std::vector<store::CaseRow> parse_cases_file(const std::string& name, const std::string& bytes) {
  std::string ext = std::filesystem::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx" ? parse_cases_xlsx(bytes) : parse_cases_csv(bytes);
}

}  // namespace telaah::exchange
