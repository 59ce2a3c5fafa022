// The triangulation matrix and the convergence rules (see triangulation.h).
#include "analysis/triangulation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "analysis/duplicates.h"
#include "analysis/project_settings.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

const char* to_string(Convergence c) {
  switch (c) {
    case Convergence::agreement:
      return "agreement";
    case Convergence::partial:
      return "partial agreement";
    case Convergence::silence:
      return "silence";
    case Convergence::dissonance:
      return "dissonance";
    default:
      return "";
  }
}

const char* to_string(Status s) {
  switch (s) {
    case Status::single_source:
      return "single-source";
    case Status::insufficient:
      return "insufficient";
    case Status::triangulated:
      return "triangulated";
    case Status::divergent:
      return "divergent";
    default:
      return "gap";
  }
}

static std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

Convergence convergence_from_string(const std::string& in) {
  std::string s = lower(in);
  if (s == "agreement") return Convergence::agreement;
  if (s == "partial agreement" || s == "partial" || s == "partial-agreement") return Convergence::partial;
  if (s == "silence") return Convergence::silence;
  if (s == "dissonance") return Convergence::dissonance;
  throw ValidationError("unknown convergence label '" + in +
                        "' (use agreement, partial agreement, silence or dissonance)");
}

Status status_from_string(const std::string& in) {
  std::string s = lower(in);
  if (s == "gap") return Status::gap;
  if (s == "single-source" || s == "single source") return Status::single_source;
  if (s == "insufficient") return Status::insufficient;
  if (s == "triangulated") return Status::triangulated;
  if (s == "divergent") return Status::divergent;
  throw ValidationError("unknown status '" + in +
                        "' (use triangulated, divergent, single-source, insufficient or gap)");
}

const char* to_string(ProminenceUnit u) {
  return u == ProminenceUnit::documents ? "documents" : "codings";
}

void validate(const Settings& s) {
  if (s.k < 2)
    throw ValidationError("triangulation.k must be at least 2 (triangulation compares two or more columns), not " +
                          std::to_string(s.k));
  if (s.m < 1) throw ValidationError("triangulation.m must be at least 1 document, not " + std::to_string(s.m));
  if (!(s.prominence >= 1.0) || !std::isfinite(s.prominence))
    throw ValidationError("triangulation.prominence must be a ratio of at least 1 (e.g. 3), not " +
                          std::to_string(s.prominence));
  if (!(s.same_passage > 0.0 && s.same_passage <= 1.0))
    throw ValidationError("triangulation.same_passage must be a share above 0 and at most 1 (e.g. 0.5), not " +
                          std::to_string(s.same_passage));
}

Settings settings_from_project(const store::Project& p) {
  Settings s;
  s.k = int_setting(p, "triangulation.k", s.k);
  s.m = int_setting(p, "triangulation.m", s.m);
  s.prominence = real_setting(p, "triangulation.prominence", s.prominence);
  s.same_passage = real_setting(p, "triangulation.same_passage", s.same_passage);
  s.duplicates_once = count_duplicates_once(p);
  const std::string unit = p.setting("triangulation.prominence_unit");
  if (unit == "documents")
    s.unit = ProminenceUnit::documents;
  else if (!unit.empty() && unit != "codings")
    throw ValidationError("project setting triangulation.prominence_unit must be codings or documents, not '" + unit +
                          "'");
  validate(s);
  return s;
}

std::vector<std::string> default_coders(const store::Project& p, const EvidenceTable&) {
  auto set = list_setting(p, "triangulation.coders", {});
  if (set.size() == 1 && set[0] == "all") return {};
  return set;
}

std::string describe_coders(const std::vector<std::string>& coders) {
  if (coders.empty()) return "all coders, deduplicated";
  if (coders.size() == 1) return "one coder: " + coders[0];
  std::string names;
  for (const auto& c : coders) names += (names.empty() ? "" : ", ") + c;
  return "chosen coders: " + names + ", deduplicated";
}

