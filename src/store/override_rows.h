// The `overrides` table read for the analysis layer (analysis/overrides.h
// owns the rules and writes through ActionScope): no SQL outside the store.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

struct OverrideRow {
  Id id = 0, code_id = 0;
  std::string dimension, column_a, column_b, label, memo, created;
  std::string automatic, coder, confirmed;  // the audit trail (schema 3)
};

std::vector<OverrideRow> override_rows(const Project& p);  // by id
// The override of one indicator's status (empty columns) or pair (columns in sorted order).
std::optional<Id> find_override_row(const Project& p, Id code, const std::string& dimension, const std::string& a,
                                    const std::string& b);

}  // namespace telaah::store
