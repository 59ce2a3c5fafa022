// Researcher overrides of convergence labels and statuses, with a memo.
// Kept in the project's `overrides` table; every write is one undoable action.
// A pair override names its two columns (stored in sorted order, matched in
// either order); a status override has empty columns. Overrides belong to a
// column dimension ("type", an attribute name, "year"): a label judged for
// source types says nothing about outlets.
#pragma once
#include <string>
#include <vector>

#include "analysis/triangulation.h"

namespace telaah::analysis {

struct OverrideRecord {
  Id id = 0, code_id = 0;
  std::string dimension, column_a, column_b, label, memo, created;
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
// Removes the override; throws NotFound when there is none.
void clear_override(store::Project& p, Id code_id, const std::string& dimension, const std::string& column_a,
                    const std::string& column_b);

// Attaches the overrides that match the matrix's dimension and recomputes
// the effective labels and statuses.
void apply_overrides(Matrix& m, const std::vector<OverrideRecord>& overrides);

}  // namespace telaah::analysis
