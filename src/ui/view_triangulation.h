// The triangulation view: the indicator x source-type heatmap, evidence list, compare view, overrides (issue 7).
// The view owns its state; App (a friend) gives it the project, the cache and
// the actions. Its strings are in strings_triangulation.h.
#pragma once

namespace telaah::ui {

class App;

class TriangulationView {
 public:
  explicit TriangulationView(App& app);
  ~TriangulationView();
  TriangulationView(const TriangulationView&) = delete;
  TriangulationView& operator=(const TriangulationView&) = delete;

  void draw();                 // inside the view's body child window
  void on_project_changed();   // a project was opened, closed or replaced: drop what belongs to the old one

 private:
  App& app_;
};

}  // namespace telaah::ui
