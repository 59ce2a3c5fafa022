// Exchange with other QDA tools: REFI-QDA 1.5 projects (.qdpx, .qde) and
// codebooks (.qdc) in and out, spreadsheets (CSV, XLSX) out.
//
// Export is strict (the XML validates against Project.xsd / Codebook.xsd);
// import is tolerant of what real exporters write and reports every deviation
// from the standard and every loss. Nothing is dropped silently in either
// direction: what REFI-QDA cannot hold is listed in the export summary, what
// Telaah cannot hold is listed in the import report.
//
// How Telaah concepts travel in REFI-QDA (also listed in every export summary):
//   coder            -> User
//   code             -> Code (colour; Description = definition, then labelled
//                       paragraphs "Inclusion:", "Exclusion:", "Example:", "Aliases:")
//   code kind        -> Sets "Framework: variables" / "Framework: indicators" (MemberCode)
//   document         -> TextSource + sources/GUID.txt (UTF-8, \n line endings)
//   source type, language, date, author, attributes
//                    -> Variables with a VariableValue on each TextSource; the
//                       source type also as Cases "Source type: X" (SourceRef)
//   coding           -> one PlainTextSelection (code points, end exclusive) with
//                       one Coding (CodeRef, creatingUser = coder)
//   stance           -> Cases "Stance: supports|contradicts|neutral" (SelectionRef,
//                       VariableValue "Stance") and the selection's Description
//                       "Stance: X" for tools that ignore cases
//   memo             -> Note (PlainTextContent) with a NoteRef from the project,
//                       the TextSource, the Code or the Coding it belongs to
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "ingest/importer.h"
#include "store/errors.h"

namespace telaah::store {
class Project;
}

namespace telaah::exchange {

// A file that cannot be exchanged (malformed, hostile, unreadable); nothing was changed.
struct ExchangeError : UserError {
  using UserError::UserError;
};

// What an export wrote, how Telaah's concepts were encoded, and what the
// target format cannot hold. Returned by every export and printed by the CLI.
struct ExportSummary {
  std::string file, format;                             // format: qdpx | qdc | csv | xlsx
  std::vector<std::pair<std::string, int64_t>> counts;  // in writing order: {"sources", 12}, ...
  std::vector<std::string> encoded;                     // how a concept was represented ("stance as Cases ...")
  std::vector<std::string> lost;                        // what the format cannot hold, with counts
  int64_t count(const std::string& what) const;         // 0 when absent
  void add(const std::string& what, int64_t n) { counts.push_back({what, n}); }
  nlohmann::json to_json() const;
  std::string to_text() const;  // the human-readable summary, several lines
};

struct ExportOptions {
  bool overwrite = true;  // the library replaces an existing file atomically; the CLI asks for --force
};

// REFI-QDA project exchange file: project.qde plus sources/GUID.txt per document.
ExportSummary export_qdpx(const store::Project& p, const std::filesystem::path& out, const ExportOptions& opt = {});
// REFI-QDA codebook exchange file.
ExportSummary export_qdc(const store::Project& p, const std::filesystem::path& out, const ExportOptions& opt = {});
// The project.qde / .qdc XML text alone (what the files above contain).
std::string project_qde(const store::Project& p, ExportSummary* summary = nullptr);
std::string codebook_qdc(const store::Project& p, ExportSummary* summary = nullptr);

// --- import ---

struct Count {
  int64_t found = 0, imported = 0;
};

// Per text source: which position convention its selections use.
struct SourceReport {
  std::string name, guid;
  bool imported = false;
  std::string text_from;   // "plainTextPath internal://X.txt", "PlainTextContent", "richTextPath X.docx (converted)"
  std::string convention;  // "code points" (the standard), "UTF-16 code units", ...; empty without selections
  int64_t selections = 0, selections_imported = 0;
  int64_t off_word_boundary = 0;  // imported selections that start or end inside a word
};

struct ImportReport {
  std::string file, format;  // format: qdpx | qde | qdc
  std::string origin;        // the exporting software, as the file says
  std::string project_name;
  Count users, codes, sources, text_selections, other_selections, codings, notes;
  std::vector<SourceReport> source_details;
  std::vector<std::string> deviations;  // departures from the standard and what Telaah did about them
  std::vector<std::string> losses;      // what could not be imported, as specific as possible
  int64_t revision = 0;                 // of the new project
  nlohmann::json to_json() const;
  std::string to_text() const;
};

struct ImportOptions {
  std::string default_source_type = "interview";  // for sources that carry no "Source type" variable
  std::string coder_fallback = "imported";        // for codings that name no user
  // The only folder outside the archive that source paths may lead to
  // (relative://, absolute://, file://, ../): they must resolve inside it.
  // Empty: every such path is refused and named in the report.
  std::filesystem::path sources_dir;
  ingest::Limits limits;  // zip and file size limits, as for importers
  std::string encoding;   // for source files that are not UTF-8 ("" = detect)
  // One bad value (a date that is no calendar date, a source that cannot be
  // decoded, a path that leads outside) is reported and skipped; with
  // strict the whole import is refused instead.
  bool strict = false;
  // Called with the temporary file the project is written to (beside the
  // final name, renamed at the end), and with an empty path once it is gone,
  // so that a signal handler can remove it.
  std::function<void(const std::filesystem::path&)> on_temp_file;
  // Called with what the import is doing; an exception thrown from it cancels
  // the import (nothing is kept) and propagates.
  std::function<void(const std::string&)> progress;
};

// Creates the new project `project` (it must not exist) from a .qdpx, .qde or
// .qdc file. All-or-nothing: the project is written under a temporary name
// beside `project` (".NAME.import-PID") and renamed at the end, so no file
// appears under the final name before the import is complete; on any error
// the temporary file is removed and ExchangeError (or another UserError) says
// why. Temporary files of earlier imports that were killed are removed first.
//
// Bounds (each a clear ExchangeError): codes nested deeper than
// store::kMaxCodeDepth levels; the archive limits in opt.limits.
ImportReport import_refi(const std::filesystem::path& file, const std::filesystem::path& project,
                         const ImportOptions& opt = {});

// --- spreadsheets ---

// A rectangular table: the unit every spreadsheet export writes.
struct Table {
  std::string name;  // sheet name in XLSX
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // cells as text; numeric columns are listed in `numeric`
  std::vector<size_t> numeric;                 // column indices written as numbers in XLSX
};

// Every coding: quote, document, source type, code path, stance, coder, memo,
// positions, page, paragraph and speaker where known.
Table codings_table(const store::Project& p);
// The codebook, in tree order.
Table codebook_table(const store::Project& p);
// The triangulation matrix (analysis/triangulation.h) with the project's
// settings and overrides: columns by source type, an attribute, year,
// language or author; coders as `telaah triangulate --coder` takes them.
// by "case": indicator x case; a case name: indicator x `by` within that case
// (analysis/judgement.h).
Table triangulation_table(const store::Project& p, const std::string& by = "type",
                          const std::vector<std::string>& coders = {}, const std::string& case_name = "");

struct CsvOptions {
  bool bom = false;  // UTF-8 byte-order mark, so that Excel reads the file as UTF-8
};
// RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line
// break quoted (quotes doubled). Written atomically.
ExportSummary write_csv(const Table& t, const std::filesystem::path& out, const CsvOptions& opt = {});
std::string to_csv(const Table& t, const CsvOptions& opt = {});
// One sheet per table.
ExportSummary write_xlsx(const std::vector<Table>& tables, const std::filesystem::path& out);

}  // namespace telaah::exchange
