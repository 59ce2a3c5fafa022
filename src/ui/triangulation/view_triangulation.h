// The triangulation view: the indicator x source-type (or attribute) heatmap,
// the evidence of a cell, the compare view, overrides and ratings (issue 7).
// The view owns its state; the Workspace gives it the project, the cache and
// the actions. Its strings are in strings_triangulation.h.
//
// Files: view_triangulation.cpp (filter bar, matrix, legend),
// triangulation_detail.cpp (evidence list, compare view, override and rating
// editors), triangulation_model.* (the data), triangulation_heatmap.* (the
// cells handed to the platform's GLSL renderer or drawn by ImGui).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/judgement.h"
#include "store/judgement.h"
#include "ui/method/dialog_method.h"
#include "ui/shell/view.h"
#include "ui/triangulation/triangulation_heatmap.h"
#include "ui/triangulation/triangulation_model.h"
#include "ui/widgets/set_choice.h"

namespace telaah::ui {

class App;
class Workspace;

// Labels of the analysis' values in the current language.
const char* status_text(analysis::Status s);
const char* convergence_text(analysis::Convergence c);
const char* rating_text(analysis::Rating r);
// A status or pair label as stored ("partial agreement", "triangulated", "none") in the current language.
std::string value_label(const std::string& stored);
ImU32 status_colour(analysis::Status s);
ImU32 stance_colour(store::Stance s);

class TriangulationView : public View {
 public:
  explicit TriangulationView(Workspace& ws);
  ~TriangulationView();
  TriangulationView(const TriangulationView&) = delete;
  TriangulationView& operator=(const TriangulationView&) = delete;

  ViewKey key() const override { return View::triangulation; }
  S title() const override { return S::view_triangulation; }
  void draw() override;              // inside the view's body child window
  void project_changed() override;   // a project was opened, closed or replaced: drop what belongs to the old one
  void menu_items(Menu m) override;  // Project › Method settings… (Ctrl+Shift+M)
  void menu_shortcuts() override;
  // An open override or rating editor with text typed is saved as its Save button would (one undoable action).
  void save_drafts() override;
  bool has_unsaved_draft() const override;

  // --- what tests read and set ---
  static TriangulationView& of(App& app);  // the view of a window
  const TriangulationModel& model() const { return model_; }
  TriFilter& filter() { return filter_; }
  enum class Tab { evidence, compare };
  Tab tab() const { return tab_; }
  store::Id selected_indicator() const { return sel_code_; }
  int selected_column() const { return sel_col_; }
  const std::vector<EvidenceItem>& evidence() const { return evidence_; }
  const std::vector<std::vector<EvidenceItem>>& compare_columns() const { return compare_; }
  bool heatmap_on_gpu() const { return gpu_; }  // the last frame's cells went to the platform's shader
  MethodDialog& method_dialog() { return method_; }
  bool expanded(store::Id indicator) const { return expanded_.count(indicator) > 0; }
  // The overrides flagged stale in the matrix shown, as listed under "Stale overrides (N)".
  struct StaleItem {
    store::Id code = 0;
    std::string indicator, column_a, column_b;  // empty columns: the status
    std::string label, automatic_then, automatic_now;
  };
  std::vector<StaleItem> stale_overrides() const;
  // Where a control was drawn in the last frame ("cell:ROW:COL", "row:ROW",
  // "evidence:I", "quote:COL:I", "override:status", "override:pair:A:B",
  // "override:save", "override:memo", "rating:set", "rating:save", "expand:ROW", "subrow:ROW:K",
  // "subcell:ROW:K:COL", "stale:ROW" (a status badge), "stale:confirm:I", "stale:remove:I",
  // "pair:stale:A:B", "method:button", ...).
  std::optional<ImRect> item_rect(const std::string& key) const;

  // --- links (triangulation_links.cpp) ---
  struct QuoteLink {  // one link of a quote, as its chip shows it
    store::Id link = 0, other = 0;
    std::string type_name, colour;
    bool outgoing = true, directed = true;
  };
  std::vector<QuoteLink> quote_links(store::Id coding) const;  // by link id
  // analysis::link_counts of the selected indicator (the evidence header shows it).
  const analysis::LinkCounts& indicator_links() const { return link_counts_; }
  struct CompareLink {  // a link between quotes of two columns of the compare view
    store::Id link = 0, from = 0, to = 0;
    std::string type_name, colour;
    bool directed = true;
    int column_from = -1, column_to = -1;
  };
  const std::vector<CompareLink>& compare_links() const { return compare_links_; }
  // The impediments of the selected indicator (analysis::impediments_of over the evaluation shown).
  const analysis::IndicatorImpediments& indicator_impediments() const { return impediments_; }