std::vector<std::string> resolve_coders(const store::Project& p, const EvidenceTable& t,
                                        const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const auto& g : given)
    for (auto& name : split_list(g)) out.push_back(name);
  if (out.empty()) return default_coders(p, t);
  if (out.size() == 1 && out[0] == "all") return {};
  for (const auto& name : out)
    if (t.coder_index(name) < 0) {
      std::string known;
      for (const auto& n : t.coder_name) known += (known.empty() ? "" : ", ") + n;
      throw NotFound("no coder '" + name + "' in this project (coders: " + (known.empty() ? "none yet" : known) + ")");
    }
  return out;
}

// --- columns ---

// Attribute values sort as numbers when they all are numbers ("2" before "10").
static bool numeric(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0';
}

static void by_values(const EvidenceTable& t, const std::vector<int32_t>& value_of_doc, const Interner& names,
                      Columns& c) {
  std::set<int32_t> used;
  for (size_t d = 0; d < t.doc_count(); ++d)
    if (t.doc_live[d] && value_of_doc[d] >= 0 && !names.name(value_of_doc[d]).empty()) used.insert(value_of_doc[d]);
  std::vector<int32_t> vals(used.begin(), used.end());
  bool all_numeric = std::all_of(vals.begin(), vals.end(), [&](int32_t v) { return numeric(names.name(v)); });
  std::sort(vals.begin(), vals.end(), [&](int32_t a, int32_t b) {
    if (all_numeric) return std::strtod(names.name(a).c_str(), nullptr) < std::strtod(names.name(b).c_str(), nullptr);
    return names.name(a) < names.name(b);
  });
  std::vector<int32_t> col_of_value(names.size(), -1);
  for (size_t i = 0; i < vals.size(); ++i) {
    c.labels.push_back(names.name(vals[i]));
    col_of_value[static_cast<size_t>(vals[i])] = static_cast<int32_t>(i);
  }
  for (size_t d = 0; d < t.doc_count(); ++d)
    c.of_doc[d] = value_of_doc[d] >= 0 ? col_of_value[static_cast<size_t>(value_of_doc[d])] : -1;
}

Columns columns_for(const EvidenceTable& t, const Query& q) {
  Columns c;
  c.of_doc.assign(t.doc_count(), -1);
  std::string by = q.by.empty() ? "type" : q.by;
  if (by == "type" || by == "source_type" || by == "source type") {
    c.dimension = "type";
    std::vector<int32_t> col_of_type(t.type_id.size(), -1);
    for (int32_t ty : t.type_order) {
      col_of_type[static_cast<size_t>(ty)] = static_cast<int32_t>(c.labels.size());
      c.labels.push_back(t.type_name[static_cast<size_t>(ty)]);
    }
    for (size_t d = 0; d < t.doc_count(); ++d)
      c.of_doc[d] = t.doc_type[d] >= 0 ? col_of_type[static_cast<size_t>(t.doc_type[d])] : -1;
  } else if (int32_t a = t.attr_names.find(by); a >= 0) {
    c.dimension = by;  // a document attribute wins over a built-in field of the same name
    by_values(t, t.attr_values[static_cast<size_t>(a)], t.strings, c);
  } else if (by == "year" || by == "language" || by == "author") {
    c.dimension = by;
    if (by != "year") {
      by_values(t, by == "language" ? t.doc_language : t.doc_author, t.strings, c);
    } else {
      Interner years;
      std::vector<int32_t> vals(t.doc_count(), -1);
      for (size_t d = 0; d < t.doc_count(); ++d)
        if (t.doc_date[d] > 0) vals[d] = years.intern(std::to_string(t.doc_date[d] / 10000));
      by_values(t, vals, years, c);
    }
  } else {
    std::string known;
    for (size_t i = 0; i < t.attr_names.size(); ++i) known += ", " + t.attr_names.name(static_cast<int32_t>(i));
    throw NotFound("no document attribute '" + by + "' to use as columns (use type, year, language, author" + known +
                   ")");
  }
  if (!q.from.empty() || !q.to.empty()) {
    int32_t lo = q.from.empty() ? 0 : date_range(q.from).first;
    int32_t hi = q.to.empty() ? 99999999 : date_range(q.to).second;
    if (lo > hi) throw ValidationError("the date range is empty: " + q.from + " is after " + q.to);
    for (size_t d = 0; d < t.doc_count(); ++d)  // undated documents fall outside any date range
      if (t.doc_date[d] == 0 || t.doc_date[d] < lo || t.doc_date[d] > hi) c.of_doc[d] = -1;
  }
  if (q.docs) {  // a document set: the others are outside the matrix
    c.outside.assign(t.doc_count(), 1);
    for (Id id : *q.docs)
      if (int32_t d = t.doc_index(id); d >= 0) c.outside[static_cast<size_t>(d)] = 0;
    for (size_t d = 0; d < t.doc_count(); ++d)
      if (c.outside[d]) c.of_doc[d] = -1;
  }
  return c;
}

