// The project window's shell: the list of views, the menus, the toolbar, the
// status line, the global shortcuts, fonts and preferences. Everything a view
// works on (the project, the open document, tasks, the status message and
// every write) is the Workspace's (workspace.h); App draws the shown view's
// body and calls its shortcuts, and never reaches into a view's state.
// It makes no GL calls: the platform layer (src/platform) runs the window,
// uploads fonts and reads the flags below between frames; headless tests
// drive it the same way without a window.
//
// Files: app.cpp (the view list, frame, menus, toolbar, status line,
// shortcuts), popups.cpp (file browser, new coder, import, errors),
// start_screen.cpp; the Workspace in workspace.cpp, workspace_actions.cpp,
// backups.cpp; each view in its own folder (coding/, search/, ...).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"
#include "ui/agreement/view_agreement.h"
#include "ui/cases/view_cases.h"
#include "ui/coding/doc_picker.h"
#include "ui/coding/view_coding.h"
#include "ui/documents/view_documents.h"
#include "ui/export/dialog_output.h"
#include "ui/retrieval/view_retrieval.h"
#include "ui/search/view_search.h"
#include "ui/shell/duplicates_dialog.h"
#include "ui/shell/file_browser.h"
#include "ui/shell/fonts.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/shell/tasks.h"
#include "ui/shell/theme.h"
#include "ui/shell/ui_state.h"
#include "ui/shell/view.h"
#include "ui/shell/workspace.h"
#include "ui/suggest/view_suggest.h"
#include "ui/summaries/view_summaries.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/document_view.h"

namespace telaah::ui {

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

  Workspace& workspace() { return ws_; }

  // --- the project ---
  // A .qdpx / .qde is not opened but offered for import as a new project
  // beside it (qdpx_intake.cpp); true then, the dialog is shown.
  bool open_project(const std::filesystem::path& file) {
    if (is_refi_project(file)) return offer_qdpx_import(file);
    save_drafts();
    return ws_.open_project(file);
  }
  static bool is_refi_project(const std::filesystem::path& file);
  bool offer_qdpx_import(const std::filesystem::path& file);
  // The import dialog's state, for tests: the source offered, the new project's path.
  struct QdpxIntake {
    std::filesystem::path source;
    std::string target;  // as edited
    std::string error;   // why Import is refused (shown in the dialog)
    bool appear = true;
  };
  const std::optional<QdpxIntake>& qdpx_intake() const { return qdpx_; }
  DuplicatesDialog& duplicates() { return duplicates_; }  // Project › Find near-duplicates…
  // Where the toolbar drew a control last frame: "undo", "redo", "coder", "view:KEY" (a view's
  // button) or "views" (the one list of views drawn instead when the buttons do not fit).
  std::optional<ImRect> toolbar_rect(const std::string& key) const;
  std::optional<ImRect> qdpx_import_button() const { return qdpx_import_rect_; }  // last frame
  // The import dialog's request (previews made when it opens), for tests; a
  // column picked for a table's role (what the dialog's combo does).
  std::optional<ImportRequest>& import_pending() { return import_pending_; }
  void set_import_column(size_t file, const std::string& role, const std::string& column);
  std::optional<ImRect> import_ok_button() const { return import_ok_rect_; }  // last frame
  const std::string& qdpx_report() const { return qdpx_report_; }
  bool create_project(const std::filesystem::path& file) { return ws_.create_project(file); }
  void adopt_project(std::unique_ptr<store::Project> p) { ws_.adopt_project(std::move(p)); }
  void close_project() {
    save_drafts();
    ws_.close_project();
  }
  store::Project* project() { return ws_.project_rw(); }  // scripted start and tests
  // No project on the command line: reopen the last one, else build and open
  // the sample project on first start, else show the start screen.
  void start_without_project();
  void open_sample();

  // --- one frame ---
  void frame();

  // --- what the platform layer reads and feeds between frames ---
  bool wants_quit() const { return quit_; }
  void request_quit();  // Ctrl+Q, Project > Quit, the window's close button: saves open drafts first
  // Text typed in a view's box and not saved yet is saved (View::save_drafts):
  // on quit, close, and view switch; a view saves its own on a document switch.
  void save_drafts();
  bool has_unsaved_draft() const;
  bool needs_frames() const;                            // animation or background work: keep drawing
  bool settling() const { return settle_frames_ > 0; }  // a new view / document / coding: a few more frames
  bool fonts_dirty() const { return fonts_dirty_; }
  FontSpec font_spec() const;
  const GlyphSet& glyphs() const { return ws_.glyphs(); }
  void set_fonts(const FontSet& f);  // after the atlas was (re)built
  void set_dpi_scale(float s);
  float dpi_scale() const { return dpi_; }
  void on_files_dropped(const std::vector<std::filesystem::path>& paths);
  std::string window_title() const;
  TaskRunner& tasks() { return ws_.tasks(); }
  void save_state();

  // --- the views ---
  const std::vector<std::unique_ptr<View>>& views() const { return views_; }
  View* view(ViewKey key) const;  // nullptr: no such view
  void set_view(ViewKey v);
  ViewKey view() const { return ws_.shown_view(); }

