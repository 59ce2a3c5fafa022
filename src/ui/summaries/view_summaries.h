// The summary grid (issue 21 item 3; MAXQDA's Summary Grid, NVivo's
// framework matrix): rows are the indicators with their sub-codes, columns
// the source types or the cases (a toggle). A cell shows the start of its
// summary and its evidence count; choosing it shows beside the grid the
// cell's codings and an editor for its summary. "Cite" on a quote (or
// Ctrl+Shift+K in the editor, Ctrl+Shift+Up/Down choosing the quote) inserts
// [#ID] at the caret; Save writes the cell as one undoable action; a draft is
// saved on view switch, quit and when another cell is chosen. Broken
// citations (the cited coding gone) are marked in the cell and the editor.
// The grid is drawn through ImGuiListClipper (only visible rows), its data
// computed once per revision (on a worker for a large project).
//
// Files: view_summaries.cpp, summaries_model.* (the data), strings_summaries.h.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/shell/view.h"
#include "ui/summaries/summaries_model.h"

namespace telaah::ui {

class App;
class Workspace;

class SummariesView : public View {
 public:
  explicit SummariesView(Workspace& ws);
  ViewKey key() const override { return View::summaries; }
  S title() const override { return S::sum_title; }
  void draw() override;
  int body_flags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }
  void shortcuts() override;
  void project_changed() override;
  void save_drafts() override;
  bool has_unsaved_draft() const override;

  // --- what tests read and set ---
  static SummariesView& of(App& app);
  const SummariesModel& model() const { return model_; }
  bool by_case() const { return by_case_; }
  void set_by_case(bool on);
  // Chooses a cell (as a click does; the draft of the cell before is saved first).
  void select(int row, int column);
  int selected_row() const { return sel_row_; }
  int selected_column() const { return sel_col_; }
  const std::string& draft() const { return draft_.text; }
  const std::vector<SumQuote>& quotes() const { return quotes_; }
  int chosen_quote() const { return chosen_; }
  // Where a control was drawn in the last frame: "cell:ROW:COL", "editor", "save", "revert",
  // "cite:I" (the Cite button of the I-th quote), "quote:I", "toggle:type", "toggle:case".
  std::optional<ImRect> item_rect(const std::string& key) const;

 private:
  void draw_grid(float width, float height);
  void draw_detail(float width, float height);
  void load_draft();  // the selected cell's stored text into the draft
  bool save_draft();  // writes the draft (one action); false when refused or it failed
  void cite(size_t quote, bool typing);
  std::string column_name(int col) const;
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

  Workspace& ws_;
  SummariesModel model_;
  bool by_case_ = false;
  int sel_row_ = -1, sel_col_ = -1;
  struct Draft {
    bool open = false;
    store::Id code = 0;
    bool by_case = false;
    std::string column, indicator;     // the column's stored name (source type or case), the indicator's path
    std::string text, original;        // what is typed; what the project held when it was loaded or saved
    int64_t synced = -1;               // the grid revision the draft was last compared with
    size_t caret = std::string::npos;  // byte offset of the caret when the box last had the keyboard
  } draft_;
  std::vector<SumQuote> quotes_;
  int chosen_ = 0;              // the quote Ctrl+Shift+K cites
  bool editor_active_ = false;  // the summary box had the keyboard last frame
  std::string pending_typed_;   // characters to type into the box next frame (a citation by keyboard)
  bool focus_editor_ = false;
  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
