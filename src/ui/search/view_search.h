// The search view: query box, facets, virtualised hits, code-from-search review (issue 9).
// The view owns its state; the Workspace gives it the project, the cache and
// the actions. Its strings are in strings_search.h.
//
// Files: view_search.cpp (index sync, query box, facets, result list),
// search_review.cpp (code from search), search_worker.cpp (the background
// side), search_filters.cpp (facet filters in the query text).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/autocode.h"
#include "index/search.h"
#include "ui/search/search_worker.h"
#include "ui/shell/strings.h"
#include "ui/shell/view.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/set_choice.h"

namespace telaah::ui {

class App;
class Workspace;

class SearchView : public View {
 public:
  explicit SearchView(Workspace& ws);
  ~SearchView();
  SearchView(const SearchView&) = delete;
  SearchView& operator=(const SearchView&) = delete;

  ViewKey key() const override { return View::search; }
  S title() const override { return S::view_search; }
  void draw() override;                  // inside the view's body child window
  void project_changed() override;       // a project was opened, closed or replaced: drop what belongs to the old one
  void focus_query();                    // Ctrl+Shift+F: show the view, keyboard focus in the query box
  void set_query(const std::string& q);  // telaah gui --query, and tests

  // --- for tests and scripted use ---
  static SearchView& of(App& app);
  bool review_code_cut() const { return code_combo_cut_; }  // the review's code combo cut its path short (last frame)
  // Where draw_snippet puts things, relative to its origin: text runs (byte
  // ranges of `text`), the highlight boxes and the ellipsis (x < 0: none).
  struct SnippetLayout {
    std::string text;  // the snippet on one line, with the lead ellipsis
    struct Run {
      size_t begin, end;
      float x;
      int line;
      float width;
    };
    std::vector<Run> runs;
    struct Box {
      float x0, x1;
      int line;
    };
    std::vector<Box> marks;
    float ellipsis_x = -1;
    int ellipsis_line = 0;
  };
  static SnippetLayout layout_snippet(ImFont* font, float font_size, float width, int max_lines,
                                      const std::string& snippet, const std::vector<index::Match>& marks,
                                      bool lead_ellipsis);  // the window's search view
  const std::string& query() const { return query_; }
  // Nothing pending: no index sync, no search or plan in flight, no debounce waiting.
  bool idle() const;
  int64_t total() const { return shown_.total; }
  bool has_results() const { return shown_.gen != 0; }
  bool exact_words() const { return exact_words_; }            // the "Exact words" toggle
  store::Id chosen_set() const { return set_.set(); }          // the filter bar's document set (0: all)
  const std::string& searched() const { return shown_.text; }  // the query the shown results answer
  const index::Facets& facets() const { return shown_.facets; }
  const index::Hit* hit(int64_t rank) const;  // if its page is loaded
  const std::string& error() const { return error_.message; }
  const std::string& index_problem() const { return sync_error_; }  // the last sync's failure, or empty
  int64_t index_revision() const { return index_revision_; }
  int64_t searches_run() const { return searches_run_; }
  int64_t pages_requested() const { return pages_requested_; }
  // Where an element was drawn in the last frame: "query", "hit:RANK",
  // "facet:FIELD:VALUE", "button:code_hits", "review:I", "button:apply",
  // "button:all", "button:none", "scope:NAME", "code_combo", "code:ID".
  std::optional<ImRect> rect(const std::string& key) const;
  bool review_open() const { return review_.open; }
  const std::vector<index::AutocodeSpan>& review_plan() const { return review_.plan; }
  std::vector<bool> review_accepted() const { return review_.accept; }

