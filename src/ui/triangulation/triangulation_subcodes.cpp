// Sub-code rows of the triangulation view's matrix (see triangulation_model.h):
// which indicators have sub-codes (from the code tree, cheap) and, when an
// indicator is expanded, the rows of `triangulate --subcodes` for the matrix
// shown: the same columns, coders, dates and settings.
#include "analysis/overrides.h"
#include "ui/triangulation/triangulation_model.h"

namespace telaah::ui {

void TriangulationModel::index_subcodes() {
  if (!shown_ || !shown_->table) {
    sub_rev_ = -2;
    sub_rows_.clear();
    return;
  }
  if (sub_rev_ == shown_->revision && sub_filter_ == shown_->filter) return;
  sub_rev_ = shown_->revision;
  sub_filter_ = shown_->filter;
  sub_rows_done_ = false;
  sub_rows_.clear();
  const analysis::EvidenceTable& t = *shown_->table;
  for (const auto& r : shown_->matrix.rows) {
    if (r.code < 0) continue;
    for (size_t c = 0; c < t.code_count(); ++c)
      if (t.code_parent[c] == r.code && t.code_rollup[c] == r.code) {
        sub_rows_[r.code_id];  // has sub-codes; rows computed on demand
        break;
      }
  }
}

bool TriangulationModel::has_subcodes(store::Id indicator) {
  index_subcodes();
  return sub_rows_.count(indicator) > 0;
}

const std::vector<analysis::Row>& TriangulationModel::subcode_rows(store::Id indicator) {
  static const std::vector<analysis::Row> none;
  index_subcodes();
  auto it = sub_rows_.find(indicator);
  if (it == sub_rows_.end()) return none;
  if (!sub_rows_done_) {
    sub_rows_done_ = true;
    analysis::Query q = shown_->matrix.query;
    q.subcodes = true;
    const analysis::Matrix m = analysis::triangulate(*shown_->table, q, shown_->matrix.settings);
    for (const auto& r : m.rows)
      if (r.parent >= 0) {
        auto at = sub_rows_.find(m.rows[static_cast<size_t>(r.parent)].code_id);
        if (at != sub_rows_.end()) at->second.push_back(r);
      }
    it = sub_rows_.find(indicator);
  }
  return it->second;
}

}  // namespace telaah::ui