 private:
  // view_triangulation.cpp
  void draw_filter_bar();
  void draw_matrix(float height);
  void draw_legend();
  void draw_coder_rule();
  void draw_stale_list();
  void cell_tooltip(const analysis::Row& row, int col) const;
  void status_tooltip(const analysis::Row& row) const;
  std::string column_label(int col) const;
  void select(store::Id code, int col, Tab tab);
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }
  // triangulation_detail.cpp
  void refresh_selection();
  void draw_evidence();
  void draw_compare();
  void draw_quote(const EvidenceItem& e, float width, const std::string& key, bool citeable);
  void open_in_coding_view(const EvidenceItem& e);
  void draw_override_editor();
  void draw_rating_editor();
  void start_override(const analysis::Row& row, int pair);  // pair -1: the status
  void stale_badge(const std::string& then, const std::string& now);
  void confirm(store::Id code, const std::string& path, const std::string& a, const std::string& b);
  std::string column_label_of(const std::string& stored) const;  // a column's stored name as shown
  // triangulation_links.cpp
  void refresh_links();                                            // the project's links, once per revision
  void draw_link_chips(store::Id coding, ImVec2 at, float max_w);  // a quote's relation chips
  void draw_link_counts();                                         // the evidence header's count
  void draw_compare_links_list();                                  // the links between columns, listed
  void draw_compare_link_lines(const ImRect& clip);                // and drawn between the quote boxes
  void draw_impediments_of(const analysis::Row& row);              // findings and attached codings under an indicator
  void draw_finding_editor();                                      // a finding's title and description (new or edited)
  bool save_finding();                                             // the editor's Save (one action); false: refused

  Workspace& ws_;
  TriangulationModel model_;
  TriFilter filter_;
  SetChoice set_;  // the filter bar's document set (filter_.set)
  std::string from_edit_, to_edit_;
  bool date_error_ = false;
  bool tab_request_ = false;                             // select tab_ in the tab bar next frame
  std::optional<std::pair<int64_t, TriFilter>> failed_;  // an update that failed: not retried until something changes
  bool gpu_ = false;

  Tab tab_ = Tab::evidence;
  store::Id sel_code_ = 0;   // the indicator selected (0: none)
  int sel_col_ = -1;         // the column of the selected cell (-1: none)
  int64_t detail_rev_ = -1;  // what evidence_ and compare_ were built for
  store::Id detail_code_ = 0;
  int detail_col_ = -2;
  std::vector<EvidenceItem> evidence_;
  std::vector<std::vector<EvidenceItem>> compare_;
  std::set<store::Id> cited_;  // codings ticked for the rating's justification

  struct OverrideDraft {
    bool open = false, focus = false;
    store::Id code = 0;
    std::string indicator, column_a, column_b, computed;  // empty columns: the status
    int label = 0;
    std::string memo;
    bool memo_missing = false;
    std::string written;  // label and memo save_drafts wrote (the matrix shows them once recomputed)
  } override_;
  struct RatingDraft {
    bool open = false, focus = false;
    store::Id code = 0;
    std::string indicator;
    int rating = 0;
    std::string justification;
    std::string written;  // rating and justification save_drafts wrote (the evaluation shows them once recomputed)
    // The summary cells the justification may cite as [S#ID] (store/rating_citations.h), read when the editor
    // opens: id -> "interview: the start of its text" for every cell; the indicator's own ids in column order.
    bool cells_loaded = false;
    std::map<store::Id, std::string> cell_label;
    std::vector<store::Id> own_cells;
  } rating_;

  std::set<store::Id> expanded_;  // indicators whose sub-code rows are shown
  MethodDialog method_;
  bool override_saved(const OverrideDraft& d) const;  // the draft is what the project holds
  void draw_rating_summaries(RatingDraft& d);         // cite summary cells in the rating editor

  // Links and impediments (triangulation_links.cpp).
  int64_t links_rev_ = -1;
  std::vector<store::Link> links_;
  std::unordered_map<store::Id, std::vector<size_t>> links_of_;  // coding -> indexes into links_
  std::unordered_map<store::Id, std::string> link_colour_;       // relation id -> colour
  analysis::LinkCounts link_counts_;
  int64_t counts_rev_ = -1, counts_links_ = -1;
  store::Id counts_code_ = 0;
  std::vector<CompareLink> compare_links_;
  std::array<int64_t, 4> compare_links_key_{-1, -1, -1, -1};  // links revision, detail revision, indicator, quotes
  std::unordered_map<store::Id, std::pair<int, ImRect>> quote_boxes_;  // compare view: column and box, this frame
  analysis::IndicatorImpediments impediments_;
  struct FindingDraft {
    bool open = false, focus = false;
    store::Id id = 0;    // 0: a new finding
    store::Id code = 0;  // the indicator it hinders (a new one)
    std::string indicator, title, description;
  } finding_;

  HeatmapBatch batch_, legend_;  // handed to the renderer; live until the frame is drawn
  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