// --- the rules ---
Convergence convergence(const Cell& a, const Cell& b, const Settings& s) {
  const bool ea = a.has_evidence(), eb = b.has_evidence();
  if (!ea && !eb) return Convergence::none;
  if (ea != eb) return Convergence::silence;
  const int na = a.net(), nb = b.net();
  if (na * nb < 0) return Convergence::dissonance;
  if (na != nb) return Convergence::partial;  // one side neutral (or tied), the other not
  const bool docs = s.unit == ProminenceUnit::documents;
  const auto ca = docs ? a.documents : a.codings, cb = docs ? b.documents : b.codings;
  const auto hi = static_cast<double>(std::max(ca, cb));
  const auto lo = static_cast<double>(std::min(ca, cb));
  return hi <= s.prominence * lo ? Convergence::agreement : Convergence::partial;
}

Status status(const std::vector<Cell>& cells, const std::vector<Convergence>& labels, const Settings& s) {
  int with = 0, qualifying = 0;
  for (const auto& c : cells) {
    with += c.has_evidence() ? 1 : 0;
    qualifying += c.documents >= s.m ? 1 : 0;
  }
  if (with == 0) return Status::gap;
  if (std::find(labels.begin(), labels.end(), Convergence::dissonance) != labels.end()) return Status::divergent;
  if (with == 1) return Status::single_source;
  if (qualifying >= s.k) return Status::triangulated;
  return Status::insufficient;
}

bool Row::overridden() const {
  if (status_override) return true;
  return std::any_of(pairs.begin(), pairs.end(), [](const Pair& p) { return p.override.has_value(); });
}

bool Row::stale() const {
  if (status_override && status_override->stale) return true;
  return std::any_of(pairs.begin(), pairs.end(), [](const Pair& p) { return p.override && p.override->stale; });
}

const Row* Matrix::find(Id code_id) const {
  for (const auto& r : rows)
    if (r.code_id == code_id) return &r;
  return nullptr;
}

