// The summary grid as a spreadsheet table (see judgement.h): rows the
// indicators (and any other code with a summary), in codebook order; per
// column (a source type, or a case) the summary and its citations.
#include <map>
#include <set>

#include "exchange/judgement.h"
#include "exchange/report.h"
#include "store/project.h"

namespace telaah::exchange {

Table summary_grid_table(const store::Project& p, const std::string& dimension) {
  if (dimension != "type" && dimension != "case")
    throw ValidationError("the summary grid's columns are 'type' or 'case', not '" + dimension + "'");
  const bool by_case = dimension == "case";
  Table t;
  t.name = by_case ? "Summary grid by case" : "Summary grid by source type";
  std::vector<std::string> cols;
  if (by_case)
    for (const auto& c : store::cases(p)) cols.push_back(c.name);
  else
    for (const auto& s : p.source_types()) cols.push_back(s.name);
  t.columns = {"indicator"};
  for (const auto& c : cols) {
    t.columns.push_back(c);
    t.columns.push_back(c + " citations");
  }
  // (code, column) -> the cell's text and its citations as "#12 Title, para. 2; #20 (broken: the coding is gone)".
  std::map<std::pair<store::Id, std::string>, std::pair<std::string, std::string>> cells;
  std::set<store::Id> with_summary;
  for (const auto& s : store::summaries(p)) {
    if (s.case_id.has_value() != by_case) continue;
    std::string cites;
    for (const auto& c : store::citations(p, s)) {
      std::string one = "#" + std::to_string(c.coding);
      if (c.valid) {
        const auto coding = p.coding(c.coding);
        one += " " + citation(p, coding.doc, coding.start);
      } else {
        one += " (broken: the coding is gone)";
      }
      cites += (cites.empty() ? "" : "; ") + one;
    }
    cells[{s.code, s.column}] = {s.text, cites};
    with_summary.insert(s.code);
  }
  for (const auto& c : p.codes()) {
    if (c.kind != store::CodeKind::indicator && !with_summary.count(c.id)) continue;
    std::vector<std::string> row = {p.code_path(c.id)};
    for (const auto& col : cols) {
      auto it = cells.find({c.id, col});
      row.push_back(it == cells.end() ? "" : it->second.first);
      row.push_back(it == cells.end() ? "" : it->second.second);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace telaah::exchange
