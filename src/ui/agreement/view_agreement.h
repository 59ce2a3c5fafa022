// The agreement view: intercoder statistics and the disagreement review (issue 10).
// The view owns its state; the Workspace gives it the project, the cache and
// the actions. Its strings are in strings_agreement.h.
//
// Files: view_agreement.cpp (the choices and the statistics table, computed
// on a worker thread), agreement_review.cpp (the review list and its
// resolutions), agreement_merge.cpp (merging a colleague's codings).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/agreement.h"
#include "analysis/merge.h"
#include "analysis/review.h"
#include "store/types.h"
#include "ui/shell/file_browser.h"
#include "ui/shell/per_revision.h"
#include "ui/shell/view.h"
#include "ui/widgets/set_choice.h"

namespace telaah::ui {

class App;
class Workspace;

// What the researcher chose: plain data, kept while the project is open.
struct AgreementChoice {
  std::string coder_a, coder_b;
  enum class Docs { all, by_type, picked } docs = Docs::all;
  std::string source_type;
  std::set<store::Id> picked_docs;
  // A document set (0: none): with all documents or by type, only the set's
  // documents count (analysis::AgreementSelection::within, read by the worker).
  store::Id set = 0;
  enum class Codes { indicators, used, picked } codes = Codes::indicators;
  std::set<store::Id> picked_codes;
  bool rollup = true;  // picked codes: sub-codes count for their chosen parent
  analysis::AgreementUnit unit = analysis::AgreementUnit::character;
  float threshold = 0.5f;
  analysis::OverlapRatio overlap = analysis::OverlapRatio::union_;
  bool exclude_uncoded = false;
  bool include_kept = false;
  bool operator==(const AgreementChoice&) const = default;
};

// One row of the statistics table as drawn (formatted cells, the method sentences for tooltips).
struct AgreementRow {
  store::Id code = 0;  // 0: the pooled overall row
  std::string label, units, documents, percent, kappa, alpha;
  std::string percent_method, kappa_method, alpha_method;
};

// A disagreement with what the list shows of it (quotes read on the worker).
struct ReviewItem {
  analysis::Disagreement d;
  std::string quote_a, quote_b;  // each side's codings, quoted (shortened)
};

class AgreementView : public View {
 public:
  explicit AgreementView(Workspace& ws);
  ~AgreementView();
  AgreementView(const AgreementView&) = delete;
  AgreementView& operator=(const AgreementView&) = delete;

  ViewKey key() const override { return View::agreement; }
  S title() const override { return S::view_agreement; }
  void draw() override;              // inside the view's body child window
  void project_changed() override;   // a project was opened, closed or replaced: drop what belongs to the old one
  void menu_items(Menu m) override;  // Project: Merge codings from...; View: blind mode
  void start_merge();                // Project menu > Merge codings from...: the file browser, then the report
  void merge_from(const std::filesystem::path& file);  // what the browser hands over: the dry run and its report

  // Coders in the coding view (remembered per project): blind mode and "show codings of".
  bool blind() const;
  void set_blind(bool on);
  void show_codings(const std::string& who, const std::string& a = {},
                    const std::string& b = {});  // all | me | compare

  // For the tests: the view of a window, what it computed and shows, where it drew.
  static AgreementView& of(App& app);
  AgreementChoice& choice() { return choice_; }
  bool computing() const { return computing_; }
  bool has_result() const { return report_.has_value(); }
  const analysis::AgreementReport* report() const { return report_ ? &*report_ : nullptr; }
  const std::vector<AgreementRow>& rows() const { return rows_; }
  const std::vector<ReviewItem>& review() const { return review_; }
  enum class Button { accept_a, accept_b, keep_both, edit, open };
  std::optional<ImRect> button_rect(size_t item, Button b) const;
  const analysis::MergeReport* merge_plan() const;  // the dry run's report while the dialog is open
  bool merge_planning() const;
  std::optional<ImRect> merge_button_rect() const { return merge_button_; }
  std::optional<ImRect> blind_off_button_rect() const { return blind_off_button_; }  // shown while blind mode is on
  std::optional<ImRect> review_rect() const { return review_rect_; }  // the review list's table, last frame
  std::optional<ImRect> set_rect(const std::string& key) const;       // "set:combo", "set:item:NAME", ...
  // The options the library is called with for the current choice (nullopt: the choice is incomplete).
  std::optional<analysis::AgreementOptions> options() const;
  // Formatting shared by the table and the tests.
  static std::string format_percent(double v);
  static std::string format_coefficient(double v);

 private:
  struct Result {
    uint64_t generation = 0;
    int64_t revision = 0;
    analysis::AgreementReport report;
    std::vector<ReviewItem> review;
    std::string error;  // the library refused the choice (a typed error's message)
  };
  void ensure_defaults();
  void maybe_compute();
  void adopt(Result r);
  void draw_choices();
  void draw_table();
  void draw_review();
  void draw_edit_popup();
  void resolve(size_t item, Button b);
  void open_passage(const analysis::Disagreement& d);
  std::string code_label(store::Id id) const;
  void draw_merge();  // the merge dialogs (agreement_merge.cpp)
  void plan_merge();
  void reset_merge();

  Workspace& ws_;
  AgreementChoice choice_;
  SetChoice set_;  // choice_.set
  std::unordered_map<std::string, ImRect> set_rects_;
  PerRevision<std::string, std::vector<std::pair<int64_t, std::string>>> defaults_;  // codings per coder, by project
  std::string coders_for_;  // the project the default coders were chosen for
  // What is shown and what it was computed from.
  std::optional<analysis::AgreementReport> report_;
  std::vector<AgreementRow> rows_;
  std::vector<ReviewItem> review_;
  std::optional<AgreementChoice> computed_for_;
  int64_t computed_rev_ = -1;
  uint64_t generation_ = 0;
  bool computing_ = false;
  std::string error_;
  // The review list: where the buttons were drawn last frame, the edit popup's draft.
  std::vector<std::pair<std::pair<size_t, Button>, ImRect>> button_rects_;
  struct EditDraft {
    bool open = false;
    size_t item = 0;
    std::string key;
    int start = 0, end = 0;
    int stance = 2;  // store::Stance as int
    store::Id code = 0;
    std::string error;
    std::string preview;  // the text of [start, end), read when they change
    int preview_start = -1, preview_end = -1;
  } edit_;
  std::string doc_filter_;
  std::vector<size_t> doc_rows_;  // cache.docs indices the filter lets through
  std::string doc_rows_filter_;
  uint64_t doc_rows_version_ = 0;
  // Merging (agreement_merge.cpp).
  struct Merge;
  std::unique_ptr<Merge> merge_;
  uint64_t merge_gen_ = 0;
  std::optional<ImRect> merge_button_;
  std::optional<ImRect> blind_off_button_;
  std::optional<ImRect> review_rect_;
  // After a resolution the next row moves under the cursor: the list ignores clicks until the
  // mouse moves away or the double-click time has passed, so a double-click resolves one row.
  double guard_until_ = -1;
  ImVec2 guard_pos_{};
};

}  // namespace telaah::ui
