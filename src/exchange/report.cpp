// Gathering the evaluation report from the model: matrix, evaluation,
// quotes with citations, impediments and the facts of the method.
#include "exchange/report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "analysis/overrides.h"
#include "store/project.h"
#include "text/utf8.h"

namespace telaah::exchange {

using namespace analysis;

std::string citation(const store::Project& p, store::Id doc, int64_t start) {
  const auto d = p.document(doc);
  std::string where = d.title;
  const auto pages = p.pages(doc);
  if (!pages.empty()) {
    int page = pages.front().page;
    for (const auto& pg : pages)
      if (pg.start <= start) page = pg.page;
    return where + ", p. " + std::to_string(page);
  }
  const auto blocks = p.blocks(doc);
  size_t para = 0;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].start <= start) para = i + 1;
  return where + ", para. " + std::to_string(std::max<size_t>(para, 1));
}

namespace {

struct DocText {
  std::string text;
  text::OffsetMap map;
};

// Quotes from the evidence table, with the document texts read once each.
class Quoter {
 public:
  Quoter(const store::Project& p, const EvidenceTable& t, size_t max_chars) : p_(p), t_(t), max_chars_(max_chars) {}

  Quote quote(size_t row) {
    const store::Id doc = t_.doc_id[static_cast<size_t>(t_.row_doc[row])];
    auto& dt = texts_[doc];
    if (!dt) {
      dt = std::make_unique<DocText>();
      dt->text = p_.text(doc);
      dt->map = text::OffsetMap(dt->text);
    }
    Quote q;
    q.coding_id = t_.row_id[row];
    std::string raw(text::slice_cp(dt->text, dt->map, static_cast<size_t>(t_.row_start[row]),
                                   static_cast<size_t>(t_.row_end[row])));
    q.text = tidy(raw);
    q.citation = citation(p_, doc, t_.row_start[row]);
    q.stance = store::to_string(t_.row_stance[row]);
    q.coder = t_.coder_name[static_cast<size_t>(t_.row_coder[row])];
    const int32_t code = t_.row_code[row];
    if (t_.code_rollup[static_cast<size_t>(code)] != code) q.code = t_.code_name[static_cast<size_t>(code)];
    q.memo = memo(q.coding_id);
    return q;
  }

 private:
  std::string tidy(const std::string& s) const { return text::one_line(s, max_chars_, " \xE2\x80\xA6"); }

  std::string memo(store::Id coding) {
    try {
      return p_.coding(coding).memo;
    } catch (const NotFound&) {
      return "";
    }
  }

  const store::Project& p_;
  const EvidenceTable& t_;
  size_t max_chars_;
  std::map<store::Id, std::unique_ptr<DocText>> texts_;
};

// Up to `n` rows, one per document in turn, so that a cell's quotes show the
// spread of its sources rather than one talkative document.
std::vector<size_t> spread(const EvidenceTable& t, const std::vector<size_t>& rows, size_t n) {
  std::vector<std::vector<size_t>> by_doc;
  int32_t doc = -1;
  for (size_t r : rows) {
    if (t.row_doc[r] != doc) {
      by_doc.emplace_back();
      doc = t.row_doc[r];
    }
    by_doc.back().push_back(r);
  }
  std::vector<size_t> out;
  for (size_t round = 0; out.size() < n; ++round) {
    bool any = false;
    for (const auto& d : by_doc)
      if (round < d.size() && out.size() < n) {
        out.push_back(d[round]);
        any = true;
      }
    if (!any) break;
  }
  std::sort(out.begin(), out.end());  // back to document order
  return out;
}

}  // namespace

