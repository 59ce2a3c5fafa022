// The Workspace: what every view of the window works on, below the views.
// It owns the open project (the window's one read-write connection, used on
// the UI thread only), the ProjectCache, the open document and its selection,
// the background tasks, the status line, the remembered per-project state,
// act() (the UI's one error boundary) and every write to the project. It
// never calls a view: views read it, write through it, and subscribe to its
// events ("project changed", "document opened", "revision moved").
//
// Writes: each method is one user action (one transaction, one change-log
// row, one undo step) or nothing; while an exclusive task runs (an import or
// a merge that is about to write) every write is refused with a message.
// Workers never get the window's connection: they open their own read-only
// snapshot from project_path() (store::Project::open_snapshot).
//
// Files: workspace.cpp (project, document, status, events, state),
// workspace_actions.cpp (the writes).
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/backup.h"
#include "store/project.h"
#include "ui/coding/open_document.h"
#include "ui/shell/fonts.h"
#include "ui/shell/import_job.h"
#include "ui/shell/project_cache.h"
#include "ui/shell/tasks.h"
#include "ui/shell/theme.h"
#include "ui/shell/ui_state.h"
#include "ui/shell/view.h"
#include "ui/widgets/document_view.h"

namespace telaah::ui {

struct WorkspaceOptions {
  bool remember = true;  // load and save the per-project state (off in tests and screenshots)
  bool backups = false;  // verified backups on open and while working
};

// How the window draws: set by the shell (fonts, theme, scale), read by views.
struct Look {
  FontSet fonts;
  DocPalette palette;
  float dpi = 1.0f;
  float text_size = 17.0f;  // document text, points
};

// The status line's message. An action that can be undone says so with an
// Undo link, shown while that action is still the last one.
struct StatusMessage {
  std::string text;
  bool error = false;
  int64_t undo_revision = -1;  // the revision the action made; -1: no Undo link
  std::chrono::steady_clock::time_point at{};
};

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions opt = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // --- events: views subscribe; a Subscription unsubscribes when destroyed ---
  enum class Event {
    project,   // a project was opened, replaced or closed
    document,  // another document was opened (or none)
    revision,  // the project's revision moved (an action, undo or redo of this window)
  };
  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&&) noexcept = default;
    Subscription& operator=(Subscription&&) noexcept = default;
    ~Subscription();

   private:
    friend class Workspace;
    std::weak_ptr<void> list_;
    size_t id_ = 0;
  };
  [[nodiscard]] Subscription subscribe(Event e, std::function<void()> f);

  // --- the project ---
  bool open_project(const std::filesystem::path& file);  // errors become an alert; false then
  bool create_project(const std::filesystem::path& file);
  void adopt_project(std::unique_ptr<store::Project> p);  // tests: a project made elsewhere
  void close_project();
  bool has_project() const { return project_ != nullptr; }
  // For reading on the UI thread; views write through the methods below.
  const store::Project* project() const { return project_.get(); }
  // The shell's scripted start and tests only.
  store::Project* project_rw() { return project_.get(); }
  std::filesystem::path project_path() const;  // empty without a project: workers open their own snapshot of it
  const std::string& project_id() const { return project_id_; }
  const ProjectCache& cache() const { return cache_; }
  void refresh();  // reloads the cache when the revision moved (once a frame, and after each write)
  // A large project (Offload::limit): what grows with it is read on workers,
  // each through its own snapshot; the cache's first load too (loading()
  // meanwhile: the cache is empty, the window usable). per_revision.h.
  bool read_on_workers() const { return large_; }
  bool loading() const { return loading_; }

  // --- the open document and what is selected in it ---
  bool open_document(store::Id id, std::optional<int64_t> cp = std::nullopt);
  OpenDocument* doc() { return doc_.get(); }
  const OpenDocument* doc() const { return doc_.get(); }
  DocumentView& doc_view() { return doc_view_; }
  const DocumentView& doc_view() const { return doc_view_; }
  // Opens a document at a passage and shows it in the coding view, the
  // passage selected (or the coding, when given); its line `align` of the
  // view's height from the top.
  bool show_passage(store::Id doc, int64_t start, int64_t end, std::optional<store::Id> coding = std::nullopt,
                    float align = 0.33f);
  // The code chosen in the codebook (the inspector edits it).
  std::optional<store::Id> selected_code() const { return selected_code_; }
  void select_code(std::optional<store::Id> id) { selected_code_ = id; }
  // A query to find in the next document opened (`telaah gui --query`).
  void set_find_query(std::optional<std::string> q);

  // --- which view is shown (the shell draws it; a view may ask for another) ---
  ViewKey shown_view() const { return ViewKey{shown_}; }
  void show_view(ViewKey v) { shown_ = std::string(v.name); }

  // --- the status line and the one error boundary ---
  void set_status(std::string text, bool error = false);
  // A message about an action just done, with an Undo link while it is the last action.
  void set_undoable_status(std::string text);
  const StatusMessage& status() const { return status_; }
  bool status_offers_undo() const;
  // Runs a model call; a typed error becomes a status message. False then.
  bool act(const std::function<void()>& f);
  // A failure that needs the researcher's attention (a modal in the shell).
  void alert(std::string message) { alert_ = std::move(message); }
  const std::string& alert_text() const { return alert_; }
  void clear_alert() { alert_.clear(); }

  // --- background work ---
  TaskRunner& tasks() { return tasks_; }
  const TaskRunner& tasks() const { return tasks_; }
  bool busy() const { return tasks_.busy(); }  // an exclusive task runs: writes are refused
  void poll_tasks();                           // once a frame: run what finished tasks handed back
  void tick_backups();                         // backups.cpp

  // --- the writes (workspace_actions.cpp) ---
  void code_selection(store::Id code);  // the document view's selection
  void code_span(store::Id doc, int64_t start, int64_t end, store::Id code);
  void code_in_vivo();
  void remove_coding(store::Id coding);
  void set_stance(store::Id coding, store::Stance s);
  void set_memo(store::Id coding, const std::string& memo);
  void add_code(const store::Code& c);  // selects it
  void edit_code(const store::Code& c);
  void delete_code(store::Id code);
  void move_code(store::Id code, std::optional<store::Id> parent, int ord);
  void set_coder(const std::string& name);
  void undo();
  void redo();
  void start_import(const ImportRequest& req);
  // Any other action of the model (analysis' overrides, ratings, resolutions,
  // merges, auto-coding): `f` makes exactly one action on the project. On
  // success the cache is reloaded and `done` (if given) says what was saved,
  // with an Undo link. False when refused (busy, no project) or it failed.
  bool write(const std::function<void(store::Project&)>& f, const std::string& done = {});
  // What the last import left out (the shell shows it once).
  std::vector<std::pair<std::filesystem::path, std::string>> take_import_skipped();

  // --- remembered state, appearance, glyphs ---
  ProjectUiState& state() { return state_; }
  const ProjectUiState& state() const { return state_; }
  void save_state();  // the per-project state (no-op unless remembering)
  const Look& look() const { return look_; }
  void set_look(const Look& l) { look_ = l; }
  const GlyphSet& glyphs() const { return glyphs_; }
  // Text about to be shown: its characters go into the fonts (true when new ones came).
  bool need_glyphs(std::string_view utf8);
  bool take_glyphs_changed();
  // A view, document or selection changed: draw a few more frames (ImGui lays out tables a frame late).
  void keep_drawing() { settle_request_ = true; }
  bool take_keep_drawing();

 private:
  void ensure_pinned();
  void notify(Event e);
  void start_cache_load();  // the whole cache on a worker (first load, or far behind)
  void refresh_document();  // the open document follows the project
  void after_first_load();
  bool can_write();  // a project, and no exclusive task running (says why not)

  WorkspaceOptions opt_;
  std::unique_ptr<store::Project> project_;
  std::string project_id_;
  bool rev_changed_ = false;
  ProjectCache cache_;
  bool large_ = false, loading_ = false;
  uint64_t load_gen_ = 0;
  std::chrono::steady_clock::time_point opened_at_{};
  std::unique_ptr<OpenDocument> doc_;
  DocumentView doc_view_;
  std::optional<store::Id> selected_code_;
  std::optional<std::string> find_query_;
  std::string shown_ = "coding";
  TaskRunner tasks_;
  store::BackupScheduler backups_;
  ProjectUiState state_;
  StatusMessage status_;
  std::string alert_;
  std::vector<std::pair<std::filesystem::path, std::string>> import_skipped_;
  Look look_;
  GlyphSet glyphs_;
  bool glyphs_changed_ = false, settle_request_ = false;
  struct Listeners;
  std::shared_ptr<Listeners> listeners_;
};

}  // namespace telaah::ui
