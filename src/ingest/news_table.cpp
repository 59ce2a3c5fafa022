// Tables of articles: CSV, TSV, JSON Lines (read row by row from a stream)
// and XLSX (the first sheet). One row is one article; the Mapping says which
// column is the text, title, date, outlet, author, url, language, section and
// byline; the other columns become text attributes. A header cell the mapping
// names but the file lacks is an error naming it; a bad row names its line
// (and column).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "ingest/news.h"
#include "ingest/xml.h"
#include "ingest/zip.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::ingest::news {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Reads a stream in 1 MB pieces; counts lines and bytes.
class Reader {
 public:
  explicit Reader(std::istream& in) : in_(in), buf_(1 << 20, '\0') {}
  int get() {
    if (pos_ == len_) {
      in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
      len_ = static_cast<size_t>(in_.gcount());
      pos_ = 0;
      if (len_ == 0) return -1;
    }
    ++consumed_;
    const char c = buf_[pos_++];
    if (c == '\n') ++line_;
    return static_cast<unsigned char>(c);
  }
  int peek() {
    if (pos_ == len_) {
      in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
      len_ = static_cast<size_t>(in_.gcount());
      pos_ = 0;
      if (len_ == 0) return -1;
    }
    return static_cast<unsigned char>(buf_[pos_]);
  }
  int64_t line() const { return line_; }
  uint64_t consumed() const { return consumed_; }

 private:
  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0, len_ = 0;
  int64_t line_ = 1;
  uint64_t consumed_ = 0;
};

// One CSV/TSV record (RFC 4180: quoted fields may hold the delimiter, quotes
// doubled, and line breaks). False at the end of the input.
bool read_record(Reader& r, char delim, std::vector<std::string>& out, const std::string& name) {
  out.clear();
  if (r.peek() < 0) return false;
  std::string cell;
  bool quoted = false, was_quoted = false;
  int64_t quote_line = 0;
  size_t quote_col = 0;
  for (;;) {
    const int c = r.get();
    if (c < 0) {
      if (quoted)
        throw ImportError(name + ": line " + std::to_string(quote_line) + ", column " + std::to_string(quote_col) +
                          ": a quoted cell is never closed");
      out.push_back(std::move(cell));
      return true;
    }
    if (quoted) {
      if (c == '"') {
        if (r.peek() == '"') {
          r.get();
          cell += '"';
        } else {
          quoted = false;
        }
      } else {
        cell += static_cast<char>(c);
      }
      continue;
    }
    if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
      quote_line = r.line();
      quote_col = out.size() + 1;
      continue;
    }
    if (c == delim) {
      out.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
      continue;
    }
    if (c == '\r' && r.peek() == '\n') continue;
    if (c == '\n') {
      out.push_back(std::move(cell));
      return true;
    }
    cell += static_cast<char>(c);
  }
}

struct Columns {
  std::vector<std::string> header;
  std::map<std::string, size_t> role_index;  // role -> column
  std::vector<size_t> extra;                 // columns kept as attributes
};

Columns resolve(const std::string& name, const std::vector<std::string>& header, const Mapping& map) {
  Columns c;
  c.header = header;
  const Mapping m = complete_mapping(map, header);
  std::set<size_t> used;
  for (const auto& [role, col] : m.role_column) {
    auto it = std::find(header.begin(), header.end(), col);
    if (it == header.end()) {
      std::string cols;
      for (const auto& h : header) cols += (cols.empty() ? "" : ", ") + h;
      throw ImportError(name + ": the mapping names the column '" + col + "' (for " + role +
                        "), which the file does not have (its columns: " + cols + ")");
    }
    c.role_index[role] = static_cast<size_t>(it - header.begin());
    used.insert(c.role_index[role]);
  }
  if (!c.role_index.count("text") && !c.role_index.count("title")) {
    std::string cols;
    for (const auto& h : header) cols += (cols.empty() ? "" : ", ") + h;
    throw ImportError(name +
                      ": no column is mapped to the text or the title (give --map text=COLUMN; columns: " + cols + ")");
  }
  for (size_t k = 0; k < header.size(); ++k)
    if (!used.count(k) && !trim(header[k]).empty()) c.extra.push_back(k);
  return c;
}

