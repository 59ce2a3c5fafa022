// The triangulation view's data (see triangulation_model.h).
#include "ui/triangulation/triangulation_model.h"

#include <algorithm>

#include "analysis/overrides.h"
#include "store/doc_sets.h"
#include "store/errors.h"
#include "store/project.h"
#include "ui/shell/strings.h"

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
  computed_.reset();
  evidence_.reset();
  shown_ = nullptr;
  texts_.clear();
  texts_rev_ = -1;
}

// One computation: on a worker with its own snapshot for a large project.
TriComputed TriangulationModel::compute(const store::Project& p, const TriFilter& f,
                                        std::shared_ptr<const analysis::EvidenceTable> prev) {
  TriComputed out;
  std::shared_ptr<analysis::EvidenceTable> table;
  if (prev && prev->revision() == p.revision()) {
    out.table = prev;  // only the filter changed
  } else {
    // The last table refreshed from the change log (a copy: the shown one stays intact) or a first load.
    table = prev ? std::make_shared<analysis::EvidenceTable>(*prev)
                 : std::make_shared<analysis::EvidenceTable>(analysis::EvidenceTable::load(p));
    if (prev) table->refresh(p);
    out.table = table;
  }
  const analysis::EvidenceTable& t = *out.table;
  analysis::Query q;
  q.by = f.by;
  q.from = f.from;
  q.to = f.to;
  if (f.set) q.docs = store::doc_set_members(p, f.set);  // read on the snapshot the matrix is computed on
  switch (f.coders) {
    case TriFilter::Coders::project_default:
      q.coders = analysis::default_coders(p, t);
      break;
    case TriFilter::Coders::all:
      break;
    case TriFilter::Coders::chosen:
      q.coders = f.chosen;
      if (q.coders.empty()) q.coders = analysis::default_coders(p, t);
      break;
  }
  out.matrix = analysis::triangulate(t, q, analysis::settings_from_project(p));
  analysis::apply_overrides(out.matrix, analysis::load_overrides(p));
  out.evaluation = analysis::evaluate(p, t, out.matrix);
  out.coders = q.coders;
  out.filter = f;
  out.revision = p.revision();
  for (const auto& r : out.matrix.rows)
    for (const auto& c : r.cells) out.max_documents = std::max(out.max_documents, c.documents);
  return out;
}

bool TriangulationModel::update(Workspace& ws, const TriFilter& f) {
  if (!ws.has_project()) return false;
  // Validate the dates before anything starts: a bad filter keeps the last good matrix.
  if (!f.from.empty()) analysis::date_range(f.from);
  if (!f.to.empty()) analysis::date_range(f.to);
  const Key key{ws.project()->revision(), f};
  std::shared_ptr<const analysis::EvidenceTable> prev = shown_ ? shown_->table : nullptr;
  const bool arrived =
      computed_.want(ws, key, tr(S::computing_table),
                     [f, prev](const store::Project& p, TaskProgress&) { return compute(p, f, prev); });
  if (!arrived) return false;
  if (!computed_.error().empty()) throw UserError(computed_.error());
  shown_ = computed_.get();
  if (shown_ && shown_->revision != texts_rev_) {
    texts_.clear();
    texts_rev_ = shown_->revision;
  }
  return shown_ != nullptr;
}

int TriangulationModel::row_of(store::Id code) const {
  const auto& rows = matrix().rows;
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].code_id == code) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> TriangulationModel::dimensions() const {
  std::vector<std::string> out = {"type", "year", "language", "author"};
  if (!shown_) return out;
  const auto& names = shown_->table->attr_names;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& n = names.name(static_cast<int32_t>(i));
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::optional<std::vector<EvidenceItem>> TriangulationModel::evidence(Workspace& ws, int row, int column) {
  if (!shown_ || row < 0 || row >= static_cast<int>(shown_->matrix.rows.size())) return std::vector<EvidenceItem>{};
  const auto& r = shown_->matrix.rows[static_cast<size_t>(row)];
  const EvidenceKey key{shown_->revision, shown_->filter, r.code_id, column};
  evidence_.want(
      ws, key, tr(S::computing_table),
      [table = shown_->table, m = shown_->matrix, code = r.code, column](const store::Project& p, TaskProgress&) {
        const auto rows = analysis::cell_rows(*table, m, code, column);
        std::vector<EvidenceItem> out;
        out.reserve(rows.size());
        Texts texts;
        for (size_t x : rows) {
          const store::Id doc = table->doc_id[static_cast<size_t>(table->row_doc[x])];
          if (texts.size() > 64 && !texts.count(doc)) texts.clear();  // rows come by document
          out.push_back(make_item(p, *table, m, x, code, texts));
        }
        return out;
      });
  if (!evidence_.key() || !(*evidence_.key() == key) || !evidence_.get()) return std::nullopt;
  return *evidence_.get();
}

EvidenceItem TriangulationModel::item(const store::Project& p, size_t x, int32_t indicator) {
  return make_item(p, *shown_->table, shown_->matrix, x, indicator, texts_);
}

EvidenceItem TriangulationModel::make_item(const store::Project& p, const analysis::EvidenceTable& t,
                                           const analysis::Matrix& m, size_t x, int32_t indicator, Texts& texts) {
  EvidenceItem e;
  e.row = x;
  e.coding_id = t.row_id[x];
  const auto doc = static_cast<size_t>(t.row_doc[x]);
  e.doc_id = t.doc_id[doc];
  e.column = doc < m.columns.of_doc.size() ? m.columns.of_doc[doc] : -1;
  e.start = t.row_start[x];
  e.end = t.row_end[x];
  e.stance = t.row_stance[x];
  const DocText& d = doc_text(p, e.doc_id, texts);
  const auto len = static_cast<int64_t>(d.map.size_cp());
  const auto s = static_cast<size_t>(std::clamp<int64_t>(e.start, 0, len));
  const auto en = static_cast<size_t>(std::clamp<int64_t>(e.end, 0, len));
  e.quote = text::one_line(text::slice_cp(d.text, d.map, s, std::max(s, en)), kQuoteChars, "\xE2\x80\xA6");
  e.citation = citation(d, e.start);
  if (auto it = d.area_page.find(e.coding_id); it != d.area_page.end())
    e.citation = d.title + ", area on p. " + std::to_string(it->second);
  e.coder = t.coder_name[static_cast<size_t>(t.row_coder[x])];
  const int32_t code = t.row_code[x];
  if (code != indicator) e.subcode = t.code_name[static_cast<size_t>(code)];
  return e;
}

const TriangulationModel::DocText& TriangulationModel::doc_text(const store::Project& p, store::Id doc, Texts& texts) {
  auto it = texts.find(doc);
  if (it != texts.end()) return it->second;
  DocText d;
  d.text = p.text(doc);
  d.map = text::OffsetMap(d.text);
  d.title = p.document(doc).title;
  for (const auto& pg : p.pages(doc)) {
    d.page_start.push_back(pg.start);
    d.page_no.push_back(pg.page);
  }
  for (const auto& b : p.blocks(doc)) d.block_start.push_back(b.start);
  for (const auto& a : p.coding_areas(doc)) d.area_page[a.coding] = a.page;
  return texts.emplace(doc, std::move(d)).first->second;
}

// As exchange::citation, from the page and paragraph starts read once per document.
std::string TriangulationModel::citation(const DocText& d, int64_t start) {
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
