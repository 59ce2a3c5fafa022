// The triangulation view: the indicator x source-type heatmap, evidence list, compare view, overrides (issue 7).
#include "ui/view_triangulation.h"

#include "ui/app.h"

namespace telaah::ui {

TriangulationView::TriangulationView(App& app) : app_(app) {}
TriangulationView::~TriangulationView() = default;

void TriangulationView::draw() { app_.draw_not_available(S::view_triangulation_about); }
void TriangulationView::on_project_changed() {}

void App::draw_triangulation_view() { triangulation_view_->draw(); }

}  // namespace telaah::ui
