// The evaluation report, in Indonesian or English: the study's title,
// research question, period and framework citation on the first page with
// the verdict; then the method with the settings in force, the document
// inventory, intercoder agreement, the indicators at a glance, the
// triangulation matrix, per indicator the status, pair labels, sub-code rows,
// rating with justification and the evidence by source type (contradicting
// passages always listed, first), the impediments, the verdict per variable
// with its sensitivity, and the audit trail of the researcher's judgements.
// Written as one self-contained HTML file (inline CSS, the matrix as inline
// SVG, A4 print rules), as Markdown or as a Word document (DOCX).
//
// build_report gathers everything from the model; report_blocks() lays it
// out once as a list of blocks (report_doc.h) that each renderer only formats,
// so the three outputs carry the same text.
#pragma once
#include <string>
#include <vector>

#include "analysis/evaluation.h"
#include "analysis/triangulation.h"
#include "exchange/report_meta.h"
#include "exchange/report_text.h"

namespace telaah::store {
class Project;
}

namespace telaah::exchange {

struct ReportOptions {
  analysis::Query query;       // columns, coders (empty: the project's default coders), dates
  size_t quotes_per_cell = 6;  // quotes shown per indicator and column; the rest are counted
  size_t quote_chars = 400;    // longer quotes are shortened with an ellipsis
  std::string generated;       // date shown in the report; default: today (UTC)
  Lang lang = Lang::en;        // the report's language
  bool agreement = true;       // compute intercoder agreement (all coders with codings, segment level)
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
  std::vector<analysis::Row> subcodes;  // one row per sub-code (Query::subcodes), path relative to the indicator
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
  // Code suggestions (store/suggestions.h): switched on, and how many codings the suggestions coder holds.
  bool suggestions_enabled = true;
  int64_t suggestion_codings = 0;
  std::string suggestions_coder;
};

struct InventoryRow {
  store::Id id = 0;
  std::string title, type, date, author, informant, role;
  bool pseudonymised = false;  // a pseudonymisation (telaah pseudonymise) touched it and is in force
};

struct AgreementRow {
  std::string code, pair;                    // pair "a–b", or "" on the all-coders row
  double percent = 0, kappa = 0, alpha = 0;  // NaN: not meaningful (n/a)
  double stance_alpha = 0;                   // NaN: n/a
  int64_t stance_units = 0;
};

struct AgreementSection {
  std::vector<std::string> coders;  // coders with codings (two or more: computed)
  size_t documents = 0;             // documents coded by two or more of them
  std::vector<AgreementRow> rows;   // per code and pair, then the pooled rows
  std::string error;                // why it could not be computed ("" when it was)
};

struct AuditEntry {
  enum class Kind { status, pair, rating, verdict } kind = Kind::status;
  std::string target;                         // indicator path, with the pair for a label
  std::string value;                          // the researcher's value (English label as stored)
  std::string automatic_then, automatic_now;  // English labels as stored / computed
  std::string coder, at, memo;
  bool stale = false;
};

struct SettingRow {
  std::string key, value, default_value, meaning;  // meaning in the report's language
};

// The researcher's judgement beside the evidence (issue 21; gathered in
// report_judgement.cpp): summary cells with their citations resolved,
// impediment findings, typed links, cases and the indicator × case matrix.
struct SummaryEntry {
  std::string column;  // the source type's or the case's name
  bool by_case = false;
  std::string text, coder, modified;
  std::vector<Quote> cited;       // valid citations, in order of first appearance
  std::vector<store::Id> broken;  // cited codings that are gone
};
struct FindingEntry {
  store::Id id = 0;
  std::string title, description, coder, modified;
  std::vector<std::string> indicators;  // paths of the indicators it hinders
  std::vector<Quote> evidence;
};
struct LinkEntry {
  std::string relation;  // the relation's name (built-in names are translated by the renderer)
  int count = 0;
};
struct IndicatorJudgement {
  std::vector<SummaryEntry> summaries;  // source-type cells in column order, then case cells by name
  std::vector<size_t> findings;         // indices into JudgementData::findings
  std::vector<LinkEntry> links;         // typed links with an end among its codings (non-zero counts)
  // The summary cells its rating's justification cites ([S#ID], store/rating_citations.h), in order of
  // first appearance: (id, the cell) for those that exist, and the ids of the cells that are gone.
  std::vector<std::pair<store::Id, SummaryEntry>> rating_summaries;
  std::vector<store::Id> rating_broken;
};
struct CaseEntry {
  std::string name, description;
  std::vector<std::vector<std::string>> attributes;  // name, type, value
  std::vector<std::string> members;                  // "Title" or "Title, para. 3 (part)"
};
struct JudgementData {
  std::vector<IndicatorJudgement> indicators;  // aligned with ReportData::indicators
  std::vector<FindingEntry> findings;
  // The summary grid: rows are the indicators (matrix rows, then other codes with summaries).
  std::vector<std::string> grid_rows;
  std::vector<std::string> type_columns, case_columns;
  // [row][column]: the start of the cell's text with its citation counts, in the report's language; "" none
  std::vector<std::vector<std::string>> by_type, by_case;
  std::vector<std::pair<std::string, SummaryEntry>> other_summaries;  // of codes that are not indicators: path, cell
  std::vector<CaseEntry> cases;
  analysis::Matrix case_matrix;  // triangulate_by_case (rows: the indicators; empty when no case)
};

struct ReportData {
  std::string title, project_file, generated;  // title: the study's (project.title), "" when not set
  Lang lang = Lang::en;
  ProjectMeta meta;
  std::vector<InventoryRow> inventory;
  AgreementSection agreement;
  std::vector<AuditEntry> audit;
  std::vector<SettingRow> settings;
  analysis::Matrix matrix;
  analysis::Evaluation evaluation;
  std::vector<IndicatorSection> indicators;
  std::vector<ImpedimentEntry> impediments;
  MethodFacts method;
  JudgementData judgement;
};

ReportData build_report(const store::Project& p, const analysis::EvidenceTable& t, const ReportOptions& o);
// Fills r.judgement (report_judgement.cpp); build_report calls it last.
void gather_judgement(const store::Project& p, const analysis::EvidenceTable& t, const ReportOptions& o, ReportData& r);
std::string render_markdown(const ReportData& r);
std::string render_html(const ReportData& r);
// A Word document (Office Open XML): the bytes of the .docx file.
std::string render_docx(const ReportData& r);

// Where a passage is: "Title, p. 3" when the document has a page map,
// else "Title, para. 12" (1-based paragraph or speaker turn); "hlm." / "par." in Indonesian.
// A quote of an area coding is cited "Title, area on p. 2" ("area di hlm. 2").
std::string citation(const store::Project& p, store::Id doc, int64_t start, Lang lang = Lang::en);

}  // namespace telaah::exchange
