// Reading the overrides table (see override_rows.h).
#include "store/override_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace telaah::store {

std::vector<OverrideRow> override_rows(const Project& p) {
  std::vector<OverrideRow> out;
  SQLite::Statement q(p.db(),
                      "SELECT id, code_id, dimension, column_a, column_b, label, memo, created, automatic, coder, "
                      "confirmed FROM overrides ORDER BY id");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString(),
                   q.getColumn(9).getString(), q.getColumn(10).getString()});
  return out;
}

std::optional<Id> find_override_row(const Project& p, Id code, const std::string& dim, const std::string& a,
                                    const std::string& b) {
  SQLite::Statement q(p.db(), "SELECT id FROM overrides WHERE code_id=? AND dimension=? AND column_a=? AND column_b=?");
  q.bind(1, code);
  q.bind(2, dim);
  q.bind(3, a);
  q.bind(4, b);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

}  // namespace telaah::store