 private:
  struct Page {
    bool requested = false, loaded = false;
    std::vector<index::Hit> hits;
  };
  // The results on screen: page 0 with facets, further pages as the list scrolls.
  struct Shown {
    uint64_t gen = 0;
    std::string text;   // the query searched (with the exact-words toggle applied)
    std::string typed;  // the query as typed
    index::Query::Sort sort = index::Query::Sort::relevance;
    int64_t total = 0;
    bool exact = true;
    index::Facets facets;
    std::string did_you_mean;
    std::vector<std::string> notes;
    double ms = 0;
    std::map<int64_t, Page> pages;
  };
  struct QueryErrorState {
    std::string message, text;
    size_t pos = 0, len = 0;  // code points
    bool no_index = false;
  };
  struct Review {
    bool open = false, want_open = false;
    std::string query;
    index::Scope scope = index::Scope::hit;
    store::Id code = 0;
    store::Stance stance = store::Stance::neutral;
    uint64_t gen = 0;  // of the plan being computed
    bool planning = false;
    std::string error;
    std::vector<index::AutocodeSpan> plan;
    std::vector<std::string> before, after;  // context of each span, for the preview
    std::vector<bool> accept;
    std::string code_filter;
  };

  // view_search.cpp
  void start_sync();
  void on_synced(uint64_t epoch, SyncOutcome out);
  void poll();
  void submit(bool to_history);
  void request_page(int64_t page);
  void apply_reply(SearchReply r);
  void apply_first_page(const SearchReply& r);
  void draw_query_bar();
  void draw_syntax_table();
  void draw_status_line();
  void draw_facets();
  void draw_facet_group(S title, const char* field, const std::vector<index::FacetValue>& values);
  void draw_results();
  void draw_hit(const index::Hit& h, int64_t rank, float width, float row_h, bool stale);
  void open_hit(const index::Hit& h);
  void add_history(const std::string& q);
  void remember(const std::string& key);  // the last item's rect under `key`
  static int input_callback(ImGuiInputTextCallbackData* data);
  // A snippet with its marks (code points) on a highlight, wrapped into at
  // most `max_lines` lines of `width` pixels; an ellipsis where it is cut.
  static void draw_snippet(ImDrawList* dl, ImVec2 pos, float width, int max_lines, const std::string& snippet,
                           const std::vector<index::Match>& marks, ImU32 text_col, ImU32 mark_bg, bool lead_ellipsis);
  // search_review.cpp
  void open_review();
  void request_plan();
  void draw_review();
  void apply_review();

  Workspace& ws_;
  bool code_combo_cut_ = false;  // the review's code combo shows its path cut short
  SearchWorker worker_;
  std::shared_ptr<SyncStatus> sync_status_ = std::make_shared<SyncStatus>();
  Workspace::Subscription on_revision_;  // every action, undo and redo of the window: the index catches up

  // The index sync: at most one at a time; a revision that moves meanwhile asks for one more.
  uint64_t epoch_ = 0;  // bumped when the project changes: late replies of the old one are dropped
  bool sync_running_ = false, sync_again_ = false;
  bool refresh_on_show_ = false;  // results may be stale: search again when the view shows
  std::string sync_error_;
  int64_t index_revision_ = -1;

  // The query box.
  std::string query_;
  bool focus_ = false, dirty_ = false, submit_now_ = false, reload_text_ = false;
  double edited_at_ = 0;  // ImGui time of the last keystroke (debounce)
  index::Query::Sort sort_ = index::Query::Sort::relevance;
  bool exact_words_ = false;          // the "Exact words" toggle: plain words and phrases searched as =word, ="phrase"
  std::vector<std::string> history_;  // this session's searches, newest first
  int history_pos_ = -1;              // -1: the draft being typed
  std::string history_draft_;

  // Searches.
  uint64_t next_gen_ = 0, pending_gen_ = 0;
  bool waiting_first_ = false;  // the first page of pending_gen_ has not come back yet
  Shown shown_;
  QueryErrorState error_;
  int64_t searches_run_ = 0, pages_requested_ = 0;

  Review review_;
  std::unordered_map<std::string, ImRect> rects_;
  // The document set chosen: its members go with every search and plan as
  // index::Query::docs (a filter of the match: totals and facets count only
  // them), read again when the project's revision moves.
  SetChoice set_;
  std::optional<std::vector<store::Id>> set_docs_;
  store::Id set_docs_for_ = 0;
  int64_t set_docs_rev_ = -1;
  bool refresh_set_docs();  // true: the members searched changed
};

}  // namespace telaah::ui
