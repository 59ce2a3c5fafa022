// What the triangulation view shows, as plain data computed from the model
// only when something it depends on changed (the project revision or the
// filter): the evidence table, the matrix with the researcher's overrides,
// the evaluation, and on demand the evidence behind one cell or one
// indicator. No ImGui here: the tests read this to check what the view shows.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/evaluation.h"
#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "text/utf8.h"
#include "ui/shell/per_revision.h"

namespace telaah::ui {

// The view's choices: the column dimension, whose codings count, which dates.
struct TriFilter {
  enum class Coders { project_default, all, chosen };
  std::string by = "type";
  Coders coders = Coders::project_default;
  std::vector<std::string> chosen;  // with Coders::chosen
  std::string from, to;             // YYYY, YYYY-MM or YYYY-MM-DD; empty: open
  store::Id set = 0;                // only this document set's documents (0: all; analysis::Query::docs)
  bool operator==(const TriFilter&) const = default;
};

// One coding as the evidence list and the compare view show it.
struct EvidenceItem {
  size_t row = 0;  // in the evidence table
  store::Id coding_id = 0, doc_id = 0;
  int column = -1;
  int64_t start = 0, end = 0;
  store::Stance stance = store::Stance::neutral;
  std::string quote;     // the coded text, whitespace tidied, shortened past kQuoteChars
  std::string citation;  // "Title, p. 3" or "Title, para. 12"
  std::string coder;
  std::string subcode;  // the code as coded when it is a sub-code of the indicator
};

// What one computation of the matrix produced (on a worker for a large
// project, see ui/shell/per_revision.h): the evidence table it was computed
// from (kept, so the next revision refreshes a copy from the change log
// instead of loading everything), the matrix with overrides, the evaluation.
struct TriComputed {
  std::shared_ptr<const analysis::EvidenceTable> table;
  analysis::Matrix matrix;
  analysis::Evaluation evaluation;
  std::vector<std::string> coders;
  TriFilter filter;
  int64_t revision = -1, max_documents = 0;
};

class TriangulationModel {
 public:
  static constexpr size_t kQuoteChars = 600;

  // Brings everything up to date for the project's revision and `f`: in the
  // frame for a small project, else on a worker (ready() false until the
  // first result; the last matrix stays shown while a newer one computes).
  // True when a new result was taken in. Throws the model's typed errors (a
  // malformed date at once, a refused query when its result arrives); the
  // view runs it through Workspace::act.
  bool update(Workspace& ws, const TriFilter& f);
  void reset();
  bool ready() const { return shown_ != nullptr; }
  bool pending() const { return computed_.pending(); }  // a newer result is being computed
  std::pair<double, std::string> progress(const Workspace& ws) const { return computed_.progress(ws); }
  const TriFilter& applied() const { return shown_->filter; }  // the filter of the matrix shown

  const analysis::EvidenceTable& table() const { return *shown_->table; }
  const analysis::Matrix& matrix() const { return shown_ ? shown_->matrix : empty_.matrix; }
  const analysis::Evaluation& evaluation() const { return shown_ ? shown_->evaluation : empty_.evaluation; }
  const std::vector<std::string>& coders() const {
    return shown_ ? shown_->coders : empty_.coders;
  }  // counted (empty: every coder)
  int64_t revision() const { return shown_ ? shown_->revision : -1; }
  int64_t max_documents() const { return shown_ ? shown_->max_documents : 0; }  // of any cell: full coverage

  // Row index of an indicator in the matrix, -1 when it is not a row.
  int row_of(store::Id code) const;
  // Column dimensions to choose from: type, year, language, author, then document attributes.
  std::vector<std::string> dimensions() const;
  // The codings behind one cell (column -1: every column), in (document,
  // start) order, with their quotes: computed like the matrix (on a worker
  // for a large project: a cell of 11,000 codings reads thousands of texts);
  // nullopt until ready, then the same list until the matrix or the cell changes.
  std::optional<std::vector<EvidenceItem>> evidence(Workspace& ws, int row, int column);
  bool evidence_pending() const { return evidence_.pending(); }
  // One row of the evidence table as an item; `indicator` (dense code, -1: none) names sub-codes.
  EvidenceItem item(const store::Project& p, size_t row, int32_t indicator);
  // Sub-code rows under an indicator row (analysis::Query::subcodes, as `triangulate --subcodes`), for
  // the matrix shown; computed on first use per revision and filter (triangulation_subcodes.cpp).
  bool has_subcodes(store::Id indicator);
  const std::vector<analysis::Row>& subcode_rows(store::Id indicator);

 private:
  using Key = std::pair<int64_t, TriFilter>;
  struct EvidenceKey {
    int64_t revision = -1;
    TriFilter filter;
    store::Id code = 0;
    int column = -1;
    bool operator==(const EvidenceKey&) const = default;
  };
  struct DocText {
    std::string text;
    text::OffsetMap map;
    std::vector<int64_t> page_start, block_start;  // for citations
    std::vector<int> page_no;
    std::string title;
    std::unordered_map<store::Id, int> area_page;  // area codings (issue 24): coding -> page
  };
  using Texts = std::unordered_map<store::Id, DocText>;
  static TriComputed compute(const store::Project& p, const TriFilter& f,
                             std::shared_ptr<const analysis::EvidenceTable> prev);
  static EvidenceItem make_item(const store::Project& p, const analysis::EvidenceTable& t, const analysis::Matrix& m,
                                size_t row, int32_t indicator, Texts& texts);
  static const DocText& doc_text(const store::Project& p, store::Id doc, Texts& texts);
  static std::string citation(const DocText& d, int64_t start);

  PerRevision<Key, TriComputed> computed_;
  const TriComputed* shown_ = nullptr;  // computed_.get() once taken in
  TriComputed empty_;
  PerRevision<EvidenceKey, std::vector<EvidenceItem>> evidence_;
  int64_t texts_rev_ = -1;
  Texts texts_;  // for item(): read on demand; dropped when the revision moves
  // triangulation_subcodes.cpp: the sub-code rows by indicator id, for (revision, filter) of the matrix shown.
  int64_t sub_rev_ = -2;
  TriFilter sub_filter_;
  bool sub_rows_done_ = false;
  std::unordered_map<store::Id, std::vector<analysis::Row>> sub_rows_;
  void index_subcodes();
};

const char* stance_symbol(store::Stance s);  // "+", "−", "0"

}  // namespace telaah::ui
