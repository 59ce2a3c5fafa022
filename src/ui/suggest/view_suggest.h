// The suggestions review queue (issue 27): pick a code and a scope, get
// suggestions computed on a worker (never on the UI thread) from the
// passages already coded (index/suggest.h), read each in its context with its
// reasons, and decide with the keyboard: J/K move, A accept, R reject, O
// accept as another code, S skip. Decisions are gathered and applied as ONE
// undoable action (Enter or "Apply N decisions"); switching views or
// quitting applies what was decided (save_drafts), so nothing is lost.
//
// A view of its own rather than a tab of the search view: the queue has its
// own keys (single letters, which the search view's query box would take) and
// its own worker, and the off switch (setting suggestions.enabled) removes it
// whole — toolbar button, View menu item and keys — without touching search.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/suggest.h"
#include "store/suggestions.h"
#include "ui/shell/view.h"

namespace telaah::ui {

class Workspace;
class App;

class SuggestView : public View {
 public:
  static constexpr ViewKey kKey{"suggest"};
  explicit SuggestView(Workspace& ws);
  ViewKey key() const override { return kKey; }
  S title() const override { return S::sug_title; }
  void draw() override;
  void shortcuts() override;
  void project_changed() override;
  void save_drafts() override { apply(); }
  bool has_unsaved_draft() const override { return !decisions_.empty(); }
  bool available() const override;
  void menu_items(Menu m) override;  // View › Apply N suggestion decisions (Enter), while it is shown

  // --- for tests and scripted use ---
  static SuggestView* of(App& app);  // null when switched off
  void set_code(store::Id code);
  void set_scope(index::Scope s) { scope_ = s; }
  void request();  // computes on a worker
  bool computing() const { return computing_; }
  int64_t started() const { return started_; }  // how many computations were started
  const std::vector<index::Suggestion>& suggestions() const { return list_; }
  int cursor() const { return cursor_; }
  size_t decided() const { return decisions_.size(); }
  const std::string& message() const { return message_; }
  void choose_other(store::Id code);  // what the O picker does with its choice
  int apply();                        // applies the gathered decisions; returns how many

 private:
  struct Decision {
    store::SuggestionDecision::Kind kind = store::SuggestionDecision::Kind::accept;
    store::Id code = 0;
  };
  void draw_controls();
  void draw_list(float width, float height);
  void draw_detail();
  void draw_other_picker();
  void decide(store::SuggestionDecision::Kind k, store::Id code);
  void move(int by);

  Workspace& ws_;
  store::Id code_ = 0;
  char code_filter_[128] = {};
  index::Scope scope_ = index::Scope::paragraph;
  std::vector<index::Suggestion> list_;
  std::map<std::string, Decision> decisions_;  // by suggestion id
  int cursor_ = 0;
  bool computing_ = false, scroll_to_cursor_ = false, open_other_ = false;
  uint64_t gen_ = 0;
  int64_t started_ = 0;
  std::string message_;
  char other_filter_[128] = {};
  std::vector<index::TermWeight> model_;
  // available(): the setting, read once per project revision.
  mutable int64_t enabled_rev_ = -2;
  mutable bool enabled_ = true;
};

}  // namespace telaah::ui
