// Retrieval exports (see retrieval_export.h).
#include "ui/retrieval/retrieval_export.h"

#include "exchange/archive.h"
#include "exchange/report_matrix.h"

namespace telaah::ui {

const char* extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::csv:
      return ".csv";
    case ExportFormat::xlsx:
      return ".xlsx";
    case ExportFormat::html:
      return ".html";
  }
  return ".csv";
}

exchange::Table retrieval_table(const std::vector<analysis::RetrievalRow>& rows) {
  exchange::Table t;
  t.name = "Retrieval";
  t.columns = {"coding",      "quote", "context before", "context after", "document id", "document",
               "source type", "date",  "page",           "paragraph",     "speaker",     "code",
               "stance",      "coder", "memo",           "start",         "end"};
  t.numeric = {0, 4, 8, 9, 15, 16};
  auto num = [](int v) { return v > 0 ? std::to_string(v) : std::string(); };
  for (const auto& r : rows)
    t.rows.push_back({std::to_string(r.coding), r.quote, r.before, r.after, std::to_string(r.doc), r.document,
                      r.source_type, r.date, num(r.page), num(r.paragraph), r.speaker, r.code_path,
                      store::to_string(r.stance), r.coder_name, r.memo, std::to_string(r.start),
                      std::to_string(r.end)});
  return t;
}

std::string retrieval_html(const std::vector<analysis::RetrievalRow>& rows, const std::string& title) {
  using exchange::escape_xml;
  std::string h;
  h += "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape_xml(title) +
       "</title>\n<style>\n"
       "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}\n"
       "th,td{border-bottom:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}\n"
       "th{background:#f3f3f3}.ctx{color:#888}.q{background:#fff3c4}.supports{color:#2e7d32}\n"
       ".contradicts{color:#c62828}.neutral{color:#666}.memo{font-style:italic;color:#555}\n</style></head><body>\n";
  h += "<h1>" + escape_xml(title) + "</h1>\n<p>" + std::to_string(rows.size()) + " codings</p>\n";
  h += "<table>\n<tr><th>#</th><th>Quote in context</th><th>Document</th><th>Where</th><th>Code</th><th>Stance</th>"
       "<th>Coder</th><th>Memo</th></tr>\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    std::string where;
    if (r.area_page > 0)
      where = "area on p. " + std::to_string(r.area_page);
    else if (r.page > 0)
      where = "p. " + std::to_string(r.page);
    if (r.paragraph > 0) where += (where.empty() ? "" : ", ") + std::string("\xC2\xB6 ") + std::to_string(r.paragraph);
    const char* stance = store::to_string(r.stance);
    h += "<tr><td>" + std::to_string(i + 1) + "</td><td><span class=\"ctx\">" + escape_xml(r.before) +
         "</span><span class=\"q\">" + escape_xml(r.quote) + "</span><span class=\"ctx\">" + escape_xml(r.after) +
         "</span></td><td>" + escape_xml(r.document) + "<br><span class=\"ctx\">" + escape_xml(r.source_type) +
         (r.date.empty() ? "" : ", " + escape_xml(r.date)) + "</span></td><td>" + escape_xml(where) + "</td><td>" +
         escape_xml(r.code_path) + "</td><td class=\"" + stance + "\">" + stance + "</td><td>" +
         escape_xml(r.coder_name) + "</td><td class=\"memo\">" + escape_xml(r.memo) + "</td></tr>\n";
  }
  h += "</table>\n</body></html>\n";
  return h;
}

void export_retrieval(const std::vector<analysis::RetrievalRow>& rows, const std::string& title, ExportFormat f,
                      const std::filesystem::path& out) {
  if (out.empty()) throw UserError("no file given to export to");
  if (out.has_parent_path() && !std::filesystem::is_directory(out.parent_path()))
    throw UserError("the folder " + out.parent_path().string() + " does not exist");
  switch (f) {
    case ExportFormat::csv:
      exchange::write_csv(retrieval_table(rows), out, {.bom = true});
      break;
    case ExportFormat::xlsx:
      exchange::write_xlsx({retrieval_table(rows)}, out);
      break;
    case ExportFormat::html:
      exchange::write_file_atomic(out, retrieval_html(rows, title));
      break;
  }
}

}  // namespace telaah::ui