Article to_article(const std::string& name, const Columns& c, const std::vector<std::string>& row, int64_t line) {
  Article a;
  a.line = line;
  for (size_t k = 0; k < row.size(); ++k)
    if (text::find_invalid_utf8(row[k]))
      throw ImportError(name + ": line " + std::to_string(line) + ", column '" + c.header[k] +
                        "': the cell is not valid UTF-8 (save the table as UTF-8)");
  auto get = [&](const char* role) -> std::string {
    auto it = c.role_index.find(role);
    return it == c.role_index.end() || it->second >= row.size() ? "" : row[it->second];
  };
  a.text = get("text");
  a.title = trim(get("title"));
  a.outlet = trim(get("outlet"));
  a.author = trim(get("author"));
  a.url = trim(get("url"));
  a.language = trim(get("lang"));
  a.section = trim(get("section"));
  a.byline = trim(get("byline"));
  const std::string raw_date = trim(get("date"));
  if (!raw_date.empty()) {
    a.date = news_date(raw_date);
    if (a.date.empty())
      throw ImportError(name + ": line " + std::to_string(line) + ", column '" + c.header[c.role_index.at("date")] +
                        "': '" + raw_date + "' is not a date Telaah reads");
  }
  if (a.title.empty()) {
    // A row without a title: its first words.
    std::string t = trim(a.text);
    auto nl = t.find('\n');
    if (nl != std::string::npos) t = t.substr(0, nl);
    if (text::count_code_points(t) > 80) {
      text::OffsetMap m(t);
      t = std::string(text::slice_cp(t, m, 0, 80)) + "…";
    }
    a.title = t;
  }
  if (trim(a.text).empty() && a.title.empty())
    throw ImportError(name + ": line " + std::to_string(line) + ": the row has neither a text nor a title");
  for (size_t k : c.extra)
    if (k < row.size() && !trim(row[k]).empty()) a.extra.push_back({trim(c.header[k]), "text", trim(row[k])});
  return a;
}

}  // namespace

void split_table_stream(const std::string& name, std::istream& in, TableKind kind, const Mapping& map, const Sink& sink,
                        const std::function<void(uint64_t)>& read_progress) {
  Reader r(in);
  // A UTF-8 byte order mark is not part of the first column's name.
  if (r.peek() == 0xEF) {
    r.get();
    r.get();
    r.get();
  }
  size_t count = 0;
  if (kind == TableKind::jsonl) {
    std::vector<std::string> header;
    std::optional<Columns> cols;
    std::string line;
    for (;;) {
      const int64_t lineno = r.line();
      line.clear();
      int c;
      while ((c = r.get()) >= 0 && c != '\n') line += static_cast<char>(c);
      if (trim(line).empty()) {
        if (c < 0) break;
        continue;
      }
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        throw ImportError(name + ": line " + std::to_string(lineno) + ", column " + std::to_string(e.byte) +
                          ": not a JSON object (" + std::string(e.what()).substr(0, 120) + ")");
      }
      if (!j.is_object())
        throw ImportError(name + ": line " + std::to_string(lineno) + ": a JSON Lines row must be an object");
      if (!cols) {  // the first object's keys are the header
        for (auto& [k, v] : j.items()) header.push_back(k);
        cols = resolve(name, header, map);
      }
      std::vector<std::string> row(header.size());
      for (auto& [k, v] : j.items()) {
        auto it = std::find(header.begin(), header.end(), k);
        if (it == header.end()) continue;  // keys only later rows have are not columns
        std::string s = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
        if (v.is_array()) {
          s.clear();
          for (const auto& x : v) s += (s.empty() ? "" : "; ") + (x.is_string() ? x.get<std::string>() : x.dump());
        }
        row[static_cast<size_t>(it - header.begin())] = std::move(s);
      }
      sink(to_article(name, *cols, row, lineno));
      ++count;
      if (read_progress) read_progress(r.consumed());
      if (c < 0) break;
    }
  } else {
    const char delim = kind == TableKind::tsv ? '\t' : ',';
    std::vector<std::string> row;
    int64_t lineno = r.line();
    if (!read_record(r, delim, row, name)) throw ImportError(name + ": the table is empty");
    for (auto& h : row) h = trim(h);
    const Columns cols = resolve(name, row, map);
    for (;;) {
      lineno = r.line();
      if (!read_record(r, delim, row, name)) break;
      if (row.size() == 1 && trim(row[0]).empty()) continue;  // a blank line
      if (row.size() != cols.header.size())
        throw ImportError(name + ": line " + std::to_string(lineno) + ": the row has " + std::to_string(row.size()) +
                          " cells and the header " + std::to_string(cols.header.size()) +
                          (kind == TableKind::csv ? " (a comma in an unquoted cell?)" : ""));
      sink(to_article(name, cols, row, lineno));
      ++count;
      if (read_progress && (count & 63) == 0) read_progress(r.consumed());
    }
  }
  if (read_progress) read_progress(r.consumed());
  if (count == 0) throw ImportError(name + ": the table has a header and no row");
}

