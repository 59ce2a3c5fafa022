// Reading, writing and applying researcher overrides (see overrides.h).
#include "analysis/overrides.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

std::vector<OverrideRecord> load_overrides(const store::Project& p) {
  std::vector<OverrideRecord> out;
  SQLite::Statement q(
      p.db(), "SELECT id, code_id, dimension, column_a, column_b, label, memo, created FROM overrides ORDER BY id");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(7).getString()});
  return out;
}

static std::pair<std::string, std::string> ordered(const std::string& a, const std::string& b) {
  return a <= b ? std::pair{a, b} : std::pair{b, a};
}

static std::optional<Id> find_override(const store::Project& p, Id code, const std::string& dim, const std::string& a,
                                       const std::string& b) {
  auto [x, y] = ordered(a, b);
  SQLite::Statement q(p.db(), "SELECT id FROM overrides WHERE code_id=? AND dimension=? AND column_a=? AND column_b=?");
  q.bind(1, code);
  q.bind(2, dim);
  q.bind(3, x);
  q.bind(4, y);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

Id set_override(store::Project& p, const EvidenceTable& t, Id code_id, const std::string& dimension,
                const std::string& column_a, const std::string& column_b, const std::string& label,
                const std::string& memo) {
  const bool is_status = column_a.empty() && column_b.empty();
  if (!is_status && (column_a.empty() || column_b.empty()))
    throw ValidationError("a label override needs two columns (e.g. --pair interview,news)");
  std::string canonical = is_status ? to_string(status_from_string(label)) : to_string(convergence_from_string(label));
  if (memo.find_first_not_of(" \t\n") == std::string::npos)
    throw ValidationError("an override needs a memo that says why the automatic value is wrong");
  int32_t code = t.code_index(code_id);
  if (code < 0 || !t.code_live[static_cast<size_t>(code)])
    throw NotFound("no code #" + std::to_string(code_id) + " in this codebook");
  Query q;
  q.by = dimension;
  q.all_codes = true;
  Columns cols = columns_for(t, q);
  const std::string path = t.code_path(code);
  if (t.code_rollup[static_cast<size_t>(code)] != code)
    throw ValidationError("'" + path + "' rolls up into '" + t.code_path(t.code_rollup[static_cast<size_t>(code)]) +
                          "': override the indicator, not its sub-code");
  if (!is_status) {
    if (column_a == column_b) throw ValidationError("a pair needs two different columns, not '" + column_a + "' twice");
    for (const auto& c : {column_a, column_b})
      if (std::find(cols.labels.begin(), cols.labels.end(), c) == cols.labels.end()) {
        std::string known;
        for (const auto& l : cols.labels) known += (known.empty() ? "" : ", ") + l;
        throw NotFound("no column '" + c + "' when the columns are " + cols.dimension + " (columns: " + known + ")");
      }
  }
  auto [a, b] = ordered(column_a, column_b);
  auto action = p.begin_action("Override " + std::string(is_status ? "status" : "label") + " of " + path);
  Id id;
  if (auto existing = find_override(p, code_id, cols.dimension, a, b)) {
    id = *existing;
    action.update("overrides", id, {{"label", canonical}, {"memo", memo}, {"created", store::now_iso()}});
  } else {
    id = action.insert("overrides", {{"code_id", code_id},
                                     {"dimension", cols.dimension},
                                     {"column_a", a},
                                     {"column_b", b},
                                     {"label", canonical},
                                     {"memo", memo},
                                     {"created", store::now_iso()}});
  }
  action.commit();
  return id;
}

void clear_override(store::Project& p, Id code_id, const std::string& dimension, const std::string& column_a,
                    const std::string& column_b) {
  std::string dim = dimension == "source_type" || dimension == "source type" || dimension.empty() ? "type" : dimension;
  auto id = find_override(p, code_id, dim, column_a, column_b);
  if (!id)
    throw NotFound("no override of " +
                   std::string(column_a.empty() ? "the status" : "the pair " + column_a + "/" + column_b) +
                   " of code #" + std::to_string(code_id) + " for columns by " + dim);
  auto action = p.begin_action("Remove override of " + p.code_path(code_id));
  action.remove("overrides", *id);
  action.commit();
}

void apply_overrides(Matrix& m, const std::vector<OverrideRecord>& overrides) {
  for (auto& row : m.rows) {
    row.status_override.reset();
    for (auto& pair : row.pairs) pair.override.reset();
  }
  for (const auto& o : overrides) {
    if (o.dimension != m.columns.dimension) continue;
    for (auto& row : m.rows) {
      if (row.code_id != o.code_id) continue;
      Override ov{o.id, o.label, o.memo, o.created};
      if (o.is_status()) {
        row.status_override = ov;
        continue;
      }
      for (auto& pair : row.pairs) {
        auto [a, b] =
            ordered(m.columns.labels[static_cast<size_t>(pair.a)], m.columns.labels[static_cast<size_t>(pair.b)]);
        if (a == o.column_a && b == o.column_b) pair.override = ov;
      }
    }
  }
  resolve(m);
}

}  // namespace telaah::analysis
