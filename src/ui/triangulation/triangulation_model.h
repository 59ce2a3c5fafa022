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

namespace telaah::ui {

// The view's choices: the column dimension, whose codings count, which dates.
struct TriFilter {
  enum class Coders { project_default, all, chosen };
  std::string by = "type";
  Coders coders = Coders::project_default;
  std::vector<std::string> chosen;  // with Coders::chosen
  std::string from, to;             // YYYY, YYYY-MM or YYYY-MM-DD; empty: open
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

class TriangulationModel {
 public:
  static constexpr size_t kQuoteChars = 600;

  // Brings everything up to date; true when anything was recomputed.
  // Throws the model's typed errors (the view runs it through Workspace::act).
  bool update(const store::Project& p, const TriFilter& f);
  void reset();
  bool ready() const { return table_ != nullptr; }
  const TriFilter& applied() const { return filter_; }  // the filter of the matrix shown

  const analysis::EvidenceTable& table() const { return *table_; }
  const analysis::Matrix& matrix() const { return matrix_; }
  const analysis::Evaluation& evaluation() const { return evaluation_; }
  const std::vector<std::string>& coders() const { return coders_; }  // counted (empty: every coder)
  int64_t revision() const { return revision_; }
  int64_t max_documents() const { return max_documents_; }  // of any cell: full coverage

  // Row index of an indicator in the matrix, -1 when it is not a row.
  int row_of(store::Id code) const;
  // Column dimensions to choose from: type, year, language, author, then document attributes.
  std::vector<std::string> dimensions() const;
  // The codings behind one cell (column -1: every column), in (document, start) order.
  std::vector<EvidenceItem> evidence(const store::Project& p, int row, int column);
  // One row of the evidence table as an item; `indicator` (dense code, -1: none) names sub-codes.
  EvidenceItem item(const store::Project& p, size_t row, int32_t indicator);
  // Sub-code rows under an indicator row (analysis::Query::subcodes, as `triangulate --subcodes`), for
  // the matrix shown; computed on first use per revision and filter (triangulation_subcodes.cpp).
  bool has_subcodes(store::Id indicator);
  const std::vector<analysis::Row>& subcode_rows(store::Id indicator);

 private:
  std::string quote(const store::Project& p, size_t row);
  std::string citation(const store::Project& p, store::Id doc, int64_t start);

  std::unique_ptr<analysis::EvidenceTable> table_;
  analysis::Matrix matrix_;
  analysis::Evaluation evaluation_;
  std::vector<std::string> coders_;
  TriFilter filter_;
  int64_t revision_ = -1, max_documents_ = 0;
  struct DocText {
    std::string text;
    text::OffsetMap map;
    std::vector<int64_t> page_start, block_start;  // for citations
    std::vector<int> page_no;
    std::string title;
  };
  std::unordered_map<store::Id, DocText> texts_;  // read on demand; dropped when the revision moves
  // triangulation_subcodes.cpp: the sub-code rows by indicator id, for (revision, filter).
  int64_t sub_rev_ = -2;
  TriFilter sub_filter_;
  bool sub_rows_done_ = false;
  std::unordered_map<store::Id, std::vector<analysis::Row>> sub_rows_;
  void index_subcodes();
};

const char* stance_symbol(store::Stance s);  // "+", "−", "0"

}  // namespace telaah::ui
