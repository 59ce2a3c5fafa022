// From evidence to judgement (issue 21), as pure functions for the CLI, the
// window and the report:
//
// Cases. A coding belongs to a case when its document is in the case as a
// whole, or when at least half of the coding's span lies inside a part of the
// document assigned to the case (so a coding across the boundary of two
// informants' parts counts with the one it mostly belongs to; exactly half
// counts with both). A document in several cases counts in each.
//   - triangulate_case: indicator x source type within one case (the normal
//     matrix over the case's codings only);
//   - triangulate_by_case: indicator x case, one column per case, each cell
//     the row total of that case's matrix (units, documents, stances), pair
//     labels and status by the same rules as any matrix (k cases with at
//     least m documents each and no dissonance: triangulated across cases).
//
// Impediments per indicator: the impediment codings linked to it explicitly
// (attached) or by overlap / shared paragraph (evaluation.h), and the
// impediment findings naming it. The verdict rule counts an indicator as
// impeded when any of the three is non-empty.
//
// Summary cells: per indicator the written cells with their citations, each
// citation marked valid or broken.
#pragma once
#include <string>
#include <vector>

#include "analysis/evaluation.h"
#include "store/judgement.h"

namespace telaah::analysis {

// --- cases ---
// Whether a coding [cs, ce) belongs to a case's part [ps, pe) (half the coding inside).
bool coding_in_part(int64_t cs, int64_t ce, int64_t ps, int64_t pe);
// The evidence table's rows that belong to the case (keep[row] != 0).
std::vector<char> case_rows(const EvidenceTable& t, const store::Case& c);
Matrix triangulate_case(const EvidenceTable& t, const store::Case& c, const Query& q, const Settings& s);
// Columns: the cases in the order given; Query::by is ignored (columns.dimension = "case").
Matrix triangulate_by_case(const EvidenceTable& t, const std::vector<store::Case>& cases, const Query& q,
                           const Settings& s);

// --- impediments per indicator ---
struct IndicatorImpediments {
  Id code_id = 0;
  std::string path;
  std::vector<Id> attached;    // impediment codings attached to it explicitly
  std::vector<Id> by_overlap;  // impediment codings linked by overlap or paragraph (and not attached)
  std::vector<Id> findings;    // impediment findings (store::Impediment ids) naming it
  bool impeded() const { return !attached.empty() || !by_overlap.empty() || !findings.empty(); }
};
// In the evaluation's indicator order.
std::vector<IndicatorImpediments> impediments_by_indicator(const Evaluation& e);
// One indicator (empty lists when it has none or is not a row).
IndicatorImpediments impediments_of(const Evaluation& e, Id code_id);
// Whether a coding is coded at an impediment code (evaluation.impediment_codes, with sub-codes).
bool is_impediment_coding(const store::Project& p, const EvidenceTable& t, Id coding);

// --- summaries ---
struct SummaryCell {
  store::Summary summary;
  std::vector<store::Citation> citations;  // in order of first appearance in the text
  int broken() const;
};
// The written cells of one indicator (source-type cells in column order, then case cells by name).
std::vector<SummaryCell> summary_cells(const store::Project& p, Id code_id);

// --- links ---
struct LinkCounts {
  int corroborates = 0, contradicts = 0, explains = 0, impedes = 0, other = 0;
  int total() const { return corroborates + contradicts + explains + impedes + other; }
};
// Links with at least one end among the codings behind an indicator's row (its own and sub-codes').
LinkCounts link_counts(const store::Project& p, const EvidenceTable& t, const Matrix& m, Id code_id);

}  // namespace telaah::analysis