  // --- scripted start (telaah gui --open/--view/--query) and tests ---
  bool open_document(store::Id id, std::optional<int64_t> cp = std::nullopt) { return ws_.open_document(id, cp); }
  void set_query(const std::string& q);
  DocumentView& doc_view() { return ws_.doc_view(); }
  OpenDocument* open_doc() { return ws_.doc(); }
  const ProjectCache& cache() const { return ws_.cache(); }
  const std::string& status() const { return ws_.status().text; }
  bool status_is_error() const { return ws_.status().error; }
  bool status_offers_undo() const { return ws_.status_offers_undo(); }
  std::optional<ImRect> undo_link_rect() const { return undo_link_; }  // the status line's Undo, last frame
  std::optional<ImRect> code_row_rect(store::Id code) const;           // where the codebook drew it last frame
  const std::vector<store::Id>& pinned() const { return ws_.state().pinned; }
  DocPicker& doc_picker() { return picker_; }        // Ctrl+P
  OutputDialog& output_dialog() { return output_; }  // Project › Report… / Export…
  // Tab / Shift+Tab: the keyboard to the next (previous) pane of the shown view.
  void cycle_panes(bool back);
  // The pane that has the keyboard ("##browser", "##document", ...; "" when none),
  // and the ring drawn around it while the keyboard moves the focus (until a click).
  std::string focused_pane() const;
  std::optional<ImRect> focus_ring() const { return focus_ring_; }
  // Where the menu bar drew a menu's title last frame (S::menu_project, menu_edit, menu_view, menu_help).
  std::optional<ImVec2> menu_title(S title) const {
    auto it = menu_titles_.find(title);
    return it == menu_titles_.end() ? std::nullopt : std::optional<ImVec2>(it->second);
  }
  Prefs& prefs() { return prefs_; }
  void apply_prefs();  // after changing prefs(): language, theme

  // --- actions, for tests and scripts (the Workspace's) ---
  void code_selection(store::Id code) { ws_.code_selection(code); }
  void code_span(store::Id doc, int64_t start, int64_t end, store::Id code) { ws_.code_span(doc, start, end, code); }
  void remove_coding(store::Id coding) { ws_.remove_coding(coding); }
  void set_stance(store::Id coding, store::Stance s) { ws_.set_stance(coding, s); }
  void set_memo(store::Id coding, const std::string& memo) { ws_.set_memo(coding, memo); }
  void undo() { ws_.undo(); }
  void redo() { ws_.redo(); }
  void start_import(const ImportRequest& req) { ws_.start_import(req); }

 private:
  void project_changed();  // the Workspace's project event
  void draw_menu_bar();
  void draw_toolbar();
  void draw_status_line();
  void handle_shortcuts();
  void draw_focus_ring();
  void collect_body_panes();                   // a view that draws no widgets::begin_pane: its body's child windows
  ImGuiWindow* pane_of(ImGuiWindow* w) const;  // the pane (of this frame) that holds w
  void note_settling();
  void draw_popups();  // popups.cpp
  void draw_import_dialog();
  void draw_import_preview(size_t file);
  void draw_start_screen();  // start_screen.cpp
  void draw_qdpx_intake();   // qdpx_intake.cpp
  void start_qdpx_import();
  void browse_qdpx();  // the file browser, listing .qdpx / .qde files

  AppOptions opt_;
  Workspace ws_;  // made first, destroyed last: the views hold it
  FileBrowser file_browser_;
  std::map<std::string, ImRect> toolbar_rects_;  // toolbar_rect()
  DuplicatesDialog duplicates_{ws_};             // Project › Find near-duplicates…
  Prefs prefs_;
  std::chrono::steady_clock::time_point last_save_{};

  // Fonts, theme, scale.
  FontSet fonts_;
  bool fonts_dirty_ = true;
  float dpi_ = 1.0f;
  Theme theme_ = Theme::light;

  static constexpr int kSettleFrames = 3;
  std::array<int64_t, 3> settle_key_{};  // view, document, coding: a change draws a few more frames
  std::string settle_view_;
  int settle_frames_ = 0;
  bool new_coder_open_ = false;
  std::string new_coder_name_;
  std::optional<ImportRequest> import_pending_;  // waiting for the user to choose type / language
  bool import_previewed_ = false;                // the pending request's previews are made
  std::optional<ImRect> import_ok_rect_;
  std::vector<std::pair<std::filesystem::path, std::string>> import_skipped_;
  bool quit_ = false;
  std::string drawn_view_;     // the view of the last frame (a switch saves drafts)
  bool menu_request_ = false;  // F10: open the menu bar
  std::optional<ImRect> undo_link_;
  DocPicker picker_;
  OutputDialog output_{ws_};     // Project › Report… and Export…
  int tab_key_ = -1;             // the backend's Tab: ImGui gets it only while a popup is open
  ImGuiWindow* body_ = nullptr;  // the shown view's body (this frame)
  bool release_active_ = false;  // Tab left a text field: it lets the keyboard go next frame
  bool keyboard_focus_ = false;  // the focus moved by the keyboard since the last click: show the ring
  std::optional<ImRect> focus_ring_;
  std::map<S, ImVec2> menu_titles_;
  std::optional<QdpxIntake> qdpx_;  // a .qdpx waiting for the user to confirm its import
  std::optional<ImRect> qdpx_import_rect_;
  std::string qdpx_report_;  // the last import's report, shown once in a popup
  bool qdpx_report_open_ = false;

  // The views, in toolbar order (app.cpp: App::App); made after the Workspace, destroyed before it.
  std::vector<std::unique_ptr<View>> views_;
  Workspace::Subscription on_project_;
};

// The built-in views' keys, in toolbar order (for `telaah gui --view` and tests).
inline constexpr ViewKey kAllViews[] = {View::coding,        View::search,    View::retrieval,
                                        View::triangulation, View::agreement, View::documents,
                                        View::summaries,     View::cases,     SuggestView::kKey};
const char* view_key(ViewKey v);  // "coding", "search", ...
std::optional<ViewKey> view_from_key(const std::string& s);

}  // namespace telaah::ui
