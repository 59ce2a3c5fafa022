// The triangulation matrix as a spreadsheet table: one row per indicator,
// numbers per column (codings, documents, stances), the status and the
// convergence label of every pair, overrides included.
#include "analysis/judgement.h"
#include "analysis/overrides.h"
#include "analysis/triangulation.h"
#include "exchange/exchange.h"
#include "exchange/report_matrix.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::exchange {

Table triangulation_table(const store::Project& p, const std::string& by, const std::vector<std::string>& coders,
                          const std::string& case_name) {
  auto t = analysis::EvidenceTable::load(p);
  analysis::Query q;
  q.by = by == "case" ? "type" : by;
  q.coders = analysis::resolve_coders(p, t, coders);
  const auto settings = analysis::settings_from_project(p);
  analysis::Matrix m;
  if (by == "case") {
    if (!case_name.empty()) throw ValidationError("give --by case or a case, not both");
    const auto cases = store::cases(p);
    if (cases.empty()) throw ValidationError("this project has no cases yet (telaah cases P add NAME)");
    m = analysis::triangulate_by_case(t, cases, q, settings);
  } else if (!case_name.empty()) {
    m = analysis::triangulate_case(t, store::find_case(p, case_name), q, settings);
  } else {
    m = analysis::triangulate(t, q, settings);
  }
  analysis::apply_overrides(m, analysis::load_overrides(p));
  Table out;
  out.name = "Triangulation";
  out.columns = {"indicator"};
  for (const auto& l : m.columns.labels)
    for (const char* k : {" codings", " documents", " supports", " contradicts", " neutral"}) {
      out.numeric.push_back(out.columns.size());
      out.columns.push_back(l + k);
    }
  out.numeric.push_back(out.columns.size());
  out.columns.push_back("columns with evidence");
  out.columns.push_back("status");
  const size_t pair_start = out.columns.size();
  if (!m.rows.empty())
    for (const auto& pr : m.rows.front().pairs) out.columns.push_back(pair_name(m, pr));
  for (const auto& r : m.rows) {
    std::vector<std::string> row{r.path};
    for (const auto& c : r.cells)
      for (int64_t v : {c.codings, c.documents, c.supports, c.contradicts, c.neutral}) row.push_back(std::to_string(v));
    row.push_back(std::to_string(r.columns_with_evidence));
    row.push_back(status_text(r));
    for (const auto& pr : r.pairs) row.push_back(label_text(pr));
    row.resize(std::max(row.size(), pair_start), "");
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace telaah::exchange