ReportData build_report(const store::Project& p, const EvidenceTable& t, const ReportOptions& o) {
  ReportData r;
  r.project_file = p.path().filename().string();
  r.title = p.path().stem().string();
  r.generated = o.generated.empty() ? store::now_iso().substr(0, 10) : o.generated;
  Query q = o.query;
  if (q.coders.empty()) q.coders = default_coders(p, t);
  r.matrix = triangulate(t, q, settings_from_project(p));
  apply_overrides(r.matrix, load_overrides(p));
  r.evaluation = evaluate(p, t, r.matrix);
  const Matrix& m = r.matrix;

  Quoter quoter(p, t, o.quote_chars);
  // The table rows of codings the justifications cite.
  std::set<store::Id> cited;
  for (const auto& ie : r.evaluation.indicators)
    if (ie.recorded) cited.insert(ie.recorded->evidence.begin(), ie.recorded->evidence.end());
  std::unordered_map<store::Id, size_t> row_of;
  if (!cited.empty())
    for (size_t i = 0; i < t.size(); ++i)
      if (cited.count(t.row_id[i])) row_of[t.row_id[i]] = i;

  for (size_t i = 0; i < m.rows.size(); ++i) {
    const Row& row = m.rows[i];
    IndicatorSection s;
    s.index = i;
    s.name = t.code_name[static_cast<size_t>(row.code)];
    const int32_t parent = t.code_parent[static_cast<size_t>(row.code)];
    s.variable = parent >= 0 ? t.code_name[static_cast<size_t>(parent)] : "";
    s.definition = p.code(row.code_id).definition;
    for (size_t c = 0; c < m.columns.labels.size(); ++c) {
      ColumnEvidence ce;
      ce.column = m.columns.labels[c];
      ce.cell = row.cells[c];
      auto rows = cell_rows(t, m, row.code, static_cast<int>(c));
      auto shown = spread(t, rows, o.quotes_per_cell);
      for (size_t x : shown) ce.quotes.push_back(quoter.quote(x));
      ce.omitted = rows.size() - shown.size();
      s.columns.push_back(std::move(ce));
    }
    const auto& ie = r.evaluation.indicators[i];
    if (ie.recorded)
      for (store::Id id : ie.recorded->evidence) {
        auto it = row_of.find(id);
        if (it != row_of.end())
          s.linked_evidence.push_back(quoter.quote(it->second));
        else {
          Quote gone;
          gone.coding_id = id;
          gone.text = "(this coding is no longer in the project)";
          s.linked_evidence.push_back(gone);
        }
      }
    for (size_t k : ie.impediments) s.impediments.push_back(quoter.quote(r.evaluation.impediments[k].row));
    r.indicators.push_back(std::move(s));
  }
  for (const auto& item : r.evaluation.impediments) {
    ImpedimentEntry e;
    e.quote = quoter.quote(item.row);
    e.quote.code = t.code_name[static_cast<size_t>(t.row_code[item.row])];
    for (store::Id id : item.indicators)
      if (const Row* row = m.find(id)) e.indicators.push_back(t.code_name[static_cast<size_t>(row->code)]);
    r.impediments.push_back(std::move(e));
  }

  MethodFacts& f = r.method;
  f.coders = q.coders.empty() ? t.coder_name : q.coders;
  std::map<int32_t, int64_t> per_type;
  for (size_t d = 0; d < t.doc_count(); ++d)
    if (t.doc_live[d]) {
      ++per_type[t.doc_type[d]];
      ++f.documents;
    }
  for (int32_t ty : t.type_order)
    if (per_type.count(ty)) f.documents_by_type.push_back({t.type_name[static_cast<size_t>(ty)], per_type[ty]});
  f.codings_total = static_cast<int64_t>(t.size());
  f.codings_counted = m.codings;
  f.unassigned = m.unassigned;
  f.revision = t.revision();
  if (!q.from.empty() || !q.to.empty())
    f.date_filter = (q.from.empty() ? "…" : q.from) + " to " + (q.to.empty() ? "…" : q.to);
  return r;
}

static std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::vector<std::string> method_notes(const ReportData& r) {
  const auto& s = r.matrix.settings;
  const auto& e = r.evaluation.settings;
  const std::string col = r.matrix.columns.dimension == "type" ? "source type" : r.matrix.columns.dimension;
  std::vector<std::string> notes = {
      "Convergence coding after Farmer et al. (2006) for every indicator and every pair of " + col + "s.",
      "Evidence units: codings of one indicator (the indicator or its sub-codes, by any counted coder — " +
          describe_coders(r.matrix.query.coders) + ") in one document that overlap by at least " + num(s.same_passage) +
          " of the shorter span are one passage and count once. Net stance of a column = "
          "sign(supports − contradicts) over its passages; prominence = its number of " +
          (s.unit == analysis::ProminenceUnit::documents ? "documents." : "passages."),
      "Silence: one column has evidence, the other none. Dissonance: both have evidence and opposite net stances.",
      "Agreement: same net stance and comparable prominence (larger count at most " + num(s.prominence) +
          " × the smaller). Partial agreement: the rest (very different prominence, or one side neutral or tied).",
      "Triangulated: at least k = " + std::to_string(s.k) +
          " columns carry evidence from at least m = " + std::to_string(s.m) +
          " document(s) each, with no dissonance. Divergent: some pair is dissonant. Single-source: one column only. "
          "Gap: no evidence. Insufficient: evidence in several columns, but fewer than k reach m documents.",
      "Sub-code evidence rolls up to its indicator. Researcher overrides are marked and keep the automatic value.",
      "Suggested rating: gap or neutral-only evidence → insufficient evidence; divergent → partially achieved; "
      "otherwise by the "
      "share p of supporting among supporting and contradicting codings: p ≥ " +
          num(e.support_share) + " → achieved when triangulated, partially achieved when not corroborated; p ≤ " +
          num(1 - e.support_share) +
          " → not achieved; else partially achieved. A rating the researcher recorded replaces the suggestion.",
      "Impediments: codings of " +
          [&] {
            std::string names;
            for (const auto& n : e.impediment_codes) names += (names.empty() ? "" : ", ") + n;
            return names;
          }() +
          " and their sub-codes, linked to an indicator when they overlap or share a paragraph with its evidence.",
  };
  for (auto& line : verdict_rule_text(e)) notes.push_back(std::move(line));
  return notes;
}

}  // namespace telaah::exchange