namespace {

// "AB12" -> 27 (0-based column).
size_t column_of(const std::string& ref) {
  size_t col = 0;
  for (char ch : ref) {
    if (!std::isalpha(static_cast<unsigned char>(ch))) break;
    col = col * 26 + static_cast<size_t>(std::toupper(static_cast<unsigned char>(ch)) - 'A' + 1);
  }
  return col == 0 ? 0 : col - 1;
}

std::string all_text(const pugi::xml_node& n) {
  std::string out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      out += c.value();
    else if (c.type() == pugi::node_element && xml::local(c) != "rPh")
      out += all_text(c);
  }
  return out;
}

}  // namespace

std::string excel_date(const std::string& v) {
  double d = 0;
  try {
    d = std::stod(v);
  } catch (...) {
    return "";
  }
  if (d < 1 || d > 2958465) return "";
  int64_t days = static_cast<int64_t>(d) - 25569;  // days since 1970-01-01
  // Civil from days (Howard Hinnant's algorithm).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t dd = doy - (153 * mp + 2) / 5 + 1;
  const int64_t mm = mp < 10 ? mp + 3 : mp - 9;
  if (mm <= 2) ++y;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(mm), static_cast<int>(dd));
  return buf;
}

void read_xlsx_rows(const std::string& name, std::string_view bytes, const std::function<void(SheetRow&&)>& each) {
  ZipArchive z(bytes, Limits{}, name);
  std::vector<std::string> shared;
  if (auto ss = z.read("xl/sharedStrings.xml")) {
    pugi::xml_document d;
    xml::parse(d, *ss, name + ": xl/sharedStrings.xml");
    for (pugi::xml_node si = xml::child(d.document_element(), "si"); si; si = si.next_sibling())
      if (si.type() == pugi::node_element && xml::local(si) == "si") shared.push_back(all_text(si));
  }
  // The first sheet in the workbook's order.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  if (auto wb = z.read("xl/workbook.xml")) {
    pugi::xml_document d;
    xml::parse(d, *wb, name + ": xl/workbook.xml");
    const std::string rid = xml::attr(xml::child(xml::child(d.document_element(), "sheets"), "sheet"), "id");
    if (auto rels = z.read("xl/_rels/workbook.xml.rels"); rels && !rid.empty()) {
      pugi::xml_document rd;
      xml::parse(rd, *rels, name + ": xl/_rels/workbook.xml.rels");
      for (pugi::xml_node rel = rd.document_element().first_child(); rel; rel = rel.next_sibling())
        if (xml::attr(rel, "Id") == rid) {
          std::string target = xml::attr(rel, "Target");
          if (!target.empty() && target[0] == '/')
            sheet_path = target.substr(1);
          else if (!target.empty())
            sheet_path = "xl/" + target;
        }
    }
  }
  auto sheet = z.read(sheet_path);
  if (!sheet) throw ImportError(name + ": the workbook has no first sheet (" + sheet_path + ")");
  pugi::xml_document d;
  xml::parse(d, *sheet, name + ": " + sheet_path);
  pugi::xml_node data = xml::child(d.document_element(), "sheetData");
  int64_t rowno = 0;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (row.type() != pugi::node_element || xml::local(row) != "row") continue;
    const std::string r = xml::attr(row, "r");
    rowno = r.empty() ? rowno + 1 : std::stoll(r);
    std::vector<std::string> cells;
    std::vector<bool> numeric;
    size_t next = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || xml::local(c) != "c") continue;
      const std::string ref = xml::attr(c, "r");
      const size_t col = ref.empty() ? next : column_of(ref);
      next = col + 1;
      if (col > 16384) throw ImportError(name + ": row " + std::to_string(rowno) + ": a cell beyond column XFD");
      if (cells.size() <= col) {
        cells.resize(col + 1);
        numeric.resize(col + 1);
      }
      const std::string t = xml::attr(c, "t");
      std::string v = all_text(xml::child(c, "v"));
      if (t == "s") {
        size_t k = 0;
        try {
          k = std::stoul(v);
        } catch (...) {
          k = shared.size();
        }
        if (k >= shared.size())
          throw ImportError(name + ": row " + std::to_string(rowno) + ", cell " + ref +
                            ": refers to a shared string the file lacks");
        v = shared[k];
      } else if (t == "inlineStr") {
        v = all_text(xml::child(c, "is"));
      } else if (t.empty() || t == "n") {
        numeric[col] = true;
      }
      cells[col] = v;
    }
    each(SheetRow{rowno, std::move(cells), std::move(numeric)});
  }
}

