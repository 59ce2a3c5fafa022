// The retrieval view: codings of chosen codes with filters and code queries, and the matrices (issue 9).
// The view owns its state; the Workspace gives it the project, the cache and
// the actions. Its strings are in strings_retrieval.h. The query logic is in
// analysis/retrieval.h; this file only draws it. Files: view_retrieval.cpp
// (state, the code picker and filters, the list, export), retrieval_matrices.cpp
// (the matrices tab).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/evidence.h"
#include "analysis/retrieval.h"
#include "ui/retrieval/retrieval_export.h"
#include "ui/shell/per_revision.h"
#include "ui/shell/view.h"
#include "ui/widgets/set_choice.h"

namespace telaah::ui {

class App;
class Workspace;

class RetrievalView : public View {
 public:
  explicit RetrievalView(Workspace& ws);
  ~RetrievalView();
  RetrievalView(const RetrievalView&) = delete;
  RetrievalView& operator=(const RetrievalView&) = delete;

  ViewKey key() const override { return View::retrieval; }
  S title() const override { return S::view_retrieval; }
  void draw() override;             // inside the view's body child window
  void project_changed() override;  // a project was opened, closed or replaced: drop what belongs to the old one

  // --- for tests and scripted use ---
  static RetrievalView& of(App& app);
  // Where a control was drawn in the last frame, by name: "code:ID" (its
  // checkbox), "stance:contradicts", "type:interview", "row:N" (visible row
  // N of the list), "tab:list", "tab:matrices", "matrix:cooc", "matrix:attr",
  // "cell:R:C" (matrix cell), "export", "case:NAME" (the case filter's checkbox),
  // "matrix:by" (the attribute matrix's column choice).
  std::optional<ImRect> rect(const std::string& name) const;
  std::vector<store::Id> listed() const;  // the coding ids in the list, in order
  const std::string& error() const { return error_; }
  bool computing() const { return run_.pending(); }              // a run on a worker (large project)
  const std::string& count_line() const { return count_line_; }  // "12 codings in 3 documents", as last drawn
  void set_export_path(const std::string& p) { export_path_ = p; }
  // The attribute matrix's columns: analysis::kBySourceType, analysis::kByCase or an attribute name.
  void set_matrix_by(const std::string& by) { matrix_by_ = by; }
  const analysis::AttributeMatrix& attribute_matrix() const { return attr_; }

 private:
  // What the list shows: the query, or the codings of a matrix cell.
  struct CellPick {
    bool cooc = true;  // code x code, else code x attribute
    store::Id row_code = 0, col_code = 0;
    std::string col_value;  // code x attribute
    std::string label;
    bool operator==(const CellPick&) const = default;
  };
  // The query's inputs: plain data, compared to the last run to know when to re-run.
  struct Inputs {
    std::set<store::Id> codes;
    bool subcodes = true;
    analysis::CodeOp op = analysis::CodeOp::only_a;
    store::Id code_b = 0;
    std::set<std::string> types;
    std::set<store::Id> coders;
    std::array<bool, 3> stances{};  // supports, contradicts, neutral; none ticked: all
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string date_from, date_to;
    std::set<std::string> cases;  // case names; none ticked: all
    store::Id set = 0;            // a document set (0: all documents); its members are read where the query runs
    bool operator==(const Inputs&) const = default;
  };

  void update();  // re-runs the query and the matrices when the inputs or the project moved
  analysis::RetrievalQuery query() const;
  analysis::RetrievalFilter filter() const;
  std::vector<store::Id> matrix_codes() const;
  std::string description() const;
  void draw_controls();
  void draw_code_picker();
  void draw_filters();
  void draw_list();
  void draw_row(size_t i, float row_h);
  void draw_export();
  void draw_matrices();  // retrieval_matrices.cpp
  void draw_cooc_matrix();
  void draw_attr_matrix();
  bool matrix_cell(size_t r, size_t c, const analysis::MatrixCell& cell, int64_t max, const char* tip);
  void open_row(size_t i);
  const analysis::RetrievalRow& row(size_t i);
  void note(const std::string& name);  // records the last item's rectangle under `name`
  std::string code_label(store::Id id) const;

  Workspace& ws_;
  Inputs in_;
  SetChoice set_;  // in_.set
  std::string attr_name_, attr_value_;
  ExportFormat export_format_ = ExportFormat::csv;
  std::string export_path_;
  std::string count_line_;
  bool matrices_tab_ = false, select_tab_ = false;
  bool matrix_cooc_ = true;
  std::string matrix_by_ = analysis::kBySourceType;
  std::optional<CellPick> cell_;

  // One run of the query and the matrices: what it depends on, and what it
  // produced (computed once per key; on a worker for a large project, see
  // ui/shell/per_revision.h).
  struct RunKey {
    int64_t revision = -1;
    Inputs in;
    std::string by;
    std::optional<CellPick> cell;
    bool matrices = false;
    bool operator==(const RunKey&) const = default;
  };
  struct Run {
    std::shared_ptr<const analysis::EvidenceTable> table;
    std::map<std::string, std::vector<std::string>> attr_values;
    std::vector<std::string> case_names;  // the project's cases, by name
    std::vector<analysis::Hit> hits;
    int64_t hit_docs = 0;
    analysis::CodeMatrix cooc;
    analysis::AttributeMatrix attr;
    std::string error;
  };
  static Run compute(const store::Project& p, const RunKey& k, const analysis::RetrievalQuery& q,
                     const analysis::RetrievalFilter& f, const std::vector<store::Id>& codes,
                     std::shared_ptr<const analysis::EvidenceTable> prev);

  // Derived, rebuilt by update().
  PerRevision<RunKey, Run> run_;
  std::shared_ptr<const analysis::EvidenceTable> table_;
  std::unique_ptr<analysis::RowDescriber> describer_;
  std::optional<Inputs> ran_;
  int64_t ran_rev_ = -1;
  std::vector<analysis::Hit> hits_;
  int64_t hit_docs_ = 0;
  std::unordered_map<size_t, analysis::RetrievalRow> rows_;  // described rows, by list index
  std::map<std::string, std::vector<std::string>> attr_values_;
  std::vector<std::string> case_names_;
  analysis::CodeMatrix cooc_;
  analysis::AttributeMatrix attr_;
  std::string error_, export_error_;
  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