// What a query selects, prepared once: column per document, the matrix rows
// each code counts in (its indicator's row, and with sub-code rows the row of
// the sub-code it lies under), and the coders that count.
namespace {
struct Selection {
  std::vector<std::array<int32_t, 2>> rows_of_code;  // -1: none
  std::vector<char> coder_ok;
};

Selection select(const EvidenceTable& t, const Matrix& m) {
  Selection s;
  s.rows_of_code.assign(t.code_count(), {-1, -1});
  std::vector<int32_t> row_of(t.code_count(), -1);
  for (size_t r = 0; r < m.rows.size(); ++r) row_of[static_cast<size_t>(m.rows[r].code)] = static_cast<int32_t>(r);
  for (size_t c = 0; c < t.code_count(); ++c) {
    const int32_t target = t.code_rollup[c];
    if (target < 0) continue;
    const int32_t main = row_of[static_cast<size_t>(target)];
    if (main < 0 || m.rows[static_cast<size_t>(main)].parent >= 0) continue;
    s.rows_of_code[c][0] = main;
    // The sub-code row: the ancestor-or-self of c that is a child of the target.
    int32_t x = static_cast<int32_t>(c);
    while (x >= 0 && t.code_parent[static_cast<size_t>(x)] != target) x = t.code_parent[static_cast<size_t>(x)];
    if (x >= 0 && x != target) {
      const int32_t sub = row_of[static_cast<size_t>(x)];
      if (sub >= 0 && m.rows[static_cast<size_t>(sub)].parent == main) s.rows_of_code[c][1] = sub;
    }
  }
  s.coder_ok.assign(t.coder_id.size(), m.query.coders.empty() ? 1 : 0);
  for (const auto& name : m.query.coders) {
    int32_t k = t.coder_index(name);
    if (k < 0) {
      std::string known;
      for (const auto& n : t.coder_name) known += (known.empty() ? "" : ", ") + n;
      throw NotFound("no coder '" + name + "' in this project (coders: " + (known.empty() ? "none yet" : known) + ")");
    }
    s.coder_ok[static_cast<size_t>(k)] = 1;
  }
  return s;
}

int32_t find_root(std::vector<int32_t>& up, int32_t x) {
  while (up[static_cast<size_t>(x)] != x) {
    up[static_cast<size_t>(x)] = up[static_cast<size_t>(up[static_cast<size_t>(x)])];
    x = up[static_cast<size_t>(x)];
  }
  return x;
}
}  // namespace

bool same_passage(int64_t a_start, int64_t a_end, int64_t b_start, int64_t b_end, double share) {
  const int64_t overlap = std::min(a_end, b_end) - std::max(a_start, b_start);
  if (overlap <= 0) return false;
  const int64_t shorter = std::min(a_end - a_start, b_end - b_start);
  return static_cast<double>(overlap) >= share * static_cast<double>(shorter);
}

std::vector<std::vector<size_t>> evidence_units(const EvidenceTable& t, const std::vector<size_t>& rows, double share) {
  // `rows` are in table order, so by start within the document.
  const auto n = static_cast<int32_t>(rows.size());
  std::vector<int32_t> up(rows.size());
  std::vector<int64_t> max_end(rows.size());  // the furthest end among rows[0..i]
  for (int32_t i = 0; i < n; ++i) {
    up[static_cast<size_t>(i)] = i;
    const int64_t e = t.row_end[rows[static_cast<size_t>(i)]];
    max_end[static_cast<size_t>(i)] = i ? std::max(max_end[static_cast<size_t>(i - 1)], e) : e;
  }
  for (int32_t i = 0; i < n; ++i) {
    const size_t ri = rows[static_cast<size_t>(i)];
    for (int32_t j = i - 1; j >= 0; --j) {
      const size_t rj = rows[static_cast<size_t>(j)];
      if (t.row_doc[rj] != t.row_doc[ri] || max_end[static_cast<size_t>(j)] <= t.row_start[ri]) break;
      if (same_passage(t.row_start[ri], t.row_end[ri], t.row_start[rj], t.row_end[rj], share))
        up[static_cast<size_t>(find_root(up, i))] = find_root(up, j);
    }
  }
  std::vector<std::vector<size_t>> units;
  std::vector<int32_t> unit_of(rows.size(), -1);
  for (int32_t i = 0; i < n; ++i) {
    const int32_t r = find_root(up, i);
    if (unit_of[static_cast<size_t>(r)] < 0) {
      unit_of[static_cast<size_t>(r)] = static_cast<int32_t>(units.size());
      units.emplace_back();
    }
    units[static_cast<size_t>(unit_of[static_cast<size_t>(r)])].push_back(rows[static_cast<size_t>(i)]);
  }
  return units;
}

store::Stance unit_stance(const EvidenceTable& t, const std::vector<size_t>& unit) {
  int net = 0;
  for (size_t i : unit)
    net += t.row_stance[i] == store::Stance::supports ? 1 : t.row_stance[i] == store::Stance::contradicts ? -1 : 0;
  return net > 0 ? store::Stance::supports : net < 0 ? store::Stance::contradicts : store::Stance::neutral;
}

