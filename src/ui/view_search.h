// The search view: query box, facets, virtualised hits, code-from-search review (issue 9).
// The view owns its state; App (a friend) gives it the project, the cache and
// the actions. Its strings are in strings_search.h.
#pragma once
#include <string>

namespace telaah::ui {

class App;

class SearchView {
 public:
  explicit SearchView(App& app);
  ~SearchView();
  SearchView(const SearchView&) = delete;
  SearchView& operator=(const SearchView&) = delete;

  void draw();                 // inside the view's body child window
  void on_project_changed();   // a project was opened, closed or replaced: drop what belongs to the old one
  void focus_query();                  // Ctrl+Shift+F: show the view, keyboard focus in the query box
  void set_query(const std::string& q);  // telaah gui --query, and tests

 private:
  App& app_;
};

}  // namespace telaah::ui
