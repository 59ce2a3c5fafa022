// The retrieval view: codings of chosen codes with filters and code queries, and the matrices (issue 9).
#include "ui/view_retrieval.h"

#include "ui/app.h"

namespace telaah::ui {

RetrievalView::RetrievalView(App& app) : app_(app) {}
RetrievalView::~RetrievalView() = default;

void RetrievalView::draw() { app_.draw_not_available(S::view_retrieval_about); }
void RetrievalView::on_project_changed() {}

void App::draw_retrieval_view() { retrieval_view_->draw(); }

}  // namespace telaah::ui
