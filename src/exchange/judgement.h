// Spreadsheet exchange of the judgement layer: summary cells as a table (CSV,
// XLSX) and case attributes from CSV (one row per case).
#pragma once
#include <string>
#include <vector>

#include "exchange/exchange.h"
#include "store/judgement.h"

namespace telaah::exchange {

// Every written summary cell: indicator, dimension (type | case), column,
// text, cited codings, broken citations, coder, modified.
Table summaries_table(const store::Project& p);
// The summary grid (summary_grid.cpp): one row per indicator (and per other
// code with a summary), in codebook order; per column — the project's source
// types (dimension "type") or its cases by name ("case") — two columns: the
// summary, and its citations "#12 Title, para. 2; #20 (broken: the coding is
// gone)". Cells without a summary are empty. ValidationError for another dimension.
Table summary_grid_table(const store::Project& p, const std::string& dimension);

// RFC 4180 CSV (commas, quotes doubled, quoted line breaks; CRLF or LF; a
// UTF-8 BOM is skipped). The header row names the columns: `name` (required),
// optionally `description`, and one column per attribute, typed by a suffix
// "population:number", "joined:date", "active:boolean" (default text).
// Each data row is one case; an empty cell leaves that attribute unset.
// A bad row throws ValidationError naming it ("row 3: ..."; the header is row 1).
std::vector<store::CaseRow> parse_cases_csv(const std::string& bytes);
// The same from the first sheet of an XLSX workbook (one row per case, rows
// named by their number in the sheet; a date attribute may hold Excel's day
// numbers; trailing empty cells may be left out).
std::vector<store::CaseRow> parse_cases_xlsx(const std::string& bytes);
// By the file's name: .xlsx is a workbook, anything else CSV.
std::vector<store::CaseRow> parse_cases_file(const std::string& name, const std::string& bytes);

}  // namespace telaah::exchange
