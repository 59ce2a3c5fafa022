// Reading, writing and applying researcher overrides (see overrides.h).
#include "analysis/overrides.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/errors.h"
#include "store/override_rows.h"
#include "store/project.h"

namespace telaah::analysis {

std::vector<OverrideRecord> load_overrides(const store::Project& p) {
  std::vector<OverrideRecord> out;
  for (auto& r : store::override_rows(p))
    out.push_back({r.id, r.code_id, r.dimension, r.column_a, r.column_b, r.label, r.memo, r.created, r.automatic,
                   r.coder, r.confirmed});
  return out;
}

static std::pair<std::string, std::string> ordered(const std::string& a, const std::string& b) {
  return a <= b ? std::pair{a, b} : std::pair{b, a};
}

static std::optional<Id> find_override(const store::Project& p, Id code, const std::string& dim, const std::string& a,
                                       const std::string& b) {
  auto [x, y] = ordered(a, b);
  return store::find_override_row(p, code, dim, x, y);
}

static std::string dimension_name(const std::string& d) {
  return d == "source_type" || d == "source type" || d.empty() ? "type" : d;
}

std::string automatic_value(const store::Project& p, const EvidenceTable& t, Id code_id, const std::string& dimension,
                            const std::string& column_a, const std::string& column_b) {
  Query q;
  q.by = dimension;
  q.all_codes = true;
  q.coders = default_coders(p, t);
  Matrix m = triangulate(t, q, settings_from_project(p));
  const Row* r = m.find(code_id);
  if (!r) return "";
  if (column_a.empty() && column_b.empty()) return to_string(r->automatic);
  for (const auto& pair : r->pairs) {
    const auto& la = m.columns.labels[static_cast<size_t>(pair.a)];
    const auto& lb = m.columns.labels[static_cast<size_t>(pair.b)];
    if ((la == column_a && lb == column_b) || (la == column_b && lb == column_a))
      return pair.automatic == Convergence::none ? "none" : to_string(pair.automatic);
  }
  return "";
}

Audit audit_now(const store::Project& p, const std::string& automatic) {
  return {automatic, p.coder(), store::now_iso()};
}

bool is_stale(const Audit& a, const std::string& automatic_now) {
  return !a.automatic.empty() && a.automatic != automatic_now;
}

std::string audit_to_json(const Audit& a) {
  return nlohmann::json{{"automatic", a.automatic}, {"coder", a.coder}, {"at", a.at}}.dump();
}

Audit audit_from_json(const std::string& s) {
  Audit a;
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_object()) return a;
  a.automatic = j.value("automatic", "");
  a.coder = j.value("coder", "");
  a.at = j.value("at", "");
  return a;
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
  const std::string automatic = automatic_value(p, t, code_id, cols.dimension, a, b);
  const std::string now = store::now_iso();
  auto action = p.begin_action("Override " + std::string(is_status ? "status" : "label") + " of " + path);
  Id id;
  if (auto existing = find_override(p, code_id, cols.dimension, a, b)) {
    id = *existing;
    action.update("overrides", id,
                  {{"label", canonical},
                   {"memo", memo},
                   {"created", now},
                   {"automatic", automatic},
                   {"coder", p.coder()},
                   {"confirmed", now}});
  } else {
    id = action.insert("overrides", {{"code_id", code_id},
                                     {"dimension", cols.dimension},
                                     {"column_a", a},
                                     {"column_b", b},
                                     {"label", canonical},
                                     {"memo", memo},
                                     {"created", now},
                                     {"automatic", automatic},
                                     {"coder", p.coder()},
                                     {"confirmed", now}});
  }
  action.commit();
  return id;
}

static std::string no_override(Id code_id, const std::string& dim, const std::string& column_a,
                               const std::string& column_b) {
  return "no override of " + std::string(column_a.empty() ? "the status" : "the pair " + column_a + "/" + column_b) +
         " of code #" + std::to_string(code_id) + " for columns by " + dim;
}

void confirm_override(store::Project& p, const EvidenceTable& t, Id code_id, const std::string& dimension,
                      const std::string& column_a, const std::string& column_b) {
  const std::string dim = dimension_name(dimension);
  auto id = find_override(p, code_id, dim, column_a, column_b);
  if (!id) throw NotFound(no_override(code_id, dim, column_a, column_b));
  auto [a, b] = ordered(column_a, column_b);
  const std::string automatic = automatic_value(p, t, code_id, dim, a, b);
  auto action = p.begin_action("Confirm override of " + p.code_path(code_id));
  action.update("overrides", *id, {{"automatic", automatic}, {"coder", p.coder()}, {"confirmed", store::now_iso()}});
  action.commit();
}

void clear_override(store::Project& p, Id code_id, const std::string& dimension, const std::string& column_a,
                    const std::string& column_b) {
  std::string dim = dimension_name(dimension);
  auto id = find_override(p, code_id, dim, column_a, column_b);
  if (!id) throw NotFound(no_override(code_id, dim, column_a, column_b));
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
      Override ov{o.id, o.label, o.memo, o.created, o.automatic, o.coder, o.confirmed, false};
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
  for (auto& row : m.rows) {
    if (row.status_override)
      row.status_override->stale = is_stale({row.status_override->automatic_then, "", ""}, to_string(row.automatic));
    for (auto& pair : row.pairs)
      if (pair.override)
        pair.override->stale = is_stale({pair.override->automatic_then, "", ""},
                                        pair.automatic == Convergence::none ? "none" : to_string(pair.automatic));
  }
}

}  // namespace telaah::analysis