static void add_unit(Cell& c, store::Stance st, size_t raw) {
  ++c.codings;
  c.raw += static_cast<int64_t>(raw);
  switch (st) {
    case store::Stance::supports:
      ++c.supports;
      break;
    case store::Stance::contradicts:
      ++c.contradicts;
      break;
    default:
      ++c.neutral;
  }
}

Matrix triangulate(const EvidenceTable& t, const Query& q, const Settings& s) {
  validate(s);
  Matrix m;
  m.settings = s;
  m.query = q;
  m.revision = t.revision();
  m.columns = columns_for(t, q);
  bool any_indicator = false;
  for (int32_t c : t.code_order) any_indicator |= t.code_kind[static_cast<size_t>(c)] == store::CodeKind::indicator;
  for (int32_t c : t.code_order) {
    bool target = t.code_rollup[static_cast<size_t>(c)] == c;
    bool indicator = t.code_kind[static_cast<size_t>(c)] == store::CodeKind::indicator;
    if (!(indicator || ((q.all_codes || !any_indicator) && target))) continue;
    Row r;
    r.code = c;
    r.code_id = t.code_id[static_cast<size_t>(c)];
    r.path = t.code_path(c);
    const int main = static_cast<int>(m.rows.size());
    m.rows.push_back(std::move(r));
    if (!q.subcodes) continue;
    for (int32_t sub : t.code_order)  // tree order
      if (t.code_parent[static_cast<size_t>(sub)] == c && t.code_rollup[static_cast<size_t>(sub)] == c) {
        Row sr;
        sr.code = sub;
        sr.code_id = t.code_id[static_cast<size_t>(sub)];
        sr.path = t.code_path(sub);
        sr.parent = main;
        m.rows.push_back(std::move(sr));
      }
  }
  const Selection sel = select(t, m);
  const size_t ncol = m.columns.labels.size();
  const size_t nrow = m.rows.size();
  std::vector<Cell> cells(nrow * ncol);
  std::vector<Cell> totals(nrow);
  const auto& of_doc = m.columns.of_doc;
  // Per document: the selected codings of each row, merged into units.
  std::vector<std::vector<size_t>> bucket(nrow);
  struct Member {
    Id doc = 0;
    int32_t col = -1;
    size_t raw = 0;
    std::vector<std::vector<size_t>> units;
  };
  auto better = [](const Member& a, const Member& b) {
    if ((a.col >= 0) != (b.col >= 0)) return a.col >= 0;
    if (a.units.size() != b.units.size()) return a.units.size() > b.units.size();
    return a.doc < b.doc;
  };
  std::map<std::pair<Id, size_t>, Member> copies;  // (duplicate group, row) -> the member counted
  std::vector<size_t> touched;
  for (size_t d = 0; d < t.doc_count(); ++d) {
    auto [first, last] = t.doc_rows(static_cast<int32_t>(d));
    if (first == last || m.columns.excluded(d)) continue;
    touched.clear();
    for (size_t i = first; i < last; ++i) {
      if (!sel.coder_ok[static_cast<size_t>(t.row_coder[i])]) continue;
      for (int32_t row : sel.rows_of_code[static_cast<size_t>(t.row_code[i])]) {
        if (row < 0) continue;
        auto& b = bucket[static_cast<size_t>(row)];
        if (b.empty()) touched.push_back(static_cast<size_t>(row));
        b.push_back(i);
      }
    }
    const int32_t col = of_doc[d];
    const Id group = s.duplicates_once ? t.doc_group[d] : 0;
    for (size_t row : touched) {
      auto& b = bucket[row];
      if (group) {  // a copy of a recorded duplicate group: decided after every member is seen
        Member cand{t.doc_id[d], col, b.size(), evidence_units(t, b, s.same_passage)};
        auto it = copies.find({group, row});
        if (it == copies.end())
          copies.emplace(std::make_pair(group, row), std::move(cand));
        else if (better(cand, it->second))
          it->second = std::move(cand);
        b.clear();
        continue;
      }
      const bool main = m.rows[row].parent < 0;
      if (col < 0) {
        if (main) m.unassigned += static_cast<int64_t>(b.size());
        b.clear();
        continue;
      }
      Cell& c = cells[row * ncol + static_cast<size_t>(col)];
      Cell& tot = totals[row];
      for (const auto& unit : evidence_units(t, b, s.same_passage)) {
        const auto st = unit_stance(t, unit);
        add_unit(c, st, unit.size());
        add_unit(tot, st, unit.size());
        if (main) ++m.codings, m.raw_codings += static_cast<int64_t>(unit.size());
      }
      ++c.documents;  // documents are visited once each
      ++tot.documents;
      b.clear();
    }
  }
  // Each recorded duplicate group counts once per row: the member with the
  // most evidence units for the row (a member in a column first; ties: the
  // lowest document number) stands for the group.
  for (const auto& [key, mem] : copies) {
    const size_t row = key.second;
    const bool main = m.rows[row].parent < 0;
    if (mem.col < 0) {
      if (main) m.unassigned += static_cast<int64_t>(mem.raw);
      continue;
    }
    Cell& c = cells[row * ncol + static_cast<size_t>(mem.col)];
    Cell& tot = totals[row];
    for (const auto& unit : mem.units) {
      const auto st = unit_stance(t, unit);
      add_unit(c, st, unit.size());
      add_unit(tot, st, unit.size());
      if (main) ++m.codings, m.raw_codings += static_cast<int64_t>(unit.size());
    }
    ++c.documents;
    ++tot.documents;
  }
  for (size_t r = 0; r < nrow; ++r) {
    Row& row = m.rows[r];
    row.cells.assign(cells.begin() + static_cast<ptrdiff_t>(r * ncol),
                     cells.begin() + static_cast<ptrdiff_t>((r + 1) * ncol));
    row.total = totals[r];
    for (size_t a = 0; a < ncol; ++a)
      for (size_t b = a + 1; b < ncol; ++b) {
        Pair p;
        p.a = static_cast<int>(a);
        p.b = static_cast<int>(b);
        p.automatic = p.effective = convergence(row.cells[a], row.cells[b], s);
        row.pairs.push_back(p);
      }
    for (const auto& c : row.cells) {
      row.columns_with_evidence += c.has_evidence() ? 1 : 0;
      row.qualifying_columns += c.documents >= s.m ? 1 : 0;
    }
  }
  resolve(m);
  return m;
}

