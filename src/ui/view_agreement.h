// The agreement view: intercoder statistics and the disagreement review (issue 10).
// The view owns its state; App (a friend) gives it the project, the cache and
// the actions. Its strings are in strings_agreement.h.
#pragma once

namespace telaah::ui {

class App;

class AgreementView {
 public:
  explicit AgreementView(App& app);
  ~AgreementView();
  AgreementView(const AgreementView&) = delete;
  AgreementView& operator=(const AgreementView&) = delete;

  void draw();                 // inside the view's body child window
  void on_project_changed();   // a project was opened, closed or replaced: drop what belongs to the old one

 private:
  App& app_;
};

}  // namespace telaah::ui