void split_xlsx(const std::string& name, std::string_view bytes, const Mapping& map, const Sink& sink) {
  std::optional<Columns> cols;
  size_t count = 0;
  read_xlsx_rows(name, bytes, [&](SheetRow&& sr) {
    auto& cells = sr.cells;
    auto& numeric = sr.numeric;
    const int64_t rowno = sr.number;
    if (!cols) {
      for (auto& h : cells) h = trim(h);
      cols = resolve(name, cells, map);
      return;
    }
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& s) { return trim(s).empty(); })) return;
    cells.resize(std::max(cells.size(), cols->header.size()));
    numeric.resize(cells.size());
    // A date column holding Excel's day numbers.
    if (auto it = cols->role_index.find("date"); it != cols->role_index.end() && numeric[it->second]) {
      const std::string dd = excel_date(cells[it->second]);
      if (!dd.empty()) cells[it->second] = dd;
    }
    cells.resize(cols->header.size());
    sink(to_article(name, *cols, cells, rowno));
    ++count;
  });
  if (!cols) throw ImportError(name + ": the first sheet is empty");
  if (count == 0) throw ImportError(name + ": the table has a header and no row");
}

TablePreview preview_table(const fs::path& file, size_t max_rows) {
  TablePreview p;
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportError(name + ": cannot open the file");
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  const TableKind kind = table_kind(name, head);
  if (kind == TableKind::csv || kind == TableKind::tsv) {
    Reader r(in);
    if (r.peek() == 0xEF) {
      r.get();
      r.get();
      r.get();
    }
    std::vector<std::string> row;
    if (!read_record(r, kind == TableKind::tsv ? '\t' : ',', row, name)) return p;
    for (auto& h : row) h = trim(h);
    p.header = row;
    while (p.rows.size() < max_rows && read_record(r, kind == TableKind::tsv ? '\t' : ',', row, name))
      if (!(row.size() == 1 && trim(row[0]).empty())) p.rows.push_back(row);
    return p;
  }
  if (kind == TableKind::jsonl) {
    std::string line;
    while (p.rows.size() < max_rows && std::getline(in, line)) {
      if (trim(line).empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) break;
      if (p.header.empty())
        for (auto& [k, v] : j.items()) p.header.push_back(k);
      std::vector<std::string> row;
      for (const auto& h : p.header) {
        auto it = j.find(h);
        row.push_back(it == j.end() ? "" : it->is_string() ? it->get<std::string>() : it->dump());
      }
      p.rows.push_back(std::move(row));
    }
    return p;
  }
  // XLSX: the first sheet's first rows.
  std::string bytes;
  {
    std::ifstream f(file, std::ios::binary);
    bytes.assign((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  }
  ZipArchive z(bytes, Limits{}, name);
  auto sheet = z.read("xl/worksheets/sheet1.xml");
  auto ss = z.read("xl/sharedStrings.xml");
  std::vector<std::string> shared;
  if (ss) {
    pugi::xml_document d;
    xml::parse(d, *ss, name);
    for (pugi::xml_node si = xml::child(d.document_element(), "si"); si; si = si.next_sibling())
      if (si.type() == pugi::node_element) shared.push_back(all_text(si));
  }
  if (!sheet) return p;
  pugi::xml_document d;
  xml::parse(d, *sheet, name);
  for (pugi::xml_node row = xml::child(d.document_element(), "sheetData").first_child();
       row && p.rows.size() < max_rows; row = row.next_sibling()) {
    std::vector<std::string> cells;
    size_t next = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      const std::string ref = xml::attr(c, "r");
      const size_t col = ref.empty() ? next : column_of(ref);
      next = col + 1;
      if (col > 1000) break;
      if (cells.size() <= col) cells.resize(col + 1);
      std::string v = all_text(xml::child(c, "v"));
      if (xml::attr(c, "t") == "s") {
        size_t k = std::strtoul(v.c_str(), nullptr, 10);
        v = k < shared.size() ? shared[k] : "";
      } else if (xml::attr(c, "t") == "inlineStr")
        v = all_text(xml::child(c, "is"));
      cells[col] = v;
    }
    if (p.header.empty())
      p.header = cells;
    else
      p.rows.push_back(cells);
  }
  return p;
}

}  // namespace telaah::ingest::news
