// The summary grid's data (see summaries_model.h).
#include "ui/summaries/summaries_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "analysis/judgement.h"
#include "exchange/report.h"
#include "text/utf8.h"
#include "ui/shell/strings.h"

namespace telaah::ui {

SumGrid SummariesModel::compute(const store::Project& p) {
  SumGrid g;
  g.revision = p.revision();
  auto table = std::make_shared<analysis::EvidenceTable>(analysis::EvidenceTable::load(p));
  g.table = table;
  const analysis::EvidenceTable& t = *table;
  analysis::Query q;
  q.coders = analysis::default_coders(p, t);
  q.subcodes = true;  // the sub-codes' rows under each indicator
  const auto settings = analysis::settings_from_project(p);
  g.matrix = analysis::triangulate(t, q, settings);
  g.cases = store::cases(p);
  g.types = g.matrix.columns.labels;
  const analysis::Matrix by_case = analysis::triangulate_by_case(t, g.cases, q, settings);
  std::map<store::Id, size_t> row_of;
  for (const auto& r : g.matrix.rows) {
    row_of[r.code_id] = g.rows.size();
    g.rows.push_back({r.code_id, r.path, r.parent >= 0});
    std::vector<SumCell> types(g.types.size()), cases(g.cases.size());
    for (size_t c = 0; c < types.size() && c < r.cells.size(); ++c) types[c].evidence = r.cells[c].codings;
    if (const analysis::Row* x = by_case.find(r.code_id))
      for (size_t c = 0; c < cases.size() && c < x->cells.size(); ++c) cases[c].evidence = x->cells[c].codings;
    g.by_type.push_back(std::move(types));
    g.by_case.push_back(std::move(cases));
  }
  for (const auto& s : store::summaries(p)) {
    auto at = row_of.find(s.code);
    if (at == row_of.end()) continue;  // a code that is no indicator or sub-code (the report lists those)
    SumCell* cell = nullptr;
    if (s.source_type) {
      auto col = std::find(g.types.begin(), g.types.end(), s.column);
      if (col != g.types.end()) cell = &g.by_type[at->second][static_cast<size_t>(col - g.types.begin())];
    } else {
      for (size_t c = 0; c < g.cases.size(); ++c)
        if (g.cases[c].id == s.case_id) cell = &g.by_case[at->second][c];
    }
    if (!cell) continue;
    cell->written = true;
    cell->text = s.text;
    for (const auto& c : store::citations(p, s)) ++(c.valid ? cell->cited : cell->broken);
  }
  return g;
}

std::vector<SumQuote> SummariesModel::cell_quotes(const store::Project& p, const SumGrid& g, int row, int column,
                                                  bool by_case) {
  std::vector<SumQuote> out;
  if (row < 0 || static_cast<size_t>(row) >= g.rows.size() || !g.table) return out;
  const analysis::EvidenceTable& t = *g.table;
  const analysis::Row& r = g.matrix.rows[static_cast<size_t>(row)];
  std::vector<size_t> rows;
  if (!by_case) {
    rows = analysis::cell_rows(t, g.matrix, r.code, column);
  } else {
    if (column < 0 || static_cast<size_t>(column) >= g.cases.size()) return out;
    const auto keep = analysis::case_rows(t, g.cases[static_cast<size_t>(column)]);
    for (size_t i : analysis::cell_rows(t, g.matrix, r.code, -1))
      if (keep[i]) rows.push_back(i);
  }
  struct Doc {
    std::string text;
    text::OffsetMap map;
  };
  std::unordered_map<store::Id, Doc> texts;
  const exchange::Lang lang = language() == Lang::id ? exchange::Lang::id : exchange::Lang::en;
  for (size_t x : rows) {
    SumQuote q;
    q.coding = t.row_id[x];
    q.doc = t.doc_id[static_cast<size_t>(t.row_doc[x])];
    q.start = t.row_start[x];
    q.end = t.row_end[x];
    q.stance = t.row_stance[x];
    auto it = texts.find(q.doc);
    if (it == texts.end()) {
      Doc d;
      d.text = p.text(q.doc);
      d.map = text::OffsetMap(d.text);
      it = texts.emplace(q.doc, std::move(d)).first;
    }
    const auto len = static_cast<int64_t>(it->second.map.size_cp());
    const auto s = static_cast<size_t>(std::clamp<int64_t>(q.start, 0, len));
    const auto e = static_cast<size_t>(std::clamp<int64_t>(q.end, 0, len));
    q.quote =
        text::one_line(text::slice_cp(it->second.text, it->second.map, s, std::max(s, e)), kQuoteChars, "\xE2\x80\xA6");
    q.citation = exchange::citation(p, q.doc, q.start, lang);
    q.coder = t.coder_name[static_cast<size_t>(t.row_coder[x])];
    if (t.row_code[x] != r.code) q.code = t.code_name[static_cast<size_t>(t.row_code[x])];
    out.push_back(std::move(q));
  }
  return out;
}

bool SummariesModel::update(Workspace& ws) {
  if (!ws.has_project()) return false;
  return grid_.want(ws, ws.project()->revision(), tr(S::sum_title),
                    [](const store::Project& p, TaskProgress&) -> std::shared_ptr<const SumGrid> {
                      return std::make_shared<const SumGrid>(compute(p));
                    });
}

void SummariesModel::reset() {
  grid_.reset();
  quotes_.reset();
}

int SummariesModel::row_of(store::Id code) const {
  const auto& rows = grid().rows;
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].code == code) return static_cast<int>(i);
  return -1;
}

std::optional<std::vector<SumQuote>> SummariesModel::quotes(Workspace& ws, int row, int column, bool by_case) {
  if (!grid_.get() || row < 0 || static_cast<size_t>(row) >= grid().rows.size()) return std::nullopt;
  std::shared_ptr<const SumGrid> g = *grid_.get();
  const QuoteKey key{g->revision, g->rows[static_cast<size_t>(row)].code, column, by_case};
  quotes_.want(ws, key, tr(S::sum_quotes), [g, row, column, by_case](const store::Project& p, TaskProgress&) {
    return cell_quotes(p, *g, row, column, by_case);
  });
  if (quotes_.key() && *quotes_.key() == key && quotes_.get()) return *quotes_.get();
  return std::nullopt;
}

}  // namespace telaah::ui
