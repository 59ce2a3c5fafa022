// Cases in triangulation, impediments per indicator, summary cells and link
// counts (rules in judgement.h).
#include "analysis/judgement.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/project.h"

namespace telaah::analysis {

EvidenceTable EvidenceTable::only_rows(const std::vector<char>& keep) const {
  EvidenceTable out = *this;
  out.row_id.clear();
  out.row_doc.clear();
  out.row_code.clear();
  out.row_coder.clear();
  out.row_start.clear();
  out.row_end.clear();
  out.row_stance.clear();
  for (size_t i = 0; i < size(); ++i) {
    if (i >= keep.size() || !keep[i]) continue;
    out.row_id.push_back(row_id[i]);
    out.row_doc.push_back(row_doc[i]);
    out.row_code.push_back(row_code[i]);
    out.row_coder.push_back(row_coder[i]);
    out.row_start.push_back(row_start[i]);
    out.row_end.push_back(row_end[i]);
    out.row_stance.push_back(row_stance[i]);
  }
  out.rebuild_doc_ranges();  // rows stay in (doc, start, end, id) order
  return out;
}

bool coding_in_part(int64_t cs, int64_t ce, int64_t ps, int64_t pe) {
  const int64_t inside = std::min(ce, pe) - std::max(cs, ps);
  return inside > 0 && 2 * inside >= ce - cs;
}

std::vector<char> case_rows(const EvidenceTable& t, const store::Case& c) {
  std::vector<char> keep(t.size(), 0);
  std::map<int32_t, std::vector<std::pair<int64_t, int64_t>>> parts;  // doc -> parts; (0, -1): whole
  for (const auto& m : c.members) {
    const int32_t d = t.doc_index(m.doc);
    if (d < 0) continue;
    parts[d].push_back(m.start ? std::make_pair(*m.start, *m.end) : std::make_pair<int64_t, int64_t>(0, -1));
  }
  for (const auto& [d, ps] : parts) {
    auto [first, last] = t.doc_rows(d);
    const bool whole = std::any_of(ps.begin(), ps.end(), [](const auto& p) { return p.second < 0; });
    for (size_t i = first; i < last; ++i) {
      bool in = whole;
      for (size_t k = 0; !in && k < ps.size(); ++k)
        in = coding_in_part(t.row_start[i], t.row_end[i], ps[k].first, ps[k].second);
      keep[i] = in ? 1 : 0;
    }
  }
  return keep;
}

Matrix triangulate_case(const EvidenceTable& t, const store::Case& c, const Query& q, const Settings& s) {
  Matrix m = triangulate(t.only_rows(case_rows(t, c)), q, s);
  m.columns.dimension = m.columns.dimension + " in case " + c.name;
  return m;
}

Matrix triangulate_by_case(const EvidenceTable& t, const std::vector<store::Case>& cases, const Query& q,
                           const Settings& s) {
  Query type_query = q;
  type_query.by = "type";
  Matrix out = triangulate(t.only_rows(std::vector<char>(t.size(), 0)), type_query, s);
  out.query = q;
  out.columns.dimension = "case";
  out.columns.labels.clear();
  out.columns.of_doc.assign(t.doc_count(), -1);  // a document may be in several cases: no single column
  out.codings = out.raw_codings = out.unassigned = 0;
  for (auto& row : out.rows) {
    row.cells.clear();
    row.pairs.clear();
    row.total = {};
    row.columns_with_evidence = row.qualifying_columns = 0;
  }
  std::vector<char> any(t.size(), 0);
  for (const auto& c : cases) {
    out.columns.labels.push_back(c.name);
    const auto keep = case_rows(t, c);
    for (size_t i = 0; i < keep.size(); ++i) any[i] |= keep[i];
    const Matrix cm = triangulate(t.only_rows(keep), type_query, s);
    for (size_t r = 0; r < out.rows.size(); ++r) {
      const Row* x = cm.find(out.rows[r].code_id);
      Cell cell = x ? x->total : Cell{};
      out.rows[r].cells.push_back(cell);
    }
  }
  // The total: the evidence of every case at once (a document in two cases counts once).
  const Matrix all = triangulate(t.only_rows(any), type_query, s);
  out.codings = all.codings;
  out.raw_codings = all.raw_codings;
  const size_t ncol = cases.size();
  for (auto& row : out.rows) {
    if (const Row* x = all.find(row.code_id)) row.total = x->total;
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
  resolve(out);
  return out;
}

// --- impediments per indicator ---
std::vector<IndicatorImpediments> impediments_by_indicator(const Evaluation& e) {
  std::vector<IndicatorImpediments> out;
  for (const auto& ie : e.indicators) {
    IndicatorImpediments x;
    x.code_id = ie.code_id;
    x.path = ie.path;
    for (size_t i : ie.impediments) {
      const auto& item = e.impediments[i];
      const bool att = std::find(item.attached.begin(), item.attached.end(), ie.code_id) != item.attached.end();
      (att ? x.attached : x.by_overlap).push_back(item.coding_id);
    }
    for (size_t f : ie.findings) x.findings.push_back(e.findings[f].id);
    out.push_back(std::move(x));
  }
  return out;
}

IndicatorImpediments impediments_of(const Evaluation& e, Id code_id) {
  for (auto& x : impediments_by_indicator(e))
    if (x.code_id == code_id) return x;
  IndicatorImpediments none;
  none.code_id = code_id;
  return none;
}

bool is_impediment_coding(const store::Project& p, const EvidenceTable& t, Id coding) {
  const store::Coding c = p.coding(coding);
  const int32_t k = t.code_index(c.code);
  if (k < 0) return false;
  const auto codes = impediment_codes(t, eval_settings_from_project(p).impediment_codes);
  return std::find(codes.begin(), codes.end(), k) != codes.end();
}

// --- summaries ---
int SummaryCell::broken() const {
  return static_cast<int>(std::count_if(citations.begin(), citations.end(), [](const auto& c) { return !c.valid; }));
}

std::vector<SummaryCell> summary_cells(const store::Project& p, Id code_id) {
  std::vector<SummaryCell> out;
  for (auto& s : store::summaries(p, code_id)) {
    SummaryCell c;
    c.citations = store::citations(p, s);
    c.summary = std::move(s);
    out.push_back(std::move(c));
  }
  return out;
}

// --- links ---
LinkCounts link_counts(const store::Project& p, const EvidenceTable& t, const Matrix& m, Id code_id) {
  LinkCounts n;
  const Row* row = m.find(code_id);
  if (!row) return n;
  std::set<Id> mine;
  for (size_t i : cell_rows(t, m, row->code, -1)) mine.insert(t.row_id[i]);
  for (const auto& l : store::all_links(p)) {
    if (!mine.count(l.from) && !mine.count(l.to)) continue;
    if (l.type_name == "corroborates")
      ++n.corroborates;
    else if (l.type_name == "contradicts")
      ++n.contradicts;
    else if (l.type_name == "explains")
      ++n.explains;
    else if (l.type_name == "impedes")
      ++n.impedes;
    else
      ++n.other;
  }
  return n;
}

}  // namespace telaah::analysis
