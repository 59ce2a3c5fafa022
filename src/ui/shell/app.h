// The project window. Owns the open project, the UI state (plain data) and
// the panels; draws everything once per frame between ImGui::NewFrame() and
// ImGui::Render(). It makes no GL calls: the platform layer (src/platform)
// runs the window, uploads fonts and reads the flags below between frames;
// headless tests drive it the same way without a window.
//
// Files: app.cpp (frame, layout, menus, shortcuts, status), app_actions.cpp
// (everything that writes to the project), panel_browser.cpp,
// panel_codebook.cpp, panel_inspector.cpp, panel_document.cpp,
// popups.cpp, start_screen.cpp, and one file per view (view_*.cpp).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/backup.h"
#include "store/project.h"
#include "ui/agreement/view_agreement.h"
#include "ui/coding/doc_list.h"
#include "ui/coding/open_document.h"
#include "ui/retrieval/view_retrieval.h"
#include "ui/search/view_search.h"
#include "ui/shell/file_browser.h"
#include "ui/shell/fonts.h"
#include "ui/shell/import_job.h"
#include "ui/shell/project_cache.h"
#include "ui/shell/strings.h"
#include "ui/shell/tasks.h"
#include "ui/shell/theme.h"
#include "ui/shell/ui_state.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/document_view.h"

namespace telaah::ui {

// The views of the project window; each is drawn by its own file (view_*.cpp).
enum class View { coding, search, retrieval, triangulation, agreement };

// The coding view's three pane widths for a window width (see fit_panes in app.cpp).
struct PaneWidths {
  float left, centre, right;
};
PaneWidths fit_panes(float width, float left, float right, float bar, float min_pane, float min_centre);
inline constexpr View kAllViews[] = {View::coding, View::search, View::retrieval, View::triangulation, View::agreement};
const char* view_key(View v);  // "coding", "search", ...
std::optional<View> view_from_key(const std::string& s);

struct AppOptions {
  bool remember = true;  // load and save prefs and per-project state (off in tests and screenshots)
  bool sample_on_first_start = true;
  bool backups = false;  // verified backups on open and while working (the real window; tests opt in)
};

class App {
 public:
  explicit App(AppOptions opt = {});
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // --- the project ---
  bool open_project(const std::filesystem::path& file);  // errors become a message; false then
  bool create_project(const std::filesystem::path& file);
  void adopt_project(std::unique_ptr<store::Project> p);  // tests: a project made elsewhere
  void close_project();
  store::Project* project() { return project_.get(); }
  // No project on the command line: reopen the last one, else build and open
  // the sample project on first start, else show the start screen.
  void start_without_project();
  void open_sample();

  // --- one frame ---
  void frame();

  // --- what the platform layer reads and feeds between frames ---
  bool wants_quit() const { return quit_; }
  void request_quit() { quit_ = true; }
  bool needs_frames() const;                            // animation or background work: keep drawing
  bool settling() const { return settle_frames_ > 0; }  // a new view / document / coding: a few more frames
  bool fonts_dirty() const { return fonts_dirty_; }
  FontSpec font_spec() const;
  const GlyphSet& glyphs() const { return glyphs_; }
  void set_fonts(const FontSet& f);  // after the atlas was (re)built
  void set_dpi_scale(float s);
  float dpi_scale() const { return dpi_; }
  void on_files_dropped(const std::vector<std::filesystem::path>& paths);
  std::string window_title() const;
  TaskRunner& tasks() { return tasks_; }
  void save_state();

  // --- scripted start (telaah gui --open/--view/--query) and tests ---
  bool open_document(store::Id id, std::optional<int64_t> cp = std::nullopt);
  void set_view(View v) { view_ = v; }
  View view() const { return view_; }
  void set_query(const std::string& q);
  DocumentView& doc_view() { return doc_view_; }
  OpenDocument* open_doc() { return doc_.get(); }
  const ProjectCache& cache() const { return cache_; }
  const std::string& status() const { return status_.text; }
  bool status_is_error() const { return status_.error; }
  std::optional<ImRect> code_row_rect(store::Id code) const;  // where the codebook drew it last frame
  const std::vector<store::Id>& pinned() const { return state_.pinned; }
  Prefs& prefs() { return prefs_; }
  void apply_prefs();  // after changing prefs(): language, theme

