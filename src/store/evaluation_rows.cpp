// Reading the evaluations table and the change log's pseudonymisations (see evaluation_rows.h).
#include "store/evaluation_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

namespace telaah::store {

std::vector<EvaluationRow> evaluation_rows(const Project& p) {
  std::vector<EvaluationRow> out;
  SQLite::Statement q(p.db(),
                      "SELECT id, code_id, rating, justification, evidence, modified, automatic, coder, confirmed "
                      "FROM evaluations ORDER BY id");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString()});
  return out;
}

std::optional<Id> find_evaluation_row(const Project& p, Id code) {
  SQLite::Statement q(p.db(), "SELECT id FROM evaluations WHERE code_id=?");
  q.bind(1, code);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::set<Id> pseudonymised_documents(const Project& p) {
  std::set<Id> out;
  SQLite::Statement q(p.db(), "SELECT docs FROM change_log WHERE kind='do' AND state=0 AND label LIKE 'Pseudonymise%'");
  while (q.executeStep()) {
    auto j = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
    if (!j.is_array()) continue;
    for (const auto& d : j)
      if (d.is_number_integer()) out.insert(d.get<Id>());
  }
  return out;
}

}  // namespace telaah::store
