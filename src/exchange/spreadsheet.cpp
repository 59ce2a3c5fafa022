// Spreadsheet exports: the tables (codings, codebook) and their writers
// (CSV per RFC 4180, XLSX via libxlsxwriter), both written atomically.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "exchange/archive.h"
#include "exchange/exchange.h"
#include "store/project.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::exchange {

Table codings_table(const store::Project& p) {
  Table t;
  t.name = "Codings";
  t.columns = {"coding", "document id", "document", "source type", "code",      "stance",  "coder",   "quote",
               "memo",   "start",       "end",      "page",        "paragraph", "speaker", "created", "modified"};
  t.numeric = {0, 1, 9, 10, 11, 12};
  std::map<store::Id, std::string> coders;
  for (const auto& c : p.coders()) coders[c.id] = c.name;
  std::map<store::Id, std::string> paths;
  for (const auto& c : p.codes()) paths[c.id] = p.code_path(c.id);
  store::Id cur = 0;
  store::Document doc;
  std::string body;
  text::OffsetMap map;
  std::vector<text::Block> blocks;
  std::vector<store::Page> pages;
  for (const auto& c : p.codings()) {
    if (c.doc != cur) {  // codings come sorted by document
      cur = c.doc;
      doc = p.document(cur);
      body = p.text(cur);
      map = text::OffsetMap(body);
      blocks = p.blocks(cur);
      pages = p.pages(cur);
    }
    std::string page, para, speaker;
    for (const auto& pg : pages)
      if (pg.start <= c.start) page = std::to_string(pg.page);
    for (size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i].start <= c.start && c.start < std::max(blocks[i].end, blocks[i].start + 1)) {
        para = std::to_string(i + 1);
        speaker = blocks[i].speaker;
        if (blocks[i].page > 0 && page.empty()) page = std::to_string(blocks[i].page);
        break;
      }
    t.rows.push_back({std::to_string(c.id), std::to_string(c.doc), doc.title, doc.source_type, paths[c.code],
                      store::to_string(c.stance), coders[c.coder],
                      std::string(text::slice_cp(body, map, static_cast<size_t>(c.start), static_cast<size_t>(c.end))),
                      c.memo, std::to_string(c.start), std::to_string(c.end), page, para, speaker, c.created,
                      c.modified});
  }
  return t;
}

Table codebook_table(const store::Project& p) {
  Table t;
  t.name = "Codebook";
  t.columns = {"code",      "name",      "level",   "kind",    "colour",  "definition",
               "inclusion", "exclusion", "example", "aliases", "codings", "memos"};
  t.numeric = {2, 10, 11};
  std::map<store::Id, int> level;
  std::map<store::Id, int> memos;
  for (const auto& m : p.memos("code")) ++memos[m.target];
  for (const auto& c : p.codes()) {
    level[c.id] = c.parent ? level[*c.parent] + 1 : 1;
    std::string aliases;
    for (size_t i = 0; i < c.aliases.size(); ++i) aliases += (i ? "; " : "") + c.aliases[i];
    t.rows.push_back({p.code_path(c.id), c.name, std::to_string(level[c.id]), store::to_string(c.kind), c.colour,
                      c.definition, c.inclusion, c.exclusion, c.example, aliases, std::to_string(p.coding_count(c.id)),
                      std::to_string(memos[c.id])});
  }
  return t;
}

static void csv_field(std::string& out, const std::string& f) {
  const bool quote =
      f.find_first_of(",\"\r\n") != std::string::npos || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
  if (!quote) {
    out += f;
    return;
  }
  out += '"';
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string to_csv(const Table& t, const CsvOptions& opt) {
  std::string out;
  if (opt.bom) out += "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) out += ',';
      csv_field(out, r[i]);
    }
    out += "\r\n";
  };
  row(t.columns);
  for (const auto& r : t.rows) row(r);
  return out;
}

ExportSummary write_csv(const Table& t, const fs::path& out, const CsvOptions& opt) {
  for (const auto& r : t.rows)
    for (const auto& f : r) text::require_valid_utf8(f, "a cell of the " + t.name + " table");
  write_file_atomic(out, to_csv(t, opt));
  ExportSummary s;
  s.file = out.string();
  s.format = "csv";
  s.add("rows", static_cast<int64_t>(t.rows.size()));
  s.add("columns", static_cast<int64_t>(t.columns.size()));
  s.encoded.push_back(
      std::string("UTF-8") + (opt.bom ? " with a byte-order mark (for Excel)" : " without a byte-order mark") +
      ", comma separated, CR LF line ends, RFC 4180 quoting; positions in code points, 0-based, end exclusive");
  return s;
}

