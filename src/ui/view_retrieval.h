// The retrieval view: codings of chosen codes with filters and code queries, and the matrices (issue 9).
// The view owns its state; App (a friend) gives it the project, the cache and
// the actions. Its strings are in strings_retrieval.h.
#pragma once

namespace telaah::ui {

class App;

class RetrievalView {
 public:
  explicit RetrievalView(App& app);
  ~RetrievalView();
  RetrievalView(const RetrievalView&) = delete;
  RetrievalView& operator=(const RetrievalView&) = delete;

  void draw();                 // inside the view's body child window
  void on_project_changed();   // a project was opened, closed or replaced: drop what belongs to the old one

 private:
  App& app_;
};

}  // namespace telaah::ui
