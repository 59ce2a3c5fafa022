// Multi-article intake: news exports split into one document per article.
//
// A researcher's news corpus arrives as exports of many articles per file.
// Each export family has a splitter, recognised by the file's content (the
// name only breaks ties):
//   factiva  Factiva TXT/RTF/HTML: field codes HD BY WC PD SN SC LA LP TD AN,
//            "HD  Title" on one line or "HD" alone with the value below;
//            an article ends at the next HD, a "Document <AN>" line or EOF.
//   nexis    Nexis Uni / LexisNexis DOCX, RTF, HTML, TXT: "N of M DOCUMENTS"
//            or "End of Document" between articles; "Byline:", "Section:",
//            "Length:", "Load-Date:", "Language:", "Body" markers.
//   feed     RSS 2.0 (<item>) and Atom (<entry>).
//   table    CSV, TSV, JSON Lines and XLSX: one row per article, columns
//            chosen by a Mapping (text=, title=, date=, outlet=, author=,
//            url=, lang=, section=, byline=); unmapped columns are kept as
//            text attributes of the article.
// Splitters never touch the project: they hand each Article to a sink as it
// is read (a 100,000-row table is never held whole). import_news() puts
// them into the project in one action.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/importer.h"
#include "store/project.h"

namespace telaah::ingest::news {

struct Article {
  std::string title, outlet, date, author, section, language, url, byline;
  std::string text;                     // paragraphs separated by blank lines
  std::vector<store::Attribute> extra;  // other fields (Factiva WC/AN/SC/TD..., unmapped columns)
  int64_t line = 0;                     // where the article starts (line of the file, row of a table)
};

enum class Family { none, factiva, nexis, feed, table };
const char* family_name(Family f);
// "auto" -> none; anything unknown is a UserError naming the choices.
Family parse_family(const std::string& s);

// The family this file's content belongs to (none: a single document).
Family detect(const std::string& name, std::string_view bytes);

// Which column holds what. Roles: text title date outlet author url lang section byline.
struct Mapping {
  std::map<std::string, std::string> role_column;  // role -> column name as in the header
  bool empty() const { return role_column.empty(); }
};
// "text=body,title=headline"; an unknown role or a malformed pair is a UserError.
Mapping parse_mapping(const std::string& spec);
// The roles in the order they are documented.
const std::vector<std::string>& roles();
// When no column is mapped to a role, a column with one of its usual names is
// used (text: text/body/content/article; title: title/headline; ...).
Mapping complete_mapping(const Mapping& m, const std::vector<std::string>& header);

using Sink = std::function<void(Article&&)>;

// Each throws ImportError naming `name` and the line (and column) of what is wrong.
void split_factiva(const std::string& name, std::string_view bytes, const Sink& sink);
void split_nexis(const std::string& name, std::string_view bytes, const Sink& sink);
void split_feed(const std::string& name, std::string_view bytes, const Sink& sink);
// Tables read from a stream (CSV/TSV/JSONL) row by row; XLSX from bytes.
enum class TableKind { csv, tsv, jsonl, xlsx };
TableKind table_kind(const std::string& name, std::string_view head);
void split_table_stream(const std::string& name, std::istream& in, TableKind kind, const Mapping& map, const Sink& sink,
                        const std::function<void(uint64_t bytes_read)>& read_progress = {});
void split_xlsx(const std::string& name, std::string_view bytes, const Mapping& map, const Sink& sink);
// The first sheet of an XLSX workbook, row by row: the row's number in the
// sheet (1-based), its cells by column (shared and inline strings resolved;
// a missing cell is ""), and which cells are numbers. ImportError naming
// `name` for a broken workbook. Also read by the case-attribute import.
struct SheetRow {
  int64_t number = 0;
  std::vector<std::string> cells;
  std::vector<bool> numeric;
};
void read_xlsx_rows(const std::string& name, std::string_view bytes, const std::function<void(SheetRow&&)>& each);
// Excel's serial day number (1900 system) as YYYY-MM-DD; "" when it is not one.
std::string excel_date(const std::string& serial);
// The header and first rows of a table (for the window's column picker).
struct TablePreview {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
TablePreview preview_table(const std::filesystem::path& file, size_t max_rows);

// Text lines of an export whatever its container (TXT in any encoding, RTF,
// HTML, DOCX): what the Factiva and Nexis splitters read.
std::vector<std::string> export_lines(const std::string& name, std::string_view bytes);
std::string rtf_to_text(std::string_view rtf);

// --- Dates and language -------------------------------------------------------
// Dates as news exports write them, to YYYY-MM-DD (or YYYY-MM, YYYY); "" when
// not a date. Named months in English and Indonesian ("7 Desember 2026",
// "December 7, 2026", "Mon, 07 Dec 2026 10:00:00 +0000" from RSS), ISO 8601,
// and numeric dates with slashes, dots or dashes read DAY FIRST
// ("07/12/2026" = 7 December 2026), as Indonesian and European exports write
// them; when the first number is over 12 and the second is not, the first is
// read as the day anyway, and when the second is over 12 as month first
// ("12/25/2026" = 25 December).
std::string news_date(std::string_view s);
// "id" or "en" from stop-word counts in the first 1,000 words (at least 3
// hits and twice the other's); "" when the text does not say.
std::string detect_language(std::string_view text);
// The first date written in the first lines of a text (a transcript's header,
// "Jakarta, 7 Desember 2026"); "" when none.
std::string date_in_text(std::string_view text);

// --- Into the project -----------------------------------------------------------
struct NewsOptions {
  Family family = Family::none;  // none: detect per file
  Mapping mapping;
  std::string source_type = "news";
  std::string language;  // "" = from the article, else detected
  bool dry_run = false;
  bool allow_duplicates = false;
  ImportOptions import;
  std::function<void(size_t articles, double fraction, const std::string& file)> progress;
  std::function<bool()> cancelled;  // polled between articles
};

struct ArticleSummary {
  std::string file, title, date, outlet;
  int64_t length_cp = 0;
  int64_t line = 0;
  store::Id doc = 0;  // 0 in a dry run
};

struct NewsResult {
  std::vector<ArticleSummary> articles;
  std::vector<std::string> notes;
  size_t count() const { return articles.size(); }
};

// The document an article becomes (typed attributes: outlet, author, section,
// url, byline and the extra fields). Throws ImportError naming where.
store::NewDocument to_document(Article&& a, const std::string& file, const std::string& source_type,
                               const std::string& language);

// Splits every file and adds every article in ONE action (all or nothing);
// documents go to the store in chunks, so memory stays bounded. A dry run
// writes nothing and lists what would be created.
NewsResult import_news(store::Project& p, const std::vector<std::filesystem::path>& files, const NewsOptions& opt);

// Splits one file (family detected unless given); for previews and tests.
void split_file(const std::filesystem::path& file, Family family, const Mapping& map, const Sink& sink,
                const ImportOptions& opt = {}, const std::function<void(uint64_t)>& read_progress = {});

}  // namespace telaah::ingest::news
