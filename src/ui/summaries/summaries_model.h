// What the summary grid shows, as plain data computed once per project
// revision (on a worker for a large project, ui/shell/per_revision.h): the
// indicator rows (with their sub-codes' rows), the columns (source types, or
// cases), per cell its evidence count and its written summary with citation
// counts; and on demand the codings of one cell with their quotes. No ImGui
// here: the tests read this to check what the view shows.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "store/judgement.h"
#include "ui/shell/per_revision.h"

namespace telaah::ui {

struct SumCell {
  int64_t evidence = 0;  // passages (evidence units) in the cell, as the matrix counts them
  bool written = false;
  std::string text;  // the summary ("" when none)
  int cited = 0, broken = 0;
};

struct SumRow {
  store::Id code = 0;
  std::string path;
  bool subcode = false;  // a sub-code's row under its indicator
};

struct SumGrid {
  int64_t revision = -1;
  std::shared_ptr<const analysis::EvidenceTable> table;
  analysis::Matrix matrix;                             // by source type, sub-code rows included
  std::vector<store::Case> cases;                      // by name
  std::vector<SumRow> rows;                            // matrix rows, in order
  std::vector<std::string> types;                      // source-type column labels (stored names)
  std::vector<std::vector<SumCell>> by_type, by_case;  // [row][column]
};

// One coding of the selected cell.
struct SumQuote {
  store::Id coding = 0, doc = 0;
  int64_t start = 0, end = 0;
  store::Stance stance = store::Stance::neutral;
  std::string quote, citation, coder, code;  // code: the sub-code when not the row's own
};

class SummariesModel {
 public:
  static constexpr size_t kQuoteChars = 400;
  // Brings the grid up to date for the project's revision (in the frame for
  // a small project, else on a worker). True when a new grid was taken in.
  bool update(Workspace& ws);
  void reset();
  bool ready() const { return grid_.get() != nullptr; }
  bool pending() const { return grid_.pending(); }
  std::pair<double, std::string> progress(const Workspace& ws) const { return grid_.progress(ws); }
  const SumGrid& grid() const { return grid_.get() ? **grid_.get() : empty_; }
  int row_of(store::Id code) const;

  // The codings of one cell (by_case: the column is a case), with quotes;
  // nullopt until computed (on a worker for a large project).
  std::optional<std::vector<SumQuote>> quotes(Workspace& ws, int row, int column, bool by_case);

  static SumGrid compute(const store::Project& p);
  static std::vector<SumQuote> cell_quotes(const store::Project& p, const SumGrid& g, int row, int column,
                                           bool by_case);

 private:
  struct QuoteKey {
    int64_t revision = -1;
    store::Id code = 0;
    int column = -1;
    bool by_case = false;
    bool operator==(const QuoteKey&) const = default;
  };
  PerRevision<int64_t, std::shared_ptr<const SumGrid>> grid_;  // shared with the quotes' worker
  PerRevision<QuoteKey, std::vector<SumQuote>> quotes_;
  SumGrid empty_;
};

}  // namespace telaah::ui
