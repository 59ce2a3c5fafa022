// The triangulation view's data (see triangulation_model.h).
#include "ui/triangulation/triangulation_model.h"

#include <algorithm>

#include "analysis/overrides.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::ui {

const char* stance_symbol(store::Stance s) {
  switch (s) {
    case store::Stance::supports:
      return "+";
    case store::Stance::contradicts:
      return "\xE2\x88\x92";  // minus sign
    case store::Stance::neutral:
      return "0";
  }
  return "0";
}

void TriangulationModel::reset() {
  table_.reset();
  matrix_ = {};
  evaluation_ = {};
  coders_.clear();
  texts_.clear();
  revision_ = -1;
  max_documents_ = 0;
}

bool TriangulationModel::update(const store::Project& p, const TriFilter& f) {
  const int64_t rev = p.revision();
  if (table_ && rev == revision_ && f == filter_) return false;
  // Validate the dates before anything changes: a bad filter keeps the last good matrix.
  if (!f.from.empty()) analysis::date_range(f.from);
  if (!f.to.empty()) analysis::date_range(f.to);
  auto table = std::move(table_);
  if (!table)
    table = std::make_unique<analysis::EvidenceTable>(analysis::EvidenceTable::load(p));
  else
    table->refresh(p);

  analysis::Query q;
  q.by = f.by;
  q.from = f.from;
  q.to = f.to;
  switch (f.coders) {
    case TriFilter::Coders::project_default:
      q.coders = analysis::default_coders(p, *table);
      break;
    case TriFilter::Coders::all:
      break;
    case TriFilter::Coders::chosen:
      q.coders = f.chosen;
      if (q.coders.empty()) q.coders = analysis::default_coders(p, *table);
      break;
  }
  analysis::Matrix m;
  try {
    m = analysis::triangulate(*table, q, analysis::settings_from_project(p));
  } catch (...) {
    table_ = std::move(table);  // the table is fine; only the query was not
    throw;
  }
  analysis::apply_overrides(m, analysis::load_overrides(p));
  evaluation_ = analysis::evaluate(p, *table, m);
  matrix_ = std::move(m);
  table_ = std::move(table);
  coders_ = q.coders;
  filter_ = f;
  if (rev != revision_) texts_.clear();
  revision_ = rev;
  max_documents_ = 0;
  for (const auto& r : matrix_.rows)
    for (const auto& c : r.cells) max_documents_ = std::max(max_documents_, c.documents);
  return true;
}

int TriangulationModel::row_of(store::Id code) const {
  for (size_t i = 0; i < matrix_.rows.size(); ++i)
    if (matrix_.rows[i].code_id == code) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> TriangulationModel::dimensions() const {
  std::vector<std::string> out = {"type", "year", "language", "author"};
  if (!table_) return out;
  for (size_t i = 0; i < table_->attr_names.size(); ++i) {
    const std::string& n = table_->attr_names.name(static_cast<int32_t>(i));
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::vector<EvidenceItem> TriangulationModel::evidence(const store::Project& p, int row, int column) {
  std::vector<EvidenceItem> out;
  if (!table_ || row < 0 || row >= static_cast<int>(matrix_.rows.size())) return out;
  const auto& r = matrix_.rows[static_cast<size_t>(row)];
  const auto rows = analysis::cell_rows(*table_, matrix_, r.code, column);
  out.reserve(rows.size());
  for (size_t x : rows) out.push_back(item(p, x, r.code));
  return out;
}

EvidenceItem TriangulationModel::item(const store::Project& p, size_t x, int32_t indicator) {
  const analysis::EvidenceTable& t = *table_;
  EvidenceItem e;
  e.row = x;
  e.coding_id = t.row_id[x];
  const auto doc = static_cast<size_t>(t.row_doc[x]);
  e.doc_id = t.doc_id[doc];
  e.column = doc < matrix_.columns.of_doc.size() ? matrix_.columns.of_doc[doc] : -1;
  e.start = t.row_start[x];
  e.end = t.row_end[x];
  e.stance = t.row_stance[x];
  e.quote = quote(p, x);
  e.citation = citation(p, e.doc_id, e.start);
  e.coder = t.coder_name[static_cast<size_t>(t.row_coder[x])];
  const int32_t code = t.row_code[x];
  if (code != indicator) e.subcode = t.code_name[static_cast<size_t>(code)];
  return e;
}

std::string TriangulationModel::quote(const store::Project& p, size_t row) {
  const store::Id doc = table_->doc_id[static_cast<size_t>(table_->row_doc[row])];
  auto it = texts_.find(doc);
  if (it == texts_.end()) {
    DocText d;
    d.text = p.text(doc);
    d.map = text::OffsetMap(d.text);
    d.title = p.document(doc).title;
    for (const auto& pg : p.pages(doc)) {
      d.page_start.push_back(pg.start);
      d.page_no.push_back(pg.page);
    }
    for (const auto& b : p.blocks(doc)) d.block_start.push_back(b.start);
    it = texts_.emplace(doc, std::move(d)).first;
  }
  const DocText& d = it->second;
  const auto len = static_cast<int64_t>(d.map.size_cp());
  const auto s = static_cast<size_t>(std::clamp<int64_t>(table_->row_start[row], 0, len));
  const auto e = static_cast<size_t>(std::clamp<int64_t>(table_->row_end[row], 0, len));
  const std::string_view raw = text::slice_cp(d.text, d.map, s, std::max(s, e));
  return text::one_line(raw, kQuoteChars, "\xE2\x80\xA6");
}

// As exchange::citation, from the page and paragraph starts read once per document.
std::string TriangulationModel::citation(const store::Project& p, store::Id doc, int64_t start) {
  auto it = texts_.find(doc);
  if (it == texts_.end()) return p.document(doc).title;
  const DocText& d = it->second;
  if (!d.page_start.empty()) {
    int page = d.page_no.front();
    for (size_t i = 0; i < d.page_start.size(); ++i)
      if (d.page_start[i] <= start) page = d.page_no[i];
    return d.title + ", p. " + std::to_string(page);
  }
  size_t para = 0;
  for (size_t i = 0; i < d.block_start.size(); ++i)
    if (d.block_start[i] <= start) para = i + 1;
  return d.title + ", para. " + std::to_string(std::max<size_t>(para, 1));
}

}  // namespace telaah::ui
