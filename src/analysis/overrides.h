// Researcher overrides of convergence labels and statuses, with a memo.
// Kept in the project's `overrides` table; every write is one undoable action.
// A pair override names its two columns (stored in sorted order, matched in
// either order); a status override has empty columns. Overrides belong to a
// column dimension ("type", an attribute name, "year"): a label judged for
// source types says nothing about outlets.
//
// The audit trail (schema 3): each override records the automatic value it
// replaced (the label or status of the matrix over its dimension under the
// project's settings and coder rule, all dates), the coder who made it and
// when. When the matrix an override is applied to gives a different
// automatic value, the override is STALE (Override::stale): later evidence
// (or a changed setting) moved the label under it. It stays flagged until
// the researcher confirms it (confirm_override: the current automatic value
// is recorded) or removes it. Overrides made before schema 3 have no recorded
// value and are never stale until confirmed.
#pragma once
#include <string>
#include <vector>

#include "analysis/triangulation.h"

namespace telaah::analysis {

struct OverrideRecord {
  Id id = 0, code_id = 0;
  std::string dimension, column_a, column_b, label, memo, created;
  std::string automatic, coder, confirmed;  // the audit trail ("" before schema 3)
  bool is_status() const { return column_a.empty() && column_b.empty(); }
};

std::vector<OverrideRecord> load_overrides(const store::Project& p);

// Sets (or replaces) an override; returns its id. `label` is a convergence
// label for a pair, a status when both columns are empty; the memo is
// required. The indicator must be a row of a matrix over `dimension`; the
// columns must be two different columns of that dimension.
Id set_override(store::Project& p, const EvidenceTable& t, Id code_id, const std::string& dimension,
                const std::string& column_a, const std::string& column_b, const std::string& label,
                const std::string& memo);
// Records the current automatic value under an existing override (the
// researcher has looked again and keeps it), with the coder and time; one
// undoable action. Throws NotFound when there is no such override.
void confirm_override(store::Project& p, const EvidenceTable& t, Id code_id, const std::string& dimension,
                      const std::string& column_a, const std::string& column_b);
// The automatic value an override of this indicator (status, or the pair's
// label; "none" when neither column has evidence) has in the matrix over
// `dimension` under the project's settings and coder rule.
std::string automatic_value(const store::Project& p, const EvidenceTable& t, Id code_id, const std::string& dimension,
                            const std::string& column_a, const std::string& column_b);

// For other judgements that replace an automatic value (the verdict override
// of the evaluation settings): the audit trail as a small JSON-able record.
struct Audit {
  std::string automatic, coder, at;  // the automatic value then, who, when (ISO 8601)
};
Audit audit_now(const store::Project& p, const std::string& automatic);  // coder: the session's coder
// Stale: a value was recorded and the automatic value is now another one.
bool is_stale(const Audit& a, const std::string& automatic_now);
std::string audit_to_json(const Audit& a);    // {"automatic":..,"coder":..,"at":..}
Audit audit_from_json(const std::string& s);  // "" or malformed: an empty Audit

// Removes the override; throws NotFound when there is none.
void clear_override(store::Project& p, Id code_id, const std::string& dimension, const std::string& column_a,
                    const std::string& column_b);

// Attaches the overrides that match the matrix's dimension and recomputes
// the effective labels and statuses.
void apply_overrides(Matrix& m, const std::vector<OverrideRecord>& overrides);

}  // namespace telaah::analysis
