// The evaluation report: the framework table, the triangulation matrix, per
// indicator the evidence by source type with quotes and citations, the
// convergence labels, the rating and the impediments, the overall verdict and
// a method appendix. Written as one self-contained HTML file (inline CSS, the
// matrix as inline SVG, prints well) or as Markdown.
//
// build_report gathers everything from the model; the renderers only format.
#pragma once
#include <string>
#include <vector>

#include "analysis/evaluation.h"
#include "analysis/triangulation.h"

namespace telaah::store {
class Project;
}

namespace telaah::exchange {

struct ReportOptions {
  analysis::Query query;       // columns, coders (empty: the project's default coders), dates
  size_t quotes_per_cell = 6;  // quotes shown per indicator and column; the rest are counted
  size_t quote_chars = 400;    // longer quotes are shortened with an ellipsis
  std::string generated;       // date shown in the report; default: today (UTC)
};

struct Quote {
  store::Id coding_id = 0;
  std::string text, citation, stance, coder, memo, code;  // code: the sub-code when not the indicator itself
};

struct ColumnEvidence {
  std::string column;
  analysis::Cell cell;
  std::vector<Quote> quotes;
  size_t omitted = 0;
};

struct IndicatorSection {
  size_t index = 0;  // into matrix.rows and evaluation.indicators (same order)
  std::string variable, name, definition;
  std::vector<ColumnEvidence> columns;
  std::vector<Quote> linked_evidence;  // the codings the researcher's justification cites
  std::vector<Quote> impediments;
};

struct ImpedimentEntry {
  Quote quote;
  std::vector<std::string> indicators;  // names of the linked indicators
};

struct MethodFacts {
  std::vector<std::string> coders;  // coders counted
  std::vector<std::pair<std::string, int64_t>> documents_by_type;
  int64_t documents = 0, codings_total = 0, codings_counted = 0, unassigned = 0, revision = 0;
  std::string date_filter;
};

struct ReportData {
  std::string title, project_file, generated;
  analysis::Matrix matrix;
  analysis::Evaluation evaluation;
  std::vector<IndicatorSection> indicators;
  std::vector<ImpedimentEntry> impediments;
  MethodFacts method;
};

ReportData build_report(const store::Project& p, const analysis::EvidenceTable& t, const ReportOptions& o);
std::string render_markdown(const ReportData& r);
std::string render_html(const ReportData& r);

// The rules of the method with this project's settings, one sentence each
// (the method appendix of both renderers).
std::vector<std::string> method_notes(const ReportData& r);
// Section 5 (the verdict by the rule, per variable, and its sensitivity) in
// Markdown and in HTML (report_verdict.cpp).
std::string verdict_markdown(const analysis::Evaluation& e);
std::string verdict_html(const analysis::Evaluation& e);

// Where a passage is: "Title, p. 3" when the document has a page map,
// else "Title, para. 12" (1-based paragraph or speaker turn).
std::string citation(const store::Project& p, store::Id doc, int64_t start);

}  // namespace telaah::exchange
