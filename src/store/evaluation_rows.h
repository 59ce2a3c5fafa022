// The `evaluations` table read for the analysis layer (analysis/evaluation.h
// owns the rules and writes through ActionScope), and the facts of the change
// log the report needs: no SQL outside the store.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

struct EvaluationRow {
  Id id = 0, code_id = 0;
  std::string rating, justification, evidence, modified;  // evidence: a JSON array of coding ids
  std::string automatic, coder, confirmed;                // the audit trail (schema 3; "" before)
};

std::vector<EvaluationRow> evaluation_rows(const Project& p);  // by id
std::optional<Id> find_evaluation_row(const Project& p, Id code);

// Documents touched by a pseudonymisation that is in force (not undone).
std::set<Id> pseudonymised_documents(const Project& p);

}  // namespace telaah::store