void resolve(Matrix& m) {
  for (auto& row : m.rows) {
    std::vector<Convergence> automatic, effective;
    for (auto& p : row.pairs) {
      p.effective = p.override ? convergence_from_string(p.override->label) : p.automatic;
      automatic.push_back(p.automatic);
      effective.push_back(p.effective);
    }
    row.automatic = status(row.cells, automatic, m.settings);
    row.effective =
        row.status_override ? status_from_string(row.status_override->label) : status(row.cells, effective, m.settings);
  }
}

std::vector<size_t> cell_rows(const EvidenceTable& t, const Matrix& m, int32_t code, int column) {
  if (t.revision() != m.revision) throw InternalError("cell_rows: the matrix is older than the evidence table");
  const Selection sel = select(t, m);
  int32_t want = -1;
  for (size_t r = 0; r < m.rows.size(); ++r)
    if (m.rows[r].code == code) want = static_cast<int32_t>(r);
  std::vector<size_t> out;
  if (want < 0) return out;
  for (size_t i = 0; i < t.size(); ++i) {
    const auto& rows = sel.rows_of_code[static_cast<size_t>(t.row_code[i])];
    if ((rows[0] != want && rows[1] != want) || !sel.coder_ok[static_cast<size_t>(t.row_coder[i])]) continue;
    const int32_t col = m.columns.of_doc[static_cast<size_t>(t.row_doc[i])];
    if (col < 0 || (column >= 0 && col != column)) continue;
    out.push_back(i);
  }
  return out;
}

}  // namespace telaah::analysis