namespace {

constexpr size_t kXlsxCellBytes = 32767;

// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ .
std::string sheet_name(const std::string& n, std::vector<std::string>& used) {
  std::string s;
  for (char c : n) s += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  if (s.empty()) s = "Sheet";
  text::OffsetMap m(s);
  if (m.size_cp() > 31) s = std::string(text::slice_cp(s, m, 0, 31));
  std::string base = s;
  for (int k = 2; std::find(used.begin(), used.end(), s) != used.end(); ++k)
    s = base.substr(0, 28) + " " + std::to_string(k);
  used.push_back(s);
  return s;
}

}  // namespace

ExportSummary write_xlsx(const std::vector<Table>& tables, const fs::path& out) {
  ExportSummary s;
  s.file = out.string();
  s.format = "xlsx";
  fs::path tmp = out;
  tmp += ".tmp-" + std::to_string(::getpid()) + ".xlsx";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) throw UserError("cannot write " + out.string() + " (cannot create a file in that folder)");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  int64_t cut = 0, rows_left_out = 0;
  std::vector<std::string> used;
  for (const auto& t : tables) {
    std::string sheet = sheet_name(t.name, used);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
    for (size_t c = 0; c < t.columns.size(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), head);
    const size_t max_rows = LXW_ROW_MAX - 1;
    const size_t n = std::min(t.rows.size(), max_rows);
    rows_left_out += static_cast<int64_t>(t.rows.size() - n);
    std::vector<size_t> width(t.columns.size(), 8);
    for (size_t c = 0; c < t.columns.size(); ++c) width[c] = std::max<size_t>(width[c], t.columns[c].size() + 2);
    for (size_t r = 0; r < n; ++r) {
      const auto& row = t.rows[r];
      for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
        const std::string& v = row[c];
        const auto col = static_cast<lxw_col_t>(c);
        const auto rr = static_cast<lxw_row_t>(r + 1);
        const bool num = std::find(t.numeric.begin(), t.numeric.end(), c) != t.numeric.end();
        if (v.empty()) continue;
        if (num) {
          try {
            size_t used_chars = 0;
            double d = std::stod(v, &used_chars);
            if (used_chars == v.size()) {
              worksheet_write_number(ws, rr, col, d, nullptr);
              continue;
            }
          } catch (const std::exception&) {
          }
        }
        std::string cell = v;
        if (cell.size() > kXlsxCellBytes) {  // Excel's cell limit; cut on a character boundary
          size_t k = kXlsxCellBytes;
          while (k > 0 && text::is_continuation(static_cast<unsigned char>(cell[k]))) --k;
          cell.resize(k);
          ++cut;
        }
        // Strings are written as strings: a quote that starts with '=' never becomes a formula.
        worksheet_write_string(ws, rr, col, cell.c_str(), cell.size() > 60 ? wrap : nullptr);
        width[c] = std::max(width[c], std::min<size_t>(text::count_code_points(cell) + 2, 60));
      }
    }
    for (size_t c = 0; c < width.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(width[c]),
                           nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.columns.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(n), static_cast<lxw_col_t>(t.columns.size() - 1));
    s.add(sheet + " rows", static_cast<int64_t>(n));
  }
  lxw_error err = workbook_close(wb);
  std::error_code ec;
  if (err != LXW_NO_ERROR) {
    fs::remove(tmp, ec);
    throw UserError("cannot write " + out.string() + ": " + lxw_strerror(err));
  }
  fs::rename(tmp, out, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw UserError("cannot write " + out.string() + ": " + ec.message());
  }
  s.encoded.push_back(
      "one sheet per table, header row frozen and filterable; texts as text cells (never formulas); positions in code "
      "points, 0-based, end exclusive");
  if (cut)
    s.lost.push_back(std::to_string(cut) +
                     " cells cut to 32,767 bytes, Excel's limit per cell (use CSV for the full text)");
  if (rows_left_out)
    s.lost.push_back(std::to_string(rows_left_out) + " rows beyond Excel's 1,048,575 rows per sheet (use CSV)");
  return s;
}

}  // namespace telaah::exchange