  // --- coding actions (app_actions.cpp); each is one undoable action or none ---
  void code_selection(store::Id code);
  void code_span(store::Id doc, int64_t start, int64_t end, store::Id code);
  void code_in_vivo();
  void remove_coding(store::Id coding);
  void set_stance(store::Id coding, store::Stance s);
  void set_memo(store::Id coding, const std::string& memo);
  void undo();
  void redo();
  void move_code(store::Id code, std::optional<store::Id> parent, int ord);
  void start_import(const ImportRequest& req);

 private:
  // The views reach the project, the cache and the actions directly.
  friend class SearchView;
  friend class RetrievalView;
  friend class TriangulationView;
  friend class AgreementView;

  // app.cpp
  void refresh();
  void draw_menu_bar();
  void draw_toolbar();
  void draw_status_line();
  void draw_coding_layout(float height);
  void handle_shortcuts();
  void poll_tasks();
  void tick_backups();  // backups.cpp
  void ensure_pinned();
  void set_status(std::string text, bool error = false);
  // Runs a model call at the UI's one error boundary: a typed error becomes a status message.
  bool act(const std::function<void()>& f);
  // panel_*.cpp, popups.cpp, start_screen.cpp, view_*.cpp
  void draw_browser();
  void draw_document();
  void draw_codebook();
  void draw_code_row(size_t index, std::vector<bool>& open_stack);
  void draw_inspector();
  void draw_coding_inspector(const store::Coding& c);
  void draw_code_editor(store::Id code);
  void draw_document_info();
  void draw_popups();
  void draw_quick_code();
  void draw_memo_editor();
  void draw_import_dialog();
  void draw_start_screen();
  void draw_search_view();
  void draw_retrieval_view();
  void draw_triangulation_view();
  void draw_agreement_view();
  void draw_not_available(S what);

  AppOptions opt_;
  std::unique_ptr<store::Project> project_;
  std::string project_id_;
  bool rev_changed_ = false;
  ProjectCache cache_;
  std::unique_ptr<OpenDocument> doc_;
  DocumentView doc_view_;
  View view_ = View::coding;
  TaskRunner tasks_;
  store::BackupScheduler backups_;
  FileBrowser file_browser_;

  // Remembered state (ui_state.h) and preferences.
  Prefs prefs_;
  ProjectUiState state_;
  std::chrono::steady_clock::time_point last_save_{};

  // Fonts, theme, scale.
  FontSet fonts_;
  GlyphSet glyphs_;
  bool fonts_dirty_ = true;
  float dpi_ = 1.0f;
  Theme theme_ = Theme::light;
  DocPalette palette_;

  // Panel state between frames.
  std::string doc_filter_, code_filter_;
  DocList doc_list_;                        // the browser's rows, computed once per filter or document-list change
  std::optional<store::Id> selected_code_;  // shown in the inspector's code editor
  struct CodeDraft {                        // the code editor's unsaved fields
    store::Id id = 0;
    store::Code code;
    ImVec4 colour;
  } draft_;
  std::unordered_map<store::Id, ImRect> code_rows_;
  std::string memo_draft_;  // the inspector's memo box
  store::Id memo_draft_for_ = 0;
  std::string memo_popup_draft_;
  static constexpr int kSettleFrames = 3;
  std::array<int64_t, 4> settle_key_{};  // view, document, coding, code: a change draws a few more frames
  int settle_frames_ = 0;
  void note_settling();  // the memo popup's (M): its own, the inspector is drawn every frame too
  bool quick_open_ = false, memo_open_ = false, new_coder_open_ = false, confirm_delete_code_ = false;
  std::string quick_filter_, new_coder_name_;
  int quick_index_ = 0;
  store::Id memo_coding_ = 0;
  std::optional<ImportRequest> import_pending_;  // waiting for the user to choose type / language
  std::vector<std::pair<std::filesystem::path, std::string>> import_skipped_;
  bool show_import_report_ = false;
  std::optional<std::string> pending_query_;
  std::string error_modal_;  // a failure that needs the user's attention

  struct Status {
    std::string text;
    bool error = false;
    std::chrono::steady_clock::time_point at{};
  } status_;
  bool quit_ = false;

  // The views other than coding (view_*.cpp); made last, destroyed first.
  std::unique_ptr<SearchView> search_view_;
  std::unique_ptr<RetrievalView> retrieval_view_;
  std::unique_ptr<TriangulationView> triangulation_view_;
  std::unique_ptr<AgreementView> agreement_view_;
  void views_project_changed();
};

}  // namespace telaah::ui
