// The evaluation report as Markdown (for a paper draft or a repository).
#include <sstream>

#include "exchange/report.h"
#include "exchange/report_matrix.h"

namespace telaah::exchange {

using namespace analysis;

static std::string quote_line(const Quote& q) {
  std::string s = "> “" + q.text + "” — " + q.citation + " · " + q.stance;
  if (!q.code.empty()) s += " · " + q.code;
  if (q.coding_id) s += " · #" + std::to_string(q.coding_id);
  return s + "\n";
}

static std::string rating_text(const IndicatorEvaluation& ie) {
  std::string s = "**" + std::string(to_string(ie.rating())) + "**";
  if (ie.recorded)
    s += " (researcher; suggested: " + std::string(to_string(ie.suggested.rating)) + ")";
  else
    s += " (suggested)";
  return s + " — *" + to_indonesian(ie.rating()) + "*";
}

std::string render_markdown(const ReportData& r) {
  const Matrix& m = r.matrix;
  const Evaluation& e = r.evaluation;
  std::ostringstream o;
  o << "# Evaluation report: " << r.title << "\n\n";
  o << "Generated " << r.generated << " by Telaah from `" << r.project_file << "` (revision " << r.method.revision
    << ").\n\n";

  const auto& v = e.verdict;
  o << "**Overall verdict: " << to_string(v.effective()) << " (" << to_indonesian(v.effective()) << ")**";
  if (v.override) o << " — researcher's verdict; by the rule: " << to_string(v.automatic);
  o << "\n\n";

  o << "## 1. The evaluation framework\n\n| variable | indicator | definition | triangulation | rating "
       "|\n|---|---|---|---|---|\n";
  for (const auto& s : r.indicators) {
    const auto& ie = e.indicators[s.index];
    o << "| " << escape_md(s.variable) << " | " << escape_md(s.name) << " | " << escape_md(s.definition) << " | "
      << escape_md(status_text(m.rows[s.index])) << " | " << both_languages(ie.rating())
      << (ie.recorded ? "" : " (suggested)") << " |\n";
  }

  o << "\n## 2. Triangulation matrix (by " << (m.columns.dimension == "type" ? "source type" : m.columns.dimension)
    << ")\n\n";
  o << matrix_markdown(m);

  o << "\n## 3. Findings per indicator\n";
  for (const auto& s : r.indicators) {
    const Row& row = m.rows[s.index];
    const auto& ie = e.indicators[s.index];
    o << "\n### " << (s.variable.empty() ? "" : s.variable + " / ") << s.name << "\n\n";
    if (!s.definition.empty()) o << "*" << s.definition << "*\n\n";
    o << "- Triangulation: **" << status_text(row) << "**";
    if (row.status_override) o << " — memo: " << row.status_override->memo;
    o << "\n";
    for (const auto& p : row.pairs) {
      if (p.effective == Convergence::none && !p.override) continue;
      o << "- " << pair_name(m, p) << ": " << label_text(p);
      if (p.override) o << " — memo: " << p.override->memo;
      o << "\n";
    }
    o << "- Rating: " << rating_text(ie) << "\n";
    if (ie.recorded) o << "- Justification: " << ie.recorded->justification << "\n";
    o << "- The evidence suggests: " << to_string(ie.suggested.rating) << " — " << ie.suggested.reason << "\n";
    for (const auto& q : s.linked_evidence) o << "\n  Cited: " << quote_line(q);
    for (const auto& c : s.columns) {
      o << "\n#### " << c.column << ": " << cell_text(c.cell) << "\n\n";
      if (c.quotes.empty()) o << "No evidence.\n";
      for (const auto& q : c.quotes) o << quote_line(q) << "\n";
      if (c.omitted) o << "*… and " << c.omitted << " more coding(s).*\n";
    }
    if (!s.impediments.empty()) {
      o << "\n#### Impediments\n\n";
      for (const auto& q : s.impediments) o << quote_line(q) << "\n";
    }
  }

  o << "\n## 4. Impediments\n\n";
  if (r.impediments.empty()) o << "No impediments were coded.\n";
  for (const auto& i : r.impediments) {
    o << quote_line(i.quote);
    o << (i.indicators.empty() ? std::string("> (cross-cutting)")
                               : "> bears on: " +
                                     [&] {
                                       std::string s;
                                       for (const auto& n : i.indicators) s += (s.empty() ? "" : ", ") + n;
                                       return s;
                                     }())
      << "\n\n";
  }

  o << "## 5. Overall verdict\n\n" << verdict_markdown(e);
  o << "\n## Appendix: method\n\n";
  o << "- k = " << m.settings.k << ", m = " << m.settings.m << ", prominence ratio = " << m.settings.prominence << "\n";
  o << "- Coders counted: " << analysis::describe_coders(m.query.coders) << " (";
  for (size_t i = 0; i < r.method.coders.size(); ++i) o << (i ? ", " : "") << r.method.coders[i];
  o << ")";
  o << "\n- Documents: " << r.method.documents;
  for (const auto& [type, n] : r.method.documents_by_type) o << "; " << type << " " << n;
  o << "\n- Codings: " << r.method.codings_total << " in the project, " << r.method.codings_counted
    << " passages counted in the matrix (each passage once)";
  if (r.method.unassigned)
    o << ", " << r.method.unassigned << " in documents without a value for " << m.columns.dimension;
  o << "\n";
  if (!r.method.date_filter.empty()) o << "- Documents dated " << r.method.date_filter << "\n";
  o << "- Report date: " << r.generated << "\n\n";
  for (const auto& n : method_notes(r)) o << "- " << n << "\n";
  return o.str();
}

}  // namespace telaah::exchange
